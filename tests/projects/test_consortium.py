"""The consortium workflow: invite → accept / decline (once), remove, invite again, change a member's part;
every step in the history and in the other side's mailbox."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from marketplace.db import db
from marketplace.errors import Conflict, Forbidden, InvalidInput
from marketplace.mail.models import OutboxMessage
from marketplace.models import ConsortiumMember, ConsortiumStatus, Project, ProjectStatus, User
from marketplace.projects import consortium
from tests import factories
from tests.concurrency import COMMITTED, CONFLICT
from tests.factories import assert_unchanged, fresh, stored_rows

from . import helpers


def outbox() -> list[OutboxMessage]:
    db.session.expire_all()
    return list(db.session.scalars(select(OutboxMessage).order_by(OutboxMessage.id)))


def actions(project_id: int) -> list[str]:
    return [event.action for event in fresh(Project, project_id).events]


def test_manager_invites_a_member_organization(client, people, world, as_role):
    colleague = factories.user(organization=people.member.organization, locale="en")
    as_role("manager")
    form = client.get(f"/projects/{world.project}/invite").get_data(as_text=True)
    assert people.member.organization.name_ru in form
    assert people.outsider.organization.name_ru not in form  # not a member of the cluster
    assert people.consortium.organization.name_ru not in form  # already in the consortium
    response = client.post(
        f"/projects/{world.project}/invite",
        data={
            "organization": str(people.member.organization_id),
            "role": "Поставщик сырья",
            "needs": [str(world.machining)],
            "message": "Нужна механообработка корпусов",
        },
    )
    assert response.status_code == 302
    member = db.session.scalar(
        select(ConsortiumMember).where(ConsortiumMember.organization_id == people.member.organization_id)
    )
    assert member.status == ConsortiumStatus.INVITED
    assert member.role == "Поставщик сырья"
    assert [n.id for n in member.needs] == [world.machining]
    assert member.invited_by_id == people.manager.id
    assert member.message == "Нужна механообработка корпусов"
    event = fresh(Project, world.project).events[-1]
    assert (event.action, event.organization_id) == ("invited", people.member.organization_id)

    mails = {m.recipient: m for m in outbox()}
    assert set(mails) == {people.member.email, colleague.email}  # every user of the invited organization
    assert "Пилотная установка ПЭТ" in mails[people.member.email].subject
    assert "Приглашение" in mails[people.member.email].subject  # Russian for the Russian-speaking user
    assert mails[colleague.email].subject.startswith("Invitation")  # each in their own language
    body = mails[people.member.email].body
    assert "Поставщик сырья" in body
    assert "Механообработка корпусов" in body
    assert f"/projects/{world.project}" in body


def test_invite_form_errors_are_400(client, people, world, as_role):
    as_role("manager")
    before = stored_rows()
    for data in (
        {"organization": "", "role": "Роль"},
        {"organization": str(people.outsider.organization_id), "role": "Роль"},
        {"organization": str(people.member.organization_id), "role": ""},
        {"organization": str(people.member.organization_id), "role": "Роль", "needs": ["999999"]},
    ):
        assert client.post(f"/projects/{world.project}/invite", data=data).status_code == 400, data
    assert_unchanged(before)  # nobody invited, no history event, no mail


def test_invite_service_rules(people, world):
    project = db.session.get(Project, world.project)
    with pytest.raises(InvalidInput) as error:
        consortium.invite_to_consortium(project, people.outsider.organization, role="x", actor=people.manager)
    assert error.value.field == "organization"
    with pytest.raises(Conflict):  # already invited
        consortium.invite_to_consortium(project, people.invited.organization, role="x", actor=people.manager)
    db.session.rollback()
    other = helpers.project()
    foreign_need = helpers.need(other)
    project = db.session.get(Project, world.project)
    with pytest.raises(InvalidInput):
        consortium.invite_to_consortium(
            project, people.member.organization, role="x", needs=[foreign_need], actor=people.manager
        )
    db.session.rollback()
    with pytest.raises(Forbidden):
        consortium.invite_to_consortium(
            db.session.get(Project, world.project), people.member.organization, role="x", actor=people.consortium
        )


def test_invited_user_accepts_and_the_responsible_manager_hears(client, people, world, as_role):
    as_role("invited")
    page = client.get(f"/projects/{world.project}?lang=en").get_data(as_text=True)
    assert 'data-testid="my-invitation"' in page
    assert "Приглашаем присоединиться" in page
    response = client.post(
        f"/projects/{world.project}/consortium/{world.invitation}/respond",
        data={"accept": "1", "message": "Готовы приступить в марте"},
    )
    assert response.status_code == 302
    member = fresh(ConsortiumMember, world.invitation)
    assert member.status == ConsortiumStatus.ACCEPTED
    assert member.responded_by_id == people.invited.id
    assert member.response_message == "Готовы приступить в марте"
    assert member.responded_at is not None
    assert actions(world.project) == ["accepted"]
    mails = outbox()
    assert [m.recipient for m in mails] == [people.manager.email]  # the responsible manager, not manager2
    assert "АО «Приглашённый»" in mails[0].subject
    assert "Готовы приступить в марте" in mails[0].body


def test_decline_without_a_responsible_manager_mails_every_manager(client, people, world, as_role):
    project = fresh(Project, world.project)
    project.manager_id = None
    db.session.commit()
    as_role("invited")
    response = client.post(
        f"/projects/{world.project}/consortium/{world.invitation}/respond",
        data={"decline": "1", "message": "Нет мощностей"},
    )
    assert response.status_code == 302
    assert fresh(ConsortiumMember, world.invitation).status == ConsortiumStatus.DECLINED
    assert actions(world.project) == ["declined"]
    assert {m.recipient for m in outbox()} == {people.manager.email, people.manager2.email}


def test_an_invitation_is_answered_once(client, people, world, as_role, login):
    as_role("invited")
    url = f"/projects/{world.project}/consortium/{world.invitation}/respond"
    assert client.post(url, data={"accept": "1"}).status_code == 302
    again = client.post(url + "?lang=en", data={"decline": "1"})
    assert again.status_code == 409
    assert "already been answered" in again.get_data(as_text=True)
    login(factories.user(organization=people.invited.organization))  # a colleague tries too
    assert client.post(url, data={"decline": "1"}).status_code == 409
    assert fresh(ConsortiumMember, world.invitation).status == ConsortiumStatus.ACCEPTED
    assert actions(world.project) == ["accepted"]
    assert len(outbox()) == 1


def test_answer_needs_a_choice(client, world, as_role):
    as_role("invited")
    url = f"/projects/{world.project}/consortium/{world.invitation}/respond?lang=en"
    response = client.post(url, data={"message": "Думаем"})
    assert response.status_code == 400
    assert "Choose to accept or to decline." in response.get_data(as_text=True)
    assert fresh(ConsortiumMember, world.invitation).status == ConsortiumStatus.INVITED


def test_no_answer_once_the_project_is_closed(client, world, as_role):
    project = fresh(Project, world.project)
    project.status = ProjectStatus.CANCELLED
    db.session.commit()
    as_role("invited")
    response = client.post(f"/projects/{world.project}/consortium/{world.invitation}/respond", data={"accept": "1"})
    assert response.status_code == 409
    assert fresh(ConsortiumMember, world.invitation).status == ConsortiumStatus.INVITED


def test_answer_race_answers_once(app, rendezvous, people, world):
    """Two users of the invited organization answer at the same moment: one wins, the other gets Conflict."""
    second = factories.user(organization=people.invited.organization)

    def answer(user_id: int, accept: bool) -> None:
        actor = db.session.get(User, user_id)
        member = db.session.get(ConsortiumMember, world.invitation)
        rendezvous.wait()
        consortium.respond_to_invitation(member, accept=accept, actor=actor)

    answers = [(people.invited.id, True), (second.id, False)]
    outcomes = rendezvous.in_sessions(app, answer, answers)
    assert sorted(outcomes) == [COMMITTED, CONFLICT], outcomes
    winner = "accept" if answers[outcomes.index(COMMITTED)][1] else "decline"
    member = fresh(ConsortiumMember, world.invitation)
    assert member.status == (ConsortiumStatus.ACCEPTED if winner == "accept" else ConsortiumStatus.DECLINED)
    assert actions(world.project) == ["accepted" if winner == "accept" else "declined"]


def test_remove_and_invite_again(client, people, world, as_role):
    as_role("manager")
    url = f"/projects/{world.project}/consortium/{world.accepted}/remove"
    assert client.post(url, data={"reason": "Сменился состав работ"}).status_code == 302
    member = fresh(ConsortiumMember, world.accepted)
    assert member.status == ConsortiumStatus.REMOVED  # the row is kept for the history
    assert client.post(url).status_code == 409  # removed already
    assert fresh(ConsortiumMember, world.accepted).status == ConsortiumStatus.REMOVED
    assert actions(world.project) == ["removed"]
    removal = [m for m in outbox() if m.recipient == people.consortium.email]
    assert len(removal) == 1
    assert "Сменился состав работ" in removal[0].body

    # the manager sees the removed row with "Invite again"; the form comes prefilled with the last part
    page = client.get(f"/projects/{world.project}").get_data(as_text=True)
    assert f"/invite?org={people.consortium.organization_id}" in page
    form = client.get(f"/projects/{world.project}/invite?org={people.consortium.organization_id}")
    assert "Головной исполнитель" in form.get_data(as_text=True)
    response = client.post(
        f"/projects/{world.project}/invite",
        data={
            "organization": str(people.consortium.organization_id),
            "role": "Соисполнитель",
            "needs": [str(world.recipe)],
            "message": "Возвращайтесь",
        },
    )
    assert response.status_code == 302
    member = fresh(ConsortiumMember, world.accepted)  # the same row, invited again
    assert member.status == ConsortiumStatus.INVITED
    assert member.role == "Соисполнитель"
    assert member.responded_at is None
    assert member.response_message == ""
    assert actions(world.project) == ["removed", "reinvited"]


def test_declined_organization_can_be_invited_again(people, world):
    project = db.session.get(Project, world.project)
    member = db.session.get(ConsortiumMember, world.invitation)
    consortium.respond_to_invitation(member, accept=False, actor=people.invited)
    consortium.invite_to_consortium(project, people.invited.organization, role="Ещё раз", actor=people.manager)
    db.session.commit()
    assert fresh(ConsortiumMember, world.invitation).status == ConsortiumStatus.INVITED
    assert actions(world.project) == ["declined", "reinvited"]


def test_change_a_members_role_and_needs(client, people, world, as_role):
    as_role("manager")
    form = client.get(f"/projects/{world.project}/consortium/{world.accepted}/edit").get_data(as_text=True)
    assert f'<option selected value="{world.recipe}">' in form
    response = client.post(
        f"/projects/{world.project}/consortium/{world.accepted}/edit",
        data={"role": "Головной исполнитель", "needs": [str(world.recipe), str(world.machining)]},
    )
    assert response.status_code == 302
    member = fresh(ConsortiumMember, world.accepted)
    assert sorted(n.id for n in member.needs) == sorted([world.recipe, world.machining])
    event = fresh(Project, world.project).events[-1]
    assert event.action == "member_updated"
    assert "Механообработка корпусов" in event.note
    assert {m.recipient for m in outbox()} == {people.consortium.email, people.colleague.email}
    # nothing changed: no event, no mail
    response = client.post(
        f"/projects/{world.project}/consortium/{world.accepted}/edit",
        data={"role": "Головной исполнитель", "needs": [str(world.recipe), str(world.machining)]},
    )
    assert response.status_code == 302
    assert actions(world.project) == ["member_updated"]
    assert len(outbox()) == 2
    bad = client.post(f"/projects/{world.project}/consortium/{world.accepted}/edit", data={"role": ""})
    assert bad.status_code == 400
    member = fresh(ConsortiumMember, world.accepted)
    assert member.role == "Головной исполнитель"
    assert sorted(n.id for n in member.needs) == sorted([world.recipe, world.machining])
    assert actions(world.project) == ["member_updated"]


def test_invitations_page_lists_my_organizations_invitations(client, people, world, as_role):
    other = helpers.project(title="Совместная закупка сырья")
    helpers.consortium_member(other, people.invited.organization, status=ConsortiumStatus.DECLINED)
    as_role("invited")
    page = client.get("/projects/invitations?lang=en").get_data(as_text=True)
    assert "Пилотная установка ПЭТ" in page
    assert "Совместная закупка сырья" in page
    assert page.index("Пилотная установка ПЭТ") < page.index("Совместная закупка сырья")  # open ones first
    assert page.count('data-testid="respond-form"') == 1
    response = client.post(
        f"/projects/{world.project}/consortium/{world.invitation}/respond",
        data={"accept": "1", "next": "/projects/invitations"},
    )
    assert response.headers["Location"].endswith("/projects/invitations")
    assert fresh(ConsortiumMember, world.invitation).status == ConsortiumStatus.ACCEPTED
    as_role("member")
    assert "Пилотная установка ПЭТ" not in client.get("/projects/invitations").get_data(as_text=True)
