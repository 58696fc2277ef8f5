"""The factory, errors, transactions and headers every page relies on."""

import pytest
from flask import Blueprint

from marketplace import create_app
from marketplace.config import DEV_SECRET_KEY
from marketplace.db import db
from marketplace.errors import Conflict
from marketplace.models import Organization
from tests import factories
from tests.conftest import make_test_app


def test_refuses_development_secret_outside_development(monkeypatch):
    monkeypatch.delenv("MARKETPLACE_DEV", raising=False)
    monkeypatch.delenv("FLASK_DEBUG", raising=False)
    monkeypatch.delenv("SECRET_KEY", raising=False)
    with pytest.raises(RuntimeError, match="SECRET_KEY"):
        create_app({"SQLALCHEMY_DATABASE_URI": "sqlite://"})
    assert create_app({"SQLALCHEMY_DATABASE_URI": "sqlite://", "TESTING": True}).config["SECRET_KEY"] == DEV_SECRET_KEY


def test_secret_and_database_come_from_environment(monkeypatch):
    monkeypatch.setenv("SECRET_KEY", "from-env")
    monkeypatch.setenv("PUBLIC_URL", "https://cluster.example.ru")
    monkeypatch.setenv("DATABASE_URL", "postgresql://u@db.example/prod")
    app = create_app()
    assert app.config["SECRET_KEY"] == "from-env"
    assert app.config["SQLALCHEMY_DATABASE_URI"] == "postgresql+psycopg://u@db.example/prod"


def test_matcher_settings_come_from_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("SECRET_KEY", "from-env")
    monkeypatch.setenv("PUBLIC_URL", "https://cluster.example.ru")
    assert create_app().config["NOTIFY_MATCHED_SUPPLIERS"] == 5
    monkeypatch.setenv("MATCHER_DIR", str(tmp_path / "shared-matcher"))
    monkeypatch.setenv("NOTIFY_MATCHED_SUPPLIERS", "0")
    app = create_app()
    assert app.config["MATCHER_DIR"] == str(tmp_path / "shared-matcher")
    assert app.config["NOTIFY_MATCHED_SUPPLIERS"] == 0


@pytest.fixture
def probe_app(app, database_urls, backend, tmp_path):
    """An app with a route that writes and then succeeds or fails, to observe the one-commit-per-request rule."""

    fresh = make_test_app(database_urls[backend], tmp_path, PROPAGATE_EXCEPTIONS=False)
    bp = Blueprint("probe", __name__)

    @bp.route("/probe/<outcome>", methods=["POST"])
    def probe(outcome):
        org = db.session.get(Organization, int(outcome.split("-")[1]))
        org.city = "Изменено"
        db.session.flush()
        if outcome.startswith("conflict"):
            raise Conflict("nope")
        if outcome.startswith("crash"):
            raise RuntimeError("boom")
        return "ok"

    fresh.register_blueprint(bp)
    yield fresh
    with fresh.app_context():
        db.engine.dispose()


@pytest.mark.parametrize(
    ("outcome", "status", "changed"), [("ok", 200, True), ("conflict", 409, False), ("crash", 500, False)]
)
def test_request_commits_only_on_success(probe_app, outcome, status, changed):
    org = factories.organization(city="Ставрополь")
    response = probe_app.test_client().post(f"/probe/{outcome}-{org.id}")
    assert response.status_code == status
    db.session.expire_all()
    assert (db.session.get(Organization, org.id).city == "Изменено") is changed


def test_errors_are_html_for_pages_and_json_for_the_api(client):
    page = client.get("/no-such-page?lang=en")
    assert page.status_code == 404
    assert b"does not exist" in page.data
    assert page.mimetype == "text/html"
    api = client.get("/api/v1/no-such-thing")
    assert api.status_code == 404
    assert api.get_json()["error"]["code"] == "not_found"
    json_client = client.get("/no-such-page", headers={"Accept": "application/json"})
    assert json_client.get_json()["error"]["message"]


def test_security_headers(client):
    response = client.get("/")
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]
    assert response.headers["X-Frame-Options"] == "SAMEORIGIN"


def test_russian_is_the_default_language_and_english_can_be_chosen(client):
    assert '<html lang="ru">' in client.get("/").get_data(as_text=True)
    response = client.post("/lang/en", data={"next": "/"})
    assert response.status_code == 302
    assert response.headers["Location"] == "/"
    assert '<html lang="en">' in client.get("/").get_data(as_text=True)


def test_language_switch_never_redirects_off_site(client):
    response = client.post("/lang/en", data={"next": "https://evil.example/"})
    assert response.headers["Location"] == "/"
