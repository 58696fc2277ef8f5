"""Read-side statements of events: lists, counts of places, participants, KPI counts. Nothing here writes."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Select, false, func, select
from sqlalchemy.orm import joinedload

from .. import access
from ..accounts.models import User
from ..db import db, utcnow
from .models import Event, EventKind, EventRegistration, EventStatus, RegistrationStatus
from .rules import visible_events

#: Statuses the public lists show (drafts never; cancelled ones stay, marked, so participants notice).
LISTED_STATUSES = (EventStatus.PUBLISHED, EventStatus.CANCELLED)


def events_statement(
    user: Any, *, past: bool = False, kind: EventKind | None = None, now: dt.datetime | None = None
) -> Select[Event]:
    """Listed events visible to ``user``: upcoming (not yet ended, soonest first) or past (latest first)."""
    now = now or utcnow()
    stmt = select(Event).where(Event.status.in_(LISTED_STATUSES), visible_events(user))
    if kind:
        stmt = stmt.where(Event.kind == kind)
    if past:
        return stmt.where(Event.ends_at <= now).order_by(Event.starts_at.desc(), Event.id.desc())
    return stmt.where(Event.ends_at > now).order_by(Event.starts_at, Event.id)


def upcoming_events(user: Any, limit: int = 3) -> list[Event]:
    """The next published events ``user`` may see (for the home page)."""
    now = utcnow()
    stmt = (
        select(Event)
        .where(
            Event.status == EventStatus.PUBLISHED,
            Event.ends_at > now,
            visible_events(user),
        )
        .options(joinedload(Event.organizer))
        .order_by(Event.starts_at, Event.id)
        .limit(limit)
    )
    return list(db.session.scalars(stmt))


def organized_statement(user: Any) -> Select[Event]:
    """Every event the user manages, drafts included, newest first (the manager: all of them)."""
    stmt = select(Event)
    if not access.is_manager(user):
        stmt = stmt.where(Event.organizer_id == user.organization_id) if user.organization_id else stmt.where(false())
    return stmt.order_by(Event.starts_at.desc(), Event.id.desc())


def my_registrations_statement(user_id: int) -> Select[EventRegistration]:
    """The user's active registrations, the soonest event first."""
    return (
        select(EventRegistration)
        .join(EventRegistration.event)
        .where(EventRegistration.user_id == user_id, EventRegistration.status == RegistrationStatus.REGISTERED)
        .order_by(Event.starts_at.desc(), Event.id.desc())
    )


def registered_count(event_id: int) -> int:
    """Active registrations of an event, read fresh from the database."""
    return (
        db.session.scalar(
            select(func.count())
            .select_from(EventRegistration)
            .where(EventRegistration.event_id == event_id, EventRegistration.status == RegistrationStatus.REGISTERED)
        )
        or 0
    )


def registered_counts(event_ids: list[int]) -> dict[int, int]:
    if not event_ids:
        return {}
    rows = db.session.execute(
        select(EventRegistration.event_id, func.count())
        .where(EventRegistration.event_id.in_(event_ids), EventRegistration.status == RegistrationStatus.REGISTERED)
        .group_by(EventRegistration.event_id)
    )
    return dict(rows.all())


def registration_of(event_id: int, user_id: int | None) -> EventRegistration | None:
    if user_id is None:
        return None
    return db.session.scalar(
        select(EventRegistration).where(EventRegistration.event_id == event_id, EventRegistration.user_id == user_id)
    )


def participants_statement(event_id: int) -> Select[EventRegistration]:
    """Active registrations of an event with their users, in the order people registered."""
    return (
        select(EventRegistration)
        .join(EventRegistration.user)
        .where(EventRegistration.event_id == event_id, EventRegistration.status == RegistrationStatus.REGISTERED)
        .order_by(EventRegistration.created_at, EventRegistration.id)
    )


def participant_users(event_id: int) -> list[User]:
    return list(
        db.session.scalars(
            select(User)
            .join(EventRegistration, EventRegistration.user_id == User.id)
            .where(EventRegistration.event_id == event_id, EventRegistration.status == RegistrationStatus.REGISTERED)
            .order_by(EventRegistration.id)
        )
    )
