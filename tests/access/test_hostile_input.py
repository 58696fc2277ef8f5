"""Bad input never gets a 500: every route, with hostile query strings and form posts, as each kind of visitor.

Every GET route is requested with every query parameter the app reads set to each hostile value, and
every POST route receives every form field the app's forms define, set to each hostile value (plus a
10 MB field and hostile upload names). The answer may be anything deliberate — a page, a redirect, a
4xx with its message — but never a server error.
"""

from __future__ import annotations

import importlib
import io
import pkgutil
from collections.abc import Iterator

import pytest
from flask import got_request_exception
from flask_wtf import FlaskForm
from wtforms.fields.core import UnboundField

import marketplace
from tests.access.conftest import get_urls

#: The visitors of the walk: what a guest reaches, what the owning organization's user and the manager reach.
WALK_ROLES = ("guest", "owner", "manager")

#: Values that have broken parsers somewhere: NUL, replacement characters from invalid UTF-8, numbers
#: beyond any column, Unicode digits that ``isdigit()`` accepts, non-finite numbers, dates at the ends of
#: the calendar, impossible dates, unknown choices, markup and a long text.
HOSTILE = (
    "\x00",
    "abc\x00def",
    "\udcff\ufffd",
    "99999999999999999999999",
    "-99999999999999999999999",
    "-1",
    "0",
    "²",
    "١٢٣",
    "１２",
    "NaN",
    "-Infinity",
    "1e309",
    "0001-01-01",
    "0001-01-01T00:00",
    "9999-12-31T23:59",
    "2024-02-30",
    "zzz-unknown",
    "' OR 1=1 --",
    "<script>alert(1)</script>",
    "ы" * 300,
)

#: Query parameters the views read directly (besides the fields of the filter forms).
QUERY_NAMES = (
    *("q", "page", "per_page", "org", "idea", "need", "lang", "month", "next", "sort", "status", "tab"),
    *("type", "region", "kind", "section", "membership", "available", "spell"),  # the search page's filters
)


def _form_classes() -> Iterator[type[FlaskForm]]:
    for module in pkgutil.walk_packages(marketplace.__path__, "marketplace."):
        if module.name.endswith(".forms"):
            importlib.import_module(module.name)
    pending = [FlaskForm]
    while pending:
        cls = pending.pop()
        pending.extend(cls.__subclasses__())
        yield cls


def field_names() -> list[str]:
    """Every field name of every form of the app."""
    names = {
        name
        for cls in _form_classes()
        for klass in cls.__mro__
        for name, value in vars(klass).items()
        if isinstance(value, UnboundField)
    }
    return sorted(names)


def _safe(value: str) -> str:
    """Lone surrogates cannot be encoded: the client sends what a browser would (the replacement character)."""
    return value.encode("utf-8", "replace").decode("utf-8")


def post_urls(app, params) -> list[str]:
    urls = set()
    for rule in app.url_map.iter_rules():
        if "POST" in rule.methods:
            urls.add(rule.build({name: params[name] for name in rule.arguments}, append_unknown=False)[1])
    return sorted(urls)


@pytest.fixture
def walk(app, client, login, world):
    """The world's ids, a login switch, and a check that records every server error with its cause."""
    users, params = world
    failures: list[str] = []
    causes: list[str] = []
    app.config["PROPAGATE_EXCEPTIONS"] = False  # a crash becomes the 500 page, as in production

    def record(_sender: object, exception: BaseException, **_extra: object) -> None:
        causes.append(f"{type(exception).__name__}: {str(exception).splitlines()[0][:200] if str(exception) else ''}")

    got_request_exception.connect(record, app)

    def check(role: str, method: str, url: str, response_status: int) -> None:
        if response_status >= 500:
            failures.append(f"{role} {method} {url}: {response_status} {causes[-1] if causes else ''}")

    def as_role(role: str) -> None:
        login(users[role])

    yield params, as_role, check, failures
    got_request_exception.disconnect(record, app)


def test_hostile_query_strings_never_get_a_server_error(app, client, walk):
    params, as_role, check, failures = walk
    names = sorted({*QUERY_NAMES, *field_names()})
    urls = [url for url in get_urls(app, params) if not url.startswith("/static/")]
    for role in WALK_ROLES:
        as_role(role)
        for url in urls:
            for value in HOSTILE:
                response = client.get(url, query_string={name: _safe(value) for name in names})
                check(role, "GET", f"{url}?…={value[:20]!r}", response.status_code)
                response.close()
            raw = client.get(url + "?q=%FF%FE&page=%00&org=%C0%80")  # invalid UTF-8, an overlong NUL
            check(role, "GET", f"{url}?<invalid utf-8>", raw.status_code)
    assert failures == [], "\n".join(failures)


def test_hostile_form_posts_never_get_a_server_error(app, client, walk):
    params, as_role, check, failures = walk
    names = field_names()
    urls = post_urls(app, params)
    assert len(urls) > 30
    for role in WALK_ROLES:
        as_role(role)
        for url in urls:
            for value in HOSTILE:
                data = {name: _safe(value) for name in names}
                check(role, "POST", f"{url} {value[:20]!r}", client.post(url, data=data).status_code)
            upload = {
                "files": (io.BytesIO(b"%PDF-1.4\n"), "evil\x00name.pdf"),
                "attachments": (io.BytesIO(b"%PDF-1.4\n"), "../../etc/passwd\x00.pdf"),
            }
            check(role, "POST", f"{url} <upload names>", client.post(url, data=upload).status_code)
            big = dict.fromkeys(("title", "description", "message", "q"), "x" * (10 * 1024 * 1024))
            check(role, "POST", f"{url} <10 MB>", client.post(url, data=big).status_code)
    assert failures == [], "\n".join(failures)
