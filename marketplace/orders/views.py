"""Placeholder: the orders feature's views are being built."""
from __future__ import annotations

from flask import Blueprint

bp = Blueprint("orders", __name__, url_prefix="/orders")


@bp.route("/")
def index():
    return "orders"

@bp.route("/<int:order_id>")
def show(order_id):
    return "order"


offers_bp = Blueprint("offers", __name__, url_prefix="/offers")


@offers_bp.route("/")
def index():
    return "offers"


def init_app(app):
    app.register_blueprint(offers_bp)
