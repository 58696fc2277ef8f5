"""A person's own data: the export they may download, and deleting (anonymising) their account.

This is the one module of ``accounts`` that reads other features' tables: the export and the deletion
must cover every record that is about the person (see ``docs/privacy.md``). The organization's business
records that a person created (orders, responses, offers, bookings, projects, events, attachments) are
the organization's and stay; after a deletion they point at the anonymised account.

Services flush, never commit.
"""

from __future__ import annotations

import datetime as dt
import secrets
from typing import Any

from flask_babel import gettext as _
from sqlalchemy import delete, func, or_, select
from werkzeug.security import generate_password_hash

from ..dashboard.models import Rating
from ..db import db, utcnow
from ..errors import Conflict, InvalidInput
from ..events.models import EventRegistration
from ..ideas.models import Idea, IdeaComment
from ..mail.models import OutboxMessage
from ..notifications.models import Notification, NotificationPreference
from ..organizations.models import MembershipApplication, OrganizationInvitation
from ..organizations.services import lock_organization
from .models import Consent, User, UserSession
from .services import normalize_email

#: What a deleted account is called wherever its records are shown.
DELETED_NAME = "Удалённый пользователь"
#: Deleted accounts' addresses: unique, and in a domain that can never receive mail (RFC 2606).
DELETED_EMAIL_DOMAIN = "deleted.invalid"

EXPORT_FORMAT = 1


def _time(value: dt.datetime | None) -> str | None:
    """Stored times are naive UTC: written with their zone for the reader."""
    return value.replace(tzinfo=dt.UTC).isoformat() if value else None


def _all(statement: Any) -> list[Any]:
    return list(db.session.scalars(statement))


def export(user: User) -> dict[str, Any]:
    """Everything stored about ``user`` as a person, as JSON-ready data (the profile's "download")."""
    organization = user.organization
    return {
        "format": EXPORT_FORMAT,
        "exported_at": _time(utcnow()),
        "profile": {
            "id": user.id,
            "email": user.email,
            "full_name": user.full_name,
            "position": user.position,
            "phone": user.phone,
            "locale": user.locale,
            "role": user.role.value,
            "organization": {"id": organization.id, "name": organization.name_ru} if organization else None,
            "is_org_admin": user.is_org_admin,
            "email_confirmed": user.email_confirmed,
            "created_at": _time(user.created_at),
            "last_login_at": _time(user.last_login_at),
        },
        "consents": [
            {"version": c.version, "given_at": _time(c.given_at), "withdrawn_at": _time(c.withdrawn_at)}
            for c in _all(select(Consent).where(Consent.user_id == user.id).order_by(Consent.id))
        ],
        "sessions": [
            {
                "created_at": _time(s.created_at),
                "last_seen_at": _time(s.last_seen_at),
                "user_agent": s.user_agent,
                "ip_address": s.ip_address,
                "revoked_at": _time(s.revoked_at),
            }
            for s in _all(select(UserSession).where(UserSession.user_id == user.id).order_by(UserSession.id))
        ],
        "notifications": [
            {
                "kind": n.kind.value,
                "title": n.title,
                "body": n.body,
                "link": n.link,
                "created_at": _time(n.created_at),
                "read_at": _time(n.read_at),
            }
            for n in _all(select(Notification).where(Notification.user_id == user.id).order_by(Notification.id))
        ],
        "notification_preferences": [
            {"kind": p.kind.value, "in_app": p.in_app, "email": p.email}
            for p in _all(
                select(NotificationPreference)
                .where(NotificationPreference.user_id == user.id)
                .order_by(NotificationPreference.id)
            )
        ],
        "organization_invitations": [
            {
                "organization": i.organization.name_ru,
                "kind": i.kind.value,
                "status": i.status.value,
                "invited_at": _time(i.invited_at),
                "decided_at": _time(i.decided_at),
            }
            for i in _all(_invitations_of(user).order_by(OrganizationInvitation.id))
        ],
        **_contributions(user),
    }


def _invitations_of(user: User) -> Any:
    """Invitations addressed to ``user``'s e-mail, and requests after a merge naming the user."""
    return select(OrganizationInvitation).where(
        or_(OrganizationInvitation.email == normalize_email(user.email), OrganizationInvitation.user_id == user.id)
    )


def _contributions(user: User) -> dict[str, list[dict[str, Any]]]:
    """What the person did as a person: events they registered for, ideas and comments they wrote, their
    ratings, the membership applications they signed."""
    return {
        "event_registrations": [
            {
                "event_id": r.event_id,
                "event": r.event.title_ru,
                "status": r.status.value,
                "created_at": _time(r.created_at),
            }
            for r in _all(
                select(EventRegistration).where(EventRegistration.user_id == user.id).order_by(EventRegistration.id)
            )
        ],
        "ideas": [
            {"id": i.id, "title": i.title, "body": i.body, "created_at": _time(i.created_at)}
            for i in _all(select(Idea).where(Idea.author_id == user.id).order_by(Idea.id))
        ],
        "idea_comments": [
            {"idea_id": c.idea_id, "body": c.body, "created_at": _time(c.created_at)}
            for c in _all(select(IdeaComment).where(IdeaComment.author_id == user.id).order_by(IdeaComment.id))
        ],
        "ratings": [
            {
                "subject": r.subject.value,
                "event_id": r.event_id,
                "score": r.score,
                "comment": r.comment,
                "created_at": _time(r.created_at),
            }
            for r in _all(select(Rating).where(Rating.user_id == user.id).order_by(Rating.id))
        ],
        "membership_applications": [
            {
                "organization_id": a.organization_id,
                "message": a.message,
                "status": a.status.value,
                "created_at": _time(a.created_at),
            }
            for a in _all(
                select(MembershipApplication)
                .where(MembershipApplication.applicant_id == user.id)
                .order_by(MembershipApplication.id)
            )
        ],
    }


def deletion_blocker(user: User) -> str | None:
    """Why ``user`` may not delete the account now, or None.

    The last administrator of an organization that has other active users must first make one of them
    an administrator: the organization is never left silently without one. An organization's only user
    may go; its profile stays with the cluster manager, who can add a user to it (the deletion page says
    so before the person confirms).
    """
    if user.organization_id is None or not user.is_org_admin:
        return None
    others = (
        select(func.count())
        .select_from(User)
        .where(User.organization_id == user.organization_id, User.id != user.id, User.active.is_(True))
    )
    if not db.session.scalar(others):
        return None
    if db.session.scalar(others.where(User.is_org_admin.is_(True))):
        return None
    return _(
        "You are the only administrator of your organization. Make another of its users an administrator "
        "first (Organization → Users), then delete your account."
    )


def is_only_user(user: User) -> bool:
    """Whether ``user`` is the only active user of their organization."""
    if user.organization_id is None:
        return False
    others = db.session.scalar(
        select(func.count())
        .select_from(User)
        .where(User.organization_id == user.organization_id, User.id != user.id, User.active.is_(True))
    )
    return not others


def delete_account(user: User, *, password: str) -> None:
    """Delete ``user``'s account after checking the password: anonymise the personal fields, make the
    password unusable, end every session, withdraw the consent, drop the notifications, preferences and
    the mail sent to the address. The row stays (deactivated) for the records that point at it.

    :raise InvalidInput: the password is wrong (``field="password"``).
    :raise Conflict: the user is the last administrator of an organization with other users.
    """
    if not user.check_password(password or ""):
        raise InvalidInput(_("The password is wrong."), field="password")
    if user.organization_id is not None:
        lock_organization(user.organization_id)  # two administrators deleting themselves at once: one waits
    blocker = deletion_blocker(user)
    if blocker:
        raise Conflict(blocker)
    now = utcnow()
    old_email = user.email
    db.session.execute(delete(UserSession).where(UserSession.user_id == user.id))
    db.session.execute(delete(Notification).where(Notification.user_id == user.id))
    db.session.execute(delete(NotificationPreference).where(NotificationPreference.user_id == user.id))
    db.session.execute(delete(OutboxMessage).where(func.lower(OutboxMessage.recipient) == old_email.lower()))
    invitations = _invitations_of(user).with_only_columns(OrganizationInvitation.id).scalar_subquery()
    db.session.execute(delete(OrganizationInvitation).where(OrganizationInvitation.id.in_(invitations)))
    for consent in _all(select(Consent).where(Consent.user_id == user.id, Consent.withdrawn_at.is_(None))):
        consent.withdrawn_at = now
    user.full_name = DELETED_NAME
    user.email = f"deleted-{user.id}-{secrets.token_hex(6)}@{DELETED_EMAIL_DOMAIN}"
    user.phone = ""
    user.position = ""
    user.password_hash = generate_password_hash(secrets.token_urlsafe(32))  # nobody knows it
    user.active = False
    user.organization_id = None
    user.is_org_admin = False
    user.last_login_at = None
    user.deleted_at = now
    db.session.flush()
