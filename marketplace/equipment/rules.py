"""Who may do what with shared equipment and its bookings.

Builds on ``marketplace.access``:

- listing, item pages and calendars are public;
- items are created by users of member organizations (universities included)
  and by the manager; an item is edited or retired only by its owner's users
  (while the owner is a member) and by the manager;
- an item is booked by a user whose organization may use it: any
  organization for ``AccessPolicy.REGISTERED``, member organizations for
  ``AccessPolicy.MEMBERS``. The owner may book its own item for internal use;
  such a request goes through the same approval as any other;
- requests are decided by the owner's users and the manager, and cancelled
  by the requesting organization's users and the manager;
- who asked for an approved window is shown to members (and to the requester
  itself); guests and non-members see only that the window is busy.
"""

from __future__ import annotations

from typing import Any

from flask_babel import gettext as _

from .. import access
from ..access import AccessLevel
from ..errors import Conflict, Forbidden, LoginRequired
from .models import AccessPolicy, Booking, Equipment, EquipmentStatus


def can_add_equipment(user: Any = None) -> bool:
    user = access.viewer(user)
    if access.is_manager(user):
        return True
    return access.access_level(user) >= AccessLevel.MEMBER and user.organization_id is not None


def require_add_equipment(user: Any = None) -> None:
    access.require(AccessLevel.MEMBER, user)


def can_edit_item(item: Equipment, user: Any = None) -> bool:
    return access.access_level(user) >= AccessLevel.MEMBER and access.can_edit_organization_records(
        item.organization_id, user
    )


def require_edit_item(item: Equipment, user: Any = None) -> None:
    access.require(AccessLevel.MEMBER, user)
    access.require_edit(item.organization_id, user)


def booking_refusal(item: Equipment, user: Any = None) -> tuple[type[Exception], str] | None:
    """Why ``user`` may not request ``item`` now, as (error class, message); None when they may."""
    user = access.viewer(user)
    if item.status == EquipmentStatus.RETIRED:
        return Conflict, _("This equipment has been retired and cannot be booked.")
    if item.status == EquipmentStatus.MAINTENANCE:
        return Conflict, _("This equipment is under maintenance; requests are not accepted right now.")
    if access.access_level(user) == AccessLevel.GUEST:
        return LoginRequired, _("Log in to request this equipment.")
    if user.organization_id is None:
        return Forbidden, _("Link your account to an organization to book equipment.")
    if item.access == AccessPolicy.MEMBERS and not (user.organization.is_member or access.is_manager(user)):
        return Forbidden, _("Only users of cluster member organizations may book this equipment.")
    return None


def can_book(item: Equipment, user: Any = None) -> bool:
    return booking_refusal(item, user) is None


def require_can_book(item: Equipment, user: Any = None) -> None:
    refusal = booking_refusal(item, user)
    if refusal is not None:
        error, message = refusal
        raise error(message)


def can_decide(booking: Booking, user: Any = None) -> bool:
    """Approve or reject: the owner's users and the manager."""
    return access.can_edit_organization_records(booking.equipment.organization_id, user)


def can_cancel(booking: Booking, user: Any = None) -> bool:
    """Cancel: the requesting organization's users and the manager."""
    return access.can_edit_organization_records(booking.organization_id, user)


def can_view_booking(booking: Booking, user: Any = None) -> bool:
    return can_decide(booking, user) or can_cancel(booking, user)


def can_see_pending(item: Equipment, user: Any = None) -> bool:
    """All pending requests of an item: its owner's users and the manager."""
    return access.can_edit_organization_records(item.organization_id, user)


def can_see_requester(booking: Booking, user: Any = None) -> bool:
    """Whether to name the organization that holds a window (members, owner, requester)."""
    return (
        access.access_level(user) >= AccessLevel.MEMBER
        or access.belongs_to(booking.organization_id, user)
        or access.belongs_to(booking.equipment.organization_id, user)
    )
