"""Journeys 1 and 2: a visitor registers, creates the organization's profile and applies;
the cluster manager approves one application and rejects another."""

from __future__ import annotations

import datetime as dt

from playwright.sync_api import expect
from sqlalchemy import select

from marketplace.db import db
from marketplace.models import (
    ApplicationStatus,
    MembershipApplication,
    MembershipStatus,
    Organization,
    OrgKind,
    OutboxMessage,
    User,
)
from marketplace.organizations import membership
from tests import factories
from tests.accounts.helpers import link_in
from tests.factories import valid_inn, valid_ogrn

from .support import log_in, path_of, reread, submit


def test_visitor_registers_creates_the_profile_and_applies(page):
    manager = factories.manager()
    inn, ogrn = valid_inn(), valid_ogrn()

    page.goto("/")
    page.click("a[href='/account/register']")
    register_and_confirm(page, "Olga.Petrova@Polymer.example", "Ольга Петрова", "polymer-2024!")
    assert path_of(page) == "/organizations/new"  # a new account is sent to create its organization
    expect(page.locator("[data-testid=user-menu]")).to_contain_text("Ольга Петрова")

    form = page.locator("[data-testid=org-form]")
    form.locator("input[name=name_ru]").fill("ООО «Полимер-Юг»")
    form.locator("input[name=name_en]").fill("Polymer-Yug LLC")
    form.locator("select[name=kind]").select_option("sme")
    form.locator("input[name=inn]").fill(inn)
    form.locator("input[name=ogrn]").fill(ogrn)
    form.locator("select[name=region]").select_option("Ставропольский край")
    form.locator("input[name=city]").fill("Невинномысск")
    form.locator("textarea[name=description_ru]").fill("Литьё изделий из полипропилена под давлением.")
    assert submit(page, "[data-testid=org-submit]").status == 200
    expect(page.locator("h1")).to_have_text("ООО «Полимер-Юг»")
    expect(page.locator(".badge.status-none")).to_be_visible()

    page.click("[data-testid=org-apply-link]")
    page.fill("textarea[name=message]", "Производим упаковку для химических предприятий кластера.")
    assert submit(page, "[data-testid=apply-submit]").status == 200
    expect(page.locator(".badge.status-applied")).to_be_visible()
    expect(page.locator("[data-testid=org-apply-link]")).to_have_count(0)  # no second application

    reread()
    user = db.session.scalar(select(User).where(User.email == "olga.petrova@polymer.example"))
    assert user is not None
    assert user.full_name == "Ольга Петрова"
    assert user.is_org_admin
    org = user.organization
    assert (org.name_ru, org.inn, org.ogrn, org.kind) == ("ООО «Полимер-Юг»", inn, ogrn, OrgKind.SME)
    assert org.membership_status == MembershipStatus.APPLIED
    application = db.session.scalar(
        select(MembershipApplication).where(MembershipApplication.organization_id == org.id)
    )
    assert application.status == ApplicationStatus.PENDING
    assert application.applicant_id == user.id
    assert application.message.startswith("Производим упаковку")
    assert db.session.scalar(select(OutboxMessage).where(OutboxMessage.recipient == manager.email)) is not None


def test_registration_refuses_an_invalid_inn(page):
    page.goto("/account/register")
    register_and_confirm(page, "ivan@opechatka.example", "Иван Иванов", "long-enough-1")

    bad_inn = factories.broken(valid_inn())
    page.fill("input[name=name_ru]", "ООО «Опечатка»")
    page.select_option("select[name=region]", "Ставропольский край")
    page.fill("input[name=inn]", bad_inn)
    assert submit(page, "[data-testid=org-submit]").status == 400
    expect(page.locator("input[name=inn].is-invalid")).to_be_visible()
    expect(page.locator("input[name=inn] ~ .invalid-feedback")).to_be_visible()
    reread()
    assert db.session.scalar(select(Organization).where(Organization.name_ru == "ООО «Опечатка»")) is None


def register_and_confirm(page, email: str, full_name: str, password: str) -> None:
    """Fill in the registration form (consent ticked), then open the link mailed to ``email`` and confirm."""
    page.fill("input[name=email]", email)
    page.fill("input[name=full_name]", full_name)
    page.fill("input[name=password]", password)
    page.fill("input[name=confirm]", password)
    expect(page.locator("[data-testid=consent]")).to_contain_text("152-")
    page.check("input[name=consent]")
    assert submit(page, "[data-testid=register-submit]").status == 200
    assert path_of(page) == "/account/login"  # the account waits for the link
    expect(page.locator(".alert-info")).to_contain_text(email.lower())
    reread()
    [message] = db.session.scalars(select(OutboxMessage).where(OutboxMessage.recipient == email.lower()))
    page.goto(link_in(message, "/account/confirm/"))
    assert submit(page, "[data-testid=confirm-submit]").status == 200


def _applicant(name_ru: str, message: str):
    user = factories.outsider(name_ru=name_ru)
    application = membership.apply_for_membership(user.organization, user, message)
    db.session.commit()
    return user, application


def test_manager_approves_one_application_and_rejects_another(page, new_page):
    manager = factories.manager()
    good, good_application = _applicant("ООО «Композит-Ставрополь»", "Углепластиковые детали для техники.")
    bad, bad_application = _applicant("ИП Сомнительный", "Хотим вступить.")
    reread()

    log_in(page, manager)
    page.goto("/organizations/applications")
    rows = page.locator("[data-testid=application-row]")
    expect(rows).to_have_count(2)
    expect(rows.locator(".badge.status-pending")).to_have_count(2)

    rows.filter(has_text="Композит-Ставрополь").locator("[data-testid=application-open]").click()
    expect(page.locator("[data-testid=application-message]")).to_have_text("Углепластиковые детали для техники.")
    assert submit(page, "[data-testid=approve-submit]").status == 200
    assert path_of(page) == "/organizations/applications"
    expect(page.locator(".alert-success")).to_contain_text("ООО «Композит-Ставрополь»")

    rows.filter(has_text="ИП Сомнительный").locator("[data-testid=application-open]").click()
    # A rejection needs a reason: the applicant will read it.
    assert submit(page, "[data-testid=reject-submit]").status == 400
    expect(page.locator("textarea[name=reason].is-invalid")).to_be_visible()
    page.fill("textarea[name=reason]", "Нет профиля деятельности и контактов.")
    assert submit(page, "[data-testid=reject-submit]").status == 200
    expect(rows.filter(has_text="Композит-Ставрополь").locator(".badge.status-approved")).to_be_visible()
    expect(rows.filter(has_text="ИП Сомнительный").locator(".badge.status-rejected")).to_be_visible()

    page.goto("/manager/outbox/")
    outbox = page.locator("[data-testid=outbox-row]")
    expect(outbox.filter(has_text=good.email)).to_have_count(1)
    expect(outbox.filter(has_text=bad.email)).to_have_count(1)

    reread()
    good_org = db.session.get(Organization, good.organization_id)
    bad_org = db.session.get(Organization, bad.organization_id)
    assert good_org.membership_status == MembershipStatus.MEMBER
    assert good_org.member_since == dt.date.today()
    assert db.session.get(MembershipApplication, good_application.id).status == ApplicationStatus.APPROVED
    assert bad_org.membership_status == MembershipStatus.REJECTED
    rejected = db.session.get(MembershipApplication, bad_application.id)
    assert rejected.status == ApplicationStatus.REJECTED
    assert rejected.decision_reason == "Нет профиля деятельности и контактов."
    assert rejected.decided_by_id == manager.id
    mails = {m.recipient: m for m in db.session.scalars(select(OutboxMessage))}
    assert good.email in mails
    assert bad.email in mails
    assert "Нет профиля деятельности и контактов." in mails[bad.email].body

    # The rejected applicant reads the reason on its profile.
    applicant = new_page(bad)
    applicant.goto(f"/organizations/{bad.organization_id}")
    expect(applicant.locator("[data-testid=rejection-notice]")).to_contain_text("Нет профиля деятельности")
