"""Placeholder: the api feature's views are being built."""
from __future__ import annotations

from flask import Blueprint

bp = Blueprint("api", __name__, url_prefix="/api/v1")


@bp.route("/")
def index():
    return "api"
