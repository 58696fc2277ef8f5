"""Small helpers shared by several features."""

from __future__ import annotations

from typing import cast
from urllib.parse import urlsplit

from flask import Flask, current_app, request
from werkzeug.local import LocalProxy
from werkzeug.routing import IntegerConverter, Map


def app_object() -> Flask:
    """The application itself, not the ``current_app`` proxy: for work that runs after the request
    (after the commit, in an app context of its own)."""
    return cast("LocalProxy[Flask]", current_app)._get_current_object()  # noqa: SLF001  LocalProxy's public accessor


def public_url(path: str) -> str:
    """An absolute address of a site path (``/account/reset/...``) for mail and files that leave the site.

    Built from the configured ``PUBLIC_URL``, never from the request's ``Host`` header, which the
    client chooses (a reset link must not point at an attacker's host).
    """
    base: str = current_app.config["PUBLIC_URL"]
    return base + path


def safe_next_url(target: str | None, default: str) -> str:
    """``target`` if it points into this site, else ``default`` (no open redirects)."""
    if not target:
        return default
    parts = urlsplit(target)
    if parts.scheme and parts.scheme not in ("http", "https"):
        return default
    if parts.netloc and parts.netloc != request.host:
        return default
    path = parts.path or "/"
    if not path.startswith("/") or path.startswith("//"):
        return default
    return path + (f"?{parts.query}" if parts.query else "")


#: The largest value of an INTEGER primary key.
MAX_DB_ID = 2**31 - 1


def parse_db_id(value: object) -> int | None:
    """A database id given as text (a form field, a query argument): None unless 1..MAX_DB_ID."""
    text = str(value).strip() if value is not None else ""
    return int(text) if text.isdigit() and 0 < int(text) <= MAX_DB_ID else None


class DatabaseIdConverter(IntegerConverter):
    """``<int:...>`` in URLs, capped at the largest INTEGER key, so an absurd id is a plain 404
    instead of an out-of-range error from PostgreSQL."""

    def __init__(
        self,
        url_map: Map,
        fixed_digits: int = 0,
        min: int | None = None,  # noqa: A002  Werkzeug's converter arguments are named min and max
        max: int | None = MAX_DB_ID,  # noqa: A002
        signed: bool = False,
    ) -> None:
        super().__init__(url_map, fixed_digits=fixed_digits, min=min, max=max, signed=signed)
