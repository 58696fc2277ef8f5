"""Placeholder: the catalog feature's views are being built."""
from __future__ import annotations

from flask import Blueprint

bp = Blueprint("catalog", __name__, url_prefix="/catalog")


@bp.route("/")
def index():
    return "catalog"


@bp.route("/<int:product_id>")
def show(product_id):
    return "product"
