"""Telling an event's participants about a cancellation or a changed time or place.

Through ``notifications.notify`` (kind ``EVENT_UPDATE``): in the app and/or by
mail as each participant chose, in the recipient's language, in the action's
transaction.
"""

from __future__ import annotations

from collections.abc import Callable

from flask_babel import format_datetime, gettext as _

from ..i18n import localized
from ..notifications.models import NotificationKind
from ..notifications.services import link_to, notify
from .models import Event
from .queries import participant_users


def _send_to_participants(event: Event, compose: Callable[[], tuple[str, str]]) -> int:
    """Tell every active participant; ``compose()`` runs in each recipient's language. Returns the count."""
    users = [user for user in participant_users(event.id) if user.active]
    if not users:
        return 0
    notify(
        users,
        NotificationKind.EVENT_UPDATE,
        title=lambda: compose()[0],
        body=lambda: compose()[1],
        link=link_to("events.show", event_id=event.id),
    )
    return len(users)


def event_cancelled(event: Event) -> int:
    """Tell the registered participants that the event will not take place."""

    def compose() -> tuple[str, str]:
        title = localized(event, "title")
        subject = _("Event cancelled: %(title)s", title=title)
        body = _(
            'The event "%(title)s" planned for %(when)s is cancelled.',
            title=title,
            when=format_datetime(event.starts_at, "short"),
        )
        if event.cancel_reason:
            body += "\n" + _("Reason: %(reason)s", reason=event.cancel_reason)
        return subject, body

    return _send_to_participants(event, compose)


def event_changed(event: Event) -> int:
    """Tell the registered participants the new time or place of the event."""

    def compose() -> tuple[str, str]:
        title = localized(event, "title")
        subject = _("Event changed: %(title)s", title=title)
        where = ", ".join(part for part in (event.place, event.online_url) if part)
        body = _(
            'The organizer changed the time or place of the event "%(title)s".\n'
            "When: %(starts)s – %(ends)s\nWhere: %(where)s",
            title=title,
            starts=format_datetime(event.starts_at, "short"),
            ends=format_datetime(event.ends_at, "short"),
            where=where,
        )
        return subject, body

    return _send_to_participants(event, compose)
