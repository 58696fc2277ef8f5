"""Placeholder: the organizations feature's views are being built."""
from __future__ import annotations

from flask import Blueprint

bp = Blueprint("organizations", __name__, url_prefix="/organizations")


@bp.route("/")
def index():
    return "organizations"


@bp.route("/<int:org_id>")
def show(org_id):
    return "org"


@bp.route("/new")
def create():
    return "new"


@bp.route("/applications")
def applications():
    return "applications"
