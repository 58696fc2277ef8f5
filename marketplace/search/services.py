"""Search services: the search page's query, suggested suppliers, and the full rebuild.

Visibility is enforced twice: the index query is filtered by what the viewer
may see (``visibility_filters``), and the records of the hits are loaded with
each feature's visibility rule in the query (``shown``), so a stale index
entry never shows a record its viewer may not see.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from flask_login import AnonymousUserMixin
from markupsafe import Markup
from sqlalchemy import ColumnElement, and_, select, true
from sqlalchemy.orm import joinedload

from search_index import Document, Hit

from .. import access
from ..access import AccessLevel
from ..catalog.models import Product
from ..db import db
from ..equipment.models import Equipment
from ..events.models import Event, EventStatus
from ..events.rules import visible_events
from ..ideas.models import Idea
from ..ideas.rules import visible_ideas
from ..orders.models import Offer, OfferStatus, Order
from ..orders.rules import visible_offers, visible_orders
from ..organizations.models import Organization
from ..organizations.rules import visible_organizations
from ..pagination import ResultsPage
from .documents import INDEXED_ORDER_STATUSES, MODELS, REGISTERED, TYPES, all_documents
from .engine import get_index

#: How much a hit of each type counts towards its organization in ``find_organizations``;
#: orders are demand, not supply, so they do not count.
SUPPLIER_WEIGHTS = {"organization": 1.0, "offer": 0.8, "product": 0.6, "equipment": 0.5}
#: Hits of one type counted per organization (each next one counts less).
SUPPLIER_HITS_PER_TYPE = 3
MAX_QUERY_LENGTH = 200


def _viewer(user: Any) -> Any:
    """``None`` means a guest: services never fall back to the request's user."""
    return AnonymousUserMixin() if user is None else user


def visibility_filters(user: Any) -> list[dict[str, str | list[str]]]:
    """Index filters for the documents ``user`` may see: their visibility, or their own organization's."""
    user = _viewer(user)
    allowed = [v.value for v in access.allowed_visibilities(user)]
    if access.access_level(user) >= AccessLevel.USER:
        allowed.append(REGISTERED)
    alternatives: list[dict[str, str | list[str]]] = [{"visibility": allowed}]
    if user.is_authenticated and user.organization_id is not None:
        alternatives.append({"organization_id": str(user.organization_id)})
    return alternatives


def may_search_protected(user: Any) -> bool:
    """Registered users may find organizations by their (non-confidential) certifications and capacity."""
    return access.access_level(_viewer(user)) >= AccessLevel.USER


def shown(doc_type: str, user: Any) -> ColumnElement[bool]:
    """SQL for the records of ``doc_type`` a search may show ``user``: what is indexed, by its feature's
    visibility rule (applied again to every hit, so a stale index entry never shows a hidden record)."""
    user = _viewer(user)
    conditions = {
        "organization": lambda: visible_organizations(user),
        "order": lambda: and_(Order.status.in_(INDEXED_ORDER_STATUSES), visible_orders(user)),
        "offer": lambda: and_(Offer.status == OfferStatus.ACTIVE, visible_offers(user)),
        "event": lambda: and_(Event.status == EventStatus.PUBLISHED, visible_events(user)),
        "idea": lambda: visible_ideas(user),
    }
    condition = conditions.get(doc_type)
    return condition() if condition else true()


@dataclass
class ResultItem:
    """One search result: the record, its type, and an HTML snippet with the matched words marked."""

    type: str
    record: Any
    score: float
    snippet: Markup | None


#: The organization each type's result line names, loaded with the records (not one query per line).
RESULT_OWNER: dict[str, Any] = {
    "product": Product.organization,
    "equipment": Equipment.organization,
    "order": Order.organization,
    "offer": Offer.organization,
    "idea": Idea.organization,
}


@dataclass
class SearchOutcome:
    text: str
    doc_type: str | None
    page: ResultsPage
    counts: dict[str, int] = field(default_factory=dict)
    relaxed: bool = False  # no record had every word; these have some of them

    @property
    def total_all(self) -> int:
        return sum(self.counts.values())


def search_records(
    text: str, *, doc_type: str | None = None, page: int = 1, per_page: int = 20, user: Any = None
) -> SearchOutcome:
    """One page of records matching ``text`` that ``user`` may see, best first.

    Every word must match; when no record has them all, records with any of
    them are shown instead (``relaxed``). ``counts`` are per type, for the tabs.
    Raises ``ValueError`` for an unknown ``doc_type`` and ``search_index.SearchIndexError``
    when the index cannot be read.
    """
    if doc_type is not None and doc_type not in TYPES:
        raise ValueError(f"unknown document type {doc_type!r}")
    text = text.strip()[:MAX_QUERY_LENGTH]
    query = partial(
        get_index().query,
        text,
        types=[doc_type] if doc_type else None,
        filters=visibility_filters(user),
        limit=per_page,
        offset=(page - 1) * per_page,
        search_protected=may_search_protected(user),
        counts=True,
    )
    result = query(match="all")
    relaxed = False
    if not any(result.counts.values()):
        relaxed_result = query(match="any")
        if any(relaxed_result.counts.values()):
            result, relaxed = relaxed_result, True
    items = _load(result.hits, user)
    return SearchOutcome(
        text=text,
        doc_type=doc_type,
        counts=dict(result.counts),
        relaxed=relaxed,
        page=ResultsPage(page=page, per_page=per_page, total=result.total, items=items),
    )


def _load(hits: list[Hit], user: Any) -> list[ResultItem]:
    """The hits' records in hit order, leaving out ones gone from the database or not visible."""
    wanted: dict[str, list[int]] = defaultdict(list)
    for hit in hits:
        wanted[hit.type].append(int(hit.id))
    records: dict[tuple[str, int], Any] = {}
    record: Any  # a record of one of MODELS; to the type checker their common base, which has no ``id``
    for doc_type, ids in wanted.items():
        model = MODELS[doc_type]
        statement = select(model).where(model.id.in_(ids), shown(doc_type, user))
        if doc_type in RESULT_OWNER:
            statement = statement.options(joinedload(RESULT_OWNER[doc_type]))
        for record in db.session.scalars(statement):
            records[(doc_type, record.id)] = record
    items = []
    for hit in hits:
        record = records.get((hit.type, int(hit.id)))
        if record is None:  # gone from the database, or not to be shown to this user
            continue
        snippet = hit.highlights.get("body") or None
        # Whoosh escapes the stored text and adds only <mark> tags around matched words.
        html = Markup(snippet) if snippet else None  # noqa: S704  already escaped by the index, as said above
        items.append(ResultItem(type=hit.type, record=record, score=hit.score, snippet=html))
    return items


def find_organizations(
    text: str, *, limit: int = 10, exclude_ids: Iterable[int] = (), user: Any = None
) -> list[tuple[Organization, float]]:
    """Organizations ranked by full-text relevance of their indexed documents to ``text``; best first.

    An organization scores by its own document and by its offers, products and
    equipment (each type weighted by ``SUPPLIER_WEIGHTS``, up to
    ``SUPPLIER_HITS_PER_TYPE`` hits each, with diminishing weight), so a
    supplier whose catalog matches ranks even if its profile says little.
    Only documents ``user`` may see count (``None``: what a guest sees).
    Returns at most ``limit`` ``(organization, score)`` pairs, never one in
    ``exclude_ids``; scores are comparable only within one call.
    """
    if limit <= 0 or not (text or "").strip():
        return []
    excluded = {int(i) for i in exclude_ids}
    result = get_index().query(
        text,
        types=list(SUPPLIER_WEIGHTS),
        filters=visibility_filters(user),
        limit=400,
        match="any",
        search_protected=may_search_protected(user),
        highlight=False,
        syntax=False,
    )
    per_org: dict[int, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    for hit in result.hits:
        org_id = int(hit.fields.get("organization_id") or hit.id)
        if org_id not in excluded:
            per_org[org_id][hit.type].append(hit.score)
    scores: defaultdict[int, float] = defaultdict(float)
    for org_id, by_type in per_org.items():
        for doc_type, type_scores in by_type.items():
            best = sorted(type_scores, reverse=True)[:SUPPLIER_HITS_PER_TYPE]
            scores[org_id] += SUPPLIER_WEIGHTS[doc_type] * sum(s / (rank + 1) for rank, s in enumerate(best))
    # A few spare candidates stand in for organizations deleted since they were indexed.
    ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))[: limit * 2]
    organizations = {
        org.id: org
        for org in db.session.scalars(
            select(Organization).where(
                Organization.id.in_([org_id for org_id, _ in ranked]), shown("organization", user)
            )
        )
    }
    found = [(organizations[org_id], round(score, 4)) for org_id, score in ranked if org_id in organizations]
    return found[:limit]


def reindex() -> dict[str, int]:
    """Rebuild the whole index from the database in one index commit; returns documents per type."""
    counts: Counter[str] = Counter()

    def counted() -> Iterator[Document]:
        for document in all_documents(db.session()):
            counts[document.type] += 1
            yield document

    get_index().rebuild(counted())
    return {doc_type: counts.get(doc_type, 0) for doc_type in TYPES}
