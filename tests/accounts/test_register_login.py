"""Logging in and out (registration: test_registration.py; sessions: test_sessions.py)."""

from __future__ import annotations

import pytest

from marketplace.accounts.models import User
from marketplace.db import db
from tests import factories
from tests.conftest import make_test_app
from tests.factories import fresh

from .helpers import log_in_client


def test_logged_in_user_is_sent_away_from_register_and_login(client, app, login):
    login(factories.registered())
    assert client.get("/account/register").status_code == 302
    assert client.get("/account/login").status_code == 302


def test_login_with_any_email_case_updates_last_login(client, app):
    user = factories.user(email="ivan@example.com")
    response = client.post("/account/login", data={"email": "IVAN@Example.com", "password": factories.PASSWORD})
    assert response.status_code == 302
    assert response.headers["Location"] == "/"
    db.session.expire_all()
    assert db.session.get(User, user.id).last_login_at is not None
    assert client.get("/account/profile").status_code == 200


@pytest.mark.parametrize(
    ("email", "password"),
    [
        ("ivan@example.com", "wrong-password"),
        ("nobody@example.com", factories.PASSWORD),
    ],
)
def test_login_failure_is_the_same_for_wrong_password_and_unknown_email(client, app, email, password):
    user = factories.user(email="ivan@example.com")
    response = client.post("/account/login?lang=en", data={"email": email, "password": password})
    assert response.status_code == 400
    assert b"Wrong e-mail or password." in response.data
    assert b"Send the link again" in response.data  # offered to everyone whose login failed
    assert client.get("/account/profile").status_code == 302  # still a guest
    assert fresh(User, user.id).last_login_at is None


def test_login_failure_for_a_json_client_is_a_json_error(client, app):
    factories.user(email="ivan@example.com")
    response = client.post(
        "/account/login?lang=en",
        data={"email": "ivan@example.com", "password": "wrong-password"},
        headers={"Accept": "application/json"},
    )
    assert response.status_code == 400
    error = response.get_json()["error"]
    assert error["code"] == "invalid_input"
    assert error["message"] == "Wrong e-mail or password."
    assert error["fields"] == {"password": ["Wrong e-mail or password."]}


def test_inactive_user_cannot_log_in(client, app):
    user = factories.user(email="gone@example.com", active=False)
    response = client.post("/account/login?lang=en", data={"email": "gone@example.com", "password": factories.PASSWORD})
    assert response.status_code == 400
    assert b"This account is disabled." in response.data
    assert client.get("/account/profile").status_code == 302
    assert fresh(User, user.id).last_login_at is None


def test_deactivated_user_loses_an_open_session(client, app, login):
    user = login(factories.registered())
    user.active = False
    db.session.commit()
    response = client.get("/account/profile")
    assert response.status_code == 302
    assert "/account/login" in response.headers["Location"]


@pytest.mark.parametrize(
    ("next_url", "expected"),
    [
        ("/organizations/?page=2", "/organizations/?page=2"),
        ("https://evil.example.com/phish", "/"),
        ("//evil.example.com/phish", "/"),
    ],
)
def test_login_follows_only_local_next(client, app, next_url, expected):
    factories.user(email="ivan@example.com")
    response = client.post(
        "/account/login",
        query_string={"next": next_url},
        data={"email": "ivan@example.com", "password": factories.PASSWORD},
    )
    assert response.status_code == 302
    assert response.headers["Location"] == expected


def test_remember_me_sets_the_remember_cookie(client, app):
    factories.user(email="ivan@example.com")
    data = {"email": "ivan@example.com", "password": factories.PASSWORD, "remember": "y"}
    assert client.post("/account/login", data=data).status_code == 302
    assert client.get_cookie("remember_token") is not None


def test_without_remember_me_there_is_no_remember_cookie(client, app):
    factories.user(email="ivan@example.com")
    data = {"email": "ivan@example.com", "password": factories.PASSWORD}
    assert client.post("/account/login", data=data).status_code == 302
    assert client.get_cookie("remember_token") is None


def test_logout_is_post_only(client, app, login):
    login(factories.registered())
    assert client.get("/account/logout").status_code == 405
    assert client.get("/account/profile").status_code == 200
    response = client.post("/account/logout")
    assert response.status_code == 302
    assert client.get("/account/profile").status_code == 302


def test_logout_requires_csrf_token_when_csrf_is_on(app, tmp_path, database_urls, backend):
    csrf_app = make_test_app(database_urls[backend], tmp_path, WTF_CSRF_ENABLED=True)
    user = factories.registered()
    client = csrf_app.test_client()
    try:
        log_in_client(client, user)
        assert client.post("/account/logout").status_code == 400
        assert client.get("/account/profile").status_code == 200
    finally:
        with csrf_app.app_context():
            db.engine.dispose()
