"""Errors reach the user as a page or a JSON body, never as a server's bare crash: the error page after a
failed database statement, the readiness probe naming what fails, NUL characters refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask import Blueprint
from sqlalchemy import text

from marketplace.db import db
from marketplace.models import Organization
from tests import factories
from tests.conftest import make_test_app


@pytest.fixture
def failing_app(app, database_urls, backend, tmp_path):
    """An app with routes that fail after a database error, as a crash in production does."""
    fresh = make_test_app(database_urls[backend], tmp_path, PROPAGATE_EXCEPTIONS=False)
    bp = Blueprint("failing", __name__)

    @bp.route("/probe/db-error")
    def db_error() -> str:
        db.session.execute(text("SELECT no_such_column FROM organization"))
        return "unreachable"

    fresh.register_blueprint(bp)
    yield fresh
    with fresh.app_context():
        db.engine.dispose()


def test_the_error_page_renders_after_a_failed_statement_for_a_logged_in_user(failing_app, app):
    user = factories.member()
    client = failing_app.test_client()
    client.post("/account/login", data={"email": user.email, "password": factories.PASSWORD})
    response = client.get("/probe/db-error?lang=en")
    assert response.status_code == 500
    body = response.get_data(as_text=True)
    assert "Something went wrong on our side" in body
    assert user.full_name in body  # the branded page, for the logged-in user, not a bare one
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    json = client.get("/probe/db-error", headers={"Accept": "application/json"})
    assert json.status_code == 500
    assert json.get_json()["error"]["code"] == "internal_error"


def test_health_names_the_failing_part(app, client, monkeypatch):
    monkeypatch.setitem(app.config, "MATCHER_DIR", str(Path(app.config["UPLOAD_DIR"]).parent / "matcher-probe"))
    directory = Path(app.config["MATCHER_DIR"])
    directory.mkdir(parents=True)
    (directory / "current.json").write_text("not a pointer", encoding="utf-8")
    response = client.get("/health")
    assert response.status_code == 503
    body = response.get_json()
    assert body["status"] == "unavailable"
    assert body["checks"]["database"] == "ok"
    assert body["checks"]["matcher_snapshot"].startswith("failing")


def test_health_is_503_json_when_the_database_is_down(tmp_path):
    down = make_test_app("postgresql+psycopg://nobody@127.0.0.1:1/none", tmp_path)
    response = down.test_client().get("/health")
    assert response.status_code == 503
    assert response.get_json()["checks"]["database"].startswith("failing")


@pytest.mark.parametrize(
    ("method", "url", "data"),
    [
        ("GET", "/catalog/?q=%00", None),
        ("GET", "/orders/?q=a%00b", None),
        ("POST", "/account/login", {"email": "a\x00@example.com", "password": "x"}),
    ],
)
def test_nul_characters_are_refused_with_400(client, method, url, data):
    before = db.session.query(Organization).count()
    response = client.open(url, method=method, data=data, headers={"Accept": "application/json"})
    assert response.status_code == 400
    assert response.get_json()["error"]["code"] == "invalid_input"
    assert db.session.query(Organization).count() == before
