"""Reading the catalog: the filtered product list and OKPD2 classifier look-ups."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, ColumnExpressionArgument, Select, func, or_, select
from sqlalchemy.orm import contains_eager

from ..attachments.models import Attachment
from ..db import db
from ..organizations.models import Organization, OrgKind
from ..sql import contains_text, unicode_lower
from ..validators import okpd2_parent
from .models import Okpd2Code, Product

SORTS = ("newest", "name", "price", "price_desc")


@dataclass
class CatalogFilters:
    """What the visitor narrowed the catalog to; empty values mean "any"."""

    q: str = ""
    code: str = ""  # an OKPD2 code; matches itself and every code below it
    org_id: int | None = None
    region: str = ""
    kind: OrgKind | None = None
    is_service: bool | None = None
    sort: str = "newest"


def under_code(code: str) -> ColumnElement[bool]:
    """Products classified as ``code`` or anywhere below it.

    OKPD2 codes nest as string prefixes (25 > 25.6 > 25.62 > 25.62.1 >
    25.62.10 > 25.62.10.110), so a prefix match is exactly "this node and its
    descendants".
    """
    return Product.okpd2.startswith(code, autoescape=True)


def product_list(filters: CatalogFilters, language: str) -> Select[Product]:
    """The statement behind ``/catalog/``: filtered, sorted, organization loaded (pictures: ``thumbnails``)."""
    stmt = select(Product).join(Product.organization).options(contains_eager(Product.organization))
    if filters.q:
        stmt = stmt.where(
            or_(
                *(
                    contains_text(column, filters.q)
                    for column in (Product.name_ru, Product.name_en, Product.description_ru, Product.description_en)
                )
            )
        )
    if filters.code:
        stmt = stmt.where(under_code(filters.code))
    if filters.org_id is not None:
        stmt = stmt.where(Product.organization_id == filters.org_id)
    if filters.region:
        stmt = stmt.where(Organization.region == filters.region)
    if filters.kind is not None:
        stmt = stmt.where(Organization.kind == filters.kind)
    if filters.is_service is not None:
        stmt = stmt.where(Product.is_service.is_(filters.is_service))
    return stmt.order_by(*_ordering(filters.sort, language))


def _ordering(sort: str, language: str) -> list[ColumnExpressionArgument[Any]]:
    if sort == "name":
        return [unicode_lower(localized_name(language)), Product.id]
    if sort in ("price", "price_desc"):
        # Products without a price ("on request") go last either way, on every backend.
        price = Product.price.desc() if sort == "price_desc" else Product.price.asc()
        return [Product.price.is_(None), price, Product.id.desc()]
    return [Product.created_at.desc(), Product.id.desc()]


def localized_name(language: str) -> ColumnElement[str]:
    """SQL for the product's name in ``language``, falling back to the other one."""
    if language == "en":
        return func.coalesce(func.nullif(Product.name_en, ""), Product.name_ru)
    return func.coalesce(func.nullif(Product.name_ru, ""), Product.name_en)


def thumbnails(products: Iterable[Product]) -> dict[int, Attachment]:
    """The first picture of each of ``products`` that has one, by product id: one query for a list page
    (loading every attachment of every product to find it cost a tenth of the catalog page)."""
    ids = [product.id for product in products]
    if not ids:
        return {}
    found: dict[int, Attachment] = {}
    for attachment in db.session.scalars(
        select(Attachment)
        .where(Attachment.product_id.in_(ids), Attachment.content_type.startswith("image/"))
        .order_by(Attachment.product_id, Attachment.id)
    ):
        if attachment.product_id is not None:  # always, by the WHERE; said for the type checker
            found.setdefault(attachment.product_id, attachment)
    return found


def okpd2_entries(codes: Iterable[str]) -> dict[str, Okpd2Code]:
    """Classifier entries of those ``codes`` that are known, by code."""
    wanted = sorted(set(codes))
    found: dict[str, Okpd2Code] = {}
    # Chunks keep the IN list well below parameter limits.
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        found.update((row.code, row) for row in db.session.scalars(select(Okpd2Code).where(Okpd2Code.code.in_(chunk))))
    return found


def ancestry(code: str) -> list[str]:
    """``code`` and every code above it, nearest first: 25.62.10, 25.62.1, 25.62, 25.6, 25."""
    chain = []
    current: str | None = code
    while current:
        chain.append(current)
        current = okpd2_parent(current)
    return chain


def nearest_entry(code: str, entries: dict[str, Okpd2Code] | None = None) -> tuple[Okpd2Code | None, bool]:
    """The classifier entry of ``code``, else of its nearest known ancestor; and whether it is exact.

    ``entries`` may hold the entries of the code's ancestry already loaded.
    """
    if not code:
        return None, False
    if entries is None:
        entries = okpd2_entries(ancestry(code))
    for candidate in ancestry(code):
        if candidate in entries:
            return entries[candidate], candidate == code
    return None, False


def okpd2_suggestions(query: str, limit: int = 15) -> list[Okpd2Code]:
    """Classifier entries for an autocomplete: by code prefix, or by words of the name."""
    query = query.strip()
    if not query:
        return []
    if all(ch.isdigit() or ch == "." for ch in query):
        condition = Okpd2Code.code.startswith(query.rstrip("."), autoescape=True)
    else:
        condition = or_(contains_text(Okpd2Code.name_ru, query), contains_text(Okpd2Code.name_en, query))
    return list(
        db.session.scalars(
            select(Okpd2Code).where(condition).order_by(func.length(Okpd2Code.code), Okpd2Code.code).limit(limit)
        )
    )
