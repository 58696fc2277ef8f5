"""Read-side helpers of the exchange: list statements with filters.

Everything here builds ``select()`` statements or reads; nothing writes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, String, cast, func, select
from sqlalchemy.orm import InstrumentedAttribute

from ..db import db
from ..organizations.competency_tree import subtree_ids
from ..organizations.models import Competency
from ..sql import text_in_any
from .models import Offer, OfferStatus, Order, OrderKind, OrderStatus, Response, ResponseStatus
from .rules import visible_offers, visible_orders

#: Statuses the public orders list can show (drafts never appear there).
LISTED_STATUSES = (OrderStatus.OPEN, OrderStatus.AWARDED, OrderStatus.COMPLETED, OrderStatus.CANCELLED)


@dataclass
class ListFilters:
    """Validated filters of the orders and offers lists; ``None`` / "" means "not set"."""

    kind: OrderKind | None = None
    status: OrderStatus | None = None  # orders only; None = any listed status
    region: str = ""
    competency_id: int | None = None
    okpd2: str = ""
    organization_id: int | None = None
    text: str = ""
    sort: str = "newest"


def _okpd2_prefix(column: InstrumentedAttribute[list[str]], prefix: str) -> ColumnElement[bool]:
    """Any code of the JSON list starts with ``prefix`` (codes are stored as ``["25.62.10", ...]``).

    OKPD2 is hierarchical by string prefix (25 > 25.6 > 25.62 > 25.62.1), and a
    validated code holds only digits and dots, so a LIKE on the JSON text is
    exact and portable between SQLite and PostgreSQL.
    """
    return cast(column, String).like(f'%"{prefix}%')


def _common_filters(stmt: Select[Any], model: type[Order | Offer], filters: ListFilters) -> Select[Any]:
    if filters.kind:
        stmt = stmt.where(model.kind == filters.kind)
    if filters.region:
        stmt = stmt.where(model.region == filters.region)
    if filters.organization_id:
        stmt = stmt.where(model.organization_id == filters.organization_id)
    if filters.competency_id:
        stmt = stmt.where(model.competencies.any(Competency.id.in_(subtree_ids(filters.competency_id))))
    if filters.okpd2:
        stmt = stmt.where(_okpd2_prefix(model.okpd2_codes, filters.okpd2))
    if filters.text:
        stmt = stmt.where(text_in_any(filters.text, model.title, model.description))
    return stmt


def orders_statement(filters: ListFilters, user: Any) -> Select[Any]:
    """Published orders visible to ``user`` matching ``filters`` (default: open ones)."""
    statuses = (filters.status,) if filters.status else LISTED_STATUSES
    stmt = select(Order).where(Order.status.in_(statuses), visible_orders(user))
    stmt = _common_filters(stmt, Order, filters)
    if filters.sort == "deadline":
        return stmt.order_by(Order.deadline.is_(None), Order.deadline.asc(), Order.id.desc())
    return stmt.order_by(Order.published_at.desc(), Order.id.desc())


def my_orders_statement(organization_id: int, status: OrderStatus | None = None) -> Select[Any]:
    """Every order of one organization, drafts included, newest first."""
    stmt = select(Order).where(Order.organization_id == organization_id)
    if status:
        stmt = stmt.where(Order.status == status)
    return stmt.order_by(Order.created_at.desc(), Order.id.desc())


def offers_statement(filters: ListFilters, user: Any) -> Select[Any]:
    """Active offers visible to ``user`` matching ``filters``, newest first."""
    stmt = select(Offer).where(Offer.status == OfferStatus.ACTIVE, visible_offers(user))
    stmt = _common_filters(stmt, Offer, filters)
    return stmt.order_by(Offer.created_at.desc(), Offer.id.desc())


def my_offers_statement(organization_id: int) -> Select[Any]:
    return (
        select(Offer)
        .where(Offer.organization_id == organization_id)
        .order_by(Offer.status, Offer.created_at.desc(), Offer.id.desc())
    )


def active_response_counts(order_ids: list[int]) -> dict[int, int]:
    """Number of active (not withdrawn) responses per order."""
    if not order_ids:
        return {}
    rows = db.session.execute(
        select(Response.order_id, func.count())
        .where(Response.order_id.in_(order_ids), Response.status != ResponseStatus.WITHDRAWN)
        .group_by(Response.order_id)
    ).all()
    return dict(rows)


def response_of(order_id: int, organization_id: int | None) -> Response | None:
    """The one response of an organization to an order, whatever its status."""
    if organization_id is None:
        return None
    return db.session.scalar(
        select(Response).where(Response.order_id == order_id, Response.organization_id == organization_id)
    )


def compared_responses(order_id: int, sort: str) -> list[Response]:
    """Responses the customer compares: all but withdrawn ones, by price or lead time."""
    stmt = select(Response).where(Response.order_id == order_id, Response.status != ResponseStatus.WITHDRAWN)
    if sort == "lead_time":
        stmt = stmt.order_by(Response.lead_time_days, Response.price, Response.id)
    else:
        stmt = stmt.order_by(Response.price, Response.lead_time_days, Response.id)
    return list(db.session.scalars(stmt))


def my_responses_statement(organization_id: int) -> Select[Any]:
    return (
        select(Response)
        .join(Response.order)
        .where(Response.organization_id == organization_id)
        .order_by(Response.updated_at.desc(), Response.id.desc())
    )
