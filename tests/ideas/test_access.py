"""Who may open and do what in the idea exchange, route by route."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from marketplace.db import db
from marketplace.models import Idea, IdeaComment, IdeaStatus, Visibility
from tests.access_matrix import (
    CONFLICT,
    FORBIDDEN,
    LOGIN,
    NOT_FOUND,
    OK,
    REDIRECT,
    AccessMatrix,
    Route,
    statuses_for,
)

from . import helpers
from .conftest import ROLES


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


expect = statuses_for(ROLES)

IDEA = {"kind": "offer", "title": "Можем испытать ваши покрытия в солевом тумане", "body": "Камера 1 м³, ГОСТ 9.308."}
EDIT = {**IDEA, "save": "1"}
ALL_OK = expect(OK, OK, OK, OK, OK, OK)

MATRIX = AccessMatrix(
    ROLES,
    Route.get("list", "/ideas/", ALL_OK),
    Route.get("public idea", "/ideas/{public}", ALL_OK),
    Route.get("members-only idea", "/ideas/{members_only}", expect(LOGIN, NOT_FOUND, NOT_FOUND, OK, OK, OK)),
    Route.get("closed idea", "/ideas/{closed}", ALL_OK),
    Route.get("new idea form", "/ideas/new", expect(LOGIN, OK, OK, OK, OK, OK)),
    Route.get("edit form", "/ideas/{public}/edit", expect(LOGIN, FORBIDDEN, FORBIDDEN, FORBIDDEN, OK, FORBIDDEN)),
    Route.get(
        "edit a closed idea",
        "/ideas/{closed}/edit",
        expect(LOGIN, FORBIDDEN, FORBIDDEN, FORBIDDEN, CONFLICT, FORBIDDEN),
    ),
    Route.post("post", "/ideas/new", IDEA, expect(LOGIN, REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT)),
    Route.post(
        "edit", "/ideas/{public}/edit", EDIT, expect(LOGIN, FORBIDDEN, FORBIDDEN, FORBIDDEN, REDIRECT, FORBIDDEN)
    ),
    Route.post(
        "close", "/ideas/{public}/close", {}, expect(LOGIN, FORBIDDEN, FORBIDDEN, FORBIDDEN, REDIRECT, REDIRECT)
    ),
    Route.post(
        "close members-only",
        "/ideas/{members_only}/close",
        {},
        expect(LOGIN, NOT_FOUND, NOT_FOUND, FORBIDDEN, REDIRECT, REDIRECT),
    ),
    Route.post(
        "reopen",
        "/ideas/{closed}/reopen",
        {},
        expect(LOGIN, FORBIDDEN, FORBIDDEN, FORBIDDEN, REDIRECT, REDIRECT),
    ),
    Route.post(
        "comment",
        "/ideas/{public}/comments",
        {"body": "Интересно, свяжемся."},
        expect(LOGIN, REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT),
    ),
    Route.post(
        "comment members-only",
        "/ideas/{members_only}/comments",
        {"body": "Интересно"},
        expect(LOGIN, NOT_FOUND, NOT_FOUND, REDIRECT, REDIRECT, REDIRECT),
    ),
    Route.post(
        "comment a closed idea",
        "/ideas/{closed}/comments",
        {"body": "Поздно"},
        expect(LOGIN, CONFLICT, CONFLICT, CONFLICT, CONFLICT, CONFLICT),
    ),
    Route.post(
        "delete the author's comment",
        "/ideas/{public}/comments/{author_comment}/delete",
        {},
        expect(LOGIN, FORBIDDEN, FORBIDDEN, FORBIDDEN, REDIRECT, REDIRECT),
    ),
    Route.post(
        "delete the member's comment",
        "/ideas/{public}/comments/{member_comment}/delete",
        {},
        expect(LOGIN, FORBIDDEN, FORBIDDEN, REDIRECT, FORBIDDEN, REDIRECT),
    ),
    Route.post(
        "delete a comment through another idea",
        "/ideas/{closed}/comments/{member_comment}/delete",
        {},
        expect(LOGIN, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND),
    ),
)


@MATRIX.reads
def test_read_permissions(client, world, as_role, route):
    MATRIX.check_read(client, as_role, route, world)


@MATRIX.writes
def test_write_permissions(client, world, as_role, route, role):
    MATRIX.check_role(client, as_role, route, role, world)


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
