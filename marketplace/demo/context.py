"""State shared by the seed steps: the random generator, "now", and what has been built so far."""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from dataclasses import dataclass, field

from ..accounts.models import User
from ..organizations.models import Competency, Organization
from . import orgs_engineering, orgs_industry, orgs_science
from .records import OrgSpec

#: Every demo organization, in a fixed order (the order the seed creates them in).
ORG_SPECS: tuple[OrgSpec, ...] = orgs_industry.ALL + orgs_engineering.ALL + orgs_science.ALL

#: The random seed: the same demo cluster on every run.
SEED = 20240515


@dataclass
class Demo:
    rng: random.Random
    today: dt.date
    now: dt.datetime  # naive UTC, whole hour
    password_hash: str = ""
    competencies: dict[str, Competency] = field(default_factory=dict)
    specs: dict[str, OrgSpec] = field(default_factory=dict)
    orgs: dict[str, Organization] = field(default_factory=dict)
    users: dict[str, list[User]] = field(default_factory=dict)  # by organization key; the admin first
    special: dict[str, User] = field(default_factory=dict)  # documented logins by role name
    counts: Counter[str] = field(default_factory=Counter)

    def days_ago(self, days: float, hour: int = 7) -> dt.datetime:
        """A moment ``days`` before now, at ``hour`` UTC (10:00 in Moscow): plausible office time."""
        moment = self.now - dt.timedelta(days=days)
        return moment.replace(hour=hour, minute=self.rng.randrange(0, 60, 5))

    def admin(self, key: str) -> User:
        return self.users[key][0]

    def staff(self, key: str) -> User:
        """The user who handles day-to-day work: the second user when there is one."""
        return self.users[key][-1]

    def is_member(self, key: str) -> bool:
        return self.specs[key].status == "member"
