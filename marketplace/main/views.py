"""The cluster's public front page and service endpoints."""

from __future__ import annotations

from flask import Blueprint, jsonify, render_template
from flask.typing import ResponseReturnValue
from flask_login import current_user
from sqlalchemy import func, select, text

from ..db import db
from ..events.queries import upcoming_events
from ..models import Equipment, EquipmentStatus, MembershipStatus, Order, OrderStatus, Organization, Product
from ..orders.rules import visible_orders

bp = Blueprint("main", __name__)


@bp.route("/")
def index() -> ResponseReturnValue:
    counts = {
        "members": db.session.scalar(
            select(func.count())
            .select_from(Organization)
            .where(Organization.membership_status == MembershipStatus.MEMBER)
        ),
        "products": db.session.scalar(select(func.count()).select_from(Product)),
        "equipment": db.session.scalar(
            select(func.count()).select_from(Equipment).where(Equipment.status != EquipmentStatus.RETIRED)
        ),
        "open_orders": db.session.scalar(
            select(func.count())
            .select_from(Order)
            .where(Order.status == OrderStatus.OPEN, visible_orders(current_user))
        ),
    }
    latest_orders = db.session.scalars(
        select(Order)
        .where(Order.status == OrderStatus.OPEN, visible_orders(current_user))
        .order_by(Order.published_at.desc())
        .limit(5)
    ).all()
    latest_products = db.session.scalars(select(Product).order_by(Product.created_at.desc()).limit(6)).all()
    return render_template(
        "main/index.html",
        counts=counts,
        latest_orders=latest_orders,
        latest_products=latest_products,
        upcoming_events=upcoming_events(current_user),
    )


@bp.route("/health")
def health() -> ResponseReturnValue:
    """Liveness and database reachability, for load balancers and `make run` checks."""
    db.session.execute(text("SELECT 1"))
    return jsonify({"status": "ok"})
