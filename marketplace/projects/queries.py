"""Read-side helpers of the projects register: list statements, the portfolio, needs coverage.

Nothing here writes. What a user may see is ``rules.visible_projects``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, case, or_, select

from ..accounts.models import Role, User
from ..db import db
from ..organizations.models import MembershipStatus, Organization
from ..sql import text_in_any
from . import rules
from .models import ConsortiumMember, ConsortiumStatus, Project, ProjectKind, ProjectNeed, ProjectStatus

#: The order of statuses in lists and in the portfolio: running projects first.
STATUS_ORDER = (
    ProjectStatus.ACTIVE,
    ProjectStatus.PLANNED,
    ProjectStatus.IDEA,
    ProjectStatus.COMPLETED,
    ProjectStatus.CANCELLED,
)


@dataclass
class ListFilters:
    """Validated filters of the register; ``None`` / "" means "not set"."""

    kind: ProjectKind | None = None
    status: ProjectStatus | None = None
    text: str = ""
    organization_id: int | None = None  # lead organization or accepted consortium member


def _status_rank() -> ColumnElement[int]:
    return case({status.value: rank for rank, status in enumerate(STATUS_ORDER)}, value=Project.status)


def participating(organization_id: int) -> ColumnElement[bool]:
    """The organization leads the project or is an accepted member of its consortium."""
    return or_(
        Project.lead_organization_id == organization_id,
        Project.members.any(
            and_(
                ConsortiumMember.organization_id == organization_id,
                ConsortiumMember.status == ConsortiumStatus.ACCEPTED,
            )
        ),
    )


def projects_statement(filters: ListFilters, user: Any) -> Select[Any]:
    """Projects visible to ``user`` matching ``filters``: running ones first, then by start date."""
    stmt = select(Project).where(rules.visible_projects(user))
    if filters.kind:
        stmt = stmt.where(Project.kind == filters.kind)
    if filters.status:
        stmt = stmt.where(Project.status == filters.status)
    if filters.text:
        stmt = stmt.where(text_in_any(filters.text, Project.title, Project.description))
    if filters.organization_id:
        stmt = stmt.where(participating(filters.organization_id))
    return stmt.order_by(_status_rank(), Project.starts_on.is_(None), Project.starts_on.desc(), Project.id.desc())


def participating_organizations(user: Any) -> list[Organization]:
    """Organizations leading or accepted into a project the user can see (the filter's choices)."""
    visible = select(Project.id).where(rules.visible_projects(user))
    accepted = select(ConsortiumMember.organization_id).where(
        ConsortiumMember.project_id.in_(visible), ConsortiumMember.status == ConsortiumStatus.ACCEPTED
    )
    leading = select(Project.lead_organization_id).where(
        Project.id.in_(visible), Project.lead_organization_id.is_not(None)
    )
    return list(
        db.session.scalars(
            select(Organization)
            .where(or_(Organization.id.in_(accepted), Organization.id.in_(leading)))
            .order_by(Organization.name_ru, Organization.id)
        )
    )


def invitations_statement(organization_id: int) -> Select[Any]:
    """Every consortium row of one organization: open invitations first, then the newest."""
    open_first = case((ConsortiumMember.status == ConsortiumStatus.INVITED, 0), else_=1)
    return (
        select(ConsortiumMember)
        .join(ConsortiumMember.project)
        .where(ConsortiumMember.organization_id == organization_id)
        .order_by(open_first, ConsortiumMember.invited_at.desc(), ConsortiumMember.id.desc())
    )


def invitable_organizations(project: Project) -> list[Organization]:
    """Member organizations that are not currently invited to or in the project's consortium."""
    taken = select(ConsortiumMember.organization_id).where(
        ConsortiumMember.project_id == project.id, ConsortiumMember.status.in_(rules.PARTICIPATING)
    )
    return list(
        db.session.scalars(
            select(Organization)
            .where(Organization.membership_status == MembershipStatus.MEMBER, Organization.id.not_in(taken))
            .order_by(Organization.name_ru, Organization.id)
        )
    )


def manager_choices() -> list[User]:
    return list(
        db.session.scalars(
            select(User).where(User.role == Role.MANAGER, User.active.is_(True)).order_by(User.full_name, User.id)
        )
    )


def member_organizations() -> list[Organization]:
    return list(
        db.session.scalars(
            select(Organization)
            .where(Organization.membership_status == MembershipStatus.MEMBER)
            .order_by(Organization.name_ru, Organization.id)
        )
    )


# Needs coverage ------------------------------------------------------------------------------


@dataclass
class NeedCoverage:
    """Who covers one need: accepted members, and invited ones who have not answered yet."""

    need: ProjectNeed
    accepted: list[ConsortiumMember] = field(default_factory=list)
    invited: list[ConsortiumMember] = field(default_factory=list)

    @property
    def missing(self) -> int:
        """Partners still to find when every invitation were accepted."""
        return max(self.need.partners_needed - len(self.accepted) - len(self.invited), 0)

    @property
    def state(self) -> str:
        """``covered`` (enough accepted members), ``pending`` (enough once the invited accept)
        or ``uncovered``."""
        if len(self.accepted) >= self.need.partners_needed:
            return "covered"
        if self.missing == 0:
            return "pending"
        return "uncovered"


def coverage(needs: list[ProjectNeed], members: list[ConsortiumMember]) -> list[NeedCoverage]:
    """Coverage of each need by the given consortium rows (declined and removed ones do not count)."""
    result = {need.id: NeedCoverage(need) for need in needs}
    for member in members:
        for need in member.needs:
            entry = result.get(need.id)
            if entry is None:
                continue
            if member.status == ConsortiumStatus.ACCEPTED:
                entry.accepted.append(member)
            elif member.status == ConsortiumStatus.INVITED:
                entry.invited.append(member)
    return [result[need.id] for need in needs]


# The portfolio -------------------------------------------------------------------------------


def average_percent(projects: list[Project]) -> int | None:
    """The mean percent complete, rounded half up (52.5 → 53); None without projects."""
    if not projects:
        return None
    total, count = sum(p.percent_complete for p in projects), len(projects)
    return (2 * total + count) // (2 * count)


@dataclass
class StatusGroup:
    status: ProjectStatus
    projects: list[Project]

    @property
    def count(self) -> int:
        return len(self.projects)

    @property
    def average_percent(self) -> int | None:
        return average_percent(self.projects)

    @property
    def budget(self) -> Decimal:
        return sum((p.budget for p in self.projects if p.budget is not None), Decimal(0))


@dataclass
class Portfolio:
    """The projects a user can see, grouped by status, with the portfolio's totals.

    ``average_percent`` ("percent complete of the portfolio") and ``budget`` leave cancelled
    projects out; the view shows the budget to the manager only."""

    groups: list[StatusGroup]

    @property
    def counted(self) -> list[Project]:
        return [p for g in self.groups if g.status != ProjectStatus.CANCELLED for p in g.projects]

    @property
    def count(self) -> int:
        return sum(group.count for group in self.groups)

    @property
    def average_percent(self) -> int | None:
        return average_percent(self.counted)

    @property
    def budget(self) -> Decimal:
        return sum((p.budget for p in self.counted if p.budget is not None), Decimal(0))

    def group(self, status: ProjectStatus) -> StatusGroup:
        return next(g for g in self.groups if g.status == status)


def portfolio(user: Any) -> Portfolio:
    projects = db.session.scalars(
        select(Project).where(rules.visible_projects(user)).order_by(Project.percent_complete.desc(), Project.id)
    )
    by_status: dict[ProjectStatus, list[Project]] = {status: [] for status in STATUS_ORDER}
    for project in projects:
        by_status[project.status].append(project)
    return Portfolio([StatusGroup(status, by_status[status]) for status in STATUS_ORDER])
