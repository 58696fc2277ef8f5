"""Journeys 3–5 on the subcontracting exchange: a member posts an order, another member
responds, the customer compares the responses and awards one."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from playwright.sync_api import expect
from sqlalchemy import select

from marketplace.db import db, utcnow
from marketplace.models import (
    Order,
    OrderKind,
    OrderStatus,
    OutboxMessage,
    Response,
    ResponseStatus,
    Visibility,
)
from tests import factories

from .support import path_of, reread, submit


def test_member_posts_an_order_that_appears_in_the_list(new_page):
    customer = factories.member(name_ru="АО «Ставропольский азотный комбинат»")
    machining = factories.competency(name_ru="Токарная обработка", name_en="Turning")
    welding = factories.competency(name_ru="Сварка", name_en="Welding")
    factories.competency(name_ru="Литьё", name_en="Casting")
    deadline = dt.date.today() + dt.timedelta(days=45)
    page = new_page(customer)

    page.goto("/orders/")
    page.click("[data-testid=new-order]")
    form = page.locator("[data-testid=order-form]")
    # A past deadline is refused, and the form comes back with what was typed.
    form.locator("input[name=title]").fill("Изготовление 200 фланцев из стали 09Г2С")
    form.locator("textarea[name=description]").fill("Фланцы плоские приварные по ГОСТ 33259, чертёж прилагается.")
    form.locator("input[name=deadline]").fill((utcnow().date() - dt.timedelta(days=1)).isoformat())
    assert submit(page, "[data-testid=publish-order]").status == 400
    expect(form.locator("input[name=deadline].is-invalid")).to_be_visible()
    expect(form.locator("input[name=title]")).to_have_value("Изготовление 200 фланцев из стали 09Г2С")

    form.locator("select[name=kind]").select_option("production")
    form.locator("select[name=competencies]").select_option([str(machining.id), str(welding.id)])
    form.locator("input[name=okpd2_codes]").fill("25.62.10, 28.41")
    form.locator("input[name=quantity]").fill("200")
    form.locator("input[name=unit]").fill("шт")
    form.locator("input[name=deadline]").fill(deadline.isoformat())
    form.locator("input[name=budget]").fill("450000")
    form.locator("select[name=visibility]").select_option("public")
    assert submit(page, "[data-testid=publish-order]").status == 200

    expect(page.locator("h1")).to_have_text("Изготовление 200 фланцев из стали 09Г2С")
    expect(page.locator(".page-header .badge.status-open")).to_be_visible()
    expect(page.locator("[data-testid=order-budget]")).to_be_visible()  # the customer sees its budget
    order_path = path_of(page)

    page.goto("/orders/")
    item = page.locator("[data-testid=order-item]", has_text="Изготовление 200 фланцев из стали 09Г2С")
    expect(item).to_have_count(1)
    expect(item).to_have_attribute("href", order_path)

    reread()
    order = db.session.scalar(select(Order).where(Order.title == "Изготовление 200 фланцев из стали 09Г2С"))
    assert order.status == OrderStatus.OPEN
    assert order.published_at is not None
    assert order.organization_id == customer.organization_id
    assert order.created_by_id == customer.id
    assert order.kind == OrderKind.PRODUCTION
    assert order.visibility == Visibility.PUBLIC
    assert order.okpd2_codes == ["25.62.10", "28.41"]
    assert sorted(c.id for c in order.competencies) == sorted([machining.id, welding.id])
    assert order.deadline == deadline
    assert order.quantity == Decimal(200)
    assert order.unit == "шт"
    assert order.budget == Decimal(450000)
    assert order.budget_confidential
    assert order.region == customer.organization.region  # prefilled from the organization

    # A guest sees the public order but not the confidential budget.
    guest = new_page()
    guest.goto(order_path)
    expect(guest.locator("h1")).to_have_text("Изготовление 200 фланцев из стали 09Г2С")
    expect(guest.locator("[data-testid=order-budget]")).to_have_count(0)


def test_member_responds_and_the_customer_sees_the_response(new_page):
    customer = factories.member(name_ru="АО «Азот»")
    supplier = factories.member(name_ru="ООО «ТехноМеталл»")
    order = factories.order(customer.organization, created_by=customer, title="Механическая обработка корпусов насосов")
    supplier_page = new_page(supplier)

    supplier_page.goto("/orders/")
    supplier_page.locator("[data-testid=order-item]", has_text="Механическая обработка корпусов насосов").click()
    expect(supplier_page.locator("[data-testid=order-budget]")).to_have_count(0)  # confidential budget
    form = supplier_page.locator("[data-testid=responses-block] [data-testid=response-form]")
    form.locator("input[name=price]").fill("-5")
    form.locator("input[name=lead_time_days]").fill("21")
    assert submit(supplier_page, "[data-testid=submit-response]").status == 400  # the stand-alone form
    expect(supplier_page.locator("input[name=price].is-invalid")).to_be_visible()
    supplier_page.fill("input[name=price]", "385000")
    supplier_page.fill("input[name=lead_time_days]", "21")
    supplier_page.fill("textarea[name=message]", "Есть пятиосевой центр DMG MORI, опыт с корпусами.")
    assert submit(supplier_page, "[data-testid=submit-response]").status == 200
    assert path_of(supplier_page) == f"/orders/{order.id}"
    mine = supplier_page.locator("[data-testid=my-response]")
    expect(mine).to_contain_text("385")
    expect(mine).to_contain_text("Есть пятиосевой центр DMG MORI")

    reread()
    response = db.session.scalar(select(Response).where(Response.order_id == order.id))
    assert response.organization_id == supplier.organization_id
    assert response.created_by_id == supplier.id
    assert (response.price, response.lead_time_days) == (Decimal(385000), 21)
    assert response.status == ResponseStatus.ACTIVE
    assert db.session.scalar(select(OutboxMessage).where(OutboxMessage.recipient == customer.email)) is not None

    customer_page = new_page(customer)
    customer_page.goto(f"/orders/{order.id}")
    expect(customer_page.locator("[data-testid=compare-responses] .badge")).to_have_text("1")
    customer_page.click("[data-testid=compare-responses]")
    row = customer_page.locator("[data-testid=response-row]")
    expect(row).to_have_count(1)
    expect(row).to_contain_text("ООО «ТехноМеталл»")
    expect(row).to_contain_text("Есть пятиосевой центр DMG MORI, опыт с корпусами.")
    expect(row).to_contain_text("385")


def test_customer_awards_one_response(new_page):
    customer = factories.member(name_ru="АО «Азот»")
    winner = factories.member(name_ru="ООО «ТехноМеталл»")
    loser = factories.member(name_ru="ООО «Прецизион»")
    order = factories.order(customer.organization, title="Изготовление валов")
    chosen = factories.response(
        order,
        winner.organization,
        price=Decimal(410000),
        lead_time_days=30,
        message="Сделаем за месяц.",
        created_by=winner,
    )
    other = factories.response(
        order,
        loser.organization,
        price=Decimal(395000),
        lead_time_days=45,
        message="Дешевле, но дольше.",
        created_by=loser,
    )
    page = new_page(customer)

    page.goto(f"/orders/{order.id}")
    page.click("[data-testid=compare-responses]")
    rows = page.locator("[data-testid=response-row]")
    expect(rows).to_have_count(2)
    expect(rows.first).to_contain_text("ООО «Прецизион»")  # sorted by price, cheapest first
    page.click("[data-testid=sort-lead-time]")
    expect(rows.first).to_contain_text("ООО «ТехноМеталл»")
    assert submit(page, "[data-testid=response-row]:has-text('ТехноМеталл') [data-testid=award-response]").status == 200

    assert path_of(page) == f"/orders/{order.id}"
    expect(page.locator(".page-header .badge.status-awarded")).to_be_visible()
    expect(page.locator("[data-testid=awarded-response]")).to_contain_text("ООО «ТехноМеталл»")
    page.click("[data-testid=compare-responses]")
    expect(page.locator("[data-testid=award-response]")).to_have_count(0)  # awarded once and for all

    reread()
    order = db.session.get(Order, order.id)
    assert order.status == OrderStatus.AWARDED
    assert order.awarded_response_id == chosen.id
    assert db.session.get(Response, chosen.id).status == ResponseStatus.ACCEPTED
    assert db.session.get(Response, other.id).status == ResponseStatus.DECLINED
    recipients = set(db.session.scalars(select(OutboxMessage.recipient)))
    assert {winner.email, loser.email} <= recipients

    winner_page = new_page(winner)
    winner_page.goto(f"/orders/{order.id}")
    expect(winner_page.locator("[data-testid=response-outcome]")).to_have_class("badge status-accepted")
    loser_page = new_page(loser)
    loser_page.goto(f"/orders/{order.id}")
    expect(loser_page.locator("[data-testid=response-outcome]")).to_have_class("badge status-declined")
    # Neither supplier sees the other's price.
    expect(loser_page.locator("[data-testid=responses-block]")).not_to_contain_text("410")
