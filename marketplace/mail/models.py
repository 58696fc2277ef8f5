"""Outgoing mail, kept as a record; the outbox when no SMTP server is configured."""

from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy.orm import Mapped, mapped_column

from ..db import Model, created_at, intpk, str255, text


class MailStatus(enum.StrEnum):
    OUTBOX = "outbox"  # no SMTP server configured: held for the manager to see
    SENT = "sent"
    FAILED = "failed"


class OutboxMessage(Model):
    __tablename__ = "outbox_message"

    id: Mapped[intpk]
    recipient: Mapped[str255] = mapped_column(index=True)
    subject: Mapped[str255]
    body: Mapped[text]
    status: Mapped[MailStatus] = mapped_column(default=MailStatus.OUTBOX)
    error: Mapped[text]
    created_at: Mapped[created_at]
    sent_at: Mapped[dt.datetime | None]
