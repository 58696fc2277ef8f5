"""Registration, logging in and out."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from marketplace.accounts import forms as account_forms, services as account_services
from marketplace.accounts.models import User
from marketplace.db import db
from tests import factories
from tests.conftest import make_test_app
from tests.factories import fresh

GOOD = {
    "email": "Anna.Petrova@Example.com",
    "full_name": "Анна Петрова",
    "password": "long-enough-1",
    "confirm": "long-enough-1",
}


def user_count() -> int:
    return db.session.scalar(select(func.count()).select_from(User))


def test_register_creates_user_and_logs_in(client, app):
    response = client.post("/account/register", data=GOOD)
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/organizations/new")
    db.session.expire_all()
    user = db.session.scalar(select(User))
    assert user.email == "anna.petrova@example.com"  # stored lower-cased
    assert user.full_name == "Анна Петрова"
    assert user.check_password("long-enough-1")
    assert user.password_hash != "long-enough-1"
    assert user.organization_id is None
    assert not user.is_org_admin
    assert user.last_login_at is not None
    assert client.get("/account/profile").status_code == 200  # logged in


@pytest.mark.parametrize(
    ("changes", "field_error"),
    [
        ({"confirm": "something-else"}, b"The passwords do not match."),
        ({"password": "short", "confirm": "short"}, b"Use at least 8 characters."),
        ({"email": "not-an-email"}, b"Enter a valid e-mail address."),
        ({"full_name": "   "}, b"This field is required."),
    ],
)
def test_register_rejects_bad_input(client, app, changes, field_error):
    response = client.post("/account/register?lang=en", data=GOOD | changes)
    assert response.status_code == 400
    assert field_error in response.data
    assert user_count() == 0


def test_register_rejects_duplicate_email_case_insensitive(client, app):
    factories.user(email="anna.petrova@example.com")
    response = client.post("/account/register?lang=en", data=GOOD)
    assert response.status_code == 400
    assert b"An account with this e-mail already exists." in response.data
    assert user_count() == 1


def test_register_race_on_the_unique_email_is_a_field_error(client, app, monkeypatch):
    """Both checks pass (a concurrent registration commits in between): the unique index decides."""
    factories.user(email="anna.petrova@example.com")
    monkeypatch.setattr(account_forms, "email_taken", lambda _email: False)
    monkeypatch.setattr(account_services, "email_taken", lambda _email: False)
    response = client.post("/account/register?lang=en", data=GOOD)
    assert response.status_code == 400
    assert b"An account with this e-mail already exists." in response.data
    assert user_count() == 1


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
    assert client.get("/account/profile").status_code == 302  # still a guest
    assert fresh(User, user.id).last_login_at is None


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
        with client.session_transaction() as session:
            session["_user_id"] = user.get_id()
        assert client.post("/account/logout").status_code == 400
        assert client.get("/account/profile").status_code == 200
    finally:
        with csrf_app.app_context():
            db.engine.dispose()


def test_changing_the_password_ends_other_sessions_but_keeps_this_one(app, client, login):
    user = factories.registered()
    other_device = app.test_client()
    with other_device.session_transaction() as session:
        session["_user_id"] = user.get_id()
    login(user)
    assert other_device.get("/account/profile").status_code == 200

    response = client.post(
        "/account/password",
        data={
            "current_password": factories.PASSWORD,
            "password": "a-brand-new-secret",
            "confirm": "a-brand-new-secret",
        },
    )
    assert response.status_code == 302
    assert fresh(User, user.id).check_password("a-brand-new-secret")
    assert client.get("/account/profile").status_code == 200
    assert other_device.get("/account/profile").status_code == 302
