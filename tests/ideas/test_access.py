"""Who may open and do what in the idea exchange, route by route."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from marketplace.db import db
from marketplace.models import Idea, IdeaComment, IdeaStatus, Visibility

from . import helpers
from .conftest import ROLES

LOGIN = 302
OK, REDIRECT, FORBIDDEN, NOT_FOUND, CONFLICT = 200, 302, 403, 404, 409


@pytest.fixture
def world(people):
    public = helpers.idea(people.author)
    members_only = helpers.idea(people.author, visibility=Visibility.MEMBERS)
    closed = helpers.idea(people.author, status=IdeaStatus.CLOSED)
    mine_by_registered = helpers.idea(people.registered)
    return SimpleNamespace(
        public=public.id,
        members_only=members_only.id,
        closed=closed.id,
        by_registered=mine_by_registered.id,
        author_comment=helpers.comment(public, people.author).id,
        member_comment=helpers.comment(public, people.member).id,
    )


def expect(guest, registered, outsider, member, author, manager):
    return dict(zip(ROLES, (guest, registered, outsider, member, author, manager)))


IDEA = {"kind": "offer", "title": "Можем испытать ваши покрытия в солевом тумане", "body": "Камера 1 м³, ГОСТ 9.308."}
EDIT = {**IDEA, "save": "1"}
ALL_OK = expect(OK, OK, OK, OK, OK, OK)

MATRIX = {
    "list": ("GET", "/ideas/", None, ALL_OK),
    "public idea": ("GET", "/ideas/{public}", None, ALL_OK),
    "members-only idea": ("GET", "/ideas/{members_only}", None, expect(LOGIN, NOT_FOUND, NOT_FOUND, OK, OK, OK)),
    "closed idea": ("GET", "/ideas/{closed}", None, ALL_OK),
    "new idea form": ("GET", "/ideas/new", None, expect(LOGIN, OK, OK, OK, OK, OK)),
    "edit form": ("GET", "/ideas/{public}/edit", None, expect(LOGIN, FORBIDDEN, FORBIDDEN, FORBIDDEN, OK, FORBIDDEN)),
    "edit a closed idea": (
        "GET",
        "/ideas/{closed}/edit",
        None,
        expect(LOGIN, FORBIDDEN, FORBIDDEN, FORBIDDEN, CONFLICT, FORBIDDEN),
    ),
    "post": ("POST", "/ideas/new", IDEA, expect(LOGIN, REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT)),
    "edit": ("POST", "/ideas/{public}/edit", EDIT, expect(LOGIN, FORBIDDEN, FORBIDDEN, FORBIDDEN, REDIRECT, FORBIDDEN)),
    "close": ("POST", "/ideas/{public}/close", {}, expect(LOGIN, FORBIDDEN, FORBIDDEN, FORBIDDEN, REDIRECT, REDIRECT)),
    "close members-only": (
        "POST",
        "/ideas/{members_only}/close",
        {},
        expect(LOGIN, NOT_FOUND, NOT_FOUND, FORBIDDEN, REDIRECT, REDIRECT),
    ),
    "reopen": (
        "POST",
        "/ideas/{closed}/reopen",
        {},
        expect(LOGIN, FORBIDDEN, FORBIDDEN, FORBIDDEN, REDIRECT, REDIRECT),
    ),
    "comment": (
        "POST",
        "/ideas/{public}/comments",
        {"body": "Интересно, свяжемся."},
        expect(LOGIN, REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT),
    ),
    "comment members-only": (
        "POST",
        "/ideas/{members_only}/comments",
        {"body": "Интересно"},
        expect(LOGIN, NOT_FOUND, NOT_FOUND, REDIRECT, REDIRECT, REDIRECT),
    ),
    "comment a closed idea": (
        "POST",
        "/ideas/{closed}/comments",
        {"body": "Поздно"},
        expect(LOGIN, CONFLICT, CONFLICT, CONFLICT, CONFLICT, CONFLICT),
    ),
    "delete the author's comment": (
        "POST",
        "/ideas/{public}/comments/{author_comment}/delete",
        {},
        expect(LOGIN, FORBIDDEN, FORBIDDEN, FORBIDDEN, REDIRECT, REDIRECT),
    ),
    "delete the member's comment": (
        "POST",
        "/ideas/{public}/comments/{member_comment}/delete",
        {},
        expect(LOGIN, FORBIDDEN, FORBIDDEN, REDIRECT, FORBIDDEN, REDIRECT),
    ),
    "delete a comment through another idea": (
        "POST",
        "/ideas/{closed}/comments/{member_comment}/delete",
        {},
        expect(LOGIN, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND),
    ),
}

READS = [name for name, spec in MATRIX.items() if spec[0] == "GET"]
WRITES = [(name, role) for name, spec in MATRIX.items() if spec[0] == "POST" for role in ROLES]


def _request(client, world, method, url, data):
    url = url.format(**vars(world))
    return client.get(url) if method == "GET" else client.post(url, data=data or {})


@pytest.mark.parametrize("route", READS)
def test_read_permissions(client, world, as_role, route):
    method, url, data, expected = MATRIX[route]
    got = {}
    for role in ROLES:
        as_role(role)
        response = _request(client, world, method, url, data)
        got[role] = response.status_code
        if role == "guest" and response.status_code == LOGIN:
            assert "/login" in response.headers["Location"]
    assert got == expected


@pytest.mark.parametrize(("route", "role"), WRITES, ids=[f"{n}-{r}" for n, r in WRITES])
def test_write_permissions(client, world, as_role, route, role):
    method, url, data, expected = MATRIX[route]
    as_role(role)
    response = _request(client, world, method, url, data)
    assert response.status_code == expected[role], response.get_data(as_text=True)[:500]
    if role == "guest" and expected[role] == LOGIN:
        assert "/login" in response.headers["Location"]


def test_members_only_ideas_in_the_list(client, world, as_role, people):
    hidden = db.session.get(Idea, world.members_only)
    hidden.title = "ИДЕЯ-ТОЛЬКО-ДЛЯ-ЧЛЕНОВ"
    db.session.commit()
    for role in ROLES:
        as_role(role)
        body = client.get("/ideas/").get_data(as_text=True)
        assert ("ИДЕЯ-ТОЛЬКО-ДЛЯ-ЧЛЕНОВ" in body) == (role in ("member", "author", "manager")), role


def test_an_outsider_author_sees_their_own_members_only_idea(client, login, people):
    # An author whose organization left the cluster keeps access to what they posted.
    own = helpers.idea(people.outsider, title="МОЯ-ЗАКРЫТАЯ-ИДЕЯ", visibility=Visibility.MEMBERS)
    login(people.outsider)
    assert client.get(f"/ideas/{own.id}").status_code == 200
    assert "МОЯ-ЗАКРЫТАЯ-ИДЕЯ" in client.get("/ideas/").get_data(as_text=True)
    login(people.registered)
    assert client.get(f"/ideas/{own.id}").status_code == 404


def test_refused_actions_change_nothing(client, world, as_role):
    as_role("member")
    client.post(f"/ideas/{world.public}/close")
    client.post(f"/ideas/{world.public}/edit", data={**EDIT, "title": "Чужая правка"})
    client.post(f"/ideas/{world.public}/comments/{world.author_comment}/delete")
    db.session.expire_all()
    idea = db.session.get(Idea, world.public)
    assert idea.status == IdeaStatus.OPEN
    assert idea.title != "Чужая правка"
    assert db.session.get(IdeaComment, world.author_comment) is not None


def test_missing_idea_and_comment_are_404(client, world, as_role):
    as_role("manager")
    assert client.get("/ideas/999999").status_code == NOT_FOUND
    assert client.post(f"/ideas/{world.public}/comments/999999/delete").status_code == NOT_FOUND
