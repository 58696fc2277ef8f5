"""Small helpers shared by several features."""

from __future__ import annotations

from typing import cast
from urllib.parse import urlsplit

from flask import Flask, current_app, request
from werkzeug.local import LocalProxy
from werkzeug.routing import IntegerConverter, Map

from .errors import NotFound


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


#: The only schemes a link typed by a user may have (a ``javascript:`` or ``data:`` link runs in our origin).
SAFE_LINK_SCHEMES = ("http", "https")


def safe_http_url(url: str | None) -> str:
    """``url`` if it is an absolute http(s) address, else "" (the template filter ``|safe_http_url``).

    For every link whose address a user typed (an organization's website): whatever the form let
    through, or what older data holds, a ``javascript:``, ``data:`` or relative link is never printed.
    Parsed as browsers do: spaces and control characters around it, and tabs and line breaks inside
    (``java\tscript:``), do not hide the scheme.
    """
    text = (url or "").strip()
    try:
        parts = urlsplit(text)
    except ValueError:
        return ""
    if parts.scheme.lower() not in SAFE_LINK_SCHEMES or not parts.netloc:
        return ""
    return text


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


#: The largest value of an INTEGER column (and so of a primary key).
MAX_DB_ID = 2**31 - 1
#: The largest page number a list accepts (OFFSET stays far inside a 64-bit integer); beyond: 404 / 400.
MAX_PAGE = 10**9


def parse_int(value: object, *, low: int, high: int) -> int | None:
    """A whole number written in ASCII digits (``-`` allowed) within ``low..high``; None otherwise.

    The one parser of numbers from query strings and hidden fields: ``"²"`` or ``"١٢"`` (digits to
    ``str.isdigit``), ``"1e3"``, ``" 12 "`` inside and numbers beyond any column are refused before
    they reach ``int()`` or the database.
    """
    text = str(value).strip() if value is not None else ""
    digits = text.removeprefix("-")
    if not digits or len(digits) > len(str(max(abs(low), abs(high)))) or not (digits.isascii() and digits.isdigit()):
        return None
    number = int(text)
    return number if low <= number <= high else None


def parse_db_id(value: object) -> int | None:
    """A database id given as text (a form field, a query argument): None unless 1..MAX_DB_ID."""
    return parse_int(value, low=1, high=MAX_DB_ID)


def requested_page() -> int:
    """``?page=`` of the current request: 1 when absent.

    :raise NotFound: anything but a page number 1..MAX_PAGE (as for a page past the end).
    """
    raw = request.args.get("page")
    if raw is None or raw == "":
        return 1
    page = parse_int(raw, low=1, high=MAX_PAGE)
    if page is None:
        raise NotFound
    return page


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
