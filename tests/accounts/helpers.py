"""Helpers of the accounts tests (and of every test that logs a client in)."""

from __future__ import annotations

import re

from sqlalchemy import select

from marketplace.accounts import sessions
from marketplace.db import db
from marketplace.mail.models import OutboxMessage


def session_id(user) -> str:
    """Open a session for ``user`` (as logging in does) and commit it: what its cookies carry."""
    sessions.start_session(user)
    db.session.commit()
    return user.get_id()


def log_in_client(client, user):
    """Put a new session of ``user`` into ``client``'s session cookie."""
    with client.session_transaction() as session:
        session["_user_id"] = session_id(user)
        session["_fresh"] = True
    return user


def outbox() -> list[OutboxMessage]:
    db.session.expire_all()
    return list(db.session.scalars(select(OutboxMessage).order_by(OutboxMessage.id)))


def link_in(message: OutboxMessage, prefix: str) -> str:
    """The site path of the first link in ``message`` that starts with ``prefix`` (``/account/confirm/``)."""
    match = re.search(rf"http://localhost({re.escape(prefix)}\S*)", message.body)
    assert match, message.body
    return match.group(1)
