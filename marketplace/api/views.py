"""The read-only JSON API, ``/api/v1/``.

Authentication is the web UI's session cookie; every endpoint applies the
UI's access rules: each feature's ``rules`` (see ``queries`` for lists). Errors, including 404 and
405, are rendered as ``{"error": {"code", "message"}}`` by ``errors.py``.
The API only reads: nothing here writes to the database.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from flask import Blueprint, Response, jsonify, request, url_for
from flask.typing import ResponseReturnValue
from sqlalchemy import Select, select

from .. import access
from ..catalog.models import Product
from ..db import Model, db, utcnow
from ..equipment.models import Booking, BookingStatus, Equipment, EquipmentCategory, EquipmentStatus
from ..errors import NotFound
from ..orders.models import Offer, OfferStatus, Order, OrderKind, OrderStatus
from ..orders.rules import require_view_offer, require_view_order
from ..organizations.models import Organization, OrgKind
from ..organizations.rules import require_view_organization
from . import params, queries, serializers

bp = Blueprint("api", __name__, url_prefix="/api/v1")

M = TypeVar("M", bound=Model)

#: The lists the index announces: name -> (endpoint, the filters it accepts).
ENDPOINTS: dict[str, tuple[str, tuple[str, ...]]] = {
    "organizations": ("api.organizations", ("q", "region", "kind", "competency", "member")),
    "products": ("api.products", ("code", "org", "region", "kind", "service", "q")),
    "equipment": ("api.equipment_list", ("category", "org", "status", "region", "q")),
    "orders": ("api.orders", ("status", "kind", "region", "org", "q")),
    "offers": ("api.offers", ("status", "kind", "region", "org", "q")),
    "competencies": ("api.competencies", ()),
    "okpd2": ("api.okpd2", ("prefix", "q")),
}


@bp.after_request
def no_caching(response: Response) -> Response:
    """Answers depend on who asks: never let a shared cache keep them."""
    response.headers["Cache-Control"] = "private, no-store"
    response.vary.add("Cookie")
    return response


# Helpers -------------------------------------------------------------------------------------


def _viewer() -> Any:
    return access.user_object()


def _page(statement: Select[Any], render: Callable[[Any], dict[str, Any]]) -> Response:
    """One page of ``statement`` as ``{"items", "page", "per_page", "total", "pages"}``."""
    page, per_page = params.page_and_size(request.args)
    result = db.paginate(statement, page=page, per_page=per_page, max_per_page=params.MAX_PER_PAGE, error_out=False)
    return jsonify(
        items=[render(item) for item in result.items],
        page=page,
        per_page=per_page,
        total=result.total,
        pages=result.pages,
    )


def _get(model: type[M], ident: int) -> M:
    found = db.session.get(model, ident)
    if found is None:
        raise NotFound
    return found


# Endpoints -----------------------------------------------------------------------------------


@bp.get("/", strict_slashes=False)  # /api/v1 too, without a redirect
def index() -> ResponseReturnValue:
    endpoints = {
        name: {"url": url_for(endpoint), "filters": list(filters)} for name, (endpoint, filters) in ENDPOINTS.items()
    }
    return jsonify(
        name="Cluster Marketplace API", version="v1", viewer=serializers.viewer_info(_viewer()), endpoints=endpoints
    )


@bp.get("/organizations")
def organizations() -> ResponseReturnValue:
    args, viewer = request.args, _viewer()
    statement = queries.organizations(
        viewer,
        q=params.text(args, "q"),
        region=params.region(args, "region"),
        kind=params.choice(args, "kind", OrgKind),
        competency_ids=params.competency_ids(args, "competency"),
        member=params.boolean(args, "member"),
    )
    return _page(statement, lambda org: serializers.organization(org, viewer))


@bp.get("/organizations/<int:organization_id>")
def organization(organization_id: int) -> ResponseReturnValue:
    org = _get(Organization, organization_id)
    require_view_organization(org, _viewer())
    return jsonify(serializers.organization(org, _viewer(), detail=True))


@bp.get("/products")
def products() -> ResponseReturnValue:
    args, viewer = request.args, _viewer()
    statement = queries.products(
        code=params.okpd2_prefix(args, "code"),
        org=params.integer(args, "org"),
        region=params.region(args, "region"),
        kind=params.choice(args, "kind", OrgKind),
        service=params.boolean(args, "service"),
        q=params.text(args, "q"),
    )
    return _page(statement, lambda item: serializers.product(item, viewer))


@bp.get("/products/<int:product_id>")
def product(product_id: int) -> ResponseReturnValue:
    item = _get(Product, product_id)
    return jsonify(serializers.product(item, _viewer(), detail=True))


@bp.get("/equipment")
def equipment_list() -> ResponseReturnValue:
    args, viewer = request.args, _viewer()
    statement = queries.equipment(
        category=params.choice(args, "category", EquipmentCategory),
        org=params.integer(args, "org"),
        status=params.choice(args, "status", EquipmentStatus),
        region=params.region(args, "region"),
        q=params.text(args, "q"),
    )
    return _page(statement, lambda item: serializers.equipment(item, viewer))


@bp.get("/equipment/<int:equipment_id>")
def equipment_item(equipment_id: int) -> ResponseReturnValue:
    item = _get(Equipment, equipment_id)
    busy = db.session.scalars(
        select(Booking)
        .where(Booking.equipment_id == item.id, Booking.status == BookingStatus.APPROVED, Booking.ends_at > utcnow())
        .order_by(Booking.starts_at)
    ).all()
    return jsonify(serializers.equipment(item, _viewer(), busy=busy, detail=True))


@bp.get("/orders")
def orders() -> ResponseReturnValue:
    args, viewer = request.args, _viewer()
    statement = queries.orders(
        viewer,
        status=params.choice(args, "status", OrderStatus),
        kind=params.choice(args, "kind", OrderKind),
        region=params.region(args, "region"),
        org=params.integer(args, "org"),
        q=params.text(args, "q"),
    )
    return _page(statement, lambda item: serializers.order(item, viewer))


@bp.get("/orders/<int:order_id>")
def order(order_id: int) -> ResponseReturnValue:
    item = _get(Order, order_id)
    require_view_order(item, _viewer())
    return jsonify(serializers.order(item, _viewer(), detail=True))


@bp.get("/offers")
def offers() -> ResponseReturnValue:
    args, viewer = request.args, _viewer()
    statement = queries.offers(
        viewer,
        status=params.choice(args, "status", OfferStatus),
        kind=params.choice(args, "kind", OrderKind),
        region=params.region(args, "region"),
        org=params.integer(args, "org"),
        q=params.text(args, "q"),
    )
    return _page(statement, lambda item: serializers.offer(item, viewer))


@bp.get("/offers/<int:offer_id>")
def offer(offer_id: int) -> ResponseReturnValue:
    item = _get(Offer, offer_id)
    require_view_offer(item, _viewer())
    return jsonify(serializers.offer(item, _viewer(), detail=True))


@bp.get("/competencies")
def competencies() -> ResponseReturnValue:
    """The whole directory as a tree: ``{"items": [root, ...], "total": <number of nodes>}``."""
    nodes = db.session.scalars(queries.all_competencies()).all()
    return jsonify(items=serializers.competency_tree(nodes), total=len(nodes))


@bp.get("/okpd2")
def okpd2() -> ResponseReturnValue:
    args = request.args
    statement = queries.okpd2(prefix=params.okpd2_prefix(args, "prefix"), q=params.text(args, "q"))
    return _page(statement, serializers.okpd2_code)
