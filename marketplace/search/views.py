"""Placeholder: the search feature's views are being built."""
from __future__ import annotations

from flask import Blueprint

bp = Blueprint("search", __name__, url_prefix="/search")


@bp.route("/")
def index():
    return "search"
