"""Suppliers' responses to open orders: respond, edit, withdraw, respond again.

One row per (order, organization): withdrawing keeps the row and responding
again reuses it. Each write first takes the order's row lock, the same lock
the award's conditional UPDATE takes, so a response cannot change under an
award that is being decided.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from flask_babel import gettext as _

from ..db import db, lock_row
from ..errors import Conflict, LoginRequired
from . import notifications
from .models import Order, OrderStatus, Response, ResponseStatus
from .queries import response_of
from .rules import check_can_respond


def _lock(order: Order) -> None:
    lock_row(Order, order.id)
    db.session.refresh(order)


def save_response(order: Order, actor: Any, *, price: Decimal, lead_time_days: int, message: str) -> Response:
    """Create the organization's response, update its active one, or revive a withdrawn one.

    Raises Forbidden / Conflict / LoginRequired when the actor may not respond
    (own order, not a member, order not open).
    """
    check_can_respond(order, actor)
    _lock(order)
    check_can_respond(order, actor)
    response = response_of(order.id, actor.organization_id)
    is_new = response is None or response.status == ResponseStatus.WITHDRAWN
    if response is None:
        response = Response(order=order, organization_id=actor.organization_id)
        db.session.add(response)
    elif response.status not in (ResponseStatus.ACTIVE, ResponseStatus.WITHDRAWN):
        raise Conflict(_("The order has already been awarded."))
    response.price = price
    response.lead_time_days = lead_time_days
    response.message = (message or "").strip()
    response.status = ResponseStatus.ACTIVE
    if is_new:
        response.created_by_id = actor.id
    db.session.flush()
    if is_new:
        notifications.response_received(order, response)
    return response


def withdraw_response(order: Order, actor: Any) -> Response:
    """Withdraw the actor's organization's active response while the order is still open."""
    if actor is None or not actor.is_authenticated:
        raise LoginRequired
    _lock(order)
    response = response_of(order.id, actor.organization_id)
    if response is None or response.status == ResponseStatus.WITHDRAWN:
        raise Conflict(_("Your organization has no active response to this order."))
    if order.status != OrderStatus.OPEN or response.status != ResponseStatus.ACTIVE:
        raise Conflict(_("A response cannot be withdrawn after the award."))
    response.status = ResponseStatus.WITHDRAWN
    db.session.flush()
    return response
