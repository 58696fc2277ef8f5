"""Placeholder: the manager's outbox view."""
from __future__ import annotations

from flask import Blueprint

bp = Blueprint("mail", __name__, url_prefix="/manager/outbox")


@bp.route("/")
def outbox():
    return "outbox"
