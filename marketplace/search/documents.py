"""Search documents built from the marketplace's records.

What is indexed, and what never is:

- organizations: names, descriptions, city, region, kind, competencies (with
  their notes); certifications and capacity only when the owner has not
  marked them confidential, and then as *protected* text that only
  registered users search. Contacts, INN/OGRN and staff size are never indexed.
- products: names, descriptions, specs, unit, OKPD2/HS/UNSPSC codes (with
  the OKPD2 names), the owner's name. Prices are not indexed.
- equipment: names, manufacturer, model, category, descriptions, specs,
  requirements, location, the owner's name. Prices are not indexed.
- orders: title, description, OKPD2 codes, competencies, region, the
  customer's name; never the budget. Drafts and cancelled orders are not indexed.
- offers: active ones only; title, description, codes, competencies, region.
- events: published ones only (never drafts or cancelled ones); titles, descriptions, kind, place,
  the organizer's name. Never the participants.
- ideas: title, body, kind, competencies, the author's organization's name (never the author's contacts);
  open and closed ones. An idea carries no ``organization_id`` field: an idea is its author's, and
  colleagues of a non-member author see it by its visibility like anyone else.

Every document carries ``visibility`` and (except ideas and the cluster
management's events) ``organization_id`` as filter fields. ``visibility`` is
an order's, offer's, event's or idea's own ("public" or "members"),
"registered" for organizations that are not cluster members (guests do not
see them), and "public" otherwise; orders, offers, events and ideas also
``status`` and ``kind``, equipment ``status`` and ``category``.

The facets of the search page (``FACETS``) are filter fields too: ``region``
(an organization's, or a product's or equipment's owner's; an order's or
offer's own), ``org_kind`` and ``membership`` ("member" or "nonmember") of the
organization or of the owner, ``okpd2_section`` (the OKPD2 section letters of
a product's, order's or offer's codes; several values) and ``available``
("yes" or "no") of equipment. ``date`` orders results by date: an
organization's, product's or equipment's last change, an order's, offer's or
idea's creation, an event's start.
"""

from __future__ import annotations

import enum
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from typing import NamedTuple, TypeAlias

from flask_babel import force_locale
from sqlalchemy import select
from sqlalchemy.orm import Session

from search_index import Document
from text_analysis import latin_words

from ..catalog.models import Okpd2Code, Product
from ..db import Model
from ..equipment.models import Equipment, EquipmentStatus
from ..events.models import Event, EventStatus
from ..i18n import lazy_label
from ..ideas.models import Idea, idea_competency
from ..orders.models import Offer, OfferStatus, Order, OrderStatus, offer_competency, order_competency
from ..organizations.models import Competency, MembershipStatus, Organization, OrganizationCompetency
from ..reference.okpd2_sections import okpd2_sections
from ..reference.regions import region_name
from ..visibility import Visibility

#: A record of a type that is indexed.
IndexedRecord: TypeAlias = Organization | Product | Equipment | Order | Offer | Event | Idea

#: Document type → model, in the order the search page shows its tabs.
MODELS: dict[str, type[IndexedRecord]] = {
    "organization": Organization,
    "product": Product,
    "equipment": Equipment,
    "order": Order,
    "offer": Offer,
    "event": Event,
    "idea": Idea,
}
TYPES = tuple(MODELS)
TYPE_OF: dict[type[Model], str] = {model: name for name, model in MODELS.items()}

INDEXED_ORDER_STATUSES = (OrderStatus.OPEN, OrderStatus.AWARDED, OrderStatus.COMPLETED)
PUBLIC = Visibility.PUBLIC.value
#: The visibility of records any registered user may see, but guests may not.
REGISTERED = "registered"

#: The values of the ``membership`` and ``available`` facets.
MEMBER, NON_MEMBER = "member", "nonmember"
YES, NO = "yes", "no"
#: The facet fields, in the order the search page shows them, and those each type has.
FACETS = ("region", "org_kind", "okpd2_section", "membership", "available")
TYPE_FACETS: dict[str, tuple[str, ...]] = {
    "organization": ("region", "org_kind", "membership"),
    "product": ("region", "org_kind", "okpd2_section", "membership"),
    "equipment": ("region", "org_kind", "membership", "available"),
    "order": ("region", "org_kind", "okpd2_section", "membership"),
    "offer": ("region", "org_kind", "okpd2_section", "membership"),
    "event": (),
    "idea": (),
}
#: The organization's columns its records' documents show (its names) or are filtered by (the rest):
#: when one changes, those documents are built again.
OWNER_ATTRIBUTES = ("name_ru", "name_en", "region", "kind", "membership_status")


class _Owner(NamedTuple):
    """What a record's document takes from its organization."""

    name_ru: str
    name_en: str
    region: str
    kind: str
    membership: str


def _membership(status: MembershipStatus) -> str:
    return MEMBER if status == MembershipStatus.MEMBER else NON_MEMBER


def _facet_fields(**values: str | Sequence[str] | None) -> dict[str, str | Sequence[str]]:
    """The facet fields with a value (an empty region or a code outside the sections is no value)."""
    return {name: value for name, value in values.items() if value}


def _join(*parts: str | None) -> str:
    return "\n".join(p.strip() for p in parts if p and p.strip())


def _specs_text(specs: Iterable[object] | None) -> str:
    lines = [f"{spec.get('name', '')}: {spec.get('value', '')}" for spec in specs or () if isinstance(spec, dict)]
    return "\n".join(lines)


def _labels(value: enum.Enum) -> list[str]:
    """The enum value's label in Russian and in English (for words like "аддитивное")."""
    label = lazy_label(value)
    if label is None:
        return []
    out = []
    for locale in ("ru", "en"):
        with force_locale(locale):
            out.append(str(label))
    return out


def _regions(stored: str) -> list[str]:
    if not stored:
        return []
    return [stored, region_name(stored, "en")]


class DocumentBuilder:
    """Builds the document of a record, reading related rows through ``session``.

    Related names and fields (owners, competencies, OKPD2 titles) are read with
    explicit queries, not through possibly stale relationship collections, and
    cached for the builder's lifetime; ``prefetch()`` loads them all at once for
    a full rebuild.
    """

    def __init__(self, session: Session) -> None:
        self.session = session
        self._competencies: dict[tuple[str, int], list[str]] = {}
        self._okpd2: dict[str, str | None] = {}
        self._owners: dict[int, _Owner | None] = {}
        self._prefetched = False

    # -- entry points ----------------------------------------------------------------------

    def build(self, obj: Model) -> Document | None:
        """The document of ``obj`` (a record of one of ``MODELS``), or ``None`` when it must not be in the index."""
        return getattr(self, f"_{TYPE_OF[type(obj)]}")(obj)

    def prefetch(self) -> None:
        """Load every competency link, OKPD2 name and organization's owner fields (for a full rebuild)."""
        self._prefetched = True
        for org_id, name_ru, name_en, region, org_kind, membership_status in self.session.execute(
            select(
                Organization.id,
                Organization.name_ru,
                Organization.name_en,
                Organization.region,
                Organization.kind,
                Organization.membership_status,
            )
        ):
            self._owners[org_id] = self._owner_of(name_ru, name_en, region, org_kind, membership_status)
        rows = self.session.execute(
            select(
                OrganizationCompetency.organization_id,
                Competency.name_ru,
                Competency.name_en,
                OrganizationCompetency.note,
            )
            .select_from(OrganizationCompetency)
            .join(Competency, Competency.id == OrganizationCompetency.competency_id)
            .order_by(Competency.id)  # as _read_competency_names: equal documents, equal digests
        )
        for org_id, *names in rows:
            self._competencies.setdefault(("organization", org_id), []).extend(names)
        for kind, table, column in _COMPETENCY_LINKS:
            rows = self.session.execute(
                select(column, Competency.name_ru, Competency.name_en)
                .select_from(table)
                .join(Competency, Competency.id == table.c.competency_id)
                .order_by(Competency.id)
            )
            for record_id, *names in rows:
                self._competencies.setdefault((kind, record_id), []).extend(names)
        for code, name_ru, name_en in self.session.execute(
            select(Okpd2Code.code, Okpd2Code.name_ru, Okpd2Code.name_en)
        ):
            self._okpd2[code] = _join(name_ru, name_en)

    # -- related data ----------------------------------------------------------------------

    def _competency_names(self, kind: str, record_id: int) -> list[str]:
        key = (kind, record_id)
        if key not in self._competencies:
            if self._prefetched:
                return []
            self._competencies[key] = self._read_competency_names(kind, record_id)
        return [n for n in self._competencies[key] if n]

    def _read_competency_names(self, kind: str, record_id: int) -> list[str]:
        """The names of the record's competencies (and an organization's notes on them), from the database."""
        if kind == "organization":
            with_notes = (
                select(Competency.name_ru, Competency.name_en, OrganizationCompetency.note)
                .select_from(OrganizationCompetency)
                .join(Competency, Competency.id == OrganizationCompetency.competency_id)
                .where(OrganizationCompetency.organization_id == record_id)
                .order_by(Competency.id)
            )
            return [name for row in self.session.execute(with_notes) for name in row]
        table, column = _COMPETENCY_TABLES[kind]
        names = (
            select(Competency.name_ru, Competency.name_en)
            .select_from(table)
            .join(Competency, Competency.id == table.c.competency_id)
            .where(column == record_id)
            .order_by(Competency.id)
        )
        return [name for row in self.session.execute(names) for name in row]

    def _okpd2_names(self, codes: Iterable[str]) -> list[str]:
        codes = [c for c in codes if c]
        missing = [c for c in codes if c not in self._okpd2]
        if missing and not self._prefetched:
            found = {
                code: _join(ru, en)
                for code, ru, en in self.session.execute(
                    select(Okpd2Code.code, Okpd2Code.name_ru, Okpd2Code.name_en).where(Okpd2Code.code.in_(missing))
                )
            }
            for code in missing:
                self._okpd2[code] = found.get(code)
        return [name for c in codes if (name := self._okpd2.get(c))]

    @staticmethod
    def _owner_of(
        name_ru: str, name_en: str, region: str, kind: enum.Enum, membership_status: MembershipStatus
    ) -> _Owner:
        return _Owner(name_ru, name_en, region or "", str(kind.value), _membership(membership_status))

    def _owner(self, organization_id: int | None) -> _Owner | None:
        if organization_id is None:
            return None
        if organization_id not in self._owners:
            if self._prefetched:
                return None
            org = self.session.get(Organization, organization_id)
            self._owners[organization_id] = (
                None
                if org is None
                else self._owner_of(org.name_ru, org.name_en, org.region, org.kind, org.membership_status)
            )
        return self._owners[organization_id]

    def _owner_names(self, organization_id: int | None) -> list[str]:
        owner = self._owner(organization_id)
        return [] if owner is None else [owner.name_ru, owner.name_en]

    def _owner_facets(
        self, organization_id: int | None, *, region: str | None = None, codes: Iterable[str | None] = ()
    ) -> dict[str, str | Sequence[str]]:
        """The facet fields of a record of ``organization_id``: the owner's kind and membership, ``region``
        (the owner's when not given), the sections of ``codes``."""
        owner = self._owner(organization_id)
        return _facet_fields(
            region=region if region is not None else (owner.region if owner else None),
            org_kind=owner.kind if owner else None,
            membership=owner.membership if owner else None,
            okpd2_section=okpd2_sections(codes),
        )

    # -- one builder per type --------------------------------------------------------------

    def _organization(self, org: Organization) -> Document:
        def shown(field: str) -> str:
            # Only PROTECTED_FIELDS can be marked confidential today; checking every
            # indexed field keeps that promise even if the list grows.
            return "" if org.is_confidential(field) else (getattr(org, field) or "")

        return Document(
            type="organization",
            id=org.id,
            title=_join(shown("name_ru"), shown("name_en")),
            body=_join(shown("description_ru"), shown("description_en"), shown("city")),
            tags=[*self._competency_names("organization", org.id), *_regions(shown("region")), *_labels(org.kind)],
            protected=_join(shown("certifications"), shown("capacity")),
            names=[shown("name_ru"), shown("name_en")],  # "Rosneft" finds «Роснефть», and back
            # Guests may open members' profiles only (organizations.load_organization).
            fields={
                "visibility": PUBLIC if org.is_member else REGISTERED,
                "organization_id": org.id,
                **_facet_fields(
                    region=org.region, org_kind=org.kind.value, membership=_membership(org.membership_status)
                ),
            },
            date=org.updated_at or org.created_at,
        )

    def _product(self, product: Product) -> Document:
        return Document(
            type="product",
            id=product.id,
            title=_join(product.name_ru, product.name_en),
            body=_join(product.description_ru, product.description_en, _specs_text(product.specs)),
            tags=[*self._owner_names(product.organization_id), *self._okpd2_names([product.okpd2]), product.unit],
            names=[latin_words(product.name_ru or "")],  # brands in a Russian name: "Аджилент" finds "Agilent"
            codes=[product.okpd2, product.hs_code or "", product.unspsc or ""],
            fields={
                "visibility": PUBLIC,
                "organization_id": product.organization_id,
                **self._owner_facets(product.organization_id, codes=[product.okpd2]),
            },
            date=product.updated_at or product.created_at,
        )

    def _equipment(self, item: Equipment) -> Document:
        return Document(
            type="equipment",
            id=item.id,
            title=_join(item.name_ru, item.name_en),
            body=_join(
                item.description_ru, item.description_en, _specs_text(item.specs), item.requirements, item.location
            ),
            tags=[item.manufacturer, item.model, *_labels(item.category), *self._owner_names(item.organization_id)],
            names=[item.name_ru, item.name_en, item.manufacturer, item.model],
            fields={
                "visibility": PUBLIC,
                "organization_id": item.organization_id,
                "status": item.status.value,
                "category": item.category.value,
                "available": YES if item.status == EquipmentStatus.AVAILABLE else NO,
                **self._owner_facets(item.organization_id),
            },
            date=item.updated_at or item.created_at,
        )

    def _order(self, order: Order) -> Document | None:
        if order.status not in INDEXED_ORDER_STATUSES:
            return None
        codes = list(order.okpd2_codes or ())
        return Document(
            type="order",
            id=order.id,
            title=order.title,
            body=order.description,
            tags=[
                *self._competency_names("order", order.id),
                *self._okpd2_names(codes),
                *_regions(order.region),
                *self._owner_names(order.organization_id),
            ],
            codes=codes,
            fields={
                "visibility": order.visibility.value,
                "organization_id": order.organization_id,
                "status": order.status.value,
                "kind": order.kind.value,
                **self._owner_facets(order.organization_id, region=order.region or "", codes=codes),
            },
            date=order.created_at,
        )

    def _offer(self, offer: Offer) -> Document | None:
        if offer.status != OfferStatus.ACTIVE:
            return None
        codes = list(offer.okpd2_codes or ())
        return Document(
            type="offer",
            id=offer.id,
            title=offer.title,
            body=offer.description,
            tags=[
                *self._competency_names("offer", offer.id),
                *self._okpd2_names(codes),
                *_regions(offer.region),
                *self._owner_names(offer.organization_id),
            ],
            codes=codes,
            fields={
                "visibility": offer.visibility.value,
                "organization_id": offer.organization_id,
                "status": offer.status.value,
                "kind": offer.kind.value,
                **self._owner_facets(offer.organization_id, region=offer.region or "", codes=codes),
            },
            date=offer.created_at,
        )

    def _event(self, event: Event) -> Document | None:
        if event.status != EventStatus.PUBLISHED:
            return None
        fields: dict[str, str | int] = {
            "visibility": event.visibility.value,
            "status": event.status.value,
            "kind": event.kind.value,
        }
        if event.organizer_id is not None:
            fields["organization_id"] = event.organizer_id
        return Document(
            type="event",
            id=event.id,
            title=_join(event.title_ru, event.title_en),
            body=_join(event.description_ru, event.description_en, event.place),
            tags=[*_labels(event.kind), *self._owner_names(event.organizer_id)],
            fields=fields,
            date=event.starts_at,
        )

    def _idea(self, idea: Idea) -> Document:
        return Document(
            type="idea",
            id=idea.id,
            title=idea.title,
            body=idea.body,
            tags=[
                *_labels(idea.kind),
                *self._competency_names("idea", idea.id),
                *self._owner_names(idea.organization_id),
            ],
            fields={"visibility": idea.visibility.value, "status": idea.status.value, "kind": idea.kind.value},
            date=idea.created_at,
        )


#: Competency link tables of the records that have competencies (besides organizations).
_COMPETENCY_TABLES = {
    "order": (order_competency, order_competency.c.order_id),
    "offer": (offer_competency, offer_competency.c.offer_id),
    "idea": (idea_competency, idea_competency.c.idea_id),
}
_COMPETENCY_LINKS = [(kind, table, column) for kind, (table, column) in _COMPETENCY_TABLES.items()]

#: The column naming the organization each record shows the name of.
_OWNER_COLUMNS = {
    "product": Product.organization_id,
    "equipment": Equipment.organization_id,
    "order": Order.organization_id,
    "offer": Offer.organization_id,
    "event": Event.organizer_id,
    "idea": Idea.organization_id,
}


def all_documents(session: Session, progress: Callable[[], None] | None = None) -> Iterable[Document]:
    """Every document the database yields (for a full rebuild), type by type; ``progress`` is called
    for every record read, indexed or not."""
    builder = DocumentBuilder(session)
    builder.prefetch()
    for model in MODELS.values():
        for obj in session.scalars(select(model).order_by(model.id)).all():
            document = builder.build(obj)
            if progress is not None:
                progress()
            if document is not None:
                yield document


def dependent_keys(
    session: Session, *, organizations: Iterable[int] = (), competencies: Iterable[int] = ()
) -> set[tuple[str, int]]:
    """Keys of documents that show a renamed organization's or competency's name, or an organization's
    ``OWNER_ATTRIBUTES`` (``organizations``: those whose names or owner fields changed)."""
    keys: set[tuple[str, int]] = set()
    organizations, competencies = list(organizations), list(competencies)
    if organizations:
        for doc_type, column in _OWNER_COLUMNS.items():
            model = MODELS[doc_type]
            ids = session.scalars(select(model.id).where(column.in_(organizations)))
            keys.update((doc_type, i) for i in ids)
    if competencies:
        links: defaultdict[str, Sequence[int]] = defaultdict(list)
        links["organization"] = session.scalars(
            select(OrganizationCompetency.organization_id).where(OrganizationCompetency.competency_id.in_(competencies))
        ).all()
        links["order"] = session.scalars(
            select(order_competency.c.order_id).where(order_competency.c.competency_id.in_(competencies))
        ).all()
        links["offer"] = session.scalars(
            select(offer_competency.c.offer_id).where(offer_competency.c.competency_id.in_(competencies))
        ).all()
        links["idea"] = session.scalars(
            select(idea_competency.c.idea_id).where(idea_competency.c.competency_id.in_(competencies))
        ).all()
        for doc_type, linked in links.items():
            keys.update((doc_type, i) for i in linked)
    return keys
