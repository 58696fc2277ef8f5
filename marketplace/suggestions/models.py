"""What the matching feature stores: the matcher's change log, order invitations, merge history.

``MatcherChange`` is written by the session hooks in ``changes.py`` in the
same transaction as the data it points at, so every worker process that
reads the log sees a change exactly when the change is committed.
``organization_id`` is a plain integer (no foreign key): the log must keep
the ids of deleted organizations so that workers remove them too.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..db import created_at, db, intpk, str255, text, utcnow

if TYPE_CHECKING:
    from ..accounts.models import User
    from ..orders.models import Order
    from ..organizations.models import Organization


class MatcherChange(db.Model):
    """One organization whose matcher profile changed in a committed transaction."""

    __tablename__ = "matcher_change"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    organization_id: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow, index=True)

    def __repr__(self) -> str:
        return f"<MatcherChange {self.id} org={self.organization_id}>"


class OrderInvitation(db.Model):
    """The customer asked a (proposed) supplier to respond to an open order."""

    __tablename__ = "order_invitation"

    id: Mapped[intpk]
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"))
    organization_id: Mapped[int] = mapped_column(ForeignKey("organization.id", ondelete="CASCADE"), index=True)
    invited_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    created_at: Mapped[created_at]

    order: Mapped[Order] = relationship()
    organization: Mapped[Organization] = relationship()
    invited_by: Mapped[User | None] = relationship()

    __table_args__ = (UniqueConstraint("order_id", "organization_id", name="uq_order_invitation_order_org"),)


class OrganizationMerge(db.Model):
    """History: the manager merged a duplicate organization into another one.

    The duplicate is deleted, so its id, name and INN are kept here as plain
    values; ``summary`` lists what was moved and what was dropped (and why).
    """

    __tablename__ = "organization_merge"

    id: Mapped[intpk]
    kept_organization_id: Mapped[int | None] = mapped_column(
        ForeignKey("organization.id", ondelete="SET NULL"), index=True
    )
    merged_organization_id: Mapped[int] = mapped_column(Integer)
    merged_name: Mapped[str255]
    merged_inn: Mapped[str | None] = mapped_column(String(12))
    note: Mapped[text]
    summary: Mapped[text]
    merged_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    created_at: Mapped[created_at]

    kept_organization: Mapped[Organization | None] = relationship()
    merged_by: Mapped[User | None] = relationship()
