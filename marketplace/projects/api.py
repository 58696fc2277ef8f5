"""The projects register in the read-only JSON API: ``/api/v1/projects`` and ``/api/v1/projects/<id>``.

A blueprint of its own (``projects_api``), registered by ``views.init_app``,
with the conventions of ``marketplace/api/``: session-cookie authentication,
the UI's visibility (``rules`` / ``queries.visible_condition``), fields the
viewer may not see left out (the confidential budget), errors as
``{"error": {...}}``, never cached by shared caches.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, jsonify, request, url_for
from flask.typing import ResponseReturnValue
from sqlalchemy.orm import selectinload

from .. import access
from ..api import params
from ..api.serializers import attachment, competency, decimal, iso_date, iso_datetime, organization_ref, value
from ..db import db
from ..errors import NotFound
from . import queries, rules
from .models import ConsortiumMember, Project, ProjectKind, ProjectNeed, ProjectStatus

bp = Blueprint("projects_api", __name__, url_prefix="/api/v1/projects")


@bp.after_request
def no_caching(response: Response) -> Response:
    response.headers["Cache-Control"] = "private, no-store"
    response.vary.add("Cookie")
    return response


def _viewer() -> Any:
    return access.user_object()


@bp.get("", strict_slashes=False)
def projects() -> ResponseReturnValue:
    """Filters: ``status``, ``kind``, ``org`` (lead or accepted member), ``q`` (title/description)."""
    args, viewer = request.args, _viewer()
    filters = queries.ListFilters(
        kind=params.choice(args, "kind", ProjectKind),
        status=params.choice(args, "status", ProjectStatus),
        text=params.text(args, "q") or "",
        organization_id=params.integer(args, "org"),
    )
    statement = queries.projects_statement(filters, viewer).options(selectinload(Project.members))
    page, per_page = params.page_and_size(args)
    result = db.paginate(statement, page=page, per_page=per_page, max_per_page=params.MAX_PER_PAGE, error_out=False)
    return jsonify(
        items=[project(item, viewer) for item in result.items],
        page=page,
        per_page=per_page,
        total=result.total,
        pages=result.pages,
    )


@bp.get("/<int:project_id>")
def project_detail(project_id: int) -> ResponseReturnValue:
    item = db.session.get(Project, project_id)
    if item is None:
        raise NotFound
    viewer = _viewer()
    rules.require_view_project(item, viewer)
    return jsonify(project(item, viewer, detail=True))


def project(item: Project, viewer: Any, *, detail: bool = False) -> dict[str, Any]:
    """The budget only when ``rules.can_see_budget``; the detail adds needs with coverage, the
    consortium rows the viewer may see (``rules.visible_members``) and documents."""
    data: dict[str, Any] = {
        "id": item.id,
        "url": url_for("projects_api.project_detail", project_id=item.id),
        "title": item.title,
        "kind": value(item.kind),
        "status": value(item.status),
        "percent_complete": item.percent_complete,
        "starts_on": iso_date(item.starts_on),
        "ends_on": iso_date(item.ends_on),
        "visibility": value(item.visibility),
        "okpd2_codes": list(item.okpd2_codes or []),
        "lead_organization": organization_ref(item.lead_organization) if item.lead_organization else None,
        "updated_at": iso_datetime(item.updated_at),
    }
    if rules.can_see_budget(item, viewer):
        data["budget"] = decimal(item.budget)
    if detail:
        members = rules.visible_members(item, viewer)
        data.update(
            description=item.description,
            created_at=iso_datetime(item.created_at),
            manager=item.manager.full_name if item.manager else None,
            needs=[need_json(entry) for entry in queries.coverage(item.needs, members)],
            consortium=[member_json(member) for member in members],
            attachments=[attachment(a) for a in item.attachments],
        )
    return data


def need_json(entry: queries.NeedCoverage) -> dict[str, Any]:
    need: ProjectNeed = entry.need
    return {
        "id": need.id,
        "title": need.title,
        "description": need.description,
        "competency": competency(need.competency) if need.competency else None,
        "org_kind": value(need.org_kind),
        "partners_needed": need.partners_needed,
        "coverage": entry.state,
        "accepted": [m.organization_id for m in entry.accepted],
        "invited": [m.organization_id for m in entry.invited],
    }


def member_json(member: ConsortiumMember) -> dict[str, Any]:
    return {
        "organization": organization_ref(member.organization),
        "role": member.role,
        "status": value(member.status),
        "needs": [need.id for need in member.needs],
        "invited_at": iso_datetime(member.invited_at),
        "responded_at": iso_datetime(member.responded_at),
    }
