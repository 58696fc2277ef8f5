"""Throttling of logging in, password reset and registration, per e-mail and per client address."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from marketplace.accounts import services as account_services
from marketplace.accounts.models import User
from marketplace.db import db
from marketplace.extensions import rate_limit_storage
from tests import factories
from tests.factories import count

from .helpers import outbox

THROTTLED = b"Too many attempts. Please try again"


def wrong_login(client, email="ivan@example.com", address="203.0.113.7", **kw):
    return client.post(
        "/account/login?lang=en",
        data={"email": email, "password": "wrong-password-0"},
        environ_base={"REMOTE_ADDR": address},
        **kw,
    )


@pytest.fixture
def password_checks(monkeypatch):
    """How many times a password was checked."""
    calls = []
    original = account_services.authenticate

    def counting(email, password):
        calls.append(email)
        return original(email, password)

    monkeypatch.setattr(account_services, "authenticate", counting)
    return calls


def test_the_sixth_wrong_password_within_a_minute_is_refused_unchecked(client, app, rate_limits, password_checks):
    factories.user(email="ivan@example.com")
    for _ in range(5):
        assert wrong_login(client).status_code == 400
    assert len(password_checks) == 5

    response = wrong_login(client)
    assert response.status_code == 429
    assert len(password_checks) == 5  # the password was not even looked at
    assert THROTTLED in response.data
    assert b'data-testid="login-form"' in response.data  # the form again
    retry = int(response.headers["Retry-After"])
    assert 0 < retry <= 60
    # Even the right password waits now.
    right = client.post("/account/login", data={"email": "ivan@example.com", "password": factories.PASSWORD})
    assert right.status_code == 429
    assert client.get("/account/profile").status_code == 302


def test_the_limit_per_email_does_not_tell_whether_the_account_exists(client, app, rate_limits):
    factories.user(email="ivan@example.com")
    answers = {}
    for email in ("ivan@example.com", "nobody@example.com"):
        statuses = [wrong_login(client, email=email).status_code for _ in range(6)]
        answers[email] = statuses
    assert answers["ivan@example.com"] == answers["nobody@example.com"] == [400] * 5 + [429]


def test_the_limit_per_email_holds_across_addresses_and_letter_case(client, app, rate_limits):
    factories.user(email="ivan@example.com")
    for number in range(5):
        wrong_login(
            client, email="Ivan@Example.com" if number % 2 else "ivan@example.com", address=f"198.51.100.{number}"
        )
    assert wrong_login(client, address="192.0.2.1").status_code == 429


def test_the_hourly_limit_per_email(client, app, rate_limits):
    rate_limits["LOGIN_LIMIT_PER_EMAIL"] = "100/minute;7/hour"
    for _ in range(7):
        assert wrong_login(client).status_code == 400
    assert wrong_login(client).status_code == 429


def test_the_limit_per_address(client, app, rate_limits, password_checks):
    rate_limits["LOGIN_LIMIT_PER_ADDRESS"] = "4/minute"
    for number in range(4):
        assert wrong_login(client, email=f"person{number}@example.com").status_code == 400
    assert wrong_login(client, email="someone-else@example.com").status_code == 429
    assert len(password_checks) == 4
    assert wrong_login(client, email="someone-else@example.com", address="198.51.100.1").status_code == 400


def test_a_json_client_gets_the_json_error_and_retry_after(client, app, rate_limits):
    rate_limits["LOGIN_LIMIT_PER_EMAIL"] = "1/minute"
    wrong_login(client)
    response = wrong_login(client, headers={"Accept": "application/json"})
    assert response.status_code == 429
    error = response.get_json()["error"]
    assert error["code"] == "too_many_requests"
    assert error["message"].startswith("Too many attempts. Please try again in ")
    assert int(response.headers["Retry-After"]) > 0


def test_retry_after_follows_the_breached_limit(client, app, rate_limits):
    rate_limits["LOGIN_LIMIT_PER_EMAIL"] = "1/hour"
    client.post("/account/login", data={"email": "ivan@example.com", "password": "x"})
    response = client.post("/account/login", data={"email": "ivan@example.com", "password": "x"})
    assert response.status_code == 429
    assert 3000 < int(response.headers["Retry-After"]) <= 3600


def test_showing_the_login_page_is_not_counted(client, app, rate_limits):
    rate_limits["LOGIN_LIMIT_PER_ADDRESS"] = "2/minute"
    for _ in range(5):
        assert client.get("/account/login").status_code == 200


def test_reset_requests_three_per_hour_per_email(client, app, rate_limits):
    factories.user(email="ivan@example.com")
    for _ in range(3):
        response = client.post("/account/reset?lang=en", data={"email": "ivan@example.com"})
        assert response.status_code == 302
    response = client.post("/account/reset?lang=en", data={"email": "IVAN@example.com"})
    assert response.status_code == 429
    assert THROTTLED in response.data
    assert b'data-testid="reset-request-form"' in response.data
    assert len(outbox()) == 3  # not twenty mails in a row
    # The same for an address without an account.
    for _ in range(3):
        client.post("/account/reset", data={"email": "nobody@example.com"})
    assert client.post("/account/reset", data={"email": "nobody@example.com"}).status_code == 429


def test_registrations_five_per_hour_per_address(client, app, rate_limits):
    for number in range(5):
        data = {
            "email": f"person{number}@example.com",
            "full_name": "Пётр Петров",
            "password": "long-enough-1",
            "confirm": "long-enough-1",
            "consent": "y",
        }
        assert client.post("/account/register", data=data).status_code == 302
    data["email"] = "sixth@example.com"
    response = client.post("/account/register?lang=en", data=data)
    assert response.status_code == 429
    assert THROTTLED in response.data
    assert b'data-testid="register-form"' in response.data
    assert count(User) == 5
    assert db.session.scalar(select(User).where(User.email == "sixth@example.com")) is None


def test_registrations_of_one_email_are_limited_too(client, app, rate_limits):
    """Registering someone else's address over and over would fill their mailbox."""
    factories.user(email="victim@example.com")
    data = {"email": "victim@example.com", "full_name": "X", "password": "long-enough-1", "confirm": "long-enough-1"}
    data["consent"] = "y"
    for number in range(3):
        client.post("/account/register", data=data, environ_base={"REMOTE_ADDR": f"198.51.100.{number}"})
    response = client.post("/account/register", data=data, environ_base={"REMOTE_ADDR": "192.0.2.9"})
    assert response.status_code == 429
    assert len(outbox()) == 3


def test_limits_are_off_in_the_other_tests(client, app, password_checks):
    for _ in range(8):
        assert wrong_login(client).status_code == 400
    assert len(password_checks) == 8


def test_the_storage_is_redis_when_redis_url_is_set():
    assert rate_limit_storage({"REDIS_URL": None}) == ("memory://", {})
    uri, options = rate_limit_storage({"REDIS_URL": "redis://127.0.0.1:6379/3"})
    assert uri == "redis://127.0.0.1:6379/3"
    assert options["socket_timeout"] > 0


def test_the_redis_storage_counts():
    """The limits library talks to a real Redis when one runs here (skipped otherwise)."""
    from limits import parse  # noqa: PLC0415  only this test needs the library itself
    from limits.storage import storage_from_string  # noqa: PLC0415
    from limits.strategies import MovingWindowRateLimiter  # noqa: PLC0415

    uri, options = rate_limit_storage({"REDIS_URL": "redis://127.0.0.1:6379/15"})
    storage = storage_from_string(uri, **options)
    if not storage.check():
        pytest.skip("no Redis at 127.0.0.1:6379")
    storage.reset()
    limiter = MovingWindowRateLimiter(storage)
    limit = parse("2/minute")
    assert limiter.hit(limit, "test", "email:x")
    assert limiter.hit(limit, "test", "email:x")
    assert not limiter.hit(limit, "test", "email:x")
    storage.reset()
