"""The manager's mail outbox."""

from __future__ import annotations

import pytest

from marketplace.db import db
from marketplace.mail.models import MailStatus, OutboxMessage
from tests import factories


@pytest.fixture
def app_config():
    return {"PER_PAGE": 2}


def add_message(n: int, **kw) -> OutboxMessage:
    message = OutboxMessage(
        recipient=f"to{n}@example.com", subject=f"Subject number {n}", body=f"Body of message {n}\nsecond line", **kw
    )
    db.session.add(message)
    db.session.commit()
    return message


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("guest", 302),
        ("registered", 403),
        ("outsider", 403),
        ("member", 403),
        ("manager", 200),
    ],
)
def test_only_the_manager_opens_the_outbox(client, app, login, role, expected):
    message = add_message(1)
    user = {
        "guest": lambda: None,
        "registered": factories.registered,
        "outsider": factories.outsider,
        "member": factories.member,
        "manager": factories.manager,
    }[role]()
    login(user)
    for url in ("/manager/outbox/", f"/manager/outbox/{message.id}"):
        response = client.get(url)
        assert response.status_code == expected, url
        if role == "guest":
            assert "/account/login" in response.headers["Location"]
        if expected != 200:
            assert b"Body of message 1" not in response.data


def test_list_is_newest_first_and_paginated(client, app, login):
    for n in range(3):
        add_message(n)
    login(factories.manager())
    first = client.get("/manager/outbox/?lang=en").get_data(as_text=True)
    assert "Subject number 2" in first
    assert "Subject number 1" in first
    assert "Subject number 0" not in first
    assert "to2@example.com" in first
    second = client.get("/manager/outbox/?page=2&lang=en").get_data(as_text=True)
    assert "Subject number 0" in second


def test_detail_shows_the_body_and_status(client, app, login):
    message = add_message(7, status=MailStatus.FAILED, error="Connection refused")
    login(factories.manager())
    html = client.get(f"/manager/outbox/{message.id}?lang=en").get_data(as_text=True)
    assert "Body of message 7\nsecond line" in html
    assert "Connection refused" in html
    assert "status-failed" in html


def test_unknown_message_is_404(client, app, login):
    login(factories.manager())
    assert client.get("/manager/outbox/12345").status_code == 404
