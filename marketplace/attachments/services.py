"""Storing uploaded files: type and size checks, then bytes on disk, metadata in the database.

A file is accepted only when its extension is allowed *and* its first bytes
look like that type, so a renamed executable does not pass as a PDF.
"""

from __future__ import annotations

import secrets
from pathlib import Path

from flask import current_app
from flask_babel import gettext as _
from werkzeug.datastructures import FileStorage

from ..catalog.models import Product
from ..db import after_commit, after_rollback, db
from ..equipment.models import Equipment
from ..errors import InvalidInput
from ..orders.models import Order
from ..projects.models import Project
from .models import Attachment

_ZIP = (b"PK\x03\x04",)

#: extension -> (content type, accepted leading byte signatures; None = text checked separately)
ALLOWED_TYPES: dict[str, tuple[str, tuple[bytes, ...] | None]] = {
    "pdf": ("application/pdf", (b"%PDF-",)),
    "png": ("image/png", (b"\x89PNG\r\n\x1a\n",)),
    "jpg": ("image/jpeg", (b"\xff\xd8\xff",)),
    "jpeg": ("image/jpeg", (b"\xff\xd8\xff",)),
    "webp": ("image/webp", (b"RIFF",)),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", _ZIP),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", _ZIP),
    "odt": ("application/vnd.oasis.opendocument.text", _ZIP),
    "ods": ("application/vnd.oasis.opendocument.spreadsheet", _ZIP),
    "zip": ("application/zip", _ZIP),
    "dwg": ("image/vnd.dwg", (b"AC10", b"AC1.", b"AC2.")),
    "step": ("model/step", (b"ISO-10303-21",)),
    "stp": ("model/step", (b"ISO-10303-21",)),
    "dxf": ("image/vnd.dxf", None),
    "txt": ("text/plain", None),
    "csv": ("text/csv", None),
}


def _matches(head: bytes, signatures: tuple[bytes, ...] | None, extension: str) -> bool:
    if signatures is None:  # text formats: must decode as UTF-8 and hold no NUL bytes
        try:
            head.decode("utf-8")
        except UnicodeDecodeError as exc:  # a cut multi-byte character at the end is fine
            if exc.start < len(head) - 3:
                return False
        return b"\x00" not in head
    if extension == "webp":
        return head.startswith(b"RIFF") and head[8:12] == b"WEBP"
    for signature in signatures:
        if signature.endswith(b".") and len(signature) == 4:  # "AC1." = AC1 + any digit
            if head[:3] == signature[:3] and head[3:4].isdigit():
                return True
        elif head.startswith(signature):
            return True
    return False


def upload_dir() -> Path:
    path = Path(current_app.config["UPLOAD_DIR"])
    path.mkdir(parents=True, exist_ok=True)
    return path


def file_path(attachment: Attachment) -> Path:
    return upload_dir() / attachment.stored_name


def _client_name(upload: FileStorage) -> str:
    """The last segment of the name the client sent (``os.path.basename`` on POSIX): no directories."""
    return (upload.filename or "").rpartition("/")[2]


def check_upload(upload: FileStorage) -> tuple[str, str, bytes]:
    """Validate one upload; returns (extension, content type, bytes) or raises InvalidInput."""
    name = _client_name(upload).strip()
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in ALLOWED_TYPES:
        raise InvalidInput(
            _("Files of this type are not accepted. Allowed: %(types)s.", types=", ".join(sorted(ALLOWED_TYPES))),
            field="attachments",
        )
    limit = current_app.config["MAX_ATTACHMENT_BYTES"]
    data = upload.stream.read(limit + 1)
    if len(data) > limit:
        raise InvalidInput(
            _("The file %(name)s is larger than %(mb)d MB.", name=name, mb=limit // (1024 * 1024)),
            field="attachments",
        )
    if not data:
        raise InvalidInput(_("The file %(name)s is empty.", name=name), field="attachments")
    content_type, signatures = ALLOWED_TYPES[extension]
    if not _matches(data[:64], signatures, extension):
        raise InvalidInput(
            _("The file %(name)s does not look like a .%(ext)s file.", name=name, ext=extension),
            field="attachments",
        )
    return extension, content_type, data


def add_attachment(
    upload: FileStorage,
    *,
    uploaded_by_id: int | None,
    product: Product | None = None,
    order: Order | None = None,
    equipment: Equipment | None = None,
    project: Project | None = None,
) -> Attachment:
    """Check and store one upload for exactly one owner. The bytes are written now and
    removed again if the transaction rolls back, so a failed request leaves no orphan file."""
    extension, content_type, data = check_upload(upload)
    stored_name = f"{secrets.token_hex(16)}.{extension}"
    path = upload_dir() / stored_name
    path.write_bytes(data)
    after_rollback(lambda: path.unlink(missing_ok=True))
    attachment = Attachment(
        original_name=_client_name(upload)[:255],
        stored_name=stored_name,
        content_type=content_type,
        size=len(data),
        uploaded_by_id=uploaded_by_id,
        product=product,
        order=order,
        equipment=equipment,
        project=project,
    )
    db.session.add(attachment)
    return attachment


def delete_attachment(attachment: Attachment) -> None:
    """Delete the record now and the bytes once the transaction commits."""
    path = file_path(attachment)
    db.session.delete(attachment)
    after_commit(lambda: path.unlink(missing_ok=True))
