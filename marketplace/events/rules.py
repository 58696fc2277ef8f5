"""Who may see and do what with events.

- A published event is seen by whoever its visibility allows (public: everyone;
  members: users of member organizations and the manager). Drafts are seen only
  by those who manage the event.
- Managing (edit, publish, cancel, the participants list and its CSV) belongs to
  the organizer's users and the cluster manager; events of the cluster
  management (no organizer) to the manager alone.
- Users of member organizations create events for their organization; the
  manager creates them for the cluster or for any member organization.
- Any logged-in user who may see a published event may register for it.
"""

from __future__ import annotations

from typing import Any

from flask_babel import gettext as _
from sqlalchemy import ColumnElement, and_, or_, true

from .. import access
from ..access import AccessLevel, Viewer
from .models import Event, EventStatus


def can_manage_event(event: Event, user: Any = None) -> bool:
    return access.is_manager(user) or (event.organizer_id is not None and access.belongs_to(event.organizer_id, user))


@access.visibility_rule
def visible_events(viewer: Viewer) -> ColumnElement[bool]:
    """The events a viewer may see, as an SQL condition on ``Event``: every one for the manager;
    the organizer's users see their own in any status; everyone else published (or cancelled)
    events by visibility."""
    if viewer.is_manager:
        return true()
    listed = and_(Event.status != EventStatus.DRAFT, Event.visibility.in_(viewer.visibilities))
    own = viewer.organization_id
    return listed if own is None else or_(listed, Event.organizer_id == own)


def can_view_event(event: Event, user: Any = None) -> bool:
    return access.row_visible(Event, event.id, visible_events(user))


def require_view_event(event: Event, user: Any = None) -> None:
    """:raise LoginRequired: a guest, for an event that is not a draft. :raise NotFound: anyone else
    who may not see it (they learn nothing)."""
    if not can_view_event(event, user):
        access.refuse_hidden(user, login_helps=event.status != EventStatus.DRAFT)


def require_manage_event(event: Event, user: Any = None) -> None:
    if not can_manage_event(event, user):
        access.deny(_("Only the organizer's users and the cluster manager can do this."), user)


def can_create_events(user: Any = None) -> bool:
    """The manager, and users of member organizations."""
    user = access.viewer(user)
    if access.is_manager(user):
        return True
    return bool(user.is_authenticated and user.organization is not None and user.organization.is_member)


def require_create_events(user: Any = None) -> None:
    if not can_create_events(user):
        access.deny(_("Only users of member organizations and the cluster manager can organize events."), user)


def can_register(user: Any = None) -> bool:
    """Registering needs an account; whether the event still takes registrations is the service's business."""
    return access.access_level(user) >= AccessLevel.USER
