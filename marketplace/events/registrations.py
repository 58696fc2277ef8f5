"""Registering for an event and cancelling a registration.

The capacity holds under concurrency: ``register`` takes the event's row lock
(``db.lock_row``) before counting the places taken, so two users asking for the
last place are served one after the other and the second finds the event full.
The unique (event, user) key keeps one row per person; a cancelled registration
is renewed in place.
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

from flask_babel import gettext as _

from .. import access
from ..audit import services as audit
from ..audit.models import AuditAction
from ..db import db, utcnow
from ..errors import Conflict
from . import queries, rules
from .models import Event, EventRegistration, EventStatus, RegistrationStatus
from .services import lock


class RegistrationState(enum.StrEnum):
    """Whether an event takes registrations now, and if not, why."""

    OPEN = "open"
    FULL = "full"
    CLOSED = "closed"  # the deadline has passed
    NOT_PUBLISHED = "not_published"
    CANCELLED = "cancelled"


def registration_state(event: Event, taken: int, now: dt.datetime | None = None) -> RegistrationState:
    """The state for an event with ``taken`` places taken."""
    now = now or utcnow()
    if event.status == EventStatus.CANCELLED:
        return RegistrationState.CANCELLED
    if event.status != EventStatus.PUBLISHED:
        return RegistrationState.NOT_PUBLISHED
    if now >= event.registration_closes_at:
        return RegistrationState.CLOSED
    if event.capacity is not None and taken >= event.capacity:
        return RegistrationState.FULL
    return RegistrationState.OPEN


def places_left(event: Event, taken: int) -> int | None:
    """Free places, or ``None`` for an unlimited event."""
    return None if event.capacity is None else max(event.capacity - taken, 0)


_REFUSALS = {
    RegistrationState.FULL: lambda: _("There are no places left."),
    RegistrationState.CLOSED: lambda: _("Registration for this event is closed."),
    RegistrationState.NOT_PUBLISHED: lambda: _("The event is not published yet."),
    RegistrationState.CANCELLED: lambda: _("The event is cancelled."),
}


def register(event: Event, user: Any) -> EventRegistration:
    """Register ``user`` for ``event``; returns the (new or renewed) registration.

    Already registered: returns the registration unchanged. Raises Conflict when
    the event is full, closed for registration, cancelled or not published.
    """
    if not rules.can_register(user):
        access.deny("", user)
    rules.require_view_event(event, user)
    lock(event)
    existing = queries.registration_of(event.id, user.id)
    if existing is not None and existing.status == RegistrationStatus.REGISTERED:
        return existing
    state = registration_state(event, queries.registered_count(event.id))
    if state != RegistrationState.OPEN:
        raise Conflict(_REFUSALS[state]())
    if existing is None:
        existing = EventRegistration(event_id=event.id, user_id=user.id)
        db.session.add(existing)
    existing.status = RegistrationStatus.REGISTERED
    existing.organization_id = user.organization_id
    existing.created_at = utcnow()
    db.session.flush()
    return existing


def cancel_registration(event: Event, user: Any) -> EventRegistration:
    """Give the place back (until the event starts). Raises Conflict when there is nothing to cancel."""
    if not rules.can_register(user):
        access.deny("", user)
    rules.require_view_event(event, user)
    lock(event)
    registration = queries.registration_of(event.id, user.id)
    if registration is None or registration.status != RegistrationStatus.REGISTERED:
        raise Conflict(_("You are not registered for this event."))
    if utcnow() >= event.starts_at:
        raise Conflict(_("The event has already started."))
    registration.status = RegistrationStatus.CANCELLED
    db.session.flush()
    return registration


def export_participants(event: Event) -> list[EventRegistration]:
    """The event's participants for the organizer's CSV, in the order they registered.

    The export is logged in the audit trail with the users it names (their e-mails appear nowhere else).
    """
    rows = list(db.session.scalars(queries.participants_statement(event.id)))
    audit.record(
        AuditAction.PARTICIPANTS_EXPORTED,
        target=event,
        organization=event.organizer,
        after={"rows": len(rows), "user_ids": sorted(row.user_id for row in rows)},
    )
    return rows
