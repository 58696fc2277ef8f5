"""Sending mail: through SMTP when MAIL_SERVER is set, else into the outbox.

Every message is recorded as an ``OutboxMessage``. With an SMTP server the
message is handed over after the transaction commits (so a rolled-back action
sends nothing) and the record is marked sent or failed.
"""

from __future__ import annotations

import smtplib
from email.message import EmailMessage

from flask import Flask, current_app

from ..db import after_commit, db, utcnow
from ..utils import app_object
from .models import MailStatus, OutboxMessage


def send_mail(recipient: str, subject: str, body: str) -> OutboxMessage:
    message = OutboxMessage(recipient=recipient, subject=subject[:255], body=body, status=MailStatus.OUTBOX)
    db.session.add(message)
    if current_app.config.get("MAIL_SERVER"):
        db.session.flush()
        # The delivery runs after the commit in an app context of its own: it needs the app, not the proxy.
        app = app_object()
        message_id = message.id
        after_commit(lambda: _deliver(app, message_id))
    return message


def _deliver(app: Flask, message_id: int) -> None:
    """Hand one recorded message to the SMTP server and store the outcome."""
    with app.app_context():
        message = db.session.get(OutboxMessage, message_id)
        if message is None:
            return
        config = app.config
        email = EmailMessage()
        email["From"] = config["MAIL_DEFAULT_SENDER"]
        email["To"] = message.recipient
        email["Subject"] = message.subject
        email.set_content(message.body)
        try:
            with smtplib.SMTP(config["MAIL_SERVER"], config["MAIL_PORT"], timeout=10) as smtp:
                if config.get("MAIL_USE_TLS"):
                    smtp.starttls()
                if config.get("MAIL_USERNAME"):
                    smtp.login(config["MAIL_USERNAME"], config.get("MAIL_PASSWORD") or "")
                smtp.send_message(email)
        except (OSError, smtplib.SMTPException) as exc:
            message.status = MailStatus.FAILED
            message.error = str(exc)[:1000]
        else:
            message.status = MailStatus.SENT
            message.sent_at = utcnow()
        db.session.commit()
