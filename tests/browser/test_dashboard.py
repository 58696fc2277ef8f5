"""The manager's KPI dashboard: charts and the plan/fact table, then setting a target through the form."""

from __future__ import annotations

from decimal import Decimal

from playwright.sync_api import expect
from sqlalchemy import select

from marketplace.db import db, utcnow
from marketplace.models import KpiTarget
from tests import factories

from .support import reread, submit


def test_manager_sees_the_dashboard_and_sets_a_target(new_page):
    manager = factories.manager(email="manager@cluster.test")
    customer = factories.organization()
    for _ in range(3):
        factories.order(customer, published_at=utcnow())
    year = utcnow().year
    page = new_page(manager)

    page.click("[data-testid=user-menu]")
    page.click("[data-testid=nav-dashboard]")
    expect(page.locator("h1")).to_contain_text(str(year))
    row = page.locator("[data-testid=plan-fact] tr[data-indicator=orders_posted]")
    chart = page.locator("svg[data-indicator=orders_posted]")
    expect(chart).to_be_visible()
    expect(chart.locator("title").first).to_have_text(row.locator("th").inner_text())  # the chart's accessible name
    expect(chart.locator("[data-testid=cumulative-line]")).to_have_count(1)
    expect(chart.locator("[data-testid=target-line]")).to_have_count(0)
    expect(row.locator("[data-testid=fact]")).to_have_text("3")
    expect(row.locator("[data-testid=target]")).to_have_text("—")

    page.click("[data-testid=edit-targets]")
    form = page.locator("[data-testid=targets-form]")
    form.locator("input[name=orders_posted]").fill("-4")  # refused, nothing saved
    assert submit(page, "[data-testid=save-targets]").status == 400
    expect(form.locator("input[name=orders_posted].is-invalid")).to_be_visible()
    form.locator("input[name=orders_posted]").fill("4")
    form.locator("input[name=platform_rating]").fill("4.5")
    assert submit(page, "[data-testid=save-targets]").status == 200

    row = page.locator("[data-testid=plan-fact] tr[data-indicator=orders_posted]")
    expect(row.locator("[data-testid=target]")).to_have_text("4")
    expect(row.locator("[data-testid=percent]")).to_have_text("75%")
    expect(page.locator("svg[data-indicator=orders_posted] [data-testid=target-line]")).to_have_count(1)
    reread()
    saved = {t.indicator: t.value for t in db.session.scalars(select(KpiTarget).where(KpiTarget.year == year))}
    assert saved == {"orders_posted": Decimal(4), "platform_rating": Decimal("4.5")}
