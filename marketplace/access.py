"""Who may see and do what. Every view and service asks here.

Levels (``AccessLevel``): guest < registered user < member < manager. A
member's organization is a cluster member; the manager sees everything.
Object rules:

- an organization's records (profile, products, equipment, orders, offers)
  are edited only by that organization's users (and the manager);
- members-only records (``Visibility.MEMBERS``) are hidden below MEMBER;
- a confidential field is shown only to the owner's users and the manager.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from flask_babel import gettext as _
from flask_login import current_user

from .accounts.models import AccessLevel
from .errors import Forbidden, LoginRequired, NotFound


def access_level(user: Any = None) -> AccessLevel:
    user = current_user if user is None else user
    if user is None or not user.is_authenticated:
        return AccessLevel.GUEST
    return user.access_level


def is_manager(user: Any = None) -> bool:
    return access_level(user) >= AccessLevel.MANAGER


def belongs_to(organization_id: int | None, user: Any = None) -> bool:
    """True when the user is one of the organization's own users."""
    user = current_user if user is None else user
    return bool(
        user and user.is_authenticated and organization_id is not None and user.organization_id == organization_id
    )


def can_edit_organization_records(organization_id: int, user: Any = None) -> bool:
    return belongs_to(organization_id, user) or is_manager(user)


def can_see_confidential(organization_id: int, user: Any = None) -> bool:
    return belongs_to(organization_id, user) or is_manager(user)


def visible_field(organization, field: str, user: Any = None) -> bool:
    """Whether ``field`` of ``organization`` may be shown to ``user``."""
    from .organizations.models import PROTECTED_FIELDS, PUBLIC_FIELDS

    if field in PUBLIC_FIELDS:
        return True
    if can_see_confidential(organization.id, user):
        return True
    if field in PROTECTED_FIELDS:
        return access_level(user) >= AccessLevel.USER and not organization.is_confidential(field)
    return False


def allowed_visibilities(user: Any = None) -> tuple:
    """The ``Visibility`` values a user may read."""
    from .orders.models import Visibility

    if access_level(user) >= AccessLevel.MEMBER:
        return (Visibility.PUBLIC, Visibility.MEMBERS)
    return (Visibility.PUBLIC,)


def require(level: AccessLevel, user: Any = None) -> None:
    """Raise unless the user has at least ``level``; guests are sent to log in."""
    current = access_level(user)
    if current >= level:
        return
    if current == AccessLevel.GUEST:
        raise LoginRequired
    raise Forbidden(
        _("Only members of the cluster can do this.")
        if level == AccessLevel.MEMBER
        else _("Only the cluster manager can do this.")
        if level == AccessLevel.MANAGER
        else _("You do not have access to this page.")
    )


def require_edit(organization_id: int, user: Any = None) -> None:
    if not can_edit_organization_records(organization_id, user):
        raise Forbidden(_("Only the organization's own users can change this."))


def require_visible(visibility, user: Any = None) -> None:
    """404 for records the user may not know exist (members-only for outsiders)."""
    if visibility not in allowed_visibilities(user):
        if access_level(user) == AccessLevel.GUEST:
            raise LoginRequired
        raise NotFound


def level_required(level: AccessLevel) -> Callable:
    """View decorator: at least ``level``, else log in (guests) or 403."""

    def decorator(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            require(level)
            return view(*args, **kwargs)

        return wrapped

    return decorator


login_required = level_required(AccessLevel.USER)
member_required = level_required(AccessLevel.MEMBER)
manager_required = level_required(AccessLevel.MANAGER)


def can_view_order(order, user: Any = None) -> bool:
    """Drafts: only the customer's users and the manager. Otherwise by visibility;
    the customer always sees its own orders."""
    from .orders.models import OrderStatus

    if can_edit_organization_records(order.organization_id, user):
        return True
    if order.status == OrderStatus.DRAFT:
        return False
    return order.visibility in allowed_visibilities(user)


def can_view_offer(offer, user: Any = None) -> bool:
    """Active offers by visibility; archived ones only for the owner's users and the manager."""
    from .orders.models import OfferStatus

    if can_edit_organization_records(offer.organization_id, user):
        return True
    return offer.status == OfferStatus.ACTIVE and offer.visibility in allowed_visibilities(user)


def require_view_order(order, user: Any = None) -> None:
    if not can_view_order(order, user):
        if access_level(user) == AccessLevel.GUEST and order.status.value != "draft":
            raise LoginRequired
        raise NotFound
