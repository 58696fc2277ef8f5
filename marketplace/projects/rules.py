"""Who may see and do what with projects. Views, services, the API and downloads ask here.

- The cluster manager sees and runs every project (create, edit, status,
  progress, needs, documents, consortium).
- *Participants* are the users of an organization invited to or accepted into
  the project's consortium: they always see the project, whatever its
  visibility or status, and answer their own invitation.
- Everyone else sees a project by its ``Visibility`` (as orders), except ideas
  (``ProjectStatus.IDEA``), which are drafts: manager and participants only.
  The rule is written once, as SQL (``visible_projects``), which the register,
  the portfolio, the competence map and ``can_view_project`` all use.
- The budget, when confidential, is shown only to the manager and to users of
  *accepted* consortium members.
"""

from __future__ import annotations

from typing import Any

from flask_babel import gettext as _
from sqlalchemy import ColumnElement, and_, or_, true

from .. import access
from ..access import AccessLevel, Viewer
from .models import ConsortiumMember, ConsortiumStatus, Project, ProjectStatus

#: Consortium statuses that make an organization a participant of the project.
PARTICIPATING = (ConsortiumStatus.INVITED, ConsortiumStatus.ACCEPTED)


def membership_of(project: Project, user: Any = None) -> ConsortiumMember | None:
    """The consortium row of the user's organization in ``project``, whatever its status."""
    org_id = access.organization_id_of(user)
    if org_id is None:
        return None
    return next((row for row in project.members if row.organization_id == org_id), None)


def is_participant(project: Project, user: Any = None) -> bool:
    row = membership_of(project, user)
    return row is not None and row.status in PARTICIPATING


def is_accepted_member(project: Project, user: Any = None) -> bool:
    row = membership_of(project, user)
    return row is not None and row.status == ConsortiumStatus.ACCEPTED


def can_manage(user: Any = None) -> bool:
    """Create and run projects: the cluster manager only."""
    return access.is_manager(user)


def require_manage(user: Any = None) -> None:
    access.require(AccessLevel.MANAGER, user)


@access.visibility_rule
def visible_projects(viewer: Viewer) -> ColumnElement[bool]:
    """The projects a viewer may see, as an SQL condition on ``Project``: every one for the manager;
    for the others the projects their organization participates in, and non-idea projects by visibility."""
    if viewer.is_manager:
        return true()
    condition = and_(Project.status != ProjectStatus.IDEA, Project.visibility.in_(viewer.visibilities))
    org_id = viewer.organization_id
    if org_id is None:
        return condition
    participating = Project.members.any(
        and_(ConsortiumMember.organization_id == org_id, ConsortiumMember.status.in_(PARTICIPATING))
    )
    return or_(condition, participating)


def can_view_project(project: Project, user: Any = None) -> bool:
    return access.row_visible(Project, project.id, visible_projects(user))


def require_view_project(project: Project, user: Any = None) -> None:
    """:raise LoginRequired: a guest, for a project that is not an idea. :raise NotFound: anyone else
    who may not see it (they learn nothing)."""
    if not can_view_project(project, user):
        access.refuse_hidden(user, login_helps=project.status != ProjectStatus.IDEA)


def can_see_budget(project: Project, user: Any = None) -> bool:
    if project.budget is None:
        return False
    if not project.budget_confidential:
        return can_view_project(project, user)
    return can_manage(user) or is_accepted_member(project, user)


def can_see_history(project: Project, user: Any = None) -> bool:
    """The history: the manager and users of accepted members."""
    return can_manage(user) or is_accepted_member(project, user)


def visible_members(project: Project, user: Any = None) -> list[ConsortiumMember]:
    """The consortium rows a user may see: all for the manager; accepted and invited ones for
    participants; accepted ones for everyone else. Each organization also sees its own row."""
    if can_manage(user):
        return list(project.members)
    shown = PARTICIPATING if is_participant(project, user) else (ConsortiumStatus.ACCEPTED,)
    own = access.organization_id_of(user)
    return [row for row in project.members if row.status in shown or row.organization_id == own]


def can_answer(member: ConsortiumMember, user: Any = None) -> bool:
    """Accept or decline: a user of the invited organization, while the invitation is open."""
    return (
        access.belongs_to(member.organization_id, user)
        and member.status == ConsortiumStatus.INVITED
        and not member.project.is_closed
    )


def require_answer(member: ConsortiumMember, user: Any = None) -> None:
    """Only the invited organization's users may answer (checked before the invitation's state)."""
    if not access.belongs_to(member.organization_id, user):
        access.deny(_("Only the invited organization's users can answer this invitation."), user)
