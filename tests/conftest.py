"""Fixtures shared by the whole suite.

Every test that uses ``app`` runs twice: on SQLite and on PostgreSQL. The
PostgreSQL run is skipped, with the reason, when TEST_DATABASE_URL is unset.
Tables are created once per backend and emptied after each test.

The test holds an application context (so factories and queries work
directly), while each request of the test client runs in a context of its
own, with its own database session and ``g``, as in production.
"""

from __future__ import annotations

import contextvars
import os

import pytest
from flask.testing import FlaskClient
from sqlalchemy import Integer, text

import marketplace.models  # noqa: F401 - every table in the metadata, for create_all
from marketplace import create_app
from marketplace.config import normalize_database_url
from marketplace.db import db
from tests.accounts.helpers import session_id
from tests.concurrency import Rendezvous

BACKENDS = ("sqlite", "postgresql")
_schema_created: set[str] = set()


def create_tables() -> None:
    """``db.create_all()`` on the current app's database, every time with the same constraints.

    A ``use_alter`` foreign key (orders → their awarded response, which closes a cycle) is added by an
    ALTER on PostgreSQL, and SQLAlchemy then marks the shared constraint object "not part of CREATE TABLE"
    for good; SQLite, which cannot ALTER constraints, would afterwards create ``orders`` without it.
    """
    for table in db.metadata.tables.values():
        for constraint in table.foreign_key_constraints:
            if constraint.use_alter:
                constraint._create_rule = None  # undo SQLAlchemy's mark, as said above
    db.create_all()


class IsolatedClient(FlaskClient):
    """A test client whose requests do not reuse the test's application context."""

    def open(self, *args, **kwargs):
        return contextvars.Context().run(super().open, *args, **kwargs)


@pytest.fixture(scope="session")
def database_urls(tmp_path_factory) -> dict[str, str | None]:
    url = os.environ.get("TEST_DATABASE_URL")
    return {
        "sqlite": f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.db'}",
        "postgresql": normalize_database_url(url) if url else None,
    }


@pytest.fixture(params=BACKENDS)
def backend(request, database_urls) -> str:
    if request.param == "postgresql" and not database_urls["postgresql"]:
        if os.environ.get("MARKETPLACE_REQUIRE_POSTGRES") == "1":
            pytest.fail("MARKETPLACE_REQUIRE_POSTGRES=1 but TEST_DATABASE_URL is not set")
        pytest.skip(
            "PostgreSQL run skipped: set TEST_DATABASE_URL (e.g. postgresql://postgres@127.0.0.1:5432/test) to run it"
        )
    return request.param


def make_test_app(database_url: str, tmp_path, **overrides):
    config = {
        "TESTING": True,
        "SECRET_KEY": "test-secret",
        "SQLALCHEMY_DATABASE_URI": database_url,
        "WTF_CSRF_ENABLED": False,
        "UPLOAD_DIR": str(tmp_path / "uploads"),
        "SEARCH_BACKEND": "memory",
        "SEARCH_INDEX_DIR": str(tmp_path / "search-index"),
        "MAIL_SERVER": None,
        "PUBLIC_URL": "http://localhost",  # the test client's host
        "AUTH_RATE_LIMITS_ENABLED": False,  # on in the tests of throttling (tests/accounts/conftest.py)
    }
    config.update(overrides)
    app = create_app(config)
    app.test_client_class = IsolatedClient
    return app


def empty_all_tables() -> None:
    """Delete every row, keeping the schema (much faster than drop/create per test)."""
    tables = list(reversed(db.metadata.sorted_tables))
    if db.engine.dialect.name == "postgresql":
        # DELETE + resetting the id sequences, not TRUNCATE: on these few rows TRUNCATE of every table costs
        # ~0.25 s per test (file operations for each table), DELETE ~0.01 s. Children are emptied first.
        for table in tables:
            db.session.execute(table.delete())
        serial = [
            (t.name, c.name)
            for t in tables
            for c in t.primary_key.columns
            if c.autoincrement is True
            or (c.autoincrement == "auto" and c.type._type_affinity is Integer and len(t.primary_key.columns) == 1)
        ]
        if serial:
            db.session.execute(
                text(
                    "SELECT "
                    + ", ".join(
                        f"setval(pg_get_serial_sequence('\"{name}\"', '{column}'), 1, false)" for name, column in serial
                    )
                )
            )
    else:
        # Checked at the commit, when every table is empty (and reset by it). Not ``foreign_keys=OFF``: that
        # PRAGMA is a no-op inside a transaction, so turning it back ON here would leave it off for good.
        db.session.execute(text("PRAGMA defer_foreign_keys=ON"))
        for table in tables:
            db.session.execute(table.delete())
    db.session.commit()


@pytest.fixture
def app_config() -> dict:
    """Override in a test module to change the app's configuration."""
    return {}


# One app per (backend, configuration) for the whole session: building an app
# compiles every URL rule and, on first render, every template, which costs far
# more than the tests themselves. Each test still gets empty tables, its own
# upload directory and search index, and the configuration restored afterwards.
_apps: dict[tuple, object] = {}

#: Per-app caches that must not outlive a test (the search index, the matcher).
PER_TEST_EXTENSIONS = ("search", "matcher")


def _shared_app(backend: str, database_urls, tmp_path_factory, app_config: dict):
    key = (backend, repr(sorted(app_config.items())))
    if key not in _apps:
        _apps[key] = make_test_app(database_urls[backend], tmp_path_factory.mktemp("app"), **app_config)
    return _apps[key]


@pytest.fixture
def app(backend, database_urls, tmp_path, tmp_path_factory, app_config):
    app = _shared_app(backend, database_urls, tmp_path_factory, app_config)
    saved_config = dict(app.config)
    app.config.update(
        UPLOAD_DIR=str(tmp_path / "uploads"),
        SEARCH_INDEX_DIR=str(tmp_path / "search-index"),
        MATCHER_DIR=str(tmp_path / "matcher"),
    )
    for name in PER_TEST_EXTENSIONS:
        app.extensions.pop(name, None)
    with app.app_context():
        if backend not in _schema_created:
            db.drop_all()
            create_tables()
            _schema_created.add(backend)
        try:
            yield app
        finally:
            db.session.remove()
            empty_all_tables()
            db.session.remove()
    app.config.clear()
    app.config.update(saved_config)
    for name in PER_TEST_EXTENSIONS:
        app.extensions.pop(name, None)


@pytest.fixture(scope="session", autouse=True)
def _dispose_engines():
    yield
    for shared in _apps.values():
        with shared.app_context():
            db.engine.dispose()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def login(client):
    """``login(user)`` logs the test client in as ``user`` (``None`` logs out): a new session record,
    as logging in through the form opens one."""

    def do_login(user):
        with client.session_transaction() as session:
            session.clear()
            if user is not None:
                session["_user_id"] = session_id(user)
                session["_fresh"] = True
        return user

    return do_login


@pytest.fixture
def rendezvous(monkeypatch):
    """Simultaneous calls for the race tests: see tests/concurrency.py."""
    return Rendezvous(monkeypatch)
