"""The password policy: at least 10 characters, at most 128, not one of the most common passwords;
for registration, password change and reset alike."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from werkzeug.security import generate_password_hash

from marketplace.accounts.models import User
from marketplace.accounts.passwords import (
    MAX_PASSWORD_LENGTH,
    MIN_PASSWORD_LENGTH,
    common_passwords,
    is_common_password,
)
from marketplace.db import db
from tests import factories
from tests.factories import fresh

from .helpers import link_in, outbox

TOO_SHORT = b"Use at least 10 characters."
TOO_LONG = b"Use at most 128 characters."
TOO_COMMON = b"This password is one of the most common ones."


def test_the_list_is_shipped_and_large():
    words = common_passwords()
    assert len(words) > 30_000
    assert {"password", "123456", "qwerty", "password123", "1234567890"} <= words
    assert all(word == word.lower() for word in words)


@pytest.mark.parametrize(
    "password",
    [
        "password123",
        "PassWord123",
        "QWERTYUIOP",
        "1q2w3e4r5t",
        "qwerty123456",
        "йцукенгшщз",
        "ЙЦУКЕНГШЩЗ",
        " 1234567890 ",
    ],
)
def test_common_passwords_are_recognised_whatever_the_case_or_layout(password):
    assert is_common_password(password)


@pytest.mark.parametrize("password", ["correct-horse-battery", "Тайга-Сосна-2024", "polymer-2024!"])
def test_uncommon_passwords_pass(password):
    assert not is_common_password(password)


def test_the_limits():
    assert MIN_PASSWORD_LENGTH == 10
    assert MAX_PASSWORD_LENGTH == 128


def register(client, password: str):
    data = {
        "email": "anna@example.com",
        "full_name": "Анна",
        "password": password,
        "confirm": password,
        "consent": "y",
    }
    return client.post("/account/register?lang=en", data=data)


@pytest.mark.parametrize(
    ("password", "message"),
    [("nine-char", TOO_SHORT), ("Password123", TOO_COMMON), ("йцукенгшщз", TOO_COMMON), ("x" * 129, TOO_LONG)],
)
def test_registration_applies_the_policy(client, app, password, message):
    response = register(client, password)
    assert response.status_code == 400
    assert message in response.data
    assert db.session.scalar(select(User)) is None


def test_registration_accepts_ten_characters_and_at_most_128(client, app):
    assert register(client, "ten-chars!").status_code == 302
    db.session.execute(db.delete(User))
    db.session.commit()
    assert register(client, "x" * 127 + "y").status_code == 302


def test_the_form_says_what_the_policy_is(client, app):
    html = client.get("/account/register?lang=en").get_data(as_text=True)
    assert "At least 10 characters; not one of the most common passwords." in html
    assert 'minlength="10"' in html
    assert 'maxlength="128"' in html


@pytest.mark.parametrize(("password", "message"), [("nine-char", TOO_SHORT), ("qwerty123456", TOO_COMMON)])
def test_reset_applies_the_policy(client, app, password, message):
    user = factories.user(email="ivan@example.com")
    client.post("/account/reset", data={"email": "ivan@example.com"})
    path = link_in(outbox()[0], "/account/reset/")
    response = client.post(path + "?lang=en", data={"password": password, "confirm": password})
    assert response.status_code == 400
    assert message in response.data
    assert fresh(User, user.id).check_password(factories.PASSWORD)


def test_login_is_not_subject_to_the_policy(client, app):
    """Accounts created directly (demo data: "demo12345") still log in: the policy is for new passwords."""
    factories.user(email="demo@example.com", password_hash=generate_password_hash("demo12345"))
    response = client.post("/account/login", data={"email": "demo@example.com", "password": "demo12345"})
    assert response.status_code == 302
