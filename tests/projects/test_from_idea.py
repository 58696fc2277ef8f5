"""The manager turns an idea of the idea exchange into a project: prefilled form, the idea closed and linked."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from marketplace.db import db
from marketplace.errors import Conflict
from marketplace.models import Idea, IdeaKind, IdeaStatus, Project, ProjectStatus, Visibility
from marketplace.projects import services
from tests.ideas import helpers as idea_helpers

from .test_lifecycle import VALID


@pytest.fixture
def proposal(people):
    return idea_helpers.idea(
        people.member,
        kind=IdeaKind.PROPOSAL,
        title="Совместная линия рециклинга ПЭТ",
        body="Предлагаем объединиться: у нас сырьё, нужен партнёр с экструдером.",
    )


def test_manager_sees_the_button_and_a_prefilled_form(client, people, as_role, proposal):
    as_role("manager")
    page = client.get(f"/ideas/{proposal.id}?lang=ru").get_data(as_text=True)
    assert f"/projects/new?idea={proposal.id}" in page
    form = client.get(f"/projects/new?idea={proposal.id}&lang=ru")
    html = form.get_data(as_text=True)
    assert form.status_code == 200
    assert 'value="Совместная линия рециклинга ПЭТ"' in html
    assert "нужен партнёр с экструдером" in html
    assert f'action="/projects/new?idea={proposal.id}"' in html
    as_role("member")
    assert f"/projects/new?idea={proposal.id}" not in client.get(f"/ideas/{proposal.id}").get_data(as_text=True)
    assert client.get(f"/projects/new?idea={proposal.id}").status_code == 403


def test_registering_links_and_closes_the_idea(client, people, as_role, proposal):
    as_role("manager")
    data = {**VALID, "title": "Линия рециклинга ПЭТ", "visibility": "public", "status": "planned"}
    response = client.post(f"/projects/new?idea={proposal.id}", data=data)
    assert response.status_code == 302
    project = db.session.scalar(select(Project))
    db.session.expire_all()
    idea = db.session.get(Idea, proposal.id)
    assert idea.converted_project_id == project.id
    assert idea.status == IdeaStatus.CLOSED
    assert idea.closed_at is not None
    assert "Совместная линия рециклинга ПЭТ" in project.events[0].note
    # the idea page names the project to those who may open it
    as_role("member")
    page = client.get(f"/ideas/{proposal.id}").get_data(as_text=True)
    assert 'data-testid="idea-project"' in page
    assert f"/projects/{project.id}" in page
    # a second conversion goes to the existing project instead
    as_role("manager")
    again = client.get(f"/projects/new?idea={proposal.id}")
    assert again.status_code == 302
    assert again.headers["Location"].endswith(f"/projects/{project.id}")
    assert client.post(f"/projects/new?idea={proposal.id}", data=data).status_code == 302
    assert len(db.session.scalars(select(Project)).all()) == 1


def test_a_members_only_project_is_not_named_to_guests(client, people, as_role, proposal):
    project = services.create_project(
        {
            **dict.fromkeys(services.PROJECT_FIELDS),
            "title": "Закрытый проект",
            "kind": "innovation",
            "description": "",
            "budget_confidential": True,
            "visibility": Visibility.MEMBERS,
            "okpd2_codes": [],
            "manager_id": people.manager.id,
        },
        actor=people.manager,
        status=ProjectStatus.PLANNED,
        idea=proposal,
    )
    db.session.commit()
    page = client.get(f"/ideas/{proposal.id}").get_data(as_text=True)
    assert "Закрытый проект" not in page
    assert f"/projects/{project.id}" not in page
    with pytest.raises(Conflict):
        services.create_project(
            {
                **dict.fromkeys(services.PROJECT_FIELDS),
                "title": "Ещё один",
                "kind": "innovation",
                "description": "",
                "budget_confidential": True,
                "visibility": Visibility.MEMBERS,
                "okpd2_codes": [],
            },
            actor=people.manager,
            status=ProjectStatus.PLANNED,
            idea=proposal,
        )


def test_unknown_idea_is_404(client, people, as_role):
    as_role("manager")
    assert client.get("/projects/new?idea=999999").status_code == 404
    assert client.get("/projects/new?idea=abc").status_code == 404
