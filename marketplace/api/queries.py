"""What the API lists: each viewer's share of a table, narrowed by filters.

The rules are the web UI's:

- organizations: ``organizations.rules.visible_organizations`` (guests see
  member organizations only);
- products, equipment, the competency directory and OKPD2: everyone;
- orders and offers: ``orders.rules.visible_orders`` / ``visible_offers``;
  of other organizations' records only published orders and active offers
  are listed, as in the web lists (the manager opens the rest by id).

The functions return ``Select`` statements; the views paginate them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, or_, select
from sqlalchemy.orm import QueryableAttribute, selectinload

from .. import access
from ..catalog.models import Okpd2Code, Product
from ..equipment.models import Equipment, EquipmentCategory, EquipmentStatus
from ..orders.models import Offer, OfferStatus, Order, OrderKind, OrderStatus
from ..orders.rules import visible_offers, visible_orders
from ..organizations.models import Competency, MembershipStatus, Organization, OrganizationCompetency, OrgKind
from ..organizations.rules import visible_organizations
from ..sql import text_in_any


def _where_given(statement: Select[Any], conditions: Mapping[QueryableAttribute[Any], Any]) -> Select[Any]:
    """Add ``column == value`` for every value that is not ``None``."""
    for column, value in conditions.items():
        if value is not None:
            statement = statement.where(column == value)
    return statement


# Organizations -------------------------------------------------------------------------------


def organizations(
    viewer: Any,
    *,
    q: str | None = None,
    region: str | None = None,
    kind: OrgKind | None = None,
    competency_ids: Select[Any] | None = None,
    member: bool | None = None,
) -> Select[Organization]:
    statement = select(Organization).where(visible_organizations(viewer))
    is_member = Organization.membership_status == MembershipStatus.MEMBER
    if member is not None:
        statement = statement.where(is_member if member else ~is_member)
    if q:
        statement = statement.where(text_in_any(q, Organization.name_ru, Organization.name_en))
    if competency_ids is not None:
        holders = select(OrganizationCompetency.organization_id).where(
            OrganizationCompetency.competency_id.in_(competency_ids)
        )
        statement = statement.where(Organization.id.in_(holders))
    statement = _where_given(statement, {Organization.region: region, Organization.kind: kind})
    return statement.order_by(Organization.name_ru, Organization.id)


# Products and equipment ----------------------------------------------------------------------


def products(
    *,
    code: str | None = None,
    org: int | None = None,
    region: str | None = None,
    kind: OrgKind | None = None,
    service: bool | None = None,
    q: str | None = None,
) -> Select[Product]:
    statement = select(Product).join(Product.organization)
    if code:
        statement = statement.where(Product.okpd2.startswith(code, autoescape=True))
    if q:
        statement = statement.where(
            text_in_any(
                q,
                Product.name_ru,
                Product.name_en,
                Product.description_ru,
                Product.description_en,
            )
        )
    statement = _where_given(
        statement,
        {
            Product.organization_id: org,
            Organization.region: region,
            Organization.kind: kind,
            Product.is_service: service,
        },
    )
    return statement.options(selectinload(Product.organization)).order_by(Product.name_ru, Product.id)


def equipment(
    *,
    category: EquipmentCategory | None = None,
    org: int | None = None,
    status: EquipmentStatus | None = None,
    region: str | None = None,
    q: str | None = None,
) -> Select[Equipment]:
    statement = select(Equipment).join(Equipment.organization)
    if q:
        statement = statement.where(
            text_in_any(
                q,
                Equipment.name_ru,
                Equipment.name_en,
                Equipment.manufacturer,
                Equipment.model,
            )
        )
    statement = _where_given(
        statement,
        {
            Equipment.category: category,
            Equipment.organization_id: org,
            Equipment.status: status,
            Organization.region: region,
        },
    )
    return statement.options(selectinload(Equipment.organization)).order_by(Equipment.name_ru, Equipment.id)


# Orders and offers ---------------------------------------------------------------------------


def _listed(visible: ColumnElement[bool], listed: ColumnElement[bool], owner: Any, viewer: Any) -> ColumnElement[bool]:
    """Visible records; of other organizations' only those in a listed status (the manager opens the rest by id)."""
    own = access.organization_id_of(viewer)
    return and_(visible, listed if own is None else or_(listed, owner == own))


def orders(
    viewer: Any,
    *,
    status: OrderStatus | None = None,
    kind: OrderKind | None = None,
    region: str | None = None,
    org: int | None = None,
    q: str | None = None,
) -> Select[Order]:
    statement = select(Order).where(
        _listed(visible_orders(viewer), Order.status != OrderStatus.DRAFT, Order.organization_id, viewer)
    )
    if q:
        statement = statement.where(text_in_any(q, Order.title, Order.description))
    statement = _where_given(
        statement, {Order.status: status, Order.kind: kind, Order.region: region, Order.organization_id: org}
    )
    return statement.options(selectinload(Order.organization), selectinload(Order.competencies)).order_by(
        Order.id.desc()
    )


def offers(
    viewer: Any,
    *,
    status: OfferStatus | None = None,
    kind: OrderKind | None = None,
    region: str | None = None,
    org: int | None = None,
    q: str | None = None,
) -> Select[Offer]:
    statement = select(Offer).where(
        _listed(visible_offers(viewer), Offer.status == OfferStatus.ACTIVE, Offer.organization_id, viewer)
    )
    if q:
        statement = statement.where(text_in_any(q, Offer.title, Offer.description))
    statement = _where_given(
        statement, {Offer.status: status, Offer.kind: kind, Offer.region: region, Offer.organization_id: org}
    )
    return statement.options(selectinload(Offer.organization), selectinload(Offer.competencies)).order_by(
        Offer.id.desc()
    )


# Reference directories -----------------------------------------------------------------------


def all_competencies() -> Select[Competency]:
    return select(Competency).order_by(Competency.position, Competency.code)


def okpd2(*, prefix: str | None = None, q: str | None = None) -> Select[Okpd2Code]:
    statement = select(Okpd2Code)
    if prefix:
        statement = statement.where(Okpd2Code.code.startswith(prefix, autoescape=True))
    if q:
        statement = statement.where(text_in_any(q, Okpd2Code.name_ru, Okpd2Code.name_en))
    return statement.order_by(Okpd2Code.code)
