"""Who may open and do what, route by route.

Roles: guest / registered (no organization) / outsider (non-member organization) /
member (another member organization) / consortium (an accepted consortium member's
user) / invited (a user of an organization invited, not answered) / manager.
"""

from __future__ import annotations

import io

import pytest

from marketplace.db import db
from marketplace.models import ConsortiumMember, Project, ProjectEvent, ProjectStatus

from .conftest import ROLES

LOGIN = 302  # guests are redirected to the login page
OK, REDIRECT, FORBIDDEN, NOT_FOUND, CONFLICT = 200, 302, 403, 404, 409


def expect(guest, registered, outsider, member, consortium, invited, manager):
    return dict(zip(ROLES, (guest, registered, outsider, member, consortium, invited, manager)))


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

# name: (method, url, form data, expected status per role)
MATRIX = {
    "register": ("GET", "/projects/", None, expect(OK, OK, OK, OK, OK, OK, OK)),
    "portfolio": ("GET", "/projects/portfolio", None, expect(LOGIN, FORBIDDEN, FORBIDDEN, OK, OK, OK, OK)),
    "invitations": (
        "GET",
        "/projects/invitations",
        None,
        expect(LOGIN, FORBIDDEN, OK, OK, OK, OK, FORBIDDEN),
    ),  # the manager has no organization
    "new project form": (
        "GET",
        "/projects/new",
        None,
        expect(LOGIN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, OK),
    ),
    "members-only project": ("GET", "/projects/{project}", None, expect(LOGIN, NOT_FOUND, NOT_FOUND, OK, OK, OK, OK)),
    "public project": ("GET", "/projects/{public}", None, expect(OK, OK, OK, OK, OK, OK, OK)),
    "idea": (
        "GET",
        "/projects/{idea}",
        None,
        expect(NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, OK),
    ),
    "edit form": ("GET", "/projects/{project}/edit", None, MANAGER_ONLY),
    "edit public project": (
        "GET",
        "/projects/{public}/edit",
        None,
        expect(LOGIN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, OK),
    ),
    "edit cancelled project": (
        "GET",
        "/projects/{cancelled}/edit",
        None,
        expect(LOGIN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, CONFLICT),
    ),
    "needs editor": ("GET", "/projects/{project}/needs", None, MANAGER_ONLY),
    "edit need": ("GET", "/projects/{project}/needs/{recipe}/edit", None, MANAGER_ONLY),
    "invite form": ("GET", "/projects/{project}/invite", None, MANAGER_ONLY),
    "edit member": ("GET", "/projects/{project}/consortium/{accepted}/edit", None, MANAGER_ONLY),
    "cancel form": ("GET", "/projects/{project}/cancel", None, MANAGER_ONLY),
    "api list": ("GET", "/api/v1/projects", None, expect(OK, OK, OK, OK, OK, OK, OK)),
    "api members-only project": (
        "GET",
        "/api/v1/projects/{project}",
        None,
        expect(401, NOT_FOUND, NOT_FOUND, OK, OK, OK, OK),
    ),
    "create": (
        "POST",
        "/projects/new",
        PROJECT,
        expect(LOGIN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, REDIRECT),
    ),
    "edit": ("POST", "/projects/{project}/edit", {**PROJECT, "title": "Изменённый"}, MANAGER_ACTION),
    "change status": ("POST", "/projects/{project}/status", {"status": "active"}, MANAGER_ACTION),
    "update progress": ("POST", "/projects/{project}/progress", {"percent_complete": "55"}, MANAGER_ACTION),
    "cancel": ("POST", "/projects/{project}/cancel", {"reason": "Нет финансирования"}, MANAGER_ACTION),
    "add need": ("POST", "/projects/{project}/needs", {"title": "Логистика", "partners_needed": "1"}, MANAGER_ACTION),
    "edit need (post)": (
        "POST",
        "/projects/{project}/needs/{recipe}/edit",
        {"title": "Рецептура", "partners_needed": "2"},
        MANAGER_ACTION,
    ),
    "delete need": ("POST", "/projects/{project}/needs/{recipe}/delete", {}, MANAGER_ACTION),
    "invite": (
        "POST",
        "/projects/{project}/invite",
        {"organization": "{member_org}", "role": "Соисполнитель"},
        MANAGER_ACTION,
    ),
    "edit member (post)": (
        "POST",
        "/projects/{project}/consortium/{accepted}/edit",
        {"role": "Соисполнитель"},
        MANAGER_ACTION,
    ),
    "remove member": ("POST", "/projects/{project}/consortium/{accepted}/remove", {}, MANAGER_ACTION),
    "accept invitation": (
        "POST",
        "/projects/{project}/consortium/{invitation}/respond",
        {"accept": "1"},
        expect(LOGIN, NOT_FOUND, NOT_FOUND, FORBIDDEN, FORBIDDEN, REDIRECT, FORBIDDEN),
    ),
    "decline invitation": (
        "POST",
        "/projects/{project}/consortium/{invitation}/respond",
        {"decline": "1"},
        expect(LOGIN, NOT_FOUND, NOT_FOUND, FORBIDDEN, FORBIDDEN, REDIRECT, FORBIDDEN),
    ),
}

READS = [name for name, spec in MATRIX.items() if spec[0] == "GET"]
WRITES = [(name, role) for name, spec in MATRIX.items() if spec[0] == "POST" for role in ROLES]


def _request(client, world, method, url, data):
    ids = vars(world)
    url = url.format(**ids)
    if method == "GET":
        return client.get(url)
    return client.post(url, data={k: v.format(**ids) for k, v in (data or {}).items()})


@pytest.mark.parametrize("route", READS)
def test_read_permissions(client, world, as_role, route):
    method, url, data, expected = MATRIX[route]
    got = {}
    for role in ROLES:
        as_role(role)
        response = _request(client, world, method, url, data)
        got[role] = response.status_code
        if response.status_code == LOGIN:
            assert "/login" in response.headers["Location"]
    assert got == expected


@pytest.mark.parametrize(("route", "role"), WRITES, ids=[f"{n}-{r}" for n, r in WRITES])
def test_write_permissions(client, world, as_role, route, role):
    """Each action gets a fresh world; a refused action changes nothing."""
    method, url, data, expected = MATRIX[route]
    as_role(role)
    events_before = db.session.query(ProjectEvent).count()
    response = _request(client, world, method, url, data)
    assert response.status_code == expected[role], response.get_data(as_text=True)[:500]
    if expected[role] == LOGIN and role == "guest":
        assert "/login" in response.headers["Location"]
    db.session.expire_all()
    if expected[role] not in (OK, REDIRECT):
        assert db.session.query(ProjectEvent).count() == events_before


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
        assert response.status_code == status, role
    db.session.expire_all()
    assert db.session.get(Project, world.project).attachments == []
