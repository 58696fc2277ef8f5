"""The event lifecycle: create, edit, publish, cancel. Registrations live in ``registrations``.

Lifecycle: DRAFT → PUBLISHED; DRAFT/PUBLISHED → CANCELLED. Anything else is a
409. Each change first takes the event's row lock (``db.lock_row``) and
re-reads the event, so it cannot interleave with a registration counting the
places. Services flush, never commit.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from flask_babel import gettext as _

from .. import access
from ..db import db, lock_row, utcnow
from ..errors import Conflict, Forbidden, InvalidInput
from ..organizations.models import Organization
from . import notifications, rules
from .models import Event, EventStatus
from .queries import registered_count

#: Columns set through the event form.
EVENT_FIELDS = (
    "title_ru",
    "title_en",
    "description_ru",
    "description_en",
    "kind",
    "starts_at",
    "ends_at",
    "place",
    "online_url",
    "capacity",
    "registration_deadline",
    "visibility",
)

#: Changes participants are told about.
LOGISTICS_FIELDS = ("starts_at", "ends_at", "place", "online_url")


def lock(event: Event) -> None:
    """Take the event's row lock and re-read it, so the checks that follow see committed state."""
    lock_row(Event, event.id)
    db.session.refresh(event)


def check_values(values: dict[str, Any], *, original: Event | None = None, now: dt.datetime | None = None) -> None:
    """The rules an event's values must satisfy; raises InvalidInput naming the field.

    A new event must start in the future; an existing one may keep a start in
    the past (a past event can still be corrected) but not move to one.
    """
    now = now or utcnow()
    starts, ends, deadline = values["starts_at"], values["ends_at"], values["registration_deadline"]
    if ends <= starts:
        raise InvalidInput(_("The end must be after the start."), field="ends_at")
    if starts <= now and (original is None or original.starts_at != starts):
        raise InvalidInput(_("The start must be in the future."), field="starts_at")
    if deadline is not None and deadline > ends:
        raise InvalidInput(_("Registration must close before the event ends."), field="registration_deadline")
    if not values["place"] and not values["online_url"]:
        raise InvalidInput(_("Give the address or a link to join online."), field="place")


def _check_organizer(actor: Any, organizer: Organization | None) -> None:
    if access.is_manager(actor):
        if organizer is not None and not organizer.is_member:
            raise InvalidInput(_("The organizer must be a member of the cluster."), field="organizer_id")
        return
    if organizer is None or organizer.id != actor.organization_id:
        raise Forbidden(_("You can organize events only for your own organization."))


def create_event(actor: Any, values: dict[str, Any], *, organizer: Organization | None, publish: bool = False) -> Event:
    """A new event, a draft or published right away. ``values`` holds the ``EVENT_FIELDS``.

    Members organize for their own organization; the manager for the cluster
    (``organizer=None``) or for any member organization.
    """
    rules.require_create_events(actor)
    _check_organizer(actor, organizer)
    check_values(values)
    event = Event(
        organizer=organizer,
        created_by_id=actor.id,
        status=EventStatus.DRAFT,
        **{name: values[name] for name in EVENT_FIELDS},
    )
    db.session.add(event)
    if publish:
        _publish(event)
    db.session.flush()
    return event


def update_event(
    event: Event,
    actor: Any,
    values: dict[str, Any],
    *,
    organizer: Organization | None = None,
    change_organizer: bool = False,
) -> list[str]:
    """Change a draft or published event; returns the changed fields.

    The capacity cannot drop below the places already taken. When the time or
    place of a published event changes, its participants are mailed.
    """
    rules.require_manage_event(event, actor)
    lock(event)
    if event.status == EventStatus.CANCELLED:
        raise Conflict(_("A cancelled event cannot be edited."))
    check_values(values, original=event)
    taken = registered_count(event.id)
    if values["capacity"] is not None and values["capacity"] < taken:
        raise InvalidInput(
            _("%(n)d people have already registered: the capacity cannot be smaller.", n=taken), field="capacity"
        )
    changed = [name for name in EVENT_FIELDS if getattr(event, name) != values[name]]
    for name in changed:
        setattr(event, name, values[name])
    if change_organizer and access.is_manager(actor) and event.organizer_id != (organizer.id if organizer else None):
        _check_organizer(actor, organizer)
        event.organizer = organizer
        changed.append("organizer")
    db.session.flush()
    if event.status == EventStatus.PUBLISHED and set(changed) & set(LOGISTICS_FIELDS):
        notifications.event_changed(event)
    return changed


def _publish(event: Event) -> None:
    if event.starts_at <= utcnow():
        raise InvalidInput(_("The event has already started: change its dates before publishing."), field="starts_at")
    event.status = EventStatus.PUBLISHED
    event.published_at = utcnow()


def publish_event(event: Event, actor: Any) -> None:
    """Draft → published: the event appears in the lists and takes registrations."""
    rules.require_manage_event(event, actor)
    lock(event)
    if event.status != EventStatus.DRAFT:
        raise Conflict(_("Only a draft can be published."))
    _publish(event)
    db.session.flush()


def cancel_event(event: Event, actor: Any, reason: str) -> int:
    """Draft/published → cancelled; the registered participants are mailed. Returns how many were."""
    rules.require_manage_event(event, actor)
    lock(event)
    if event.status == EventStatus.CANCELLED:
        raise Conflict(_("The event is already cancelled."))
    event.status = EventStatus.CANCELLED
    event.cancelled_at = utcnow()
    event.cancel_reason = reason
    db.session.flush()
    return notifications.event_cancelled(event)
