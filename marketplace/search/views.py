"""The search page: one box over organizations, products, equipment, orders, offers, events and ideas."""

from __future__ import annotations

import logging
from typing import Any

from flask import Blueprint, Flask, current_app, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user
from werkzeug.routing import BuildError

from search_index import SearchIndexError

from ..errors import InvalidInput, NotFound
from ..utils import requested_page
from . import cli, sync  # noqa: F401 (sync registers the session hooks that keep the index current)
from .documents import TYPES
from .services import search_records

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


@bp.route("/")
def index() -> ResponseReturnValue:
    text = request.args.get("q", "").strip()
    doc_type = request.args.get("type") or None
    if doc_type is not None and doc_type not in TYPES:
        raise InvalidInput(_("Unknown type of results."))
    page = requested_page()
    outcome, unavailable = None, False
    if text:
        try:
            outcome = search_records(
                text, doc_type=doc_type, page=page, user=current_user, per_page=current_app.config["PER_PAGE"]
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
    ), status


def init_app(app: Flask) -> None:
    cli.init_app(app)
