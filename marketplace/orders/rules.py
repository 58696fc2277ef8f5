"""Who may see and do what on the exchange. Views, services, the API, search and the competence map ask here.

- An order is read by the customer's users and the manager in any status;
  everyone else reads it once published (not a draft), by its ``Visibility``.
- An offer is read by its owner's users and the manager in any status;
  everyone else reads it while it is active, by its ``Visibility``.
- Orders and offers are posted by users of member organizations. The
  customer's users edit, publish, award and complete an order; they and the
  manager (as moderator) cancel it and compare its responses.
- An offer is edited by its owner's users; they and the manager archive it.
- A user of a member organization other than the customer responds to an open
  order it may read.

Each visibility rule is written once, as the SQL condition lists filter by
(``visible_orders``, ``visible_offers``); ``can_view_*`` evaluates the same
condition for one record.
"""

from __future__ import annotations

from typing import Any

from flask_babel import gettext as _
from sqlalchemy import ColumnElement, and_, or_, true

from .. import access
from ..access import AccessLevel, Viewer
from ..errors import Conflict, Forbidden, LoginRequired, MarketplaceError, NotFound
from .models import Offer, OfferStatus, Order, OrderStatus

# Reading ---------------------------------------------------------------------------------------


@access.visibility_rule
def visible_orders(viewer: Viewer) -> ColumnElement[bool]:
    """The orders a viewer may read, as an SQL condition on ``Order``."""
    if viewer.is_manager:
        return true()
    published = and_(Order.status != OrderStatus.DRAFT, Order.visibility.in_(viewer.visibilities))
    own = viewer.organization_id
    return published if own is None else or_(published, Order.organization_id == own)


def can_view_order(order: Order, user: Any = None) -> bool:
    return access.row_visible(Order, order.id, visible_orders(user))


def require_view_order(order: Order, user: Any = None) -> None:
    """:raise LoginRequired: a guest, for a published order. :raise NotFound: anyone else who may not read it."""
    if not can_view_order(order, user):
        access.refuse_hidden(user, login_helps=order.status != OrderStatus.DRAFT)


@access.visibility_rule
def visible_offers(viewer: Viewer) -> ColumnElement[bool]:
    """The offers a viewer may read, as an SQL condition on ``Offer``."""
    if viewer.is_manager:
        return true()
    listed = and_(Offer.status == OfferStatus.ACTIVE, Offer.visibility.in_(viewer.visibilities))
    own = viewer.organization_id
    return listed if own is None else or_(listed, Offer.organization_id == own)


def can_view_offer(offer: Offer, user: Any = None) -> bool:
    return access.row_visible(Offer, offer.id, visible_offers(user))


def require_view_offer(offer: Offer, user: Any = None) -> None:
    """:raise LoginRequired: a guest. :raise NotFound: anyone else who may not read the offer."""
    if not can_view_offer(offer, user):
        access.refuse_hidden(user)


# Posting and changing ----------------------------------------------------------------------------


def can_post_orders(user: Any = None) -> bool:
    """Users of a member organization post orders and offers (not the manager on behalf of no one)."""
    user = access.viewer(user)
    return bool(user.is_authenticated and user.organization is not None and user.organization.is_member)


def require_post_orders(user: Any = None) -> None:
    access.require(AccessLevel.USER, user)
    if not can_post_orders(user):
        raise Forbidden(_("Only users of a member organization can post orders and offers."))


def can_manage_order(order: Order, user: Any = None) -> bool:
    """Edit, publish, award and complete: the customer's own users only."""
    return access.belongs_to(order.organization_id, user)


def require_manage_order(order: Order, user: Any = None) -> None:
    if not can_manage_order(order, user):
        access.deny(_("Only the customer's users can change this order."), user)


def can_cancel_order(order: Order, user: Any = None) -> bool:
    """Cancel and compare the responses: the customer's users, and the manager as moderator."""
    return access.can_edit_organization_records(order.organization_id, user)


def require_cancel_order(order: Order, user: Any = None) -> None:
    if not can_cancel_order(order, user):
        access.deny(_("Only the customer's users can change this order."), user)


def can_edit_offer(offer: Offer, user: Any = None) -> bool:
    """Edit and restore: the owner's users only."""
    return access.belongs_to(offer.organization_id, user)


def require_edit_offer(offer: Offer, user: Any = None) -> None:
    if not can_edit_offer(offer, user):
        access.deny(_("Only the organization's own users can change this."), user)


def can_archive_offer(offer: Offer, user: Any = None) -> bool:
    """Archive: the owner's users, and the manager as moderator."""
    return access.can_edit_organization_records(offer.organization_id, user)


def require_archive_offer(offer: Offer, user: Any = None) -> None:
    if not can_archive_offer(offer, user):
        access.deny(_("Only the organization's own users can change this."), user)


# Responding ------------------------------------------------------------------------------------


def check_can_respond(order: Order, user: Any = None) -> None:
    """Raise unless ``user`` may respond to ``order`` now: a user of a member organization
    other than the customer, who can read the order, while it is open.

    :raise LoginRequired: a guest. :raise Forbidden: not a member, or the customer itself.
    :raise NotFound: the order is hidden from the user. :raise Conflict: the order is not open.
    """
    user = access.viewer(user)
    if not user.is_authenticated:
        raise LoginRequired
    if user.organization is None or not user.organization.is_member:
        raise Forbidden(_("Only users of member organizations can respond to orders."))
    if user.organization_id == order.organization_id:
        raise Forbidden(_("You cannot respond to your own organization's order."))
    if not can_view_order(order, user):
        raise NotFound
    if order.status != OrderStatus.OPEN:
        raise Conflict(_("The order is not open for responses."))


def can_respond(order: Order, user: Any = None) -> bool:
    try:
        check_can_respond(order, user)
    except MarketplaceError:
        return False
    return True
