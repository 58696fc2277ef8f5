"""What every request's input must be before a view reads it.

Text from the client reaches forms, filters and, through them, the database. One character no
database column can hold is refused here, for every route at once: NUL (PostgreSQL refuses it in
text, SQLite cuts strings at it). The client gets 400 with the usual error page or JSON body.
"""

from __future__ import annotations

from collections.abc import Iterator

from flask import Flask, request
from flask_babel import gettext as _

from .errors import InvalidInput

NUL = "\x00"


def _client_texts() -> Iterator[str]:
    """Every text the client sent: path parts, query and form names and values, upload file names."""
    yield from (str(value) for value in (request.view_args or {}).values())
    for source in (request.args, request.form):
        for key, value in source.items(multi=True):
            yield key
            yield value
    for key, upload in request.files.items(multi=True):
        yield key
        yield upload.filename or ""


def refuse_unusable_input() -> None:
    """:raise InvalidInput: a NUL character anywhere in the request's text."""
    if any(NUL in text for text in _client_texts()):
        raise InvalidInput(_("The request contains a character that is not allowed (NUL)."))


def init_app(app: Flask) -> None:
    app.before_request(refuse_unusable_input)
