"""The search page: one box over organizations, products, equipment, orders, offers, events and ideas,
with facets, a sort switch and spelling suggestions; and the suggestions as you type (``/search/suggest``)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from flask import Blueprint, Flask, current_app, jsonify, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.routing import BuildError

from search_index import SearchIndexError

from ..errors import JSON_ENDPOINTS, InvalidInput, NotFound
from ..i18n import current_language, label, localized
from ..organizations.models import OrgKind
from ..reference.okpd2_sections import is_section, section_name
from ..reference.regions import REGIONS, region_name
from ..utils import requested_page
from . import cli, sync  # noqa: F401 (sync registers the session hooks that keep the index current)
from .documents import FACETS, MEMBER, NO, NON_MEMBER, TYPES, YES
from .services import MAX_QUERY_LENGTH, SearchOutcome, search_records, suggest_records

log = logging.getLogger(__name__)

bp = Blueprint("search", __name__, url_prefix="/search")

#: Where each type of result links to: (endpoint, name of the id argument).
RECORD_ENDPOINTS = {
    "organization": ("organizations.show", "org_id"),
    "product": ("catalog.show", "product_id"),
    "equipment": ("equipment.show", "equipment_id"),
    "order": ("orders.show", "order_id"),
    "offer": ("offers.show", "offer_id"),
    "event": ("events.show", "event_id"),
    "idea": ("ideas.show", "idea_id"),
}


def record_url(doc_type: str, record: Any) -> str | None:
    """The record's page, or ``None`` while that page does not exist."""
    endpoint, argument = RECORD_ENDPOINTS[doc_type]
    try:
        return url_for(endpoint, **{argument: record.id})
    except BuildError:
        return None


#: Facet field → its query string parameter on the search page.
FACET_PARAMS = {
    "region": "region",
    "org_kind": "kind",
    "okpd2_section": "section",
    "membership": "membership",
    "available": "available",
}
_KNOWN_REGIONS = frozenset(ru for ru, _en in REGIONS)
_KINDS = frozenset(kind.value for kind in OrgKind)
#: Whether a value of each facet field is one the page knows.
_VALID: dict[str, Callable[[str], bool]] = {
    "region": _KNOWN_REGIONS.__contains__,
    "org_kind": _KINDS.__contains__,
    "okpd2_section": is_section,
    "membership": {MEMBER, NON_MEMBER}.__contains__,
    "available": {YES, NO}.__contains__,
}
#: The query string parameters the search page keeps in its links (``page`` aside).
PAGE_PARAMS = ("q", "type", *FACET_PARAMS.values(), "sort", "spell")
#: How many values of a facet show before "more".
FACET_VALUES_SHOWN = 8
#: The longest text the suggestions answer (what the box is still being typed into).
MAX_SUGGEST_LENGTH = 100


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int
    chosen: bool
    url: str  # the page with this value chosen, or (when chosen) with the facet's filter removed


@dataclass(frozen=True)
class FacetPanel:
    field: str
    title: str
    values: list[FacetValue]
    chosen: FacetValue | None


def facet_label(field: str, value: str) -> str:
    """A facet value as the page shows it, in the current language."""
    language = current_language()
    if field == "region":
        return region_name(value, language)
    if field == "org_kind":
        return label(OrgKind(value)) if value in _KINDS else value
    if field == "okpd2_section":
        return f"{value} · {section_name(value, language)}"
    labels = {
        ("membership", MEMBER): _("Cluster members"),
        ("membership", NON_MEMBER): _("Not cluster members"),
        ("available", YES): _("Available now"),
        ("available", NO): _("Not available now"),
    }
    return labels.get((field, value), value)


def facet_title(field: str) -> str:
    return {
        "region": _("Region"),
        "org_kind": _("Organization type"),
        "okpd2_section": _("OKPD2 section"),
        "membership": _("Membership"),
        "available": _("Equipment availability"),
    }[field]


def _current_args() -> dict[str, str]:
    return {name: value for name in PAGE_PARAMS if (value := request.args.get(name, "").strip())}


def search_url(**changes: str | None) -> str:
    """The search page with the current query, type, filters and sort, ``changes`` applied (``None``
    removes a parameter), from its first page."""
    args: dict[str, Any] = _current_args()
    for name, value in changes.items():
        if value is None:
            args.pop(name, None)
        else:
            args[name] = value
    return url_for("search.index", **args)


def facet_panels(outcome: SearchOutcome) -> list[FacetPanel]:
    """The facets of the page, each value with its count and link; the chosen value first, then by count."""
    panels = []
    for field in FACETS:
        if field not in outcome.facets and field not in outcome.chosen:
            continue
        param = FACET_PARAMS[field]
        chosen_value = outcome.chosen.get(field)
        counts = dict(outcome.facets.get(field, {}))
        if chosen_value is not None:
            counts.setdefault(chosen_value, 0)
        values = [
            FacetValue(
                value=value,
                label=facet_label(field, value),
                count=count,
                chosen=value == chosen_value,
                url=search_url(**{param: None if value == chosen_value else value}),
            )
            for value, count in counts.items()
        ]
        values.sort(key=lambda v: (not v.chosen, -v.count, v.label))
        if values:
            chosen = values[0] if values[0].chosen else None
            panels.append(FacetPanel(field=field, title=facet_title(field), values=values, chosen=chosen))
    return panels


def _chosen_filters(args: Mapping[str, str]) -> dict[str, str]:
    """The facet filters of the query string, by facet field. :raise InvalidInput: an unknown value."""
    chosen = {}
    for field, param in FACET_PARAMS.items():
        value = args.get(param, "").strip()
        if not value:
            continue
        if not _VALID[field](value):
            raise InvalidInput(_("Unknown filter value: %(name)s.", name=param))
        chosen[field] = value
    return chosen


@bp.route("/")
def index() -> ResponseReturnValue:
    text = request.args.get("q", "").strip()
    doc_type = request.args.get("type") or None
    if doc_type is not None and doc_type not in TYPES:
        raise InvalidInput(_("Unknown type of results."))
    chosen = _chosen_filters(request.args)
    sort = request.args.get("sort") or "relevance"
    if sort not in ("relevance", "date"):
        raise InvalidInput(_("Unknown sort order."))
    spell = request.args.get("spell") or None
    if spell not in (None, "0"):
        raise InvalidInput(_("Unknown filter value: %(name)s.", name="spell"))
    page = requested_page()
    outcome, unavailable = None, False
    if text:
        try:
            outcome = search_records(
                text,
                doc_type=doc_type,
                page=page,
                user=current_user,
                per_page=current_app.config["PER_PAGE"],
                sort="date" if sort == "date" else "relevance",
                spelling=spell is None,
                **chosen,
            )
        except SearchIndexError:
            log.exception("Search failed")
            unavailable = True
        if outcome is not None and outcome.page.total and page > outcome.page.pages:
            raise NotFound
    status = 503 if unavailable else 200
    return render_template(
        "search/index.html",
        q=text,
        doc_type=doc_type,
        outcome=outcome,
        types=TYPES,
        unavailable=unavailable,
        record_url=record_url,
        search_url=search_url,
        facets=facet_panels(outcome) if outcome is not None else [],
        sort=sort,
        max_length=MAX_QUERY_LENGTH,
        facet_values_shown=FACET_VALUES_SHOWN,
    ), status


@bp.route("/suggest")
def suggest() -> ResponseReturnValue:
    """Organizations and products completing ``?q=`` (names, product codes), for the search boxes:
    ``{"suggestions": [{"text", "type", "type_label", "detail", "url"}]}``, at most 8, only what the
    search page would show the user. Errors are JSON too (``errors.JSON_ENDPOINTS``)."""
    text = request.args.get("q", "").strip()
    if len(text) > MAX_SUGGEST_LENGTH:
        raise InvalidInput(_("The query is too long."))
    try:
        items = suggest_records(text, user=current_user) if text else []
    except SearchIndexError:
        log.exception("Search suggestions failed")
        response = jsonify({"error": {"code": "unavailable", "message": _("Search is temporarily unavailable.")}})
        response.status_code = 503
        return response
    type_labels = {"organization": _("Organization"), "product": _("Product")}
    suggestions = []
    for item in items:
        record = item.record
        if item.type == "organization":
            detail = region_name(record.region, current_language()) if record.region else ""
        else:
            detail = record.okpd2 or ""
        suggestions.append(
            {
                "text": localized(record, "name") or item.title,
                "type": item.type,
                "type_label": type_labels.get(item.type, item.type),
                "detail": detail,
                "url": record_url(item.type, record),
            }
        )
    response = jsonify({"suggestions": suggestions})
    # What a user may see depends on who they are: never in a shared cache, briefly in their own.
    response.cache_control.private = True
    response.cache_control.max_age = 60
    response.vary.add("Cookie")
    return response


def init_app(app: Flask) -> None:
    JSON_ENDPOINTS.add("search.suggest")
    cli.init_app(app)
