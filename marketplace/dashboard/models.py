"""What the KPI dashboard stores: the manager's yearly targets and the members' ratings.

The indicators themselves are not stored: they are counted from the platform's
own records whenever the dashboard is opened (see ``indicators.py``).
"""

from __future__ import annotations

import enum
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import (
    CheckConstraint,
    ForeignKey,
    Index,
    Numeric,
    String,
    UniqueConstraint,
    text as sql_text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..db import Model, created_at, intpk, text, updated_at

if TYPE_CHECKING:
    from ..accounts.models import User
    from ..events.models import Event


class KpiTarget(Model):
    """The planned value of one indicator (``indicators.REGISTRY`` key) for one calendar year."""

    __tablename__ = "kpi_target"

    id: Mapped[intpk]
    indicator: Mapped[str] = mapped_column(String(40))
    year: Mapped[int]
    value: Mapped[Decimal] = mapped_column(Numeric(14, 2))
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    updated_at: Mapped[updated_at]

    updated_by: Mapped[User | None] = relationship()

    __table_args__ = (
        UniqueConstraint("indicator", "year", name="uq_kpi_target_indicator_year"),
        CheckConstraint("value >= 0", name="value_nonnegative"),
        CheckConstraint("year BETWEEN 2000 AND 2100", name="year_range"),
    )

    def __repr__(self) -> str:
        return f"<KpiTarget {self.indicator} {self.year}={self.value}>"


class RatingSubject(enum.StrEnum):
    PLATFORM = "platform"  # the site as a whole (000 item 10: users' rating of the site)
    EVENT = "event"  # one event the member attended


class Rating(Model):
    """A member's score (1–5) of the platform or of an event, with an optional comment.

    One rating per user and subject: rating again updates the row (``updated_at``).
    Two partial unique indexes enforce it, since ``event_id`` is NULL for the platform
    and NULLs never collide in a plain unique constraint.
    """

    __tablename__ = "rating"

    id: Mapped[intpk]
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), index=True)
    subject: Mapped[RatingSubject]
    event_id: Mapped[int | None] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    score: Mapped[int]
    comment: Mapped[text]
    created_at: Mapped[created_at]
    updated_at: Mapped[updated_at]

    user: Mapped[User] = relationship()
    event: Mapped[Event | None] = relationship()

    __table_args__ = (
        CheckConstraint("score BETWEEN 1 AND 5", name="score_range"),
        CheckConstraint(
            "(subject = 'platform' AND event_id IS NULL) OR (subject = 'event' AND event_id IS NOT NULL)",
            name="subject_event",
        ),
        Index(
            "uq_rating_user_platform",
            "user_id",
            unique=True,
            sqlite_where=sql_text("subject = 'platform'"),
            postgresql_where=sql_text("subject = 'platform'"),
        ),
        Index(
            "uq_rating_user_event",
            "user_id",
            "event_id",
            unique=True,
            sqlite_where=sql_text("subject = 'event'"),
            postgresql_where=sql_text("subject = 'event'"),
        ),
    )

    def __repr__(self) -> str:
        return f"<Rating {self.subject} {self.event_id} by {self.user_id}: {self.score}>"
