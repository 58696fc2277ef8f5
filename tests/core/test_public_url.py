"""The site's public address: absolute links never come from the Host header; unknown hosts are refused;
cookies and HSTS follow the address's scheme."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from marketplace import create_app
from marketplace.db import db
from marketplace.mail.models import OutboxMessage
from tests import factories

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


def test_calendar_files_link_to_the_public_url(app, client, people_for_public_url):
    app.config["PUBLIC_URL"] = PUBLIC
    body = client.get(f"/events/{people_for_public_url}.ics", headers={"Host": "evil.example"}).get_data(as_text=True)
    assert f"URL:{PUBLIC}/events/{people_for_public_url}" in body.replace("\r\n ", "")
    assert "evil.example" not in body


@pytest.fixture
def people_for_public_url():
    from tests.events import helpers  # noqa: PLC0415  the events' own factory of published events

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
