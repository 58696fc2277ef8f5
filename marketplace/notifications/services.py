"""Telling users what happened: in the app and by e-mail, as each user chose.

``notify(users, kind, title, body, link)`` is called by the services of other
features inside the transaction of the action itself: the in-app rows and the
outbox records are added to the same session, so a rolled-back action notifies
nobody (and SMTP delivery happens only after the commit, see ``mail.services``).

Titles and bodies are rendered per recipient, in the recipient's language
(``User.locale``): pass a lazy string (``lazy_gettext("... %(x)s", x=...)``)
or a function of no arguments that calls ``gettext``; a plain ``str`` is used
as it is.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TypeAlias

from flask import current_app, has_request_context, url_for
from flask_babel import force_locale
from flask_babel.speaklater import LazyString
from sqlalchemy import Select, func, select, update

from ..accounts.models import User
from ..db import changed_rows, db, utcnow
from ..mail.services import send_mail
from ..utils import public_url
from .models import Notification, NotificationKind, NotificationPreference

Text: TypeAlias = str | LazyString | Callable[[], str]


def render(text: Text) -> str:
    """The text in the current locale."""
    if isinstance(text, str):
        return text
    if isinstance(text, LazyString):
        return str(text)
    return text()


def link_to(endpoint: str, **values: Any) -> str:
    """A site-relative URL for ``endpoint``, built with or without a request (CLI, after-commit work)."""
    if has_request_context():
        return url_for(endpoint, **values)
    return current_app.url_map.bind("localhost").build(endpoint, values)


def absolute_url(link: str) -> str:
    """``link`` made absolute for an e-mail, from the configured public address."""
    return public_url(link) if link else ""


def preferences(user_ids: Iterable[int], kind: NotificationKind) -> dict[int, tuple[bool, bool]]:
    """``user_id -> (in_app, email)`` for ``kind``; users without a row get ``(True, True)``."""
    ids = list(user_ids)
    chosen = {}
    if ids:
        chosen = {
            row.user_id: (row.in_app, row.email)
            for row in db.session.scalars(
                select(NotificationPreference).where(
                    NotificationPreference.user_id.in_(ids), NotificationPreference.kind == kind
                )
            )
        }
    return {user_id: chosen.get(user_id, (True, True)) for user_id in ids}


def all_preferences(user_id: int) -> dict[NotificationKind, tuple[bool, bool]]:
    """``kind -> (in_app, email)`` for every kind, as the settings page shows them."""
    chosen = {
        row.kind: (row.in_app, row.email)
        for row in db.session.scalars(select(NotificationPreference).where(NotificationPreference.user_id == user_id))
    }
    return {kind: chosen.get(kind, (True, True)) for kind in NotificationKind}


def notify(
    users: Iterable[User],
    kind: NotificationKind,
    title: Text,
    body: Text = "",
    link: str = "",
    *,
    exclude: Any = None,
    fallback_email: str | None = None,
) -> list[Notification]:
    """Tell each active user in ``users`` (once, never ``exclude``, the actor) about ``kind``.

    Per the user's preference: an in-app ``Notification`` and/or a mail through
    ``send_mail`` (subject = title, body + the absolute link). ``link`` is a
    site-relative URL (see ``link_to``). When ``users`` holds no active user at
    all, the mail goes to ``fallback_email`` (an organization's contact
    address) in the default language. Flushes; never commits. Returns the
    in-app rows added.
    """
    excluded = getattr(exclude, "id", exclude)
    recipients: dict[int, User] = {}
    any_active = False
    for user in users:
        if user is None or not user.active:
            continue
        any_active = True
        if user.id != excluded:
            recipients.setdefault(user.id, user)
    if not any_active:
        if fallback_email:
            with force_locale(current_app.config["BABEL_DEFAULT_LOCALE"]):
                _mail(fallback_email, render(title), render(body), link)
        return []
    chosen = preferences(recipients, kind)
    added: list[Notification] = []
    mailed: set[str] = set()
    for user in recipients.values():
        in_app, email = chosen[user.id]
        if not (in_app or email):
            continue
        with force_locale(user.locale or current_app.config["BABEL_DEFAULT_LOCALE"]):
            subject, text = render(title)[:255], render(body)
        if in_app:
            notice = Notification(user_id=user.id, kind=kind, title=subject, body=text, link=link[:500])
            db.session.add(notice)
            added.append(notice)
        if email and user.email and user.email not in mailed:
            mailed.add(user.email)
            _mail(user.email, subject, text, link)
    db.session.flush()
    return added


def _mail(address: str, subject: str, body: str, link: str) -> None:
    url = absolute_url(link)
    send_mail(address, subject, body + (f"\n\n{url}" if url else ""))


def organization_users(organization_id: int | None) -> list[User]:
    """The organization's active users, oldest first."""
    if organization_id is None:
        return []
    return list(
        db.session.scalars(
            select(User).where(User.organization_id == organization_id, User.active.is_(True)).order_by(User.id)
        )
    )


# -- the reader's side ----------------------------------------------------------------------------------


def unread_count(user_id: int) -> int:
    return (
        db.session.scalar(
            select(func.count())
            .select_from(Notification)
            .where(Notification.user_id == user_id, Notification.read_at.is_(None))
        )
        or 0
    )


def list_statement(user_id: int) -> Select[Notification]:
    """The user's notifications, unread first, then newest first."""
    return (
        select(Notification)
        .where(Notification.user_id == user_id)
        .order_by(Notification.read_at.is_(None).desc(), Notification.created_at.desc(), Notification.id.desc())
    )


def mark_read(notification: Notification) -> None:
    if notification.read_at is None:
        notification.read_at = utcnow()
        db.session.flush()


def mark_all_read(user_id: int) -> int:
    """Mark every unread notification of the user read; returns how many."""
    return changed_rows(
        update(Notification)
        .where(Notification.user_id == user_id, Notification.read_at.is_(None))
        .values(read_at=utcnow())
        .execution_options(synchronize_session=False)
    )


def save_preferences(user_id: int, choices: dict[NotificationKind, tuple[bool, bool]]) -> None:
    """Store the user's ``kind -> (in_app, email)`` choices (a row only where a channel is off)."""
    existing = {
        row.kind: row
        for row in db.session.scalars(select(NotificationPreference).where(NotificationPreference.user_id == user_id))
    }
    for kind, (in_app, email) in choices.items():
        row = existing.get(kind)
        if in_app and email:
            if row is not None:
                db.session.delete(row)
            continue
        if row is None:
            row = NotificationPreference(user_id=user_id, kind=kind)
            db.session.add(row)
        row.in_app, row.email = in_app, email
    db.session.flush()
