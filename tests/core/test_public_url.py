"""The site's public address: absolute links never come from the Host header; unknown hosts are refused;
cookies and HSTS follow the address's scheme."""

from __future__ import annotations

import pytest
from flask import Blueprint, request
from sqlalchemy import select

from marketplace import create_app
from marketplace.db import db
from marketplace.mail.models import OutboxMessage
from tests import factories
from tests.conftest import make_test_app
from tests.events import helpers

PUBLIC = "https://cluster.example.ru"


def mails() -> list[OutboxMessage]:
    db.session.expire_all()
    return list(db.session.scalars(select(OutboxMessage).order_by(OutboxMessage.id)))


def test_production_refuses_to_start_without_a_public_url(monkeypatch):
    monkeypatch.delenv("MARKETPLACE_DEV", raising=False)
    monkeypatch.delenv("PUBLIC_URL", raising=False)
    monkeypatch.setenv("SECRET_KEY", "from-env")
    with pytest.raises(RuntimeError, match="PUBLIC_URL"):
        create_app({"SQLALCHEMY_DATABASE_URI": "sqlite://"})
    with pytest.raises(RuntimeError, match="absolute http"):
        create_app({"SQLALCHEMY_DATABASE_URI": "sqlite://", "PUBLIC_URL": "cluster.example.ru"})


def test_production_trusts_only_the_public_host_and_secures_cookies(monkeypatch):
    monkeypatch.delenv("MARKETPLACE_DEV", raising=False)
    monkeypatch.setenv("SECRET_KEY", "from-env")
    monkeypatch.setenv("PUBLIC_URL", PUBLIC + "/")
    app = create_app({"SQLALCHEMY_DATABASE_URI": "sqlite://"})
    assert app.config["PUBLIC_URL"] == PUBLIC
    assert app.config["TRUSTED_HOSTS"] == ["cluster.example.ru"]
    assert app.config["SESSION_COOKIE_SECURE"] is True
    assert app.config["REMEMBER_COOKIE_SECURE"] is True
    assert app.config["HSTS_SECONDS"] == 365 * 24 * 60 * 60
    monkeypatch.setenv("TRUSTED_HOSTS", "cluster.example.ru, www.cluster.example.ru")
    monkeypatch.setenv("COOKIE_SECURE", "0")
    monkeypatch.setenv("HSTS_SECONDS", "0")
    app = create_app({"SQLALCHEMY_DATABASE_URI": "sqlite://"})
    assert app.config["TRUSTED_HOSTS"] == ["cluster.example.ru", "www.cluster.example.ru"]
    assert app.config["SESSION_COOKIE_SECURE"] is False
    assert app.config["HSTS_SECONDS"] == 0


def test_reset_link_comes_from_the_public_url_not_the_host_header(app, client):
    app.config["PUBLIC_URL"] = PUBLIC
    factories.user(email="lab@example.com", locale="en")
    client.get("/account/reset", headers={"Host": "evil.example"})
    response = client.post(
        "/account/reset?lang=en", data={"email": "lab@example.com"}, headers={"Host": "evil.example"}
    )
    assert response.status_code == 302
    [message] = mails()
    assert "evil.example" not in message.body
    assert f"{PUBLIC}/account/reset/" in message.body


def test_calendar_files_link_to_the_public_url(app, client, published_event):
    app.config["PUBLIC_URL"] = PUBLIC
    body = client.get(f"/events/{published_event}.ics", headers={"Host": "evil.example"}).get_data(as_text=True)
    assert f"URL:{PUBLIC}/events/{published_event}" in body.replace("\r\n ", "")
    assert "evil.example" not in body


@pytest.fixture
def published_event():
    return helpers.event(None).id


def test_unknown_hosts_are_refused_with_the_error_page(app, client):
    app.config["TRUSTED_HOSTS"] = ["cluster.example.ru"]
    refused = client.get("/?lang=en", headers={"Host": "evil.example"})
    assert refused.status_code == 400
    assert "X-Content-Type-Options" in refused.headers
    assert client.get("/health", headers={"Host": "cluster.example.ru"}).status_code == 200


def test_https_address_adds_hsts_and_secure_cookies(app, client):
    app.config.update(HSTS_SECONDS=3600, SESSION_COOKIE_SECURE=True)
    response = client.get("/account/login")
    assert response.headers["Strict-Transport-Security"] == "max-age=3600; includeSubDomains"
    assert "Secure" in response.headers.get("Set-Cookie", "")
    app.config.update(HSTS_SECONDS=0, SESSION_COOKIE_SECURE=False)
    plain = client.get("/account/login")
    assert "Strict-Transport-Security" not in plain.headers


def test_behind_a_proxy_the_client_address_is_the_forwarded_one(database_urls, backend, tmp_path):
    probe = Blueprint("address_probe", __name__)
    probe.add_url_rule("/probe/address", "address", lambda: request.remote_addr or "")
    for hops, expected in ((0, "127.0.0.1"), (1, "203.0.113.7")):
        app = make_test_app(database_urls[backend], tmp_path / str(hops), PROXY_COUNT=hops)
        app.register_blueprint(probe)
        answer = app.test_client().get("/probe/address", headers={"X-Forwarded-For": "203.0.113.7"})
        assert answer.get_data(as_text=True) == expected
