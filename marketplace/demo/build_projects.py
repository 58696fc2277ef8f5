"""Seed step 4: the register of projects — needs, consortia in every state, progress and history.

Each project's history is laid out on a timeline from its registration to
yesterday: status changes, invitations and answers, progress updates, written
in time order so the events' ids follow their dates.
"""

from __future__ import annotations

import datetime as dt
import itertools
from decimal import Decimal
from typing import Any

from ..accounts.models import User
from ..db import db
from ..organizations.models import Organization
from ..projects.models import ConsortiumMember, ConsortiumStatus, Project, ProjectEvent, ProjectNeed, ProjectStatus
from .context import Demo
from .projects_data import PROJECTS, ProjectSpec

#: The statuses each project went through to reach its current one.
_PATHS = {
    ProjectStatus.IDEA: (ProjectStatus.IDEA,),
    ProjectStatus.PLANNED: (ProjectStatus.IDEA, ProjectStatus.PLANNED),
    ProjectStatus.ACTIVE: (ProjectStatus.IDEA, ProjectStatus.PLANNED, ProjectStatus.ACTIVE),
    ProjectStatus.COMPLETED: (ProjectStatus.IDEA, ProjectStatus.PLANNED, ProjectStatus.ACTIVE, ProjectStatus.COMPLETED),
    ProjectStatus.CANCELLED: (ProjectStatus.IDEA, ProjectStatus.PLANNED, ProjectStatus.CANCELLED),
}


def build_projects(demo: Demo) -> None:
    for spec in PROJECTS:
        _project(demo, spec)
    demo.counts["projects"] = len(PROJECTS)


def _project(demo: Demo, spec: ProjectSpec) -> None:
    manager = demo.special["manager"]
    created = _office_hours(demo.days_ago(spec.age_days, hour=demo.rng.randint(6, 12)))
    span = (demo.now - dt.timedelta(days=1)) - created

    def at(fraction: float) -> dt.datetime:
        return _office_hours(created + span * fraction)

    project = Project(
        title=spec.title,
        description=spec.description,
        kind=spec.kind,
        status=spec.status,
        percent_complete=spec.percent,
        budget=Decimal(spec.budget) if spec.budget is not None else None,
        budget_confidential=spec.budget_confidential,
        starts_on=demo.today + dt.timedelta(days=spec.start_days),
        ends_on=demo.today + dt.timedelta(days=spec.start_days + spec.duration_days),
        manager=manager,
        created_by=manager,
        lead_organization=demo.orgs[spec.lead],
        visibility=spec.visibility,
        okpd2_codes=list(spec.okpd2),
        created_at=created,
        updated_at=at(0.95),
    )
    db.session.add(project)
    needs = [
        ProjectNeed(
            project=project,
            title=need.title,
            description=need.description,
            competency=demo.competencies[need.competency] if need.competency else None,
            org_kind=need.org_kind,
            partners_needed=need.partners,
            position=index + 1,
        )
        for index, need in enumerate(spec.needs)
    ]
    db.session.add_all(needs)
    demo.counts["project_needs"] += len(needs)

    timeline: list[tuple[dt.datetime, dict[str, Any]]] = [
        (created, {"action": "created", "to_status": ProjectStatus.IDEA})
    ]
    path = _PATHS[spec.status]
    steps = {
        ProjectStatus.PLANNED: 0.12,
        ProjectStatus.ACTIVE: 0.3,
        ProjectStatus.COMPLETED: 0.92,
        ProjectStatus.CANCELLED: 0.85,
    }
    for previous, status in itertools.pairwise(path):
        kind = "cancelled" if status == ProjectStatus.CANCELLED else "status_changed"
        note = spec.note if status in (ProjectStatus.CANCELLED, ProjectStatus.COMPLETED) else ""
        timeline.append(
            (
                at(steps[status]),
                {
                    "action": kind,
                    "from_status": previous,
                    "to_status": status,
                    "note": note,
                    "percent": 100 if status == ProjectStatus.COMPLETED else None,
                },
            )
        )

    for index, member_spec in enumerate(spec.members):
        if not demo.is_member(member_spec.org):
            raise ValueError(f"demo project {spec.title!r}: {member_spec.org} is not a cluster member")
        organization = demo.orgs[member_spec.org]
        invited_at = at(0.05 + 0.04 * index)
        answered_at = at(0.12 + 0.05 * index)
        member = ConsortiumMember(
            project=project,
            organization=organization,
            role=member_spec.role,
            status=member_spec.status,
            needs=[needs[i] for i in member_spec.needs],
            message=member_spec.message,
            invited_by=manager,
            invited_at=invited_at,
            created_at=invited_at,
            updated_at=invited_at,
        )
        timeline.append((invited_at, {"action": "invited", "organization": organization, "note": member_spec.message}))
        if member_spec.status in (ConsortiumStatus.ACCEPTED, ConsortiumStatus.DECLINED, ConsortiumStatus.REMOVED):
            responder = demo.admin(member_spec.org)
            declined = member_spec.status == ConsortiumStatus.DECLINED
            member.status = member_spec.status
            member.response_message = member_spec.answer
            member.responded_by, member.responded_at, member.updated_at = responder, answered_at, answered_at
            timeline.append(
                (
                    answered_at,
                    {
                        "action": "declined" if declined else "accepted",
                        "actor": responder,
                        "organization": organization,
                        "note": member_spec.answer,
                    },
                )
            )
            if member_spec.status == ConsortiumStatus.REMOVED:
                removed_at = at(0.6)
                member.updated_at = removed_at
                timeline.append(
                    (
                        removed_at,
                        {
                            "action": "removed",
                            "organization": organization,
                            "note": "Металлоконструкции включены в поставку изготовителя.",
                        },
                    )
                )
        db.session.add(member)
        demo.counts["consortium_members"] += 1

    for number, (percent, note) in enumerate(spec.progress, start=1):
        fraction = 0.3 + 0.6 * number / (len(spec.progress) + 1)
        timeline.append((at(fraction), {"action": "progress_updated", "percent": percent, "note": note}))

    for moment, values in sorted(timeline, key=lambda item: item[0]):
        _event(project, values.pop("actor", manager), moment, **values)


def _office_hours(moment: dt.datetime) -> dt.datetime:
    """The same day, its 24 hours squeezed into 06:00–15:00 UTC (09:00–18:00 in Moscow).

    Monotonic, so the history keeps its order while people seem to work office hours."""
    midnight = moment.replace(hour=0, minute=0, second=0, microsecond=0)
    return (midnight + dt.timedelta(hours=6) + (moment - midnight) * 0.375).replace(microsecond=0)


def _event(
    project: Project,
    actor: User,
    at: dt.datetime,
    *,
    action: str,
    from_status: ProjectStatus | None = None,
    to_status: ProjectStatus | None = None,
    percent: int | None = None,
    organization: Organization | None = None,
    note: str = "",
) -> None:
    project.events.append(
        ProjectEvent(
            actor=actor,
            action=action,
            from_status=from_status,
            to_status=to_status,
            percent_complete=percent,
            organization=organization,
            note=note or "",
            created_at=at,
        )
    )
