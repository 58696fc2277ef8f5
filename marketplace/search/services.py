"""Search services: the search page's query, suggested suppliers, and the full rebuild.

Visibility is enforced twice: the index query is filtered by what the viewer
may see (``visibility_filters``), and the records of the hits are loaded with
each feature's visibility rule in the query (``shown``), so a stale index
entry never shows a record its viewer may not see. Facet counts come from the
filtered index query, so they never count what the viewer may not see.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import partial
from typing import Any, Literal

from flask_login import AnonymousUserMixin
from markupsafe import Markup
from sqlalchemy import ColumnElement, and_, func, select, true
from sqlalchemy.orm import joinedload

from search_index import Document, Hit
from search_index.query import parse
from text_analysis import tokens, words

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
from . import outbox
from .documents import FACETS, INDEXED_ORDER_STATUSES, MODELS, REGISTERED, TYPE_FACETS, TYPES, all_documents
from .engine import get_index

#: How much a hit of each type counts towards its organization in ``find_organizations``;
#: orders are demand, not supply, so they do not count.
SUPPLIER_WEIGHTS = {"organization": 1.0, "offer": 0.8, "product": 0.6, "equipment": 0.5}
#: Hits of one type counted per organization (each next one counts less).
SUPPLIER_HITS_PER_TYPE = 3
MAX_QUERY_LENGTH = 200
#: Suggestions as you type: the types they are of, and at most how many.
SUGGESTION_TYPES = ("organization", "product")
MAX_SUGGESTIONS = 8

Sort = Literal["relevance", "date"]
#: Why a query has nothing to look for: only stop words ("и", "for", a lone "OR"), only excluded
#: words ("NOT фланец"), or no word at all (punctuation).
Unsearchable = Literal["stop_words", "exclusions", "no_words"]


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
    """One page of search results and what the page shows around them.

    ``counts`` are matches per type (for the tabs), ``facets`` matches per value of each facet
    field of the chosen type (all of ``FACETS`` without one), both under the chosen filters.
    ``corrected`` is the query respelled when the typed words found little; ``respelled`` says the
    results are the corrected query's. ``unsearchable`` says why the text has no word to look for
    (then nothing is searched), ``shortened`` that it was cut to ``MAX_QUERY_LENGTH`` characters.
    """

    text: str
    doc_type: str | None
    page: ResultsPage
    counts: dict[str, int] = field(default_factory=dict)
    relaxed: bool = False  # no record had every word; these have some of them
    facets: dict[str, dict[str, int]] = field(default_factory=dict)
    chosen: dict[str, str] = field(default_factory=dict)
    sort: Sort = "relevance"
    corrected: str | None = None
    respelled: bool = False
    unsearchable: Unsearchable | None = None
    shortened: bool = False

    @property
    def total_all(self) -> int:
        return sum(self.counts.values())


def search_records(
    text: str,
    *,
    doc_type: str | None = None,
    page: int = 1,
    per_page: int = 20,
    user: Any = None,
    region: str | None = None,
    org_kind: str | None = None,
    okpd2_section: str | None = None,
    membership: str | None = None,
    available: str | None = None,
    sort: Sort = "relevance",
    spelling: bool = True,
) -> SearchOutcome:
    """One page of records matching ``text`` that ``user`` may see, best first (``sort="date"``: newest first).

    Every word must match; when no record has them all and no respelling helps, records with any
    of them are shown instead (``relaxed``). ``region``, ``org_kind``, ``okpd2_section``,
    ``membership`` and ``available`` keep the records with that value of the facet field of the
    same name (see ``documents``); they apply to the results, the counts per type and the facets.
    With ``spelling``, a query finding little is respelled (``corrected``, ``respelled``).
    Raises ``ValueError`` for an unknown ``doc_type`` or ``sort`` and ``search_index.SearchIndexError``
    when the index cannot be read.
    """
    if doc_type is not None and doc_type not in TYPES:
        raise ValueError(f"unknown document type {doc_type!r}")
    if sort not in ("relevance", "date"):
        raise ValueError(f"unknown sort {sort!r}")
    stripped = text.strip()
    text = stripped[:MAX_QUERY_LENGTH]
    chosen = {
        name: value
        for name, value in (
            ("region", region),
            ("org_kind", org_kind),
            ("okpd2_section", okpd2_section),
            ("membership", membership),
            ("available", available),
        )
        if value
    }
    outcome = partial(
        SearchOutcome, text=text, doc_type=doc_type, chosen=chosen, sort=sort, shortened=len(stripped) > len(text)
    )
    if parse(text) is None:  # nothing to look for: no index query
        reason: Unsearchable = "no_words" if not tokens(text) else "exclusions" if words(text) else "stop_words"
        return outcome(unsearchable=reason, page=ResultsPage(page=page, per_page=per_page, total=0, items=[]))
    query = partial(
        get_index().query,
        text,
        types=[doc_type] if doc_type else None,
        filters=filtered(visibility_filters(user), chosen),
        limit=per_page,
        offset=(page - 1) * per_page,
        search_protected=may_search_protected(user),
        counts=True,
        facets=TYPE_FACETS[doc_type] if doc_type else FACETS,
        sort=sort,
    )
    result = query(match="all", spelling=spelling)
    relaxed = False
    if not any(result.counts.values()):
        relaxed_result = query(match="any")
        if any(relaxed_result.counts.values()):
            result, relaxed = relaxed_result, True
    items = _load(result.hits, user)
    return outcome(
        counts=dict(result.counts),
        relaxed=relaxed,
        facets={name: dict(values) for name, values in result.facets.items()},
        corrected=result.corrected,
        respelled=result.respelled,
        page=ResultsPage(page=page, per_page=per_page, total=result.total, items=items),
    )


def filtered(alternatives: list[dict[str, str | list[str]]], chosen: Mapping[str, str]) -> list[dict[str, Any]]:
    """The visibility ``alternatives`` (any one of them lets a document through) each narrowed by
    every ``chosen`` field value, so that a document passes when it is visible *and* matches them all."""
    return [{**alternative, **chosen} for alternative in alternatives]


@dataclass(frozen=True)
class SuggestionItem:
    """A completion of what is being typed: its type and record (``title`` is the indexed title)."""

    type: str
    record: Any
    title: str


def suggest_records(text: str, *, user: Any = None, limit: int = MAX_SUGGESTIONS) -> list[SuggestionItem]:
    """Organizations and products whose names (or product codes) complete ``text``, best first, at most
    ``limit`` (``MAX_SUGGESTIONS`` at most); only what the search page would show ``user``.
    Raises ``search_index.SearchIndexError`` when the index cannot be read."""
    text = text.strip()[:MAX_QUERY_LENGTH]
    if not text or limit <= 0:
        return []
    found = get_index().suggest(
        text, types=SUGGESTION_TYPES, filters=visibility_filters(user), limit=min(limit, MAX_SUGGESTIONS)
    )
    wanted: dict[str, list[int]] = defaultdict(list)
    for suggestion in found:
        wanted[suggestion.type].append(int(suggestion.id))
    records: dict[tuple[str, int], Any] = {}
    record: Any
    for doc_type, ids in wanted.items():
        model = MODELS[doc_type]
        for record in db.session.scalars(select(model).where(model.id.in_(ids), shown(doc_type, user))):
            records[(doc_type, record.id)] = record
    items = []
    for suggestion in found:
        record = records.get((suggestion.type, int(suggestion.id)))
        if record is not None:  # gone from the database, or not to be shown to this user
            items.append(SuggestionItem(type=suggestion.type, record=record, title=suggestion.text))
    return items


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


def records_to_index() -> int:
    """How many records a rebuild reads (drafts and other records that are not indexed included)."""
    return sum(db.session.scalar(select(func.count()).select_from(model)) or 0 for model in MODELS.values())


def reindex(progress: Callable[[], None] | None = None) -> dict[str, int]:
    """Rebuild the whole index from the database in one index commit; returns documents per type.
    ``progress`` is called for every record read (``records_to_index`` says how many there are).

    The outbox rows committed before the rebuild read the database are moot once it is written,
    and are deleted; rows committed since stay for the next apply.
    """
    counts: Counter[str] = Counter()
    superseded = outbox.pending_ids(db.session())

    def counted() -> Iterator[Document]:
        for document in all_documents(db.session(), progress=progress):
            counts[document.type] += 1
            yield document

    get_index().rebuild(counted())
    outbox.discard(superseded)
    return {doc_type: counts.get(doc_type, 0) for doc_type in TYPES}
