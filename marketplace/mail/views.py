"""The manager's mail outbox: every message the platform has sent or holds."""

from __future__ import annotations

from flask import Blueprint, Flask, render_template
from flask.typing import ResponseReturnValue
from sqlalchemy import select

from ..access import manager_required
from ..db import db
from ..errors import NotFound
from ..i18n import register_labels
from ..views_support import paginate
from .labels import LABELS
from .models import OutboxMessage

bp = Blueprint("mail", __name__, url_prefix="/manager/outbox")


@bp.route("/")
@manager_required
def outbox() -> ResponseReturnValue:
    statement = select(OutboxMessage).order_by(OutboxMessage.created_at.desc(), OutboxMessage.id.desc())
    return render_template("mail/outbox.html", page=paginate(statement))


@bp.route("/<int:message_id>")
@manager_required
def message(message_id: int) -> ResponseReturnValue:
    found = db.session.get(OutboxMessage, message_id)
    if found is None:
        raise NotFound
    return render_template("mail/message.html", message=found)


def init_app(_app: Flask) -> None:
    register_labels(LABELS)
