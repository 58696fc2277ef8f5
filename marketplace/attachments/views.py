"""Downloading attachments, with the same access rules as the record they belong to."""

from __future__ import annotations

from flask import Blueprint, send_file
from flask.typing import ResponseReturnValue

from ..db import db
from ..errors import NotFound
from ..orders.rules import require_view_order
from ..projects.rules import require_view_project
from .models import Attachment
from .services import file_path

bp = Blueprint("attachments", __name__)


@bp.route("/files/<int:attachment_id>/<path:filename>")
def download(attachment_id: int, filename: str) -> ResponseReturnValue:
    attachment = db.session.get(Attachment, attachment_id)
    if attachment is None or attachment.original_name != filename:
        raise NotFound
    if attachment.order is not None:
        require_view_order(attachment.order)
    if attachment.project is not None:
        require_view_project(attachment.project)
    path = file_path(attachment)
    if not path.exists():
        raise NotFound
    return send_file(
        path,
        mimetype=attachment.content_type,
        as_attachment=not attachment.is_image,
        download_name=attachment.original_name,
        max_age=0 if attachment.order is not None or attachment.project is not None else 3600,
    )
