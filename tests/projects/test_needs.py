"""The needs editor and the coverage of needs by the consortium."""

from __future__ import annotations

from marketplace.db import db
from marketplace.models import ConsortiumStatus, OrgKind, Project, ProjectNeed
from marketplace.projects.queries import coverage
from tests import factories

from . import helpers


def fresh_project(project_id: int) -> Project:
    db.session.expire_all()
    return db.session.get(Project, project_id)


def test_add_edit_and_remove_needs(client, people, world, as_role):
    competency = factories.competency(name_ru="Разработка рецептур", name_en="Formulation")
    as_role("manager")
    url = f"/projects/{world.project}/needs"
    response = client.post(
        url,
        data={
            "title": "Логистика сырья",
            "description": "Ж/д цистерны",
            "competency": str(competency.id),
            "org_kind": "large",
            "partners_needed": "2",
        },
    )
    assert response.status_code == 302
    assert response.headers["Location"].endswith(url)
    project = fresh_project(world.project)
    added = project.needs[-1]
    assert (added.title, added.description, added.competency_id, added.org_kind, added.partners_needed) == (
        "Логистика сырья",
        "Ж/д цистерны",
        competency.id,
        OrgKind.LARGE,
        2,
    )
    assert added.position > max(n.position for n in project.needs[:-1])

    edit = client.get(f"{url}/{added.id}/edit").get_data(as_text=True)
    assert f'<option selected value="{competency.id}">' in edit
    assert '<option selected value="large">' in edit
    response = client.post(
        f"{url}/{added.id}/edit", data={"title": "Логистика", "competency": "", "org_kind": "", "partners_needed": "1"}
    )
    assert response.status_code == 302
    need = db.session.get(ProjectNeed, added.id)
    db.session.refresh(need)
    assert (need.title, need.competency_id, need.org_kind, need.partners_needed) == ("Логистика", None, None, 1)

    assert client.post(f"{url}/{world.recipe}/delete").status_code == 302
    project = fresh_project(world.project)
    assert world.recipe not in {n.id for n in project.needs}
    accepted = next(m for m in project.members if m.id == world.accepted)
    assert accepted.needs == []  # it no longer covers the removed need
    assert [e.action for e in project.events] == ["need_added", "need_edited", "need_removed"]


def test_invalid_need_is_400(client, world, as_role):
    as_role("manager")
    url = f"/projects/{world.project}/needs?lang=en"
    for data, message in (
        ({"title": "", "partners_needed": "1"}, "This field is required."),
        ({"title": "X", "partners_needed": "0"}, "Number must be between 1 and 100."),
        ({"title": "X", "partners_needed": "1", "org_kind": "alien"}, "Not a valid choice."),
        ({"title": "X", "partners_needed": "1", "competency": "999999"}, "Not a valid choice."),
    ):
        response = client.post(url, data=data)
        assert response.status_code == 400, data
        assert message in response.get_data(as_text=True), data
    assert len(fresh_project(world.project).needs) == 2


def test_coverage_states(people):
    project = helpers.project()
    one = helpers.need(project, title="Одна", partners_needed=1)
    two = helpers.need(project, title="Две", partners_needed=2)
    nobody = helpers.need(project, title="Никто")
    orgs = [factories.organization() for _ in range(4)]
    accepted = helpers.consortium_member(project, orgs[0], needs=[one, two])
    invited = helpers.consortium_member(project, orgs[1], status=ConsortiumStatus.INVITED, needs=[two])
    helpers.consortium_member(project, orgs[2], status=ConsortiumStatus.DECLINED, needs=[nobody])
    helpers.consortium_member(project, orgs[3], status=ConsortiumStatus.REMOVED, needs=[nobody])
    result = {entry.need.title: entry for entry in coverage(project.needs, project.members)}
    assert result["Одна"].state == "covered"
    assert result["Одна"].accepted == [accepted]
    assert result["Две"].state == "pending"
    assert result["Две"].invited == [invited]
    assert result["Две"].missing == 0
    assert result["Никто"].state == "uncovered"
    assert result["Никто"].missing == 1
    # with only the accepted rows (what an outsider of the consortium sees) the second need is a gap
    only_accepted = {e.need.title: e for e in coverage(project.needs, [accepted])}
    assert only_accepted["Две"].state == "uncovered"
    assert only_accepted["Две"].missing == 1


def test_project_page_highlights_uncovered_needs(client, world, as_role):
    as_role("manager")
    page = client.get(f"/projects/{world.project}?lang=en").get_data(as_text=True)
    assert 'data-coverage="covered"' in page  # the recipe, by the accepted member
    assert 'data-coverage="uncovered"' in page  # machining: 2 partners, 1 invited
    assert "need-uncovered" in page
    assert "Not covered" in page
