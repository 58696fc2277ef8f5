"""Turning models into the API's JSON, as the viewer may see them.

One function per model; each takes the object and the viewer (the current
user, possibly anonymous) and returns plain dicts and lists. Conventions:
bilingual fields as ``{"ru": ..., "en": ...}``; enums as their values; dates
and datetimes as ISO 8601 (datetimes are UTC, marked ``Z``); decimals as
strings. A field the viewer may not see is left out, never sent empty, so
nothing confidential reaches the response body.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from flask import url_for

from .. import access
from ..access import AccessLevel
from ..attachments.models import Attachment
from ..catalog.models import Okpd2Code, Product
from ..equipment.models import Booking, Equipment
from ..equipment.rules import can_see_requester
from ..orders.models import Offer, Order
from ..organizations.models import Competency, Organization, OrganizationCompetency
from ..organizations.rules import visible_field
from ..reference.regions import region_name

# Helpers -------------------------------------------------------------------------------------


def bilingual(obj: Any, field: str) -> dict[str, str]:
    return {"ru": getattr(obj, f"{field}_ru") or "", "en": getattr(obj, f"{field}_en") or ""}


def value(member: enum.Enum | None) -> Any:
    return None if member is None else member.value


def decimal(number: Decimal | None) -> str | None:
    return None if number is None else format(number, "f")


def iso_date(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


def iso_datetime(moment: dt.datetime | None) -> str | None:
    """Stored naive UTC, sent with an explicit ``Z``."""
    return None if moment is None else moment.replace(microsecond=0).isoformat() + "Z"


def region(stored: str | None) -> dict[str, str] | None:
    return {"ru": stored, "en": region_name(stored, "en")} if stored else None


def lines(text: str | None) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def organization_ref(organization: Organization) -> dict[str, Any]:
    """How other records point at their organization (name and kind are public fields)."""
    return {
        "id": organization.id,
        "name": bilingual(organization, "name"),
        "url": url_for("api.organization", organization_id=organization.id),
    }


def attachment(item: Attachment) -> dict[str, Any]:
    return {
        "id": item.id,
        "name": item.original_name,
        "content_type": item.content_type,
        "size": item.size,
        "url": url_for("attachments.download", attachment_id=item.id, filename=item.original_name),
    }


def specs(items: Iterable[dict[str, Any]] | None) -> list[dict[str, Any]]:
    return [{"name": spec.get("name", ""), "value": spec.get("value", "")} for spec in items or ()]


# Organizations -------------------------------------------------------------------------------

#: JSON key -> (model fields it is made of, how to render it). A key is sent only when
#: ``organizations.rules.visible_field`` allows every field it is made of.
_ORGANIZATION_FIELDS: dict[str, tuple[tuple[str, ...], Any]] = {
    "name": (("name_ru", "name_en"), lambda org: bilingual(org, "name")),
    "kind": (("kind",), lambda org: value(org.kind)),
    "region": (("region",), lambda org: region(org.region)),
    "city": (("city",), lambda org: org.city),
    "website": (("website",), lambda org: org.website),
    "membership_status": (("membership_status",), lambda org: value(org.membership_status)),
    "description": (("description_ru", "description_en"), lambda org: bilingual(org, "description")),
    "inn": (("inn",), lambda org: org.inn),
    "ogrn": (("ogrn",), lambda org: org.ogrn),
    "address": (("address",), lambda org: org.address),
    "contact_email": (("contact_email",), lambda org: org.contact_email),
    "phone": (("phone",), lambda org: org.phone),
    "staff_size": (("staff_size",), lambda org: org.staff_size),
    "certifications": (("certifications",), lambda org: lines(org.certifications)),
    "capacity": (("capacity",), lambda org: org.capacity),
    "member_since": (("member_since",), lambda org: iso_date(org.member_since)),
}
_SUMMARY_KEYS = ("name", "kind", "region", "city", "website", "membership_status")


def organization(org: Organization, viewer: Any, *, detail: bool = False) -> dict[str, Any]:
    """Fields by tier, as ``visible_field`` decides; the detail adds competencies."""
    data: dict[str, Any] = {"id": org.id, "url": url_for("api.organization", organization_id=org.id)}
    keys = _ORGANIZATION_FIELDS if detail else _SUMMARY_KEYS
    for key in keys:
        fields, render = _ORGANIZATION_FIELDS[key]
        if all(visible_field(org, field, viewer) for field in fields):
            data[key] = render(org)
    if detail:
        data["competencies"] = [
            organization_competency(link) for link in sorted(org.competencies, key=lambda link: link.competency.code)
        ]
        if access.can_see_confidential(org.id, viewer):
            data["confidential_fields"] = sorted(org.confidential_fields or [])
    return data


def competency(node: Competency) -> dict[str, Any]:
    return {"id": node.id, "code": node.code, "name": bilingual(node, "name")}


def organization_competency(link: OrganizationCompetency) -> dict[str, Any]:
    return {"competency": competency(link.competency), "level": int(link.level), "note": link.note or ""}


def competency_tree(nodes: Iterable[Competency]) -> list[dict[str, Any]]:
    """The whole directory as nested ``children``, built from one flat, ordered list of nodes."""
    nodes = list(nodes)
    by_parent: dict[int | None, list[Competency]] = {}
    for node in nodes:
        by_parent.setdefault(node.parent_id, []).append(node)
    known = {node.id for node in nodes}

    def build(node: Competency, path: frozenset[int]) -> dict[str, Any]:
        children = [child for child in by_parent.get(node.id, ()) if child.id not in path]
        return {**competency(node), "children": [build(child, path | {child.id}) for child in children]}

    roots = [node for node in nodes if node.parent_id is None or node.parent_id not in known]
    return [build(root, frozenset({root.id})) for root in roots]


# Catalog -------------------------------------------------------------------------------------


def product(item: Product, _viewer: Any, *, detail: bool = False) -> dict[str, Any]:
    data = {
        "id": item.id,
        "url": url_for("api.product", product_id=item.id),
        "name": bilingual(item, "name"),
        "is_service": item.is_service,
        "okpd2": item.okpd2,
        "hs_code": item.hs_code,
        "unspsc": item.unspsc,
        "unit": item.unit,
        "price": decimal(item.price),
        "organization": organization_ref(item.organization),
        "updated_at": iso_datetime(item.updated_at),
    }
    if detail:
        data.update(
            description=bilingual(item, "description"),
            specs=specs(item.specs),
            created_at=iso_datetime(item.created_at),
            attachments=[attachment(a) for a in item.attachments],
        )
    return data


def okpd2_code(entry: Okpd2Code) -> dict[str, Any]:
    return {"code": entry.code, "name": bilingual(entry, "name"), "parent_code": entry.parent_code}


# Equipment -----------------------------------------------------------------------------------


def equipment(item: Equipment, viewer: Any, *, busy: Iterable[Booking] = (), detail: bool = False) -> dict[str, Any]:
    """The detail lists ``busy`` windows (approved bookings); see ``busy_window``."""
    data = {
        "id": item.id,
        "url": url_for("api.equipment_item", equipment_id=item.id),
        "name": bilingual(item, "name"),
        "category": value(item.category),
        "manufacturer": item.manufacturer,
        "model": item.model,
        "location": item.location,
        "price_per_hour": decimal(item.price_per_hour),
        "price_per_day": decimal(item.price_per_day),
        "access": value(item.access),
        "status": value(item.status),
        "organization": organization_ref(item.organization),
    }
    if detail:
        data.update(
            description=bilingual(item, "description"),
            specs=specs(item.specs),
            requirements=item.requirements,
            created_at=iso_datetime(item.created_at),
            updated_at=iso_datetime(item.updated_at),
            attachments=[attachment(a) for a in item.attachments],
            busy=[busy_window(b, viewer) for b in busy],
        )
    return data


def busy_window(booking: Booking, viewer: Any) -> dict[str, Any]:
    """When an item is taken; who took it as the calendar shows it (``can_see_requester``), never the person."""
    data: dict[str, Any] = {"starts_at": iso_datetime(booking.starts_at), "ends_at": iso_datetime(booking.ends_at)}
    if can_see_requester(booking, viewer):
        data["organization"] = organization_ref(booking.organization)
    return data


# Orders and offers ---------------------------------------------------------------------------


def order(item: Order, viewer: Any, *, detail: bool = False) -> dict[str, Any]:
    """The budget is sent only when it is not confidential, or to the customer's users and the manager."""
    entitled = access.can_see_confidential(item.organization_id, viewer)
    data: dict[str, Any] = {
        "id": item.id,
        "url": url_for("api.order", order_id=item.id),
        "kind": value(item.kind),
        "title": item.title,
        "okpd2_codes": list(item.okpd2_codes or []),
        "quantity": decimal(item.quantity),
        "unit": item.unit,
        "deadline": iso_date(item.deadline),
        "region": region(item.region),
        "visibility": value(item.visibility),
        "status": value(item.status),
        "organization": organization_ref(item.organization),
        "competencies": [competency(c) for c in sorted(item.competencies, key=lambda c: c.code)],
        "published_at": iso_datetime(item.published_at),
    }
    if not item.budget_confidential or entitled:
        data["budget"] = decimal(item.budget)
    if entitled:
        data["budget_confidential"] = item.budget_confidential
    if detail:
        data.update(
            description=item.description,
            awarded_at=iso_datetime(item.awarded_at),
            created_at=iso_datetime(item.created_at),
            updated_at=iso_datetime(item.updated_at),
            attachments=[attachment(a) for a in item.attachments],
        )
    return data


def offer(item: Offer, _viewer: Any, *, detail: bool = False) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": item.id,
        "url": url_for("api.offer", offer_id=item.id),
        "kind": value(item.kind),
        "title": item.title,
        "okpd2_codes": list(item.okpd2_codes or []),
        "region": region(item.region),
        "visibility": value(item.visibility),
        "status": value(item.status),
        "organization": organization_ref(item.organization),
        "competencies": [competency(c) for c in sorted(item.competencies, key=lambda c: c.code)],
        "updated_at": iso_datetime(item.updated_at),
    }
    if detail:
        data.update(description=item.description, created_at=iso_datetime(item.created_at))
    return data


# The viewer ----------------------------------------------------------------------------------


def viewer_info(viewer: Any) -> dict[str, Any]:
    level = access.access_level(viewer)
    return {
        "authenticated": level > AccessLevel.GUEST,
        "access_level": level.name.lower(),
        "organization_id": viewer.organization_id if level > AccessLevel.GUEST else None,
    }
