"""The project lifecycle, its needs and documents. The consortium workflow is in ``consortium.py``.

Lifecycle: IDEA → PLANNED → ACTIVE → COMPLETED (steps may be skipped forward,
never back); IDEA, PLANNED or ACTIVE → CANCELLED with a reason. A completed or
cancelled project is closed: its details, progress, needs and consortium no
longer change (documents may still be added). Every change writes a
``ProjectEvent``. State-changing services first take the project's row lock
(``db.lock_row``) and re-read it, so concurrent requests see each other's result.
Only the cluster manager runs projects. Services flush, never commit.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from flask_babel import gettext as _, lazy_gettext as _l
from sqlalchemy import func, select, update
from werkzeug.datastructures import FileStorage

from ..accounts.models import Role, User
from ..attachments.models import Attachment
from ..attachments.services import add_attachment, delete_attachment
from ..db import changed_rows, db, lock_row, utcnow
from ..errors import Conflict, InvalidInput, NotFound
from ..i18n import label
from ..ideas.models import Idea, IdeaStatus
from ..organizations.models import Organization
from . import notifications, rules
from .models import Project, ProjectEvent, ProjectNeed, ProjectStatus

#: Columns the manager sets through the project form.
PROJECT_FIELDS = (
    "title",
    "kind",
    "description",
    "budget",
    "budget_confidential",
    "starts_on",
    "ends_on",
    "manager_id",
    "lead_organization_id",
    "visibility",
    "okpd2_codes",
)

#: Columns of a need set through the needs editor.
NEED_FIELDS = ("title", "description", "competency_id", "org_kind", "partners_needed")

#: Where each status may move to (besides CANCELLED, see ``cancel_project``).
NEXT_STATUSES: dict[ProjectStatus, tuple[ProjectStatus, ...]] = {
    ProjectStatus.IDEA: (ProjectStatus.PLANNED, ProjectStatus.ACTIVE),
    ProjectStatus.PLANNED: (ProjectStatus.ACTIVE,),
    ProjectStatus.ACTIVE: (ProjectStatus.COMPLETED,),
    ProjectStatus.COMPLETED: (),
    ProjectStatus.CANCELLED: (),
}

#: Statuses a new project may start in.
INITIAL_STATUSES = (ProjectStatus.IDEA, ProjectStatus.PLANNED, ProjectStatus.ACTIVE)

#: Labels of ``ProjectEvent.action`` for the history.
EVENT_LABELS = {
    "created": _l("Project created"),
    "edited": _l("Details edited"),
    "status_changed": _l("Status changed"),
    "progress_updated": _l("Progress updated"),
    "cancelled": _l("Project cancelled"),
    "need_added": _l("Need added"),
    "need_edited": _l("Need edited"),
    "need_removed": _l("Need removed"),
    "document_added": _l("Document attached"),
    "document_removed": _l("Document removed"),
    "invited": _l("Organization invited"),
    "reinvited": _l("Organization invited again"),
    "accepted": _l("Invitation accepted"),
    "declined": _l("Invitation declined"),
    "removed": _l("Removed from the consortium"),
    "member_updated": _l("Role or covered needs changed"),
    "merged": _l("Organizations merged"),  # written by organizations.merge
}

#: Labels of the fields an "edited" event names in its note.
EDITED_FIELD_LABELS = {
    "title": _l("Title"),
    "kind": _l("Kind of project"),
    "description": _l("Description"),
    "budget": _l("Budget"),
    "budget_confidential": _l("Budget visibility"),
    "starts_on": _l("Start"),
    "ends_on": _l("End"),
    "manager_id": _l("Responsible manager"),
    "lead_organization_id": _l("Lead organization"),
    "visibility": _l("Who can see the project"),
    "okpd2_codes": _l("OKPD2 codes"),
}


def record_event(
    project: Project,
    actor: Any,
    action: str,
    *,
    from_status: ProjectStatus | None = None,
    to_status: ProjectStatus | None = None,
    percent: int | None = None,
    organization: Organization | None = None,
    note: str = "",
) -> ProjectEvent:
    event = ProjectEvent(
        project=project,
        actor_id=getattr(actor, "id", None),
        action=action,
        from_status=from_status,
        to_status=to_status,
        percent_complete=percent,
        organization_id=organization.id if organization is not None else None,
        note=note or "",
    )
    db.session.add(event)
    return event


def lock_project(project: Project) -> None:
    """Take the project's row lock and re-read it, so the checks that follow see committed state."""
    lock_row(Project, project.id)
    db.session.refresh(project)


def require_open(project: Project) -> None:
    if project.is_closed:
        raise Conflict(_("This project is completed or cancelled and can no longer be changed."))


def _check_values(values: dict[str, Any]) -> None:
    """Domain checks of the form values (the form checks them too; other callers may not)."""
    if values.get("starts_on") and values.get("ends_on") and values["ends_on"] < values["starts_on"]:
        raise InvalidInput(_("The end cannot be before the start."), field="ends_on")
    manager_id = values.get("manager_id")
    if manager_id is not None:
        manager = db.session.get(User, manager_id)
        if manager is None or manager.role != Role.MANAGER or not manager.active:
            raise InvalidInput(_("Choose a cluster manager."), field="manager_id")
    lead_id = values.get("lead_organization_id")
    if lead_id is not None and db.session.get(Organization, lead_id) is None:
        raise InvalidInput(_("Choose an organization from the list."), field="lead_organization_id")


def _attach(project: Project, actor: Any, uploads: Iterable[FileStorage]) -> list[Attachment]:
    added = [
        add_attachment(upload, uploaded_by_id=actor.id, project=project)
        for upload in uploads
        if upload and upload.filename
    ]
    if added:
        record_event(project, actor, "document_added", note=", ".join(a.original_name for a in added))
    return added


def create_project(
    values: dict[str, Any],
    *,
    actor: Any,
    status: ProjectStatus = ProjectStatus.IDEA,
    uploads: Iterable[FileStorage] = (),
    idea: Idea | None = None,
) -> Project:
    """Register a new project. ``values`` holds the ``PROJECT_FIELDS``.

    With ``idea``, the project is what that idea of the idea exchange became: the idea
    links to it and is closed (Conflict if it already became a project).

    Raises InvalidInput (with ``field``) for bad dates, a responsible person who is
    not a manager, an unknown lead organization, or a refused upload.
    """
    rules.require_manage(actor)
    if status not in INITIAL_STATUSES:
        raise InvalidInput(_("A new project starts as an idea, planned or in progress."), field="status")
    _check_values(values)
    project = Project(created_by_id=actor.id, status=status, **{name: values[name] for name in PROJECT_FIELDS})
    db.session.add(project)
    db.session.flush()
    record_event(
        project,
        actor,
        "created",
        to_status=status,
        note=_("From the idea «%(title)s»", title=idea.title) if idea is not None else "",
    )
    if idea is not None:  # one conditional UPDATE: of two managers converting at once, one wins
        now = utcnow()
        linked = changed_rows(
            update(Idea)
            .where(Idea.id == idea.id, Idea.converted_project_id.is_(None))
            .values(
                converted_project_id=project.id,
                status=IdeaStatus.CLOSED,
                closed_at=func.coalesce(Idea.closed_at, now),
                updated_at=now,
            )
            .execution_options(synchronize_session=False)
        )
        if linked != 1:
            raise Conflict(_("This idea has already become a project."))
        db.session.refresh(idea)
    _attach(project, actor, uploads)
    db.session.flush()
    return project


def update_project(
    project: Project, values: dict[str, Any], *, actor: Any, uploads: Iterable[FileStorage] = ()
) -> list[str]:
    """Change an open project's details; returns the names of the changed fields."""
    rules.require_manage(actor)
    lock_project(project)
    require_open(project)
    _check_values(values)
    changed = [name for name in PROJECT_FIELDS if getattr(project, name) != values[name]]
    for name in changed:
        setattr(project, name, values[name])
    if changed:
        record_event(project, actor, "edited", note=", ".join(changed))
    _attach(project, actor, uploads)
    db.session.flush()
    return changed


def change_status(project: Project, status: ProjectStatus, *, actor: Any, note: str = "") -> None:
    """Move the project forward (see ``NEXT_STATUSES``); completing it sets 100 % complete."""
    rules.require_manage(actor)
    lock_project(project)
    if status == ProjectStatus.CANCELLED:
        cancel_project(project, actor=actor, reason=note)
        return
    if status not in NEXT_STATUSES[project.status]:
        raise Conflict(
            _("A project cannot move from %(old)s to %(new)s.", old=label(project.status), new=label(status))
        )
    previous = project.status
    project.status = status
    if status == ProjectStatus.COMPLETED:
        project.percent_complete = 100
    record_event(
        project,
        actor,
        "status_changed",
        from_status=previous,
        to_status=status,
        percent=project.percent_complete if status == ProjectStatus.COMPLETED else None,
        note=(note or "").strip(),
    )
    db.session.flush()


def update_progress(project: Project, percent: int, *, actor: Any, note: str = "") -> None:
    """Set the percent complete (0–100) of an open project."""
    rules.require_manage(actor)
    if not isinstance(percent, int) or not 0 <= percent <= 100:
        raise InvalidInput(_("The percent complete is a whole number from 0 to 100."), field="percent_complete")
    lock_project(project)
    require_open(project)
    note = (note or "").strip()
    if percent == project.percent_complete and not note:
        return
    project.percent_complete = percent
    record_event(project, actor, "progress_updated", percent=percent, note=note)
    db.session.flush()


def cancel_project(project: Project, *, actor: Any, reason: str) -> None:
    """Idea, planned or in progress → cancelled, with a reason; participants are told."""
    rules.require_manage(actor)
    reason = (reason or "").strip()
    if not reason:
        raise InvalidInput(_("Say why the project is cancelled."), field="reason")
    lock_project(project)
    require_open(project)
    previous = project.status
    project.status = ProjectStatus.CANCELLED
    record_event(project, actor, "cancelled", from_status=previous, to_status=ProjectStatus.CANCELLED, note=reason)
    notifications.project_cancelled(project, reason)
    db.session.flush()


# Needs ---------------------------------------------------------------------------------------


def add_need(project: Project, values: dict[str, Any], *, actor: Any) -> ProjectNeed:
    """Append a need (``NEED_FIELDS``) to an open project."""
    rules.require_manage(actor)
    lock_project(project)
    require_open(project)
    last = db.session.scalar(select(func.max(ProjectNeed.position)).where(ProjectNeed.project_id == project.id))
    need = ProjectNeed(project=project, position=(last or 0) + 1, **{name: values[name] for name in NEED_FIELDS})
    db.session.add(need)
    record_event(project, actor, "need_added", note=need.title)
    db.session.flush()
    return need


def update_need(need: ProjectNeed, values: dict[str, Any], *, actor: Any) -> list[str]:
    rules.require_manage(actor)
    project = need.project
    lock_project(project)
    require_open(project)
    changed = [name for name in NEED_FIELDS if getattr(need, name) != values[name]]
    for name in changed:
        setattr(need, name, values[name])
    if changed:
        record_event(project, actor, "need_edited", note=need.title)
    db.session.flush()
    return changed


def remove_need(need: ProjectNeed, *, actor: Any) -> None:
    """Delete a need; the members who covered it simply no longer do."""
    rules.require_manage(actor)
    project = need.project
    lock_project(project)
    require_open(project)
    record_event(project, actor, "need_removed", note=need.title)
    db.session.delete(need)
    db.session.flush()


def get_need(project: Project, need_id: int) -> ProjectNeed:
    need = db.session.get(ProjectNeed, need_id)
    if need is None or need.project_id != project.id:
        raise NotFound
    return need


# Documents -----------------------------------------------------------------------------------


def add_documents(project: Project, uploads: Iterable[FileStorage], *, actor: Any) -> list[Attachment]:
    """Attach files to the project (in any status: final reports come after completion)."""
    rules.require_manage(actor)
    lock_project(project)
    added = _attach(project, actor, uploads)
    db.session.flush()
    return added


def remove_document(project: Project, attachment_id: int, *, actor: Any) -> None:
    rules.require_manage(actor)
    lock_project(project)
    attachment = db.session.get(Attachment, attachment_id)
    if attachment is None or attachment.project_id != project.id:
        raise NotFound
    record_event(project, actor, "document_removed", note=attachment.original_name)
    delete_attachment(attachment)
    db.session.flush()
