"""What the API lists: each viewer's share of a table, narrowed by filters.

The rules are the web UI's:

- organizations: guests see member organizations only, registered users all
  (a guest opening a non-member's profile is asked to log in);
- products, equipment, the competency directory and OKPD2: everyone;
- orders: the viewer's own organization's orders in any status; other
  organizations' orders except drafts, in the visibilities
  ``access.allowed_visibilities`` grants. Opening one is ruled by
  ``access.can_view_order`` (which also lets the manager open drafts);
- offers: the own organization's in any status; others' only while active
  and in an allowed visibility (``access.can_view_offer``; the manager may open any).

The functions return ``Select`` statements; the views paginate them.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Select, and_, or_, select
from sqlalchemy.orm import selectinload

from .. import access
from ..accounts.models import AccessLevel
from ..catalog.models import Okpd2Code, Product
from ..equipment.models import Equipment
from ..orders.models import Offer, OfferStatus, Order, OrderStatus
from ..organizations.models import Competency, MembershipStatus, Organization, OrganizationCompetency
from ..sql import text_in_any


def _viewer_organization_id(viewer: Any) -> int | None:
    return viewer.organization_id if viewer is not None and viewer.is_authenticated else None


def _is_guest(viewer: Any) -> bool:
    return access.access_level(viewer) == AccessLevel.GUEST


def _where_given(statement: Select, conditions: dict[ColumnElement, Any]) -> Select:
    """Add ``column == value`` for every value that is not ``None``."""
    for column, value in conditions.items():
        if value is not None:
            statement = statement.where(column == value)
    return statement


# Organizations -------------------------------------------------------------------------------


def organization_visible(organization: Organization, viewer: Any) -> bool:
    """Guests see member organizations only (the public member directory)."""
    return organization.is_member or not _is_guest(viewer)


def organizations(
    viewer: Any,
    *,
    q: str | None = None,
    region: str | None = None,
    kind=None,
    competency_ids=None,
    member: bool | None = None,
) -> Select:
    statement = select(Organization)
    is_member = Organization.membership_status == MembershipStatus.MEMBER
    if _is_guest(viewer):
        statement = statement.where(is_member)
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
    kind=None,
    service: bool | None = None,
    q: str | None = None,
) -> Select:
    statement = select(Product).join(Product.organization)
    if code:
        statement = statement.where(Product.okpd2.startswith(code, autoescape=True))
    if q:
        statement = statement.where(
            text_in_any(q, Product.name_ru, Product.name_en, Product.description_ru, Product.description_en)
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
    *, category=None, org: int | None = None, status=None, region: str | None = None, q: str | None = None
) -> Select:
    statement = select(Equipment).join(Equipment.organization)
    if q:
        statement = statement.where(
            text_in_any(q, Equipment.name_ru, Equipment.name_en, Equipment.manufacturer, Equipment.model)
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


def _orders_listed_for(viewer: Any) -> ColumnElement[bool]:
    """Own organization's orders; others' when published and in an allowed visibility."""
    published = and_(Order.status != OrderStatus.DRAFT, Order.visibility.in_(access.allowed_visibilities(viewer)))
    own = _viewer_organization_id(viewer)
    return or_(Order.organization_id == own, published) if own is not None else published


def orders(
    viewer: Any, *, status=None, kind=None, region: str | None = None, org: int | None = None, q: str | None = None
) -> Select:
    statement = select(Order).where(_orders_listed_for(viewer))
    if q:
        statement = statement.where(text_in_any(q, Order.title, Order.description))
    statement = _where_given(
        statement, {Order.status: status, Order.kind: kind, Order.region: region, Order.organization_id: org}
    )
    return statement.options(selectinload(Order.organization), selectinload(Order.competencies)).order_by(
        Order.id.desc()
    )


def _offers_listed_for(viewer: Any) -> ColumnElement[bool]:
    """Own organization's offers; others' when active and in an allowed visibility."""
    listed = and_(Offer.status == OfferStatus.ACTIVE, Offer.visibility.in_(access.allowed_visibilities(viewer)))
    own = _viewer_organization_id(viewer)
    return or_(Offer.organization_id == own, listed) if own is not None else listed


def offers(
    viewer: Any, *, status=None, kind=None, region: str | None = None, org: int | None = None, q: str | None = None
) -> Select:
    statement = select(Offer).where(_offers_listed_for(viewer))
    if q:
        statement = statement.where(text_in_any(q, Offer.title, Offer.description))
    statement = _where_given(
        statement, {Offer.status: status, Offer.kind: kind, Offer.region: region, Offer.organization_id: org}
    )
    return statement.options(selectinload(Offer.organization), selectinload(Offer.competencies)).order_by(
        Offer.id.desc()
    )


# Reference directories -----------------------------------------------------------------------


def all_competencies() -> Select:
    return select(Competency).order_by(Competency.position, Competency.code)


def okpd2(*, prefix: str | None = None, q: str | None = None) -> Select:
    statement = select(Okpd2Code)
    if prefix:
        statement = statement.where(Okpd2Code.code.startswith(prefix, autoescape=True))
    if q:
        statement = statement.where(text_in_any(q, Okpd2Code.name_ru, Okpd2Code.name_en))
    return statement.order_by(Okpd2Code.code)
