"""Mail to an event's participants: cancellation, and changed time or place.

Each message is written in the recipient's language and recorded through
``mail.services.send_mail`` (the outbox without SMTP, delivered after commit with it).
"""
from __future__ import annotations

from flask import current_app, has_request_context, url_for
from flask_babel import force_locale, format_datetime
from flask_babel import gettext as _

from ..accounts.models import User
from ..i18n import localized
from ..mail.services import send_mail
from .models import Event
from .queries import participant_users


def event_link(event: Event) -> str:
    """An absolute link to the event when one can be built (inside a request or with SERVER_NAME)."""
    if has_request_context() or current_app.config.get("SERVER_NAME"):
        return url_for("events.show", event_id=event.id, _external=True)
    return ""


def _send_to_participants(event: Event, compose) -> int:
    """Mail every active participant; ``compose()`` runs in each recipient's language. Returns the count."""
    link = event_link(event)
    sent = 0
    for user in participant_users(event.id):
        if not user.active or not user.email:
            continue
        with force_locale(user.locale or current_app.config["BABEL_DEFAULT_LOCALE"]):
            subject, body = compose(user)
        send_mail(user.email, subject, body + (f"\n\n{link}" if link else ""))
        sent += 1
    return sent


def event_cancelled(event: Event) -> int:
    """Tell the registered participants that the event will not take place."""

    def compose(user: User):
        title = localized(event, "title")
        subject = _("Event cancelled: %(title)s", title=title)
        body = _("The event \"%(title)s\" planned for %(when)s is cancelled.", title=title,
                 when=format_datetime(event.starts_at, "short"))
        if event.cancel_reason:
            body += "\n" + _("Reason: %(reason)s", reason=event.cancel_reason)
        return subject, body

    return _send_to_participants(event, compose)


def event_changed(event: Event) -> int:
    """Tell the registered participants the new time or place of the event."""

    def compose(user: User):
        title = localized(event, "title")
        subject = _("Event changed: %(title)s", title=title)
        where = ", ".join(part for part in (event.place, event.online_url) if part)
        body = _("The organizer changed the time or place of the event \"%(title)s\".\n"
                 "When: %(starts)s – %(ends)s\nWhere: %(where)s", title=title,
                 starts=format_datetime(event.starts_at, "short"), ends=format_datetime(event.ends_at, "short"),
                 where=where)
        return subject, body

    return _send_to_participants(event, compose)
