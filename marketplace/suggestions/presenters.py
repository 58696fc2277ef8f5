"""Reasons in words and chips: the matcher's structured ``Reasons`` made ready for a template.

The matcher stores competency names in Russian and document titles as they
were at fit time; here names come from the database in the viewer's language,
documents get links to their records (only those the viewer may open), and
``matching.explain`` writes the sentence in the viewer's language.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from flask import has_request_context, url_for
from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import InstrumentedAttribute

from matching import MatchedCode, MatchedDocument, Reasons, explain

from ..catalog.models import Okpd2Code
from ..db import db
from ..i18n import current_language
from ..orders.models import Offer, Order
from ..orders.rules import visible_offers, visible_orders
from ..organizations.models import Competency
from ..projects.models import Project
from ..projects.rules import visible_projects
from .profiles import parse_document_id

#: The matcher names up to ``MatcherConfig.reason_documents`` documents; the description and the list of
#: competency names are left out of "similar work", so the engine asks for a few more than are shown.
DOCUMENTS_SHOWN = 3


@dataclass
class CodeChip:
    """A matched code: the organization's ``code`` (and name) for the query's ``query_code``."""

    code: str
    name: str
    query_code: str
    match: float


@dataclass
class DocumentChip:
    """A profile document that matched: a product, an offer, equipment, a won order, the description."""

    kind: str  # product, offer, equipment, order, description, competencies
    title: str
    similarity: float
    url: str | None = None


@dataclass
class ReasonsView:
    sentence: str
    terms: list[str] = field(default_factory=list)
    competencies: list[CodeChip] = field(default_factory=list)
    okpd2: list[CodeChip] = field(default_factory=list)
    documents: list[DocumentChip] = field(default_factory=list)
    places: list[str] = field(default_factory=list)  # the organization's region or city that the text names

    @property
    def empty(self) -> bool:
        return not (self.terms or self.competencies or self.okpd2 or self.documents or self.places)


def _names(
    model: type[Competency | Okpd2Code], key_column: InstrumentedAttribute[str], codes: set[str], lang: str
) -> dict[str, str]:
    if not codes:
        return {}
    rows = db.session.execute(select(key_column, model.name_ru, model.name_en).where(key_column.in_(sorted(codes))))
    return {code: ((en if lang == "en" else ru) or ru or en or "") for code, ru, en in rows}


#: Records a reason may cite that not everyone may see: the model and its feature's visibility rule.
_GUARDED: dict[str, tuple[Any, Callable[[Any], ColumnElement[bool]]]] = {
    "offer": (Offer, visible_offers),
    "order": (Order, visible_orders),
    "project": (Project, visible_projects),
}


def _document_records(reasons: Sequence[Reasons], user: Any) -> dict[str, set[int]]:
    """The ids of the guarded records the reasons cite that ``user`` may see (``None``, the system: all)."""
    wanted: dict[str, set[int]] = {kind: set() for kind in _GUARDED}
    for item in reasons:
        for doc in item.documents:
            parsed = parse_document_id(doc.id)
            if parsed and parsed[0] in wanted:
                wanted[parsed[0]].add(parsed[1])
    found: dict[str, set[int]] = {kind: set() for kind in _GUARDED}
    for kind, (model, visible) in _GUARDED.items():
        if wanted[kind]:
            statement = select(model.id).where(model.id.in_(wanted[kind]))
            if user is not None:
                statement = statement.where(visible(user))
            found[kind] = set(db.session.scalars(statement))
    return found


def _document_url(kind: str, record_id: int, records: dict[str, set[int]]) -> tuple[bool, str | None]:
    """(may the viewer see the record, its URL when one can be built).

    ``records`` holds the ids of the guarded records the viewer may see (``_document_records``).
    """
    if kind in _GUARDED and record_id not in records[kind]:
        return False, None
    if not has_request_context():
        return True, None
    endpoints = {
        "product": ("catalog.show", "product_id"),
        "equipment": ("equipment.show", "equipment_id"),
        "offer": ("offers.show", "offer_id"),
        "order": ("orders.show", "order_id"),
        "project": ("projects.show", "project_id"),
    }
    if kind not in endpoints:
        return True, None
    endpoint, argument = endpoints[kind]
    values: dict[str, Any] = {argument: record_id}
    return True, url_for(endpoint, **values)


def present_reasons(reasons: Sequence[Reasons], *, user: Any, lang: str | None = None) -> list[ReasonsView]:
    """One ``ReasonsView`` per ``Reasons``, with a handful of queries for the whole list.

    Documents of records ``user`` may not open (members-only offers, orders and projects)
    are left out of the chips and the sentence. ``user=None`` is the system
    (the CLI): everything is shown, without links.
    """
    lang = lang or current_language()
    competency_codes = {c.org_code for r in reasons for c in r.competencies}
    okpd2_codes = {c.org_code for r in reasons for c in r.okpd2}
    competency_names = _names(Competency, Competency.code, competency_codes, lang)
    okpd2_names = _names(Okpd2Code, Okpd2Code.code, okpd2_codes, lang)
    records = _document_records(reasons, user)
    views: list[ReasonsView] = []
    for item in reasons:
        # several query codes may meet one competency of the organization: show it once
        best: dict[str, MatchedCode] = {}
        for c in item.competencies:
            if c.org_code not in best or c.match > best[c.org_code].match:
                best[c.org_code] = c
        competencies = tuple(
            dataclasses.replace(c, name=competency_names.get(c.org_code, c.name)) for c in best.values()
        )
        documents: list[DocumentChip] = []
        shown: list[MatchedDocument] = []
        for doc in item.documents[:DOCUMENTS_SHOWN]:
            parsed = parse_document_id(doc.id)
            if parsed is None:
                continue  # the description or the list of competency names: not "similar work"
            visible, url = _document_url(parsed[0], parsed[1], records)
            if not visible:
                continue  # a record the viewer may not open is not quoted either
            shown.append(doc)
            documents.append(DocumentChip(kind=parsed[0], title=doc.title, similarity=doc.similarity, url=url))
        localized = dataclasses.replace(item, competencies=competencies, documents=tuple(shown))
        views.append(
            ReasonsView(
                sentence=explain(localized, lang),
                terms=list(item.terms),
                competencies=[_chip(c, c.name) for c in competencies],
                okpd2=[_chip(c, okpd2_names.get(c.org_code, "")) for c in item.okpd2],
                documents=documents,
                places=list(item.places),
            )
        )
    return views


def _chip(code: MatchedCode, name: str) -> CodeChip:
    return CodeChip(code=code.org_code, name=name, query_code=code.query_code, match=round(code.match, 2))
