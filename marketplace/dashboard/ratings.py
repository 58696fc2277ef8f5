"""Members' satisfaction: ratings (1–5) of the platform and of the events they attended.

Only members rate (``AccessLevel.MEMBER``: users of member organizations and the
manager). An event is rated only by a user registered for it (registration not
cancelled), once it has started, and only if it was not cancelled. One rating per
user and subject: rating again updates the score and the comment.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flask_babel import gettext as _
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from .. import access
from ..access import AccessLevel
from ..accounts.models import User
from ..db import db, utcnow
from ..errors import Forbidden, InvalidInput
from ..events.models import Event, EventRegistration, EventStatus, RegistrationStatus
from .models import Rating, RatingSubject

MAX_COMMENT = 2000


def can_rate_platform(user: Any) -> bool:
    return access.access_level(user) >= AccessLevel.MEMBER


def event_rating_refusal(event: Event, user: Any) -> str | None:
    """Why ``user`` may not rate ``event`` (None when they may)."""
    if access.access_level(user) < AccessLevel.MEMBER:
        return _("Only members of the cluster can rate events.")
    if event.status != EventStatus.PUBLISHED:
        return _("This event cannot be rated.")
    if event.starts_at > utcnow():
        return _("An event can be rated once it has started.")
    registered = db.session.scalar(
        select(EventRegistration.id).where(
            EventRegistration.event_id == event.id,
            EventRegistration.user_id == user.id,
            EventRegistration.status == RegistrationStatus.REGISTERED,
        )
    )
    if registered is None:
        return _("Only the event's participants can rate it.")
    return None


def rating_of(user_id: int | None, subject: RatingSubject, event_id: int | None = None) -> Rating | None:
    if user_id is None:
        return None
    return db.session.scalar(
        select(Rating).where(
            Rating.user_id == user_id,
            Rating.subject == subject,
            Rating.event_id.is_(None) if event_id is None else Rating.event_id == event_id,
        )
    )


def _check(score: int, comment: str) -> None:
    if not isinstance(score, int) or isinstance(score, bool) or not 1 <= score <= 5:
        raise InvalidInput(_("The score is a whole number from 1 to 5."), field="score")
    if len(comment or "") > MAX_COMMENT:
        raise InvalidInput(_("The comment is too long."), field="comment")


def _save(user: Any, subject: RatingSubject, event_id: int | None, score: int, comment: str) -> Rating:
    _check(score, comment)
    rating = rating_of(user.id, subject, event_id)
    if rating is None:
        rating = Rating(user_id=user.id, subject=subject, event_id=event_id)
        db.session.add(rating)
    rating.score, rating.comment, rating.updated_at = score, (comment or "").strip(), utcnow()
    db.session.flush()
    return rating


def rate_platform(user: Any, score: int, comment: str = "") -> Rating:
    """Set the user's rating of the platform (created, or updated if they rated before)."""
    if not can_rate_platform(user):
        raise Forbidden(_("Only members of the cluster can rate the platform."))
    return _save(user, RatingSubject.PLATFORM, None, score, comment)


def rate_event(event: Event, user: Any, score: int, comment: str = "") -> Rating:
    """Set the user's rating of an event they attended."""
    refusal = event_rating_refusal(event, user)
    if refusal:
        raise Forbidden(refusal)
    return _save(user, RatingSubject.EVENT, event.id, score, comment)


@dataclass
class Summary:
    count: int
    average: float | None
    distribution: dict[int, int]  # score → how many


def summary(subject: RatingSubject) -> Summary:
    rows = db.session.execute(
        select(Rating.score, func.count()).where(Rating.subject == subject).group_by(Rating.score)
    ).all()
    distribution = dict.fromkeys(range(1, 6), 0)
    distribution.update(dict(rows))
    count = sum(distribution.values())
    average = sum(score * n for score, n in distribution.items()) / count if count else None
    return Summary(count, average, distribution)


def event_averages(limit: int = 10) -> list[tuple[Event, float, int]]:
    """The rated events, latest first: (event, mean score, number of ratings)."""
    statement = (
        select(Event, func.avg(Rating.score), func.count(Rating.id))
        .join(Rating, Rating.event_id == Event.id)
        .where(Rating.subject == RatingSubject.EVENT)
        .group_by(Event.id)
        .order_by(Event.starts_at.desc())
        .limit(limit)
    )
    return [(event, float(mean), n) for event, mean, n in db.session.execute(statement)]


def latest_comments(limit: int = 8) -> list[Rating]:
    """The latest ratings that carry a comment, newest first."""
    return list(
        db.session.scalars(
            select(Rating)
            .where(Rating.comment != "")
            .options(selectinload(Rating.user).selectinload(User.organization), selectinload(Rating.event))
            .order_by(Rating.updated_at.desc(), Rating.id.desc())
            .limit(limit)
        )
    )
