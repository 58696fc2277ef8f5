"""The cluster's events: seminars, round tables, brokerage days, supplier conferences...

An ``Event`` is organized by a member organization or, when ``organizer_id`` is
empty, by the cluster management (the manager). Users register for it
(``EventRegistration``, one row per event and user, cancelled and renewed in
place); a limited event refuses new registrations once full.
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import TYPE_CHECKING

from sqlalchemy import CheckConstraint, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..db import Model, created_at, intpk, str255, text, updated_at
from ..visibility import Visibility

if TYPE_CHECKING:
    from ..accounts.models import User
    from ..organizations.models import Organization


class EventKind(enum.StrEnum):
    SEMINAR = "seminar"
    ROUND_TABLE = "round_table"
    WORKING_MEETING = "working_meeting"
    EXHIBITION = "exhibition"
    BROKERAGE_DAY = "brokerage_day"  # a contact exchange (004 §12.2(2))
    SUPPLIER_CONFERENCE = "supplier_conference"  # 004 §12.2(1)
    TRAINING = "training"
    OTHER = "other"


class EventStatus(enum.StrEnum):
    DRAFT = "draft"  # seen only by the organizer's users and the manager
    PUBLISHED = "published"
    CANCELLED = "cancelled"


class RegistrationStatus(enum.StrEnum):
    REGISTERED = "registered"
    CANCELLED = "cancelled"  # by the participant; registering again renews the row


class Event(Model):
    __tablename__ = "event"

    id: Mapped[intpk]
    title_ru: Mapped[str255]
    title_en: Mapped[str255] = mapped_column(default="", server_default="")
    description_ru: Mapped[text]
    description_en: Mapped[text]
    kind: Mapped[EventKind]
    starts_at: Mapped[dt.datetime] = mapped_column(index=True)  # naive UTC
    ends_at: Mapped[dt.datetime]  # naive UTC
    place: Mapped[str255] = mapped_column(default="", server_default="")  # the address
    online_url: Mapped[str] = mapped_column(String(500), default="", server_default="")
    #: The organizing member organization; empty: the cluster management.
    organizer_id: Mapped[int | None] = mapped_column(ForeignKey("organization.id", ondelete="CASCADE"), index=True)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    #: Places; empty: unlimited.
    capacity: Mapped[int | None]
    #: Registration closes at this moment (naive UTC); empty: when the event starts.
    registration_deadline: Mapped[dt.datetime | None]
    visibility: Mapped[Visibility] = mapped_column(default=Visibility.PUBLIC)
    status: Mapped[EventStatus] = mapped_column(default=EventStatus.DRAFT, index=True)
    published_at: Mapped[dt.datetime | None]
    cancelled_at: Mapped[dt.datetime | None]
    cancel_reason: Mapped[text]
    lock_version: Mapped[int] = mapped_column(default=0, server_default="0")  # see db.lock_row
    created_at: Mapped[created_at]
    updated_at: Mapped[updated_at]

    organizer: Mapped[Organization | None] = relationship()
    created_by: Mapped[User | None] = relationship()
    registrations: Mapped[list[EventRegistration]] = relationship(
        back_populates="event", cascade="all, delete-orphan", order_by="EventRegistration.created_at"
    )

    __table_args__ = (
        CheckConstraint("ends_at > starts_at", name="ends_after_start"),
        CheckConstraint("capacity IS NULL OR capacity > 0", name="capacity_positive"),
        CheckConstraint(
            "registration_deadline IS NULL OR registration_deadline <= ends_at", name="deadline_before_end"
        ),
    )

    @property
    def registration_closes_at(self) -> dt.datetime:
        return self.registration_deadline or self.starts_at

    def __repr__(self) -> str:
        return f"<Event {self.id} {self.title_ru!r}>"


class EventRegistration(Model):
    """A user's place at an event; ``organization_id`` is the user's organization when they registered."""

    __tablename__ = "event_registration"

    id: Mapped[intpk]
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), index=True)
    organization_id: Mapped[int | None] = mapped_column(ForeignKey("organization.id", ondelete="SET NULL"))
    status: Mapped[RegistrationStatus] = mapped_column(default=RegistrationStatus.REGISTERED)
    created_at: Mapped[created_at]
    updated_at: Mapped[updated_at]

    event: Mapped[Event] = relationship(back_populates="registrations")
    user: Mapped[User] = relationship()
    organization: Mapped[Organization | None] = relationship()

    __table_args__ = (UniqueConstraint("event_id", "user_id", name="uq_event_registration_event_user"),)
