"""The consortium workflow: invite, answer, remove, re-invite, change a member's part.

The manager invites a member organization (with a role, the needs it would
cover and a message) → ``ConsortiumMember`` INVITED, and its users are mailed.
A user of that organization accepts or declines once (→ ACCEPTED / DECLINED;
the responsible manager, or every manager, is mailed). The manager may remove
an invited or accepted member (→ REMOVED, the row stays for the history) and
invite a declined or removed organization again (the same row goes back to
INVITED). Each step writes a ``ProjectEvent``.

Every service locks the project row first (``lock_row``), so steps on one
project are serialized; the answer is moreover a conditional
``UPDATE … WHERE status = 'invited'``, so an invitation is answered at most once
and a second answer gets ``Conflict``. These services are what the matcher's
"invite the proposed consortium" action calls too.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from flask_babel import gettext as _
from sqlalchemy import select, update

from ..db import changed_rows, db, utcnow
from ..errors import Conflict, InvalidInput, NotFound
from ..i18n import localized
from ..organizations.models import Organization
from . import notifications, rules
from .models import ConsortiumMember, ConsortiumStatus, Project, ProjectNeed
from .services import lock_project, record_event, require_open

MAX_ROLE = 255


def _clean_needs(project: Project, needs: Sequence[ProjectNeed]) -> list[ProjectNeed]:
    """The needs, which must all belong to ``project``, each once, in the project's order."""
    ids = {need.id for need in needs}
    if any(need.project_id != project.id for need in needs):
        raise InvalidInput(_("Choose needs of this project."), field="needs")
    return [need for need in project.needs if need.id in ids]


def _clean_role(role: str) -> str:
    role = (role or "").strip()
    if len(role) > MAX_ROLE:
        raise InvalidInput(_("The role is too long."), field="role")
    return role


def member_of(project: Project, organization_id: int) -> ConsortiumMember | None:
    return db.session.scalar(
        select(ConsortiumMember).where(
            ConsortiumMember.project_id == project.id, ConsortiumMember.organization_id == organization_id
        )
    )


def get_member(project: Project, member_id: int) -> ConsortiumMember:
    member = db.session.get(ConsortiumMember, member_id)
    if member is None or member.project_id != project.id:
        raise NotFound
    return member


def invite_to_consortium(
    project: Project,
    organization: Organization,
    *,
    role: str,
    needs: Sequence[ProjectNeed] = (),
    message: str = "",
    actor: Any,
) -> ConsortiumMember:
    """Invite a member organization into the project's consortium (or invite it again after it
    declined or was removed). Raises Conflict when it is already invited or accepted, or the
    project is closed; InvalidInput(field="organization") for a non-member organization."""
    rules.require_manage(actor)
    role = _clean_role(role)
    lock_project(project)
    require_open(project)
    if not organization.is_member:
        raise InvalidInput(_("Only member organizations of the cluster can join a consortium."), field="organization")
    needs = _clean_needs(project, needs)
    member = member_of(project, organization.id)
    if member is not None and member.status in rules.PARTICIPATING:
        raise Conflict(_("%(org)s is already invited to or in this consortium.", org=localized(organization, "name")))
    action = "invited" if member is None else "reinvited"
    if member is None:
        member = ConsortiumMember(project=project, organization=organization)
        db.session.add(member)
    member.status = ConsortiumStatus.INVITED
    member.role = role
    member.needs = needs
    member.message = (message or "").strip()
    member.invited_by_id = actor.id
    member.invited_at = utcnow()
    member.response_message = ""
    member.responded_by_id = None
    member.responded_at = None
    record_event(project, actor, action, organization=organization, note=member.message)
    db.session.flush()
    notifications.invitation(member)
    return member


def respond_to_invitation(member: ConsortiumMember, *, accept: bool, actor: Any, message: str = "") -> None:
    """Accept or decline an open invitation, once. Raises Conflict when it was already answered
    (or withdrawn by the manager) or the project is closed."""
    rules.require_answer(member, actor)
    project = member.project
    lock_project(project)
    require_open(project)
    now = utcnow()
    status = ConsortiumStatus.ACCEPTED if accept else ConsortiumStatus.DECLINED
    message = (message or "").strip()
    answered = changed_rows(
        update(ConsortiumMember)
        .where(ConsortiumMember.id == member.id, ConsortiumMember.status == ConsortiumStatus.INVITED)
        .values(status=status, response_message=message, responded_by_id=actor.id, responded_at=now, updated_at=now)
        .execution_options(synchronize_session=False)
    )
    if answered != 1:
        raise Conflict(_("This invitation has already been answered or withdrawn."))
    db.session.refresh(member)
    record_event(project, actor, "accepted" if accept else "declined", organization=member.organization, note=message)
    db.session.flush()
    notifications.answered(member)


def remove_from_consortium(member: ConsortiumMember, *, actor: Any, reason: str = "") -> None:
    """Take an invited or accepted organization out of the consortium (the row stays, REMOVED)."""
    rules.require_manage(actor)
    project = member.project
    lock_project(project)
    require_open(project)
    db.session.refresh(member)
    if member.status not in rules.PARTICIPATING:
        raise Conflict(_("Only an invited or accepted organization can be removed."))
    member.status = ConsortiumStatus.REMOVED
    reason = (reason or "").strip()
    record_event(project, actor, "removed", organization=member.organization, note=reason)
    db.session.flush()
    notifications.removed(member, reason)


def update_consortium_member(member: ConsortiumMember, *, role: str, needs: Sequence[ProjectNeed], actor: Any) -> bool:
    """Change the role of an invited or accepted member and the needs it covers; returns whether
    anything changed (the organization is mailed when it did)."""
    rules.require_manage(actor)
    role = _clean_role(role)
    project = member.project
    lock_project(project)
    require_open(project)
    db.session.refresh(member)
    if member.status not in rules.PARTICIPATING:
        raise Conflict(_("Only an invited or accepted organization's part can be changed."))
    needs = _clean_needs(project, needs)
    if member.role == role and [n.id for n in member.needs] == [n.id for n in needs]:
        return False
    member.role = role
    member.needs = needs
    titles = "; ".join(need.title for need in needs)
    note = f"{role}: {titles}" if role and titles else role or titles
    record_event(project, actor, "member_updated", organization=member.organization, note=note)
    db.session.flush()
    notifications.member_updated(member)
    return True
