"""Matcher profiles built from the database: one ``matching.OrganizationProfile`` per organization.

What goes into a profile (supply, never demand):

- the description in Russian and English (``description_lang`` says which);
- competencies: codes and names in both languages (``Competency``), plus one
  document per competency the organization annotated ("what exactly we do");
- products (name, description, specifications, OKPD2 code), active offers
  (title, description, OKPD2 codes, competencies), equipment that is not
  retired (name, maker, model, description, specifications);
- past orders the organization *won* (its ACCEPTED responses on awarded or
  completed orders): title and description as past work. Orders it posted
  as a customer are demand, not capability, and are left out;
- the cluster's projects whose consortium it *accepted* to join (not cancelled
  ones, not ideas): title, description, its role and the needs it covers, as
  past work.

Only public texts go in: no budgets, prices, confidential fields, drafts or
archived offers, because reasons quote these documents to other users.

Document ids carry a digest of the text (``product:12:1a2b3c4d``): the
matcher shares documents by id without analysing them again, so an edited
product must get a new id; an unchanged one is reused.

Everything is loaded with one query per kind of record (``load_profiles``),
for all organizations or for the few whose profiles changed.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Collection, Iterable
from typing import Any, TypeVar

from sqlalchemy import Select, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from matching import Competency as ProfileCompetency, OrganizationProfile, ProfileDocument

from ..catalog.models import Product
from ..equipment.models import Equipment, EquipmentStatus
from ..orders.models import Offer, OfferStatus, Order, OrderStatus, Response, ResponseStatus, offer_competency
from ..organizations.models import Competency, Organization, OrganizationCompetency
from ..projects.models import ConsortiumMember, ConsortiumStatus, Project, ProjectNeed, ProjectStatus

#: The matcher's document kind for past work (its ``DOCUMENT_KINDS`` has no separate "order" kind:
#: won orders are past work like projects and count towards the organization's activity).
PAST_WORK_KIND = "project"

#: Order statuses whose accepted response is past work of the supplier.
WON_ORDER_STATUSES = (OrderStatus.AWARDED, OrderStatus.COMPLETED)
#: Project statuses whose accepted consortium members count it as their work.
PROJECT_STATUSES = (ProjectStatus.PLANNED, ProjectStatus.ACTIVE, ProjectStatus.COMPLETED)

#: A SELECT of any columns, restricted by ``_restrict`` without losing its row type.
_Select = TypeVar("_Select", bound=Select[*tuple[Any, ...]])


def document_id(kind: str, record_id: int, text: str) -> str:
    """``kind:id:digest``: stable while the text is unchanged, new when it changes."""
    digest = hashlib.blake2b(text.encode("utf-8"), digest_size=4).hexdigest()
    return f"{kind}:{record_id}:{digest}"


def parse_document_id(doc_id: str | None) -> tuple[str, int] | None:
    """``("product", 12)`` for ``product:12:…``; None for documents without a record."""
    if not doc_id or not isinstance(doc_id, str):
        return None
    kind, _, rest = doc_id.partition(":")
    record, _, _ = rest.partition(":")
    return (kind, int(record)) if record.isdigit() else None


def _join(*parts: str | None) -> str:
    return "\n".join(p.strip() for p in parts if p and p.strip())


def _specs_text(specs: Iterable[object] | None) -> str:
    """The name: value lines of a JSON list of specifications (anything but an object in it is skipped)."""
    lines = [
        f"{spec.get('name', '')}: {spec.get('value', '')}".strip(": ") for spec in specs or () if isinstance(spec, dict)
    ]
    return "\n".join(line for line in lines if line)


def _lang(ru: str, en: str) -> str:
    if ru.strip() and en.strip():
        return "auto"  # each token's stemmer is chosen by its script
    return "en" if en.strip() else "ru"


def _document(kind: str, record_id: int, title: str, body: str, lang: str = "auto") -> ProfileDocument:
    return ProfileDocument(
        text=body,
        title=title,
        id=document_id(kind, record_id, f"{title}\n{body}"),
        kind=kind if kind != "order" else PAST_WORK_KIND,
        lang=lang,
    )


def _restrict(statement: _Select, column: InstrumentedAttribute[int], ids: Collection[int] | None) -> _Select:
    return statement if ids is None else statement.where(column.in_(list(ids)))


class _Parts:
    """Per-organization lists collected from the bulk queries."""

    def __init__(self) -> None:
        self.competencies: dict[int, list[ProfileCompetency]] = defaultdict(list)
        self.competency_notes: dict[int, list[ProfileDocument]] = defaultdict(list)
        self.competency_codes: dict[int, list[str]] = defaultdict(list)
        self.products: dict[int, list[ProfileDocument]] = defaultdict(list)
        self.offers: dict[int, list[ProfileDocument]] = defaultdict(list)
        self.equipment: dict[int, list[ProfileDocument]] = defaultdict(list)
        self.orders: dict[int, list[ProfileDocument]] = defaultdict(list)
        self.okpd2: dict[int, list[str]] = defaultdict(list)


def _load_competencies(session: Session, ids: Collection[int] | None, parts: _Parts) -> None:
    rows = session.execute(
        _restrict(
            select(
                OrganizationCompetency.organization_id,
                Competency.id,
                Competency.code,
                Competency.name_ru,
                Competency.name_en,
                OrganizationCompetency.note,
            )
            .join(Competency, Competency.id == OrganizationCompetency.competency_id)
            .order_by(OrganizationCompetency.organization_id, Competency.code),
            OrganizationCompetency.organization_id,
            ids,
        )
    )
    for org_id, competency_id, code, name_ru, name_en, note in rows:
        # both names in the competency document, so that English queries find it too
        name = f"{name_ru} ({name_en})" if name_ru and name_en and name_en != name_ru else (name_ru or name_en)
        parts.competencies[org_id].append(ProfileCompetency(code=code, name=name))
        if note and note.strip():
            title = f"{name_ru or name_en}: {note.strip()}"
            parts.competency_notes[org_id].append(
                ProfileDocument(
                    text=name_en or "",
                    title=title,
                    kind="competencies",
                    lang="auto",
                    id=document_id("competency", competency_id, title),
                )
            )


def _load_products(session: Session, ids: Collection[int] | None, parts: _Parts) -> None:
    rows = session.execute(
        _restrict(
            select(
                Product.organization_id,
                Product.id,
                Product.name_ru,
                Product.name_en,
                Product.description_ru,
                Product.description_en,
                Product.specs,
                Product.okpd2,
            ).order_by(Product.organization_id, Product.id),
            Product.organization_id,
            ids,
        )
    )
    for org_id, pid, name_ru, name_en, desc_ru, desc_en, specs, okpd2 in rows:
        body = _join(name_en if name_ru else "", desc_ru, desc_en, _specs_text(specs))
        parts.products[org_id].append(
            _document("product", pid, name_ru or name_en, body, _lang(name_ru + desc_ru, name_en + desc_en))
        )
        if okpd2:
            parts.okpd2[org_id].append(okpd2)


def _load_offers(session: Session, ids: Collection[int] | None, parts: _Parts) -> None:
    rows = session.execute(
        _restrict(
            select(Offer.organization_id, Offer.id, Offer.title, Offer.description, Offer.okpd2_codes)
            .where(Offer.status == OfferStatus.ACTIVE)
            .order_by(Offer.organization_id, Offer.id),
            Offer.organization_id,
            ids,
        )
    )
    offer_owner: dict[int, int] = {}
    for org_id, oid, title, description, codes in rows:
        parts.offers[org_id].append(_document("offer", oid, title, description or ""))
        parts.okpd2[org_id].extend(codes or [])
        offer_owner[oid] = org_id
    if not offer_owner:
        return
    # the competencies an offer declares are the organization's too (codes only)
    links = session.execute(
        select(offer_competency.c.offer_id, Competency.code)
        .join(Competency, Competency.id == offer_competency.c.competency_id)
        .join(Offer, Offer.id == offer_competency.c.offer_id)
        .where(Offer.status == OfferStatus.ACTIVE)
        .where(*([Offer.organization_id.in_(list(ids))] if ids is not None else []))
        .order_by(offer_competency.c.offer_id, Competency.code)
    )
    for offer_id, code in links:
        if offer_id in offer_owner:
            parts.competency_codes[offer_owner[offer_id]].append(code)


def _load_equipment(session: Session, ids: Collection[int] | None, parts: _Parts) -> None:
    rows = session.execute(
        _restrict(
            select(
                Equipment.organization_id,
                Equipment.id,
                Equipment.name_ru,
                Equipment.name_en,
                Equipment.manufacturer,
                Equipment.model,
                Equipment.description_ru,
                Equipment.description_en,
                Equipment.specs,
            )
            .where(Equipment.status != EquipmentStatus.RETIRED)
            .order_by(Equipment.organization_id, Equipment.id),
            Equipment.organization_id,
            ids,
        )
    )
    for org_id, eid, name_ru, name_en, maker, model, desc_ru, desc_en, specs in rows:
        body = _join(
            name_en if name_ru else "", " ".join(x for x in (maker, model) if x), desc_ru, desc_en, _specs_text(specs)
        )
        parts.equipment[org_id].append(
            _document("equipment", eid, name_ru or name_en, body, _lang(name_ru + desc_ru, name_en + desc_en))
        )


def _load_won_orders(session: Session, ids: Collection[int] | None, parts: _Parts) -> None:
    rows = session.execute(
        _restrict(
            select(Response.organization_id, Order.id, Order.title, Order.description)
            .join(Order, Order.id == Response.order_id)
            .where(Response.status == ResponseStatus.ACCEPTED, Order.status.in_(WON_ORDER_STATUSES))
            .order_by(Response.organization_id, Order.id),
            Response.organization_id,
            ids,
        )
    )
    for org_id, order_id, title, description in rows:
        parts.orders[org_id].append(_document("order", order_id, title, description or ""))


def _load_projects(session: Session, ids: Collection[int] | None, parts: _Parts) -> None:
    rows = session.execute(
        _restrict(
            select(
                ConsortiumMember.organization_id,
                ConsortiumMember.id,
                Project.id,
                Project.title,
                Project.description,
                ConsortiumMember.role,
            )
            .join(Project, Project.id == ConsortiumMember.project_id)
            .where(ConsortiumMember.status == ConsortiumStatus.ACCEPTED, Project.status.in_(PROJECT_STATUSES))
            .order_by(ConsortiumMember.organization_id, Project.id),
            ConsortiumMember.organization_id,
            ids,
        )
    ).all()
    if not rows:
        return
    covered: dict[int, list[str]] = defaultdict(list)
    for member_id, need_title in session.execute(
        select(ConsortiumMember.id, ProjectNeed.title)
        .join(ConsortiumMember.needs)
        .where(ConsortiumMember.id.in_([r[1] for r in rows]))
        .order_by(ConsortiumMember.id, ProjectNeed.position, ProjectNeed.id)
    ):
        covered[member_id].append(need_title)
    for org_id, member_id, project_id, title, description, role in rows:
        parts.orders[org_id].append(
            _document("project", project_id, title, _join(role, description, "\n".join(covered[member_id])))
        )


def load_profiles(session: Session, organization_ids: Collection[int] | None = None) -> dict[int, OrganizationProfile]:
    """Profiles of all organizations (or of ``organization_ids``), keyed by id; ordered by id.

    Eight queries whatever the number of organizations. An id without an
    organization (deleted) is simply absent from the result.
    """
    ids = None if organization_ids is None else sorted(set(organization_ids))
    if ids is not None and not ids:
        return {}
    parts = _Parts()
    _load_competencies(session, ids, parts)
    _load_products(session, ids, parts)
    _load_offers(session, ids, parts)
    _load_equipment(session, ids, parts)
    _load_won_orders(session, ids, parts)
    _load_projects(session, ids, parts)
    organizations = session.execute(
        _restrict(
            select(
                Organization.id,
                Organization.name_ru,
                Organization.name_en,
                Organization.kind,
                Organization.region,
                Organization.membership_status,
                Organization.description_ru,
                Organization.description_en,
                Organization.city,
            ).order_by(Organization.id),
            Organization.id,
            ids,
        )
    ).all()
    profiles: dict[int, OrganizationProfile] = {}
    for org_id, name_ru, name_en, kind, region, status, desc_ru, desc_en, city in organizations:
        # the profile has no slot for competency notes: an explicit document keeps its own kind ("competencies")
        products = [*parts.competency_notes[org_id], *parts.products[org_id]]
        competency_codes = [c.code for c in parts.competencies[org_id]] + parts.competency_codes[org_id]
        profiles[org_id] = OrganizationProfile(
            id=org_id,
            name=name_ru or name_en,
            kind=kind.value if hasattr(kind, "value") else str(kind),
            region=region or "",
            places=(city,) if city else (),  # an order naming the city or the region prefers it
            is_member=status.value == "member" if hasattr(status, "value") else status == "member",
            description=_join(desc_ru, desc_en),
            description_lang=_lang(desc_ru or "", desc_en or ""),
            competencies=tuple(parts.competencies[org_id]),
            products=tuple(products),
            offers=tuple(parts.offers[org_id]),
            equipment=tuple(parts.equipment[org_id]),
            projects=tuple(parts.orders[org_id]),
            okpd2_codes=tuple(dict.fromkeys(parts.okpd2[org_id])),
            competency_codes=tuple(dict.fromkeys(competency_codes)),
        )
    return profiles


def count_documents(profiles: Iterable[OrganizationProfile]) -> int:
    return sum(sum(1 for _ in profile.documents()) for profile in profiles)
