"""``seed_demo()``: the demo cluster, built through the models (``flask seed-demo`` commits it).

Deterministic: one seeded ``random.Random`` drives every choice, so two runs on
empty databases produce the same organizations, users, products and orders;
dates are relative to today so the bookings and deadlines stay in the future.
The documented logins and what each role can try are in docs/features/demo.md;
every demo user's password is ``demo12345``.
"""

from __future__ import annotations

import datetime as dt
import random

from sqlalchemy import select

from ..db import db, utcnow
from ..organizations.models import Competency, Organization
from ..reference.loader import load_reference_data
from .build_catalog import build_equipment, build_products
from .build_chains import build_chains
from .build_community import build_events, build_ideas
from .build_dashboard import build_dashboard
from .build_exchange import build_offers, build_orders
from .build_notifications import build_notifications
from .build_orgs import build_applications, build_organizations, build_users
from .build_projects import build_projects
from .context import SEED, Demo

#: The password of every demo user.
DEMO_PASSWORD = "demo12345"  # noqa: S105  the published password of the demo logins, not a secret


def has_organizations() -> bool:
    """Whether the database already holds organizations (``flask seed-demo --if-empty`` then loads nothing)."""
    return db.session.scalar(select(Organization.id).limit(1)) is not None


def seed_demo() -> dict[str, int]:
    """Add the demo cluster to the session (flushed, not committed) and return the counts per kind.

    Loads (or refreshes) the reference directories first, since organizations,
    orders and offers point at competencies and products at OKPD2 codes.
    Meant for an empty database: a second run fails on the unique e-mails and INNs.
    """
    load_reference_data()
    now = utcnow().replace(minute=0, second=0, microsecond=0)
    demo = Demo(rng=random.Random(SEED), today=dt.date.today(), now=now)  # noqa: S311  reproducible data, not security
    demo.competencies = {c.code: c for c in db.session.scalars(select(Competency))}
    build_organizations(demo)
    build_users(demo)
    build_applications(demo)
    build_products(demo)
    build_equipment(demo)
    build_orders(demo)
    build_offers(demo)
    build_projects(demo)
    build_chains(demo)
    build_events(demo)
    build_ideas(demo)
    build_dashboard(demo)
    build_notifications(demo)
    db.session.flush()
    return {kind: demo.counts[kind] for kind in _KINDS}


#: The kinds counted, in the order the CLI reports them.
_KINDS = (
    "organizations",
    "users",
    "applications",
    "products",
    "equipment",
    "bookings",
    "orders",
    "responses",
    "offers",
    "projects",
    "project_needs",
    "consortium_members",
    "value_chains",
    "chain_stages",
    "chain_stage_members",
    "events",
    "event_registrations",
    "ideas",
    "idea_comments",
    "ratings",
    "kpi_targets",
    "notifications",
)
