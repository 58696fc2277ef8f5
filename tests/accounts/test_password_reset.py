"""Password reset: the same answer for every address, a signed single-use link that expires."""

from __future__ import annotations

import re
import time

from itsdangerous import TimestampSigner
from sqlalchemy import func, select

from marketplace.accounts.models import User
from marketplace.db import db
from marketplace.mail.models import OutboxMessage
from tests import factories

RESET_NOTICE = b"If an account with this e-mail exists"


def outbox() -> list[OutboxMessage]:
    db.session.expire_all()
    return list(db.session.scalars(select(OutboxMessage).order_by(OutboxMessage.id)))


def reset_path(message: OutboxMessage) -> str:
    match = re.search(r"http://localhost(/account/reset/\S+)", message.body)
    assert match, message.body
    return match.group(1)


def request_reset(client, email: str):
    return client.post("/account/reset?lang=en", data={"email": email}, follow_redirects=True)


def test_request_for_a_known_address_mails_a_link(client, app):
    factories.user(email="ivan@example.com", locale="en")
    response = request_reset(client, "Ivan@Example.com")
    assert response.status_code == 200
    assert RESET_NOTICE in response.data
    [message] = outbox()
    assert message.recipient == "ivan@example.com"
    assert "/account/reset/" in message.body


def test_request_answers_the_same_for_unknown_and_inactive_addresses(client, app):
    factories.user(email="gone@example.com", active=False)
    for email in ("nobody@example.com", "gone@example.com"):
        response = request_reset(client, email)
        assert response.status_code == 200
        assert RESET_NOTICE in response.data
    assert outbox() == []


def test_empty_request_is_400(client, app):
    assert client.post("/account/reset", data={"email": ""}).status_code == 400
    assert outbox() == []


def test_reset_link_sets_the_password_once(client, app):
    user = factories.user(email="ivan@example.com")
    request_reset(client, "ivan@example.com")
    path = reset_path(outbox()[0])

    assert client.get(path).status_code == 200
    response = client.post(path, data={"password": "fresh-password-1", "confirm": "fresh-password-1"})
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/account/login")
    db.session.expire_all()
    assert db.session.get(User, user.id).check_password("fresh-password-1")

    # The password hash changed, so the same link no longer works.
    again = client.post(path, data={"password": "another-pass-2", "confirm": "another-pass-2"})
    assert again.status_code == 302
    assert again.headers["Location"].endswith("/account/reset")
    db.session.expire_all()
    assert db.session.get(User, user.id).check_password("fresh-password-1")


def test_reset_form_validates(client, app):
    user = factories.user(email="ivan@example.com")
    request_reset(client, "ivan@example.com")
    path = reset_path(outbox()[0])
    response = client.post(path + "?lang=en", data={"password": "fresh-password-1", "confirm": "different-1"})
    assert response.status_code == 400
    assert b"The passwords do not match." in response.data
    db.session.expire_all()
    assert db.session.get(User, user.id).check_password(factories.PASSWORD)


def test_reset_link_expires(client, app, monkeypatch):
    user = factories.user(email="ivan@example.com")
    request_reset(client, "ivan@example.com")
    path = reset_path(outbox()[0])
    later = int(time.time()) + app.config["PASSWORD_RESET_MAX_AGE"] + 60
    monkeypatch.setattr(TimestampSigner, "get_timestamp", lambda _self: later)
    response = client.post(path, data={"password": "fresh-password-1", "confirm": "fresh-password-1"})
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/account/reset")
    db.session.expire_all()
    assert db.session.get(User, user.id).check_password(factories.PASSWORD)


def test_tampered_or_foreign_tokens_are_refused(client, app):
    factories.user(email="ivan@example.com")
    request_reset(client, "ivan@example.com")
    path = reset_path(outbox()[0])
    for bad in (path[:-3] + "xyz", "/account/reset/not-a-token"):
        response = client.get(bad)
        assert response.status_code == 302
        assert response.headers["Location"].endswith("/account/reset")


def test_reset_link_dies_when_the_user_is_disabled(client, app):
    user = factories.user(email="ivan@example.com")
    request_reset(client, "ivan@example.com")
    path = reset_path(outbox()[0])
    db.session.get(User, user.id).active = False
    db.session.commit()
    assert client.get(path).status_code == 302
    assert db.session.scalar(select(func.count()).select_from(User).where(User.active.is_(True))) == 0
