"""Records at chosen moments, for counting indicators month by month (each commits)."""

from __future__ import annotations

import datetime as dt

from marketplace.db import db
from marketplace.models import KpiTarget, Rating, RatingSubject


def at(year: int, month: int, day: int = 15, hour: int = 12, minute: int = 0) -> dt.datetime:
    """A naive UTC moment."""
    return dt.datetime(year, month, day, hour, minute)


def save(*objects):
    db.session.add_all(objects)
    db.session.commit()
    return objects[0] if len(objects) == 1 else objects


def target(key: str, year: int, value, user=None) -> KpiTarget:
    return save(KpiTarget(indicator=key, year=year, value=value, updated_by=user))


def rating(user, score: int, *, event=None, comment: str = "", when: dt.datetime | None = None) -> Rating:
    extra = {"created_at": when, "updated_at": when} if when else {}
    return save(
        Rating(
            user=user,
            subject=RatingSubject.EVENT if event else RatingSubject.PLATFORM,
            event=event,
            score=score,
            comment=comment,
            **extra,
        )
    )
