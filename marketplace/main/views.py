"""The cluster's public front page and service endpoints."""

from __future__ import annotations

from collections.abc import Callable

from flask import Blueprint, jsonify, render_template
from flask.typing import ResponseReturnValue
from flask_login import current_user
from sqlalchemy import ColumnElement, ScalarSelect, func, select, text
from sqlalchemy.orm import joinedload

from ..db import db
from ..events.queries import upcoming_events
from ..models import Equipment, EquipmentStatus, MembershipStatus, Order, OrderStatus, Organization, Product
from ..orders.rules import visible_orders
from ..search.engine import get_index
from ..suggestions.engine import snapshot_state
from ..utils import app_object

bp = Blueprint("main", __name__)


@bp.route("/")
def index() -> ResponseReturnValue:
    def count(model: type, *where: ColumnElement[bool]) -> ScalarSelect[int]:
        return select(func.count()).select_from(model).where(*where).scalar_subquery()

    open_orders = (Order.status == OrderStatus.OPEN, visible_orders(current_user))
    # The four figures in one round trip; the lists load their organizations with them (no lazy loads).
    counts = (
        db.session.execute(
            select(
                count(Organization, Organization.membership_status == MembershipStatus.MEMBER).label("members"),
                count(Product).label("products"),
                count(Equipment, Equipment.status != EquipmentStatus.RETIRED).label("equipment"),
                count(Order, *open_orders).label("open_orders"),
            )
        )
        .one()
        ._asdict()
    )
    latest_orders = db.session.scalars(
        select(Order)
        .where(*open_orders)
        .options(joinedload(Order.organization))
        .order_by(Order.published_at.desc())
        .limit(5)
    ).all()
    latest_products = db.session.scalars(
        select(Product).options(joinedload(Product.organization)).order_by(Product.created_at.desc()).limit(6)
    ).all()
    return render_template(
        "main/index.html",
        counts=counts,
        latest_orders=latest_orders,
        latest_products=latest_products,
        upcoming_events=upcoming_events(current_user),
    )


def _database() -> str:
    db.session.execute(text("SELECT 1"))
    return "ok"


def _search_index() -> str:
    get_index().doc_count()
    return "ok"


def _matcher_snapshot() -> str:
    return snapshot_state(app_object())


#: What must work for this process to serve pages.
READINESS: dict[str, Callable[[], str]] = {
    "database": _database,
    "search_index": _search_index,
    "matcher_snapshot": _matcher_snapshot,
}


@bp.route("/health")
def health() -> ResponseReturnValue:
    """Readiness for load balancers: 200 with every check "ok", else 503 naming what fails. Always JSON."""
    checks: dict[str, str] = {}
    for name, check in READINESS.items():
        try:
            checks[name] = check()
        except Exception as error:  # noqa: BLE001  a readiness probe reports every failure instead of raising
            db.session.rollback()
            checks[name] = f"failing: {type(error).__name__}"
    ready = all(result == "ok" for result in checks.values())
    return jsonify(status="ok" if ready else "unavailable", checks=checks), 200 if ready else 503
