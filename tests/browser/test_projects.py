"""The consortium journey: the manager registers a project, states a need and invites a member;
the member's user accepts on the project page; the manager sees the need covered."""

from __future__ import annotations

from playwright.sync_api import expect
from sqlalchemy import select

from marketplace.db import db
from marketplace.models import ConsortiumMember, ConsortiumStatus, OutboxMessage, Project, ProjectStatus
from tests import factories

from .support import path_of, reread, submit


def test_manager_assembles_a_consortium_and_the_member_accepts(new_page):
    manager = factories.manager(email="manager@cluster.test")
    partner = factories.member(name_ru="АО «НИИ химической технологии «Синтез»")
    manager_page = new_page(manager)

    manager_page.goto("/projects/")
    manager_page.click("[data-testid=new-project]")
    form = manager_page.locator("[data-testid=project-form]")
    form.locator("input[name=title]").fill("Пилотная установка химической переработки отходов ПЭТ")
    form.locator("textarea[name=description]").fill("Гликолиз отходов ПЭТ в мономер, 500 т/год.")
    form.locator("input[name=starts_on]").fill("2030-03-01")
    form.locator("input[name=ends_on]").fill("2030-01-01")  # before the start: refused, typed values kept
    assert submit(manager_page, "[data-testid=save-project]").status == 400
    expect(form.locator("input[name=ends_on].is-invalid")).to_be_visible()
    form.locator("input[name=ends_on]").fill("2031-12-31")
    form.locator("select[name=status]").select_option("active")
    assert submit(manager_page, "[data-testid=save-project]").status == 200  # on to the needs editor

    needs = manager_page.locator("[data-testid=need-form]")
    needs.locator("input[name=title]").fill("Отработка технологии гликолиза")
    assert submit(manager_page, "[data-testid=save-need]").status == 200
    expect(manager_page.locator("[data-testid=needs-list] [data-testid=need]")).to_have_count(1)

    manager_page.goto(path_of(manager_page).removesuffix("/needs"))
    expect(manager_page.locator("[data-testid=need][data-coverage=uncovered]")).to_be_visible()
    manager_page.click("[data-testid=invite-organization]")
    invite = manager_page.locator("[data-testid=invite-form]")
    invite.locator("select[name=organization]").select_option(str(partner.organization_id))
    invite.locator("input[name=role]").fill("Разработчик технологии")
    invite.locator("select[name=needs]").select_option(label="Отработка технологии гликолиза")
    invite.locator("textarea[name=message]").fill("Нужны исходные данные для проекта.")
    assert submit(manager_page, "[data-testid=send-invitation]").status == 200
    expect(manager_page.locator("[data-testid=consortium-member][data-status=invited]")).to_be_visible()
    project_path = path_of(manager_page)

    reread()
    assert db.session.scalar(select(OutboxMessage.recipient)) == partner.email
    partner_page = new_page(partner)
    partner_page.goto("/projects/invitations")
    partner_page.click("text=Пилотная установка химической переработки отходов ПЭТ")
    invitation = partner_page.locator("[data-testid=my-invitation]")
    expect(invitation).to_contain_text("Разработчик технологии")
    invitation.locator("textarea[name=message]").fill("Готовы, есть заделы.")
    assert submit(partner_page, "[data-testid=accept-invitation]").status == 200
    expect(partner_page.locator("[data-testid=my-invitation]")).to_have_count(0)

    reread()
    member = db.session.scalar(select(ConsortiumMember))
    assert member.status == ConsortiumStatus.ACCEPTED
    assert member.response_message == "Готовы, есть заделы."
    project = db.session.scalar(select(Project))
    assert project.status == ProjectStatus.ACTIVE
    manager_page.goto(project_path)
    expect(manager_page.locator("[data-testid=need][data-coverage=covered]")).to_be_visible()
    expect(manager_page.locator("[data-testid=project-history]")).to_contain_text("Готовы, есть заделы.")
