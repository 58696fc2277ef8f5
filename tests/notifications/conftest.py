"""Helpers for the notifications tests: who got which notice, which mail."""

from __future__ import annotations

from sqlalchemy import select

from marketplace.db import db
from marketplace.models import Notification, OutboxMessage


def notices(kind=None) -> list[Notification]:
    db.session.expire_all()
    statement = select(Notification).order_by(Notification.id)
    if kind is not None:
        statement = statement.where(Notification.kind == kind)
    return list(db.session.scalars(statement))


def notified(kind=None) -> set[int]:
    """Ids of the users with an in-app notice (of ``kind``)."""
    return {notice.user_id for notice in notices(kind)}


def mailed() -> list[str]:
    db.session.expire_all()
    return [mail.recipient for mail in db.session.scalars(select(OutboxMessage).order_by(OutboxMessage.id))]
