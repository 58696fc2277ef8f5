"""Mail about projects and their consortia: each side hears of the other's step.

- an invitation, a removal, a change of role or needs → the invited organization's users;
- an answer (accepted / declined) → the project's responsible manager, or every manager
  when none is set;
- a cancellation → the users of invited and accepted organizations.

Each goes through ``notifications.services.notify``: an in-app notice and/or
a mail, as each user chose, written in the recipient's language.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from flask_babel import gettext as _
from sqlalchemy import select

from ..accounts.models import Role, User
from ..db import db
from ..i18n import localized
from ..notifications.models import NotificationKind
from ..notifications.services import link_to, notify
from ..organizations.models import Organization
from .models import ConsortiumMember, ConsortiumStatus, Project


@dataclass
class Recipients:
    """Users to notify, and an address for the mail when none of them is active."""

    users: list[User]
    fallback_email: str | None = None


def _link(project: Project) -> str:
    return link_to("projects.show", project_id=project.id)


def organization_recipients(organization: Organization) -> Recipients:
    """The organization's active users; its contact e-mail when it has none."""
    return Recipients([user for user in organization.users if user.active], organization.contact_email or None)


def manager_recipients(project: Project) -> Recipients:
    """The responsible manager, or every active manager when none is set (or the one set left)."""
    manager = project.manager
    if manager is not None and manager.active and manager.role == Role.MANAGER:
        return Recipients([manager])
    return Recipients(
        list(db.session.scalars(select(User).where(User.role == Role.MANAGER, User.active.is_(True)).order_by(User.id)))
    )


def _send(
    recipients: Recipients | Iterable[Recipients],
    compose: Callable[[], tuple[str, str]],
    link: str,
    kind: NotificationKind = NotificationKind.PROJECT_UPDATE,
) -> None:
    groups = [recipients] if isinstance(recipients, Recipients) else list(recipients)
    told: set[int] = set()
    for group in groups:
        users = [user for user in group.users if user.id not in told]
        if group.users and not users:
            continue  # all told already through another group
        told.update(user.id for user in users)
        notify(users, kind, lambda: compose()[0], lambda: compose()[1], link, fallback_email=group.fallback_email)


def _needs_line(member: ConsortiumMember) -> str:
    if not member.needs:
        return ""
    return "\n" + _("Needs you would cover: %(needs)s", needs="; ".join(need.title for need in member.needs))


def invitation(member: ConsortiumMember) -> None:
    project = member.project

    def compose() -> tuple[str, str]:
        subject = _('Invitation to the consortium of the project "%(title)s"', title=project.title)
        body = _(
            'The cluster manager invites %(org)s to join the consortium of the project "%(title)s" as: %(role)s.',
            org=localized(member.organization, "name"),
            title=project.title,
            role=member.role or "—",
        )
        body += _needs_line(member)
        if member.message:
            body += "\n\n" + member.message
        body += "\n\n" + _("Accept or decline the invitation on the project page.")
        return subject, body

    _send(organization_recipients(member.organization), compose, _link(project), NotificationKind.CONSORTIUM_INVITE)


def answered(member: ConsortiumMember) -> None:
    project = member.project
    accepted = member.status == ConsortiumStatus.ACCEPTED

    def compose() -> tuple[str, str]:
        org = localized(member.organization, "name")
        if accepted:
            subject = _("%(org)s joined the consortium: %(title)s", org=org, title=project.title)
            body = _(
                '%(org)s accepted the invitation to the consortium of the project "%(title)s".',
                org=org,
                title=project.title,
            )
        else:
            subject = _("%(org)s declined the invitation: %(title)s", org=org, title=project.title)
            body = _(
                '%(org)s declined the invitation to the consortium of the project "%(title)s".',
                org=org,
                title=project.title,
            )
        if member.response_message:
            body += "\n\n" + member.response_message
        return subject, body

    _send(manager_recipients(project), compose, _link(project))


def removed(member: ConsortiumMember, reason: str) -> None:
    project = member.project

    def compose() -> tuple[str, str]:
        subject = _('Consortium of the project "%(title)s": your participation ended', title=project.title)
        body = _(
            'The cluster manager removed %(org)s from the consortium of the project "%(title)s".',
            org=localized(member.organization, "name"),
            title=project.title,
        )
        if reason:
            body += "\n" + _("Reason: %(reason)s", reason=reason)
        return subject, body

    _send(organization_recipients(member.organization), compose, _link(project))


def member_updated(member: ConsortiumMember) -> None:
    project = member.project

    def compose() -> tuple[str, str]:
        subject = _('Your part in the project "%(title)s" changed', title=project.title)
        body = _(
            'The cluster manager changed the part of %(org)s in the project "%(title)s". Role: %(role)s.',
            org=localized(member.organization, "name"),
            title=project.title,
            role=member.role or "—",
        )
        return subject, body + _needs_line(member)

    _send(organization_recipients(member.organization), compose, _link(project))


def project_cancelled(project: Project, reason: str) -> None:
    recipients = [
        organization_recipients(member.organization)
        for member in project.members
        if member.status in (ConsortiumStatus.INVITED, ConsortiumStatus.ACCEPTED)
    ]

    def compose() -> tuple[str, str]:
        subject = _("Project cancelled: %(title)s", title=project.title)
        body = _(
            'The cluster manager cancelled the project "%(title)s". Reason: %(reason)s',
            title=project.title,
            reason=reason,
        )
        return subject, body

    _send(recipients, compose, _link(project))
