"""Placeholder: the equipment feature's views are being built."""
from __future__ import annotations

from flask import Blueprint

bp = Blueprint("equipment", __name__, url_prefix="/equipment")


@bp.route("/")
def index():
    return "equipment"
