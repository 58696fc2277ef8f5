"""The demo cluster gives the documented logins something under the bell."""

from __future__ import annotations

from sqlalchemy import select

from marketplace.db import db
from marketplace.demo.seed import seed_demo
from marketplace.models import Notification, NotificationKind, OutboxMessage, User


def test_demo_users_have_notifications(app):
    counts = seed_demo()
    rows = db.session.scalars(select(Notification)).all()
    assert counts["notifications"] == len(rows) >= 4
    owners = {row.user.email: row for row in rows}
    assert {"buyer@cluster.demo", "sme@cluster.demo", "manager@cluster.demo"} <= set(owners)
    assert owners["manager@cluster.demo"].kind == NotificationKind.MEMBERSHIP_REQUEST
    assert all(row.link.startswith("/") and row.title for row in rows)
    assert any(row.read_at is None for row in rows)
    assert any(row.read_at is not None for row in rows)
    assert db.session.scalars(select(OutboxMessage)).all() == []  # no mail from the seed
    buyer = db.session.scalar(select(User).where(User.email == "buyer@cluster.demo"))
    assert all(
        row.user.organization_id == buyer.organization_id for row in rows if row.kind == NotificationKind.ORDER_RESPONSE
    )
