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

from flask import has_request_context
from flask_babel import gettext as _
from flask_login import AnonymousUserMixin, current_user

from .. import access
from ..accounts.models import AccessLevel
from ..errors import Forbidden, LoginRequired, NotFound
from .models import Event, EventStatus


def _user(user: Any) -> Any:
    """The given user, or the request's (a guest outside requests)."""
    if user is not None:
        return user
    return current_user if has_request_context() else AnonymousUserMixin()


def can_manage_event(event: Event, user: Any = None) -> bool:
    user = _user(user)
    return access.is_manager(user) or (event.organizer_id is not None and access.belongs_to(event.organizer_id, user))


def can_view_event(event: Event, user: Any = None) -> bool:
    user = _user(user)
    if can_manage_event(event, user):
        return True
    if event.status == EventStatus.DRAFT:
        return False
    return event.visibility in access.allowed_visibilities(user)


def require_view_event(event: Event, user: Any = None) -> None:
    """Guests are asked to log in for members-only events; others learn nothing (404)."""
    user = _user(user)
    if can_view_event(event, user):
        return
    if access.access_level(user) == AccessLevel.GUEST and event.status != EventStatus.DRAFT:
        raise LoginRequired
    raise NotFound


def deny(user: Any, message: str) -> None:
    """Guests are sent to log in; everyone else gets 403 with ``message``."""
    if user is None or not user.is_authenticated:
        raise LoginRequired
    raise Forbidden(message)


def require_manage_event(event: Event, user: Any = None) -> None:
    user = _user(user)
    if not can_manage_event(event, user):
        deny(user, _("Only the organizer's users and the cluster manager can do this."))


def can_create_events(user: Any = None) -> bool:
    """The manager, and users of member organizations."""
    user = _user(user)
    if access.is_manager(user):
        return True
    return bool(user.is_authenticated and user.organization is not None and user.organization.is_member)


def require_create_events(user: Any = None) -> None:
    user = _user(user)
    if not can_create_events(user):
        deny(user, _("Only users of member organizations and the cluster manager can organize events."))


def can_register(user: Any = None) -> bool:
    """Registering needs an account; whether the event still takes registrations is the service's business."""
    return access.access_level(_user(user)) >= AccessLevel.USER
