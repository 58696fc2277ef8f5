"""What the notifications feature stores: one row per in-app notice, and each user's choices.

``Notification`` is written in the same transaction as the action it reports
(``services.notify``), so a rolled-back action leaves no notice behind. Its
title and body are rendered once, in the recipient's language, when it is
created. ``NotificationPreference`` holds only the choices a user changed:
without a row, a kind is delivered both in the app and by e-mail.
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, Index, String, UniqueConstraint, true
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..db import Model, created_at, intpk, str255, text

if TYPE_CHECKING:
    from ..accounts.models import User


class NotificationKind(enum.StrEnum):
    """What happened. Values are at most 20 characters (the enum column's length)."""

    ORDER_RESPONSE = "order_response"  # a supplier responded to my organization's order
    RESPONSE_AWARDED = "response_awarded"  # my organization's response was selected
    RESPONSE_DECLINED = "response_declined"  # the order I responded to went to someone else
    ORDER_CANCELLED = "order_cancelled"  # an order I responded to was cancelled
    ORDER_INVITATION = "order_invitation"  # a customer invites my organization to respond
    ORDER_MATCH = "order_match"  # a newly published order fits my organization
    BOOKING_DECISION = "booking_decision"  # my equipment booking was approved / rejected / cancelled
    BOOKING_REQUEST = "booking_request"  # someone asks for (or frees) my organization's equipment
    CONSORTIUM_INVITE = "consortium_invite"  # my organization is invited to a project's consortium
    PROJECT_UPDATE = "project_update"  # answers, removals, role changes, cancelled projects
    MEMBERSHIP_DECISION = "membership_decision"  # my organization's membership application was decided
    MEMBERSHIP_REQUEST = "membership_request"  # (managers) an organization applies to join
    EVENT_UPDATE = "event_update"  # an event I registered for is cancelled or moved
    IDEA_COMMENT = "idea_comment"  # someone commented on my idea
    ORG_INVITATION = "org_invitation"  # I am invited to join an organization; a merge moved me
    ORG_TEAM = "org_team"  # (administrators) someone joined my organization or awaits confirmation


class Notification(Model):
    __tablename__ = "notification"

    id: Mapped[intpk]
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"))
    kind: Mapped[NotificationKind]
    title: Mapped[str255]
    body: Mapped[text]
    link: Mapped[str] = mapped_column(String(500), default="", server_default="")
    created_at: Mapped[created_at]
    read_at: Mapped[dt.datetime | None]

    user: Mapped[User] = relationship()

    __table_args__ = (
        # the bell's count and the list both ask "this user's, unread first / newest first"
        Index("ix_notification_user_read", "user_id", "read_at"),
        Index("ix_notification_user_created", "user_id", "created_at"),
    )

    @property
    def is_read(self) -> bool:
        return self.read_at is not None

    def __repr__(self) -> str:
        return f"<Notification {self.id} {self.kind} user={self.user_id}>"


class NotificationPreference(Model):
    """How one user wants one kind delivered. No row: both channels on."""

    __tablename__ = "notification_preference"

    id: Mapped[intpk]
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"))
    kind: Mapped[NotificationKind]
    in_app: Mapped[bool] = mapped_column(default=True, server_default=true())
    email: Mapped[bool] = mapped_column(default=True, server_default=true())

    __table_args__ = (UniqueConstraint("user_id", "kind", name="uq_notification_preference_user_kind"),)
