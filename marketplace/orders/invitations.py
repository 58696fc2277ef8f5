"""Invitations to respond: the customer asks a proposed supplier to look at its open order.

One invitation per (order, organization). Only the customer's own users
invite, only while the order is open, only member organizations other than
the customer that have not responded yet. Every active user of the invited
organization is notified (``notifications.notify``: in the app and/or by mail,
in their language) with a link to the order; without users, its contact address is mailed.
"""

from __future__ import annotations

from typing import Any

from flask_babel import gettext as _
from sqlalchemy import Select, select

from .. import access
from ..accounts.models import User
from ..db import db, lock_row
from ..errors import Conflict, Forbidden, InvalidInput, LoginRequired
from ..i18n import localized
from ..notifications.models import NotificationKind
from ..notifications.services import link_to, notify
from ..organizations.models import Organization
from .models import Order, OrderInvitation, OrderStatus, Response, ResponseStatus
from .rules import visible_orders


def can_invite(order: Order, user: Any) -> bool:
    """The customer's own users, while the order is open (``user=None``, the CLI: never)."""
    return user is not None and order.status == OrderStatus.OPEN and access.belongs_to(order.organization_id, user)


def invitations_of_order(order_id: int) -> list[OrderInvitation]:
    return list(
        db.session.scalars(
            select(OrderInvitation).where(OrderInvitation.order_id == order_id).order_by(OrderInvitation.id)
        )
    )


def invitation_for(order_id: int, organization_id: int | None) -> OrderInvitation | None:
    if organization_id is None:
        return None
    return db.session.scalar(
        select(OrderInvitation).where(
            OrderInvitation.order_id == order_id, OrderInvitation.organization_id == organization_id
        )
    )


def received_invitation(order: Order, user: Any) -> OrderInvitation | None:
    """The invitation the user's organization received for ``order`` (shown on the order page)."""
    if user is None or not user.is_authenticated or user.organization_id in (None, order.organization_id):
        return None
    return invitation_for(order.id, user.organization_id)


def received_invitations_statement(organization_id: int, user: Any) -> Select[Any]:
    """Invitations the organization received, newest first, for orders the user may still see."""
    return (
        select(OrderInvitation)
        .join(Order, Order.id == OrderInvitation.order_id)
        .where(
            OrderInvitation.organization_id == organization_id,
            visible_orders(user),
        )
        .order_by(OrderInvitation.created_at.desc(), OrderInvitation.id.desc())
    )


def invite_supplier(order: Order, organization: Organization, actor: Any) -> OrderInvitation:
    """Invite ``organization`` to respond to ``order`` and mail its users.

    Raises LoginRequired / Forbidden (not the customer's user), Conflict (order
    not open, already invited, already responded), InvalidInput (the customer
    itself or not a cluster member).
    """
    if actor is None or not actor.is_authenticated:
        raise LoginRequired
    if not access.belongs_to(order.organization_id, actor):
        raise Forbidden(_("Only the customer's users can invite suppliers."))
    lock_row(Order, order.id)  # one invitation per supplier even when two clicks race
    db.session.refresh(order)
    if order.status != OrderStatus.OPEN:
        raise Conflict(_("Suppliers can be invited only while the order is open."))
    if organization.id == order.organization_id:
        raise InvalidInput(_("Your organization cannot be invited to its own order."))
    if not organization.is_member:
        raise InvalidInput(_("Only member organizations can be invited."))
    if invitation_for(order.id, organization.id) is not None:
        raise Conflict(_("%(name)s has already been invited.", name=localized(organization, "name")))
    responded = db.session.scalar(
        select(Response.id).where(
            Response.order_id == order.id,
            Response.organization_id == organization.id,
            Response.status != ResponseStatus.WITHDRAWN,
        )
    )
    if responded is not None:
        raise Conflict(_("%(name)s has already responded.", name=localized(organization, "name")))
    invitation = OrderInvitation(order=order, organization=organization, invited_by_id=actor.id)
    db.session.add(invitation)
    db.session.flush()
    _mail_invitation(order, organization, actor)
    return invitation


def _mail_invitation(order: Order, organization: Organization, actor: Any = None) -> None:
    """Tell the invited organization's active users (its contact address when it has none)."""
    users = list(
        db.session.scalars(select(User).where(User.organization_id == organization.id, User.active).order_by(User.id))
    )
    notify(
        users,
        NotificationKind.ORDER_INVITATION,
        lambda: _("Invitation to respond to an order: %(title)s", title=order.title),
        lambda: _(
            '%(customer)s invites your organization to respond to the order "%(title)s". '
            "The cluster's matcher proposed you as a supplier that fits it.",
            customer=localized(order.organization, "name"),
            title=order.title,
        ),
        link_to("orders.show", order_id=order.id),
        exclude=actor,
        fallback_email=organization.contact_email or None,
    )
