"""Who may open and do what, route by route.

Roles: guest / registered (no organization) / outsider (non-member organization) /
member (another member organization) / consortium (an accepted consortium member's
user) / invited (a user of an organization invited, not answered) / manager.
"""

from __future__ import annotations

import io

from marketplace.db import db
from marketplace.models import ConsortiumMember, Project, ProjectStatus
from tests.access_matrix import (
    CONFLICT,
    FORBIDDEN,
    LOGIN,
    NOT_FOUND,
    OK,
    REDIRECT,
    UNAUTHORIZED,
    AccessMatrix,
    Route,
    outcome,
    statuses_for,
)

from .conftest import ROLES

expect = statuses_for(ROLES)

#: A manager-only page or action on the members-only project: hidden from non-members.
MANAGER_ONLY = expect(LOGIN, NOT_FOUND, NOT_FOUND, FORBIDDEN, FORBIDDEN, FORBIDDEN, OK)
MANAGER_ACTION = expect(LOGIN, NOT_FOUND, NOT_FOUND, FORBIDDEN, FORBIDDEN, FORBIDDEN, REDIRECT)

PROJECT = {
    "title": "Новый проект",
    "kind": "innovation",
    "description": "Описание проекта",
    "status": "planned",
    "visibility": "members",
    "budget": "1000",
    "budget_confidential": "y",
}

MATRIX = AccessMatrix(
    ROLES,
    Route.get("register", "/projects/", expect(OK, OK, OK, OK, OK, OK, OK)),
    Route.get("portfolio", "/projects/portfolio", expect(LOGIN, FORBIDDEN, FORBIDDEN, OK, OK, OK, OK)),
    # the manager has no organization
    Route.get("invitations", "/projects/invitations", expect(LOGIN, FORBIDDEN, OK, OK, OK, OK, FORBIDDEN)),
    Route.get(
        "new project form",
        "/projects/new",
        expect(LOGIN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, OK),
    ),
    Route.get("members-only project", "/projects/{project}", expect(LOGIN, NOT_FOUND, NOT_FOUND, OK, OK, OK, OK)),
    Route.get("public project", "/projects/{public}", expect(OK, OK, OK, OK, OK, OK, OK)),
    Route.get("idea", "/projects/{idea}", expect(NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, OK)),
    Route.get("edit form", "/projects/{project}/edit", MANAGER_ONLY),
    Route.get(
        "edit public project",
        "/projects/{public}/edit",
        expect(LOGIN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, OK),
    ),
    Route.get(
        "edit cancelled project",
        "/projects/{cancelled}/edit",
        expect(LOGIN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, CONFLICT),
    ),
    Route.get("needs editor", "/projects/{project}/needs", MANAGER_ONLY),
    Route.get("edit need", "/projects/{project}/needs/{recipe}/edit", MANAGER_ONLY),
    Route.get("invite form", "/projects/{project}/invite", MANAGER_ONLY),
    Route.get("edit member", "/projects/{project}/consortium/{accepted}/edit", MANAGER_ONLY),
    Route.get("cancel form", "/projects/{project}/cancel", MANAGER_ONLY),
    Route.get("api list", "/api/v1/projects", expect(OK, OK, OK, OK, OK, OK, OK)),
    Route.get(
        "api members-only project",
        "/api/v1/projects/{project}",
        expect(UNAUTHORIZED, NOT_FOUND, NOT_FOUND, OK, OK, OK, OK),
    ),
    Route.post(
        "create",
        "/projects/new",
        PROJECT,
        expect(LOGIN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, REDIRECT),
    ),
    Route.post("edit", "/projects/{project}/edit", {**PROJECT, "title": "Изменённый"}, MANAGER_ACTION),
    Route.post("change status", "/projects/{project}/status", {"status": "active"}, MANAGER_ACTION),
    Route.post("update progress", "/projects/{project}/progress", {"percent_complete": "55"}, MANAGER_ACTION),
    Route.post("cancel", "/projects/{project}/cancel", {"reason": "Нет финансирования"}, MANAGER_ACTION),
    Route.post("add need", "/projects/{project}/needs", {"title": "Логистика", "partners_needed": "1"}, MANAGER_ACTION),
    Route.post(
        "edit need (post)",
        "/projects/{project}/needs/{recipe}/edit",
        {"title": "Рецептура", "partners_needed": "2"},
        MANAGER_ACTION,
    ),
    Route.post("delete need", "/projects/{project}/needs/{recipe}/delete", {}, MANAGER_ACTION),
    Route.post(
        "invite",
        "/projects/{project}/invite",
        {"organization": "{member_org}", "role": "Соисполнитель"},
        MANAGER_ACTION,
    ),
    Route.post(
        "edit member (post)",
        "/projects/{project}/consortium/{accepted}/edit",
        {"role": "Соисполнитель"},
        MANAGER_ACTION,
    ),
    Route.post("remove member", "/projects/{project}/consortium/{accepted}/remove", {}, MANAGER_ACTION),
    Route.post(
        "accept invitation",
        "/projects/{project}/consortium/{invitation}/respond",
        {"accept": "1"},
        expect(LOGIN, NOT_FOUND, NOT_FOUND, FORBIDDEN, FORBIDDEN, REDIRECT, FORBIDDEN),
    ),
    Route.post(
        "decline invitation",
        "/projects/{project}/consortium/{invitation}/respond",
        {"decline": "1"},
        expect(LOGIN, NOT_FOUND, NOT_FOUND, FORBIDDEN, FORBIDDEN, REDIRECT, FORBIDDEN),
    ),
)


@MATRIX.reads
def test_read_permissions(client, world, as_role, route):
    MATRIX.check_read(client, as_role, route, world)


@MATRIX.writes
def test_write_permissions(client, world, as_role, route, role):
    """Each action gets a fresh world; a refused action changes nothing (no row, no history event)."""
    MATRIX.check_role(client, as_role, route, role, world)


def test_refused_actions_change_nothing(client, world, as_role):
    as_role("consortium")
    client.post(f"/projects/{world.project}/status", data={"status": "active"})
    client.post(f"/projects/{world.project}/consortium/{world.invitation}/respond", data={"accept": "1"})
    as_role("member")
    client.post(f"/projects/{world.project}/cancel", data={"reason": "мой"})
    db.session.expire_all()
    project = db.session.get(Project, world.project)
    assert project.status == ProjectStatus.PLANNED
    assert db.session.get(ConsortiumMember, world.invitation).status.value == "invited"
    assert project.events == []


def test_missing_objects_are_404(client, world, as_role):
    as_role("manager")
    assert client.get("/projects/999999").status_code == NOT_FOUND
    assert client.get("/projects/99999999999999999999").status_code == NOT_FOUND
    assert client.get(f"/projects/{world.project}/needs/999999/edit").status_code == NOT_FOUND
    assert client.get(f"/projects/{world.public}/needs/{world.recipe}/edit").status_code == NOT_FOUND  # other project
    assert client.get(f"/projects/{world.public}/consortium/{world.accepted}/edit").status_code == NOT_FOUND


def test_upload_documents_manager_only(client, world, as_role):
    for role, status in (("guest", LOGIN), ("member", FORBIDDEN), ("consortium", FORBIDDEN)):
        as_role(role)
        response = client.post(
            f"/projects/{world.project}/documents",
            data={"files": (io.BytesIO(b"%PDF-1.4\n%%EOF\n"), "plan.pdf")},
            content_type="multipart/form-data",
        )
        assert outcome(response) == status, role
    db.session.expire_all()
    assert db.session.get(Project, world.project).attachments == []
