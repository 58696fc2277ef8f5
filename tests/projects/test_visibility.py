"""What each role sees: the register, the confidential budget, the consortium, the history, the proposal."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from marketplace.db import db
from marketplace.models import ConsortiumStatus, Project, ProjectKind, ProjectStatus, Visibility
from marketplace.projects import consortium

from . import helpers
from .conftest import ROLES, SECRET_BUDGET


def flat(text: str) -> str:
    return re.sub(r"[\s\u00a0\u202f]", "", text)


def page(client, url: str) -> str:
    return client.get(url + ("&" if "?" in url else "?") + "lang=en").get_data(as_text=True)


@pytest.mark.parametrize("role", ROLES)
def test_register_shows_what_each_role_may_see(client, world, as_role, role):
    as_role(role)
    listed = page(client, "/projects/")
    shown = {
        title
        for title in (
            "Пилотная установка ПЭТ",
            "Совместная закупка пропилена",
            "Идея: ЦКП испытаний ЛКМ",
            "Отменённая заявка",
        )
        if title in listed
    }
    members = role in ("member", "consortium", "invited", "manager")
    expected = {"Совместная закупка пропилена", "Отменённая заявка"}
    if members:
        expected.add("Пилотная установка ПЭТ")
    if role == "manager":
        expected.add("Идея: ЦКП испытаний ЛКМ")
    assert shown == expected


def test_an_idea_is_visible_to_invited_organizations(client, people, as_role):
    idea = helpers.project(title="Идея для приглашённых", status=ProjectStatus.IDEA, visibility=Visibility.PUBLIC)
    helpers.consortium_member(idea, people.invited.organization, status=ConsortiumStatus.INVITED)
    as_role("invited")
    assert client.get(f"/projects/{idea.id}").status_code == 200
    assert "Идея для приглашённых" in page(client, "/projects/")
    as_role("member")
    assert client.get(f"/projects/{idea.id}").status_code == 404
    assert "Идея для приглашённых" not in page(client, "/projects/")


@pytest.mark.parametrize("role", ROLES)
def test_confidential_budget_only_for_the_manager_and_accepted_members(client, world, as_role, role):
    as_role(role)
    entitled = role in ("consortium", "manager")
    for url in (f"/projects/{world.project}", "/projects/", f"/api/v1/projects/{world.project}", "/api/v1/projects"):
        assert (SECRET_BUDGET in flat(client.get(url).get_data(as_text=True))) == entitled, url
    # the portfolio shows budgets to the manager only
    assert (SECRET_BUDGET in flat(client.get("/projects/portfolio").get_data(as_text=True))) == (role == "manager")


def test_open_budget_is_shown_to_everyone_who_sees_the_project(client, world, as_role):
    project = db.session.get(Project, world.public)
    project.budget = Decimal(777000)
    db.session.commit()
    for role in ROLES:
        as_role(role)
        assert "777000" in flat(client.get(f"/projects/{world.public}").get_data(as_text=True)), role
        assert "777000" in flat(client.get("/projects/").get_data(as_text=True)), role


def test_consortium_rows_by_role(client, people, world, as_role):
    helpers.consortium_member(
        db.session.get(Project, world.project),
        people.member.organization,
        status=ConsortiumStatus.DECLINED,
        role="Отказавшийся",
    )
    expectations = {
        "manager": {"Головной исполнитель", "Механообработка", "Отказавшийся"},
        "consortium": {"Головной исполнитель", "Механообработка"},
        "invited": {"Головной исполнитель", "Механообработка"},
        "member": {"Головной исполнитель", "Отказавшийся"},  # accepted rows, and its own row
    }
    for role, roles in expectations.items():
        as_role(role)
        section = page(client, f"/projects/{world.project}").split('data-testid="consortium"')[1].split("</section>")[0]
        shown = {name for name in ("Головной исполнитель", "Механообработка", "Отказавшийся") if name in section}
        assert shown == roles, role
        assert ('data-status="declined"' in section) == (role in ("manager", "member")), role


def test_history_for_the_manager_and_accepted_members_private_notes_for_the_manager(client, people, world, as_role):

    project = db.session.get(Project, world.project)
    member = db.session.get(type(project.members[0]), world.invitation)
    consortium.respond_to_invitation(member, accept=False, actor=people.invited, message="ЗАНЯТЫ-ДО-ОСЕНИ")
    db.session.commit()
    seen = {}
    for role in ROLES:
        as_role(role)
        body = page(client, f"/projects/{world.project}")
        seen[role] = ('data-testid="project-history"' in body, "ЗАНЯТЫ-ДО-ОСЕНИ" in body)
    assert seen["manager"] == (True, True)
    assert seen["consortium"] == (True, False)
    assert all(seen[role] == (False, False) for role in ("guest", "registered", "outsider", "member", "invited"))


def test_proposal_section_is_empty_and_for_the_manager_only(client, world, as_role):
    as_role("manager")
    body = page(client, f"/projects/{world.project}")
    assert 'data-testid="project-proposal"' in body  # the matcher's proposal (tests/suggestions/test_proposal.py)
    for role in ("member", "consortium", "invited"):
        as_role(role)
        assert 'id="consortium-proposal"' not in page(client, f"/projects/{world.project}"), role


def test_filters(client, people, world, as_role):
    bid = helpers.project(
        title="Заявка на тендер водоподготовки",
        kind=ProjectKind.JOINT_BID,
        status=ProjectStatus.ACTIVE,
        lead_organization=people.member.organization,
        description="Поставка оборудования",
    )
    as_role("manager")

    def titles(query: str) -> set[str]:
        body = page(client, "/projects/?" + query)
        return {
            t
            for t in (
                "Пилотная установка ПЭТ",
                "Совместная закупка пропилена",
                "Идея: ЦКП испытаний ЛКМ",
                "Отменённая заявка",
                bid.title,
            )
            if t in body
        }

    assert titles("kind=joint_bid") == {bid.title}
    assert titles("status=cancelled") == {"Отменённая заявка"}
    assert titles("q=ОБОРУДОВАНИЯ") == {bid.title}  # in the description, any case
    assert titles(f"org={people.consortium.organization_id}") == {"Пилотная установка ПЭТ"}  # accepted member
    assert titles(f"org={people.member.organization_id}") == {bid.title}  # lead organization
    assert titles(f"org={people.invited.organization_id}") == set()  # invited is not participating yet
    assert len(titles("kind=bogus&status=nope")) == 5  # bad values are ignored
    options = page(client, "/projects/").split('name="org"')[1].split("</select>")[0]
    assert people.consortium.organization.name_en in options or people.consortium.organization.name_ru in options
    assert people.invited.organization.name_ru not in options
