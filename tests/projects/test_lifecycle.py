"""Registering, editing, moving through statuses, progress, cancellation; field errors with 400."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import select

from marketplace.db import db
from marketplace.errors import Conflict, Forbidden, InvalidInput
from marketplace.mail.models import OutboxMessage
from marketplace.models import ConsortiumStatus, Project, ProjectKind, ProjectStatus, Visibility
from marketplace.projects import services
from tests.factories import assert_unchanged, stored_rows

from . import helpers

VALID = {
    "title": "Пилотная установка переработки ПЭТ",
    "kind": "innovation",
    "status": "idea",
    "description": "Гликолиз отходов ПЭТ в мономер.",
    "starts_on": "2030-01-10",
    "ends_on": "2031-12-31",
    "budget": "48000000",
    "budget_confidential": "y",
    "visibility": "members",
    "okpd2_codes": "20.16, 72.19",
}


def fresh(project_id: int) -> Project:
    db.session.expire_all()
    return db.session.get(Project, project_id)


def outbox() -> list[OutboxMessage]:
    db.session.expire_all()
    return list(db.session.scalars(select(OutboxMessage).order_by(OutboxMessage.id)))


def test_manager_registers_a_project(client, people, as_role):
    as_role("manager")
    lead = people.consortium.organization_id
    response = client.post("/projects/new", data={**VALID, "responsible": str(people.manager2.id), "lead": str(lead)})
    assert response.status_code == 302
    project = db.session.scalar(select(Project))
    assert response.headers["Location"].endswith(f"/projects/{project.id}/needs")
    assert project.title == VALID["title"]
    assert project.kind == ProjectKind.INNOVATION
    assert project.status == ProjectStatus.IDEA
    assert project.percent_complete == 0
    assert project.budget == Decimal(48000000)
    assert project.budget_confidential
    assert project.starts_on == dt.date(2030, 1, 10)
    assert project.ends_on == dt.date(2031, 12, 31)
    assert project.manager_id == people.manager2.id
    assert project.lead_organization_id == lead
    assert project.created_by_id == people.manager.id
    assert project.okpd2_codes == ["20.16", "72.19"]
    assert project.visibility == Visibility.MEMBERS
    assert [(e.action, e.to_status) for e in project.events] == [("created", ProjectStatus.IDEA)]


def test_new_form_proposes_me_as_responsible(client, people, as_role):
    as_role("manager")
    page = client.get("/projects/new?lang=en").get_data(as_text=True)
    assert f'<option selected value="{people.manager.id}">' in page


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"title": ""}, "title", "This field is required."),
        ({"description": ""}, "description", "This field is required."),
        ({"ends_on": "2029-12-31"}, "ends_on", "The end cannot be before the start."),
        ({"budget": "-5"}, "budget", "Number must be between"),
        ({"budget": "много"}, "budget", "Enter a number, for example 1500 or 1500.50."),
        ({"kind": "space"}, "kind", "Not a valid choice."),
        ({"status": "completed"}, "status", "Not a valid choice."),
        ({"okpd2_codes": "99.xx"}, "okpd2_codes", "Not an OKPD2 code"),
        ({"starts_on": "31.02.2030"}, "starts_on", "Not a valid date value."),
    ],
)
def test_invalid_project_is_400_with_field_error(client, people, as_role, changes, field, message):
    as_role("manager")
    response = client.post("/projects/new?lang=en", data={**VALID, **changes})
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert message in page
    assert f'id="{field}"' in page
    assert "is-invalid" in page
    assert db.session.scalar(select(Project)) is None


def test_responsible_must_be_a_manager(client, people, as_role):
    as_role("manager")
    response = client.post("/projects/new?lang=en", data={**VALID, "responsible": str(people.member.id)})
    assert response.status_code == 400
    assert "Not a valid choice." in response.get_data(as_text=True)
    assert db.session.scalar(select(Project)) is None
    with pytest.raises(InvalidInput) as error:  # the service refuses it too, for other callers
        services.create_project({**_values(), "manager_id": people.member.id}, actor=people.manager)
    assert error.value.field == "manager_id"


def _values(**kw) -> dict:
    values = {
        "title": "Проект",
        "kind": ProjectKind.JOINT_BID,
        "description": "Описание",
        "budget": None,
        "budget_confidential": True,
        "starts_on": None,
        "ends_on": None,
        "manager_id": None,
        "lead_organization_id": None,
        "visibility": Visibility.PUBLIC,
        "okpd2_codes": [],
    }
    values.update(kw)
    return values


def test_services_check_dates_and_the_actor(people):
    with pytest.raises(InvalidInput) as error:
        services.create_project(
            _values(starts_on=dt.date(2030, 5, 1), ends_on=dt.date(2030, 4, 1)), actor=people.manager
        )
    assert error.value.field == "ends_on"
    with pytest.raises(Forbidden):
        services.create_project(_values(), actor=people.member)
    with pytest.raises(InvalidInput):
        services.create_project(_values(), actor=people.manager, status=ProjectStatus.COMPLETED)


def test_edit_records_the_changed_fields(client, people, as_role):
    project = helpers.project(manager=people.manager)
    as_role("manager")
    form = client.get(f"/projects/{project.id}/edit").get_data(as_text=True)
    assert project.title in form
    assert f'<option selected value="{people.manager.id}">' in form
    response = client.post(
        f"/projects/{project.id}/edit",
        data={
            "title": "Новое название",
            "kind": "infrastructure",
            "description": project.description,
            "starts_on": "2030-01-01",
            "ends_on": "2031-06-30",
            "budget": "5000000",
            "budget_confidential": "y",
            "visibility": "public",
            "okpd2_codes": "20.16",
            "responsible": str(people.manager.id),
            "lead": "",
        },
    )
    assert response.status_code == 302
    project = fresh(project.id)
    assert project.title == "Новое название"
    assert project.kind == ProjectKind.INFRASTRUCTURE
    assert project.visibility == Visibility.PUBLIC
    assert [(e.action, e.note) for e in project.events] == [("edited", "title, kind, visibility")]


def test_status_moves_forward_only(client, people, as_role):
    project = helpers.project(status=ProjectStatus.PLANNED, percent_complete=40)
    as_role("manager")
    assert client.post(f"/projects/{project.id}/status", data={"status": "active", "note": "Старт"}).status_code == 302
    assert fresh(project.id).status == ProjectStatus.ACTIVE
    back = client.post(f"/projects/{project.id}/status?lang=en", data={"status": "planned"})
    assert back.status_code == 400
    assert "Not a valid choice." in back.get_data(as_text=True)
    assert fresh(project.id).status == ProjectStatus.ACTIVE
    assert len(fresh(project.id).events) == 1
    assert client.post(f"/projects/{project.id}/status", data={"status": "completed"}).status_code == 302
    project = fresh(project.id)
    assert project.status == ProjectStatus.COMPLETED
    assert project.percent_complete == 100
    assert [(e.action, e.from_status, e.to_status, e.note) for e in project.events] == [
        ("status_changed", ProjectStatus.PLANNED, ProjectStatus.ACTIVE, "Старт"),
        ("status_changed", ProjectStatus.ACTIVE, ProjectStatus.COMPLETED, ""),
    ]
    with pytest.raises(Conflict):
        services.change_status(project, ProjectStatus.ACTIVE, actor=people.manager)


def test_idea_may_skip_to_active(people):
    project = helpers.project(status=ProjectStatus.IDEA)
    services.change_status(project, ProjectStatus.ACTIVE, actor=people.manager)
    assert project.status == ProjectStatus.ACTIVE


def test_progress_update(client, people, as_role):
    project = helpers.project(status=ProjectStatus.ACTIVE, percent_complete=20)
    as_role("manager")
    for bad in ("150", "-1", "half", ""):
        response = client.post(f"/projects/{project.id}/progress?lang=en", data={"percent_complete": bad})
        assert response.status_code == 400, bad
        assert 'id="percent_complete"' in response.get_data(as_text=True)
    assert fresh(project.id).percent_complete == 20
    response = client.post(
        f"/projects/{project.id}/progress", data={"percent_complete": "55", "note": "Проект прошёл экспертизу"}
    )
    assert response.status_code == 302
    project = fresh(project.id)
    assert project.percent_complete == 55
    assert [(e.action, e.percent_complete, e.note) for e in project.events] == [
        ("progress_updated", 55, "Проект прошёл экспертизу")
    ]
    page = client.get(f"/projects/{project.id}").get_data(as_text=True)
    assert 'aria-valuenow="55"' in page
    assert "width: 55%" in page


def test_cancel_needs_a_reason_and_tells_the_participants(client, people, as_role):
    project = helpers.project(title="Закупка пропилена")
    helpers.consortium_member(project, people.consortium.organization)
    helpers.consortium_member(project, people.invited.organization, status=ConsortiumStatus.INVITED)
    helpers.consortium_member(project, people.member.organization, status=ConsortiumStatus.DECLINED)
    as_role("manager")
    empty = client.post(f"/projects/{project.id}/cancel?lang=en", data={"reason": "  "})
    assert empty.status_code == 400
    assert "This field is required." in empty.get_data(as_text=True)
    assert fresh(project.id).status == ProjectStatus.PLANNED
    assert fresh(project.id).events == []
    assert outbox() == []
    assert client.post(f"/projects/{project.id}/cancel", data={"reason": "Нет финансирования"}).status_code == 302
    project = fresh(project.id)
    assert project.status == ProjectStatus.CANCELLED
    assert [(e.action, e.to_status, e.note) for e in project.events] == [
        ("cancelled", ProjectStatus.CANCELLED, "Нет финансирования")
    ]
    mails = outbox()
    expected = {people.consortium.email, people.colleague.email, people.invited.email}
    assert {m.recipient for m in mails} == expected  # not the organization that declined
    assert all("Закупка пропилена" in m.subject and "Нет финансирования" in m.body for m in mails)


def test_closed_project_no_longer_changes(client, people, as_role):
    project = helpers.project(status=ProjectStatus.COMPLETED, percent_complete=100)
    as_role("manager")
    before = stored_rows()
    assert client.get(f"/projects/{project.id}/edit").status_code == 409
    assert client.post(f"/projects/{project.id}/progress", data={"percent_complete": "10"}).status_code == 409
    assert client.get(f"/projects/{project.id}/invite").status_code == 409
    assert client.get(f"/projects/{project.id}/needs").status_code == 409
    assert client.post(f"/projects/{project.id}/cancel", data={"reason": "x"}).status_code == 409
    assert_unchanged(before)  # still completed at 100 %, no history event, no mail
    with pytest.raises(Conflict):
        services.update_project(project, _values(), actor=people.manager)
    page = client.get(f"/projects/{project.id}?lang=en").get_data(as_text=True)
    assert 'data-testid="project-actions"' not in page
    assert 'data-testid="progress-form"' not in page


def test_status_form_on_the_page_offers_only_next_steps(client, people, as_role):
    project = helpers.project(status=ProjectStatus.PLANNED)
    as_role("manager")
    page = client.get(f"/projects/{project.id}?lang=en").get_data(as_text=True)
    form = page.split('data-testid="status-form"')[1].split("</form>")[0]
    assert 'value="active"' in form
    assert 'value="planned"' not in form
    assert 'value="completed"' not in form


def test_member_cannot_register_a_project(client, as_role):
    as_role("member")
    assert client.post("/projects/new", data=VALID).status_code == 403
    assert db.session.scalar(select(Project)) is None
