"""Posting, editing, closing and reopening ideas; the form's rules; the KPI counts."""

from __future__ import annotations

import pytest

from marketplace.db import db
from marketplace.errors import InvalidInput
from marketplace.ideas import services
from marketplace.models import Idea, IdeaKind, IdeaStatus, Visibility
from tests import factories


def _latest() -> Idea:
    db.session.expire_all()
    return db.session.scalars(db.select(Idea).order_by(Idea.id.desc())).first()


def test_a_member_posts_an_idea_with_competencies(client, login, people):
    parent = factories.competency(name_ru="Испытания")
    child = factories.competency(parent=parent, name_ru="Климатические испытания")
    login(people.member)
    response = client.post(
        "/ideas/new",
        data={
            "kind": "proposal",
            "title": "Совместный центр испытаний покрытий",
            "body": "Предлагаем объединить камеры.",
            "competencies": [str(child.id)],
            "visibility": "members",
        },
    )
    assert response.status_code == 302
    idea = _latest()
    assert response.headers["Location"].endswith(f"/ideas/{idea.id}")
    assert idea.author_id == people.member.id
    assert idea.organization_id == people.member.organization_id
    assert idea.kind == IdeaKind.PROPOSAL
    assert idea.status == IdeaStatus.OPEN
    assert idea.visibility == Visibility.MEMBERS
    assert [c.id for c in idea.competencies] == [child.id]
    assert idea.converted_project_id is None
    page = client.get(f"/ideas/{idea.id}?lang=en").get_data(as_text=True)
    assert "Joint project proposal" in page
    assert child.name_en in page


def test_a_registered_user_without_organization_posts_public_ideas_only(client, login, people):
    login(people.registered)
    form = client.get("/ideas/new").get_data(as_text=True)
    assert 'name="visibility"' not in form
    response = client.post(
        "/ideas/new",
        data={
            "kind": "request",
            "title": "Нужен технолог по полимерам",
            "body": "Консультация по рецептуре ПВХ-пластиката.",
            "visibility": "members",
        },
    )  # not offered: ignored
    assert response.status_code == 302
    idea = _latest()
    assert idea.organization_id is None
    assert idea.visibility == Visibility.PUBLIC


def test_the_service_refuses_members_only_ideas_of_non_members(app, people):
    values = {"kind": IdeaKind.OFFER, "title": "Т", "body": "Б", "visibility": Visibility.MEMBERS}
    with pytest.raises(InvalidInput):
        services.post_idea(people.outsider, values, competencies=[])
    assert services.post_idea(people.member, values, competencies=[]).visibility == Visibility.MEMBERS


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"title": ""}, "This field is required."),
        ({"body": ""}, "This field is required."),
        ({"kind": "rumour"}, "Not a valid choice."),
        ({"title": "x" * 256}, "Field cannot be longer than 255 characters."),
        ({"competencies": ["999999"]}, "not a valid choice"),
    ],
)
def test_bad_input_is_refused_with_400(client, login, people, data, message):
    login(people.member)
    response = client.post("/ideas/new?lang=en", data={"kind": "request", "title": "Т", "body": "Б", **data})
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    assert _latest() is None


def test_the_author_edits_an_open_idea(client, login, people, idea):
    login(people.author)
    page = client.get(f"/ideas/{idea.id}/edit").get_data(as_text=True)
    assert idea.title in page
    response = client.post(
        f"/ideas/{idea.id}/edit",
        data={
            "kind": "offer",
            "title": "Исправленный заголовок",
            "body": "Новый текст",
            "visibility": "public",
            "save": "1",
        },
    )
    assert response.status_code == 302
    edited = _latest()
    assert edited.title == "Исправленный заголовок"
    assert edited.kind == IdeaKind.OFFER
    assert client.post(f"/ideas/{idea.id}/edit", data={"kind": "offer", "title": "", "body": "x"}).status_code == 400
    kept = _latest()
    assert (kept.title, kept.body) == ("Исправленный заголовок", "Новый текст")


def test_close_and_reopen(client, login, people, idea):
    login(people.author)
    assert client.post(f"/ideas/{idea.id}/close").status_code == 302
    closed = _latest()
    assert closed.status == IdeaStatus.CLOSED
    assert closed.closed_at is not None
    page = client.get(f"/ideas/{idea.id}?lang=en").get_data(as_text=True)
    assert "The idea is closed" in page
    assert 'data-testid="comment-form"' not in page
    assert 'data-testid="edit-idea"' not in page
    assert client.post(f"/ideas/{idea.id}/close").status_code == 409
    assert client.get(f"/ideas/{idea.id}/edit").status_code == 409
    assert _latest().status == IdeaStatus.CLOSED
    assert _latest().closed_at == closed.closed_at
    login(people.manager)  # the manager may reopen too
    assert client.post(f"/ideas/{idea.id}/reopen").status_code == 302
    reopened = _latest()
    assert reopened.status == IdeaStatus.OPEN
    assert reopened.closed_at is None
    assert client.post(f"/ideas/{idea.id}/reopen").status_code == 409
    assert _latest().status == IdeaStatus.OPEN
