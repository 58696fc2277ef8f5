"""The year's targets: one form, validated as a whole, saved in one transaction; plan against fact."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import select

from marketplace.db import db
from marketplace.models import KpiTarget
from tests import factories

from .helpers import at, target

YEAR = 2023


def targets() -> dict[str, Decimal]:
    db.session.expire_all()
    return {row.indicator: row.value for row in db.session.scalars(select(KpiTarget).where(KpiTarget.year == YEAR))}


def test_the_form_shows_the_year_targets(client, as_role, people):
    target("orders_posted", YEAR, Decimal(25))
    target("orders_posted", YEAR + 1, Decimal(99))
    as_role("manager")
    page = client.get(f"/dashboard/targets?year={YEAR}")
    assert page.status_code == 200
    body = page.get_data(as_text=True)
    assert 'name="orders_posted"' in body
    assert 'value="25"' in body
    assert 'value="99"' not in body
    assert 'name="platform_rating"' in body


def test_the_manager_sets_updates_and_removes_targets(client, as_role, people):
    target("responses", YEAR, Decimal(10))
    target("ideas", YEAR, Decimal(7))
    as_role("manager")
    response = client.post(
        f"/dashboard/targets?year={YEAR}",
        data={"orders_posted": "30", "responses": "12", "platform_rating": "4.5", "ideas": ""},
    )
    assert response.status_code == 302
    assert response.location.endswith(f"/dashboard/?year={YEAR}")
    assert targets() == {"orders_posted": Decimal(30), "responses": Decimal(12), "platform_rating": Decimal("4.5")}
    row = db.session.scalar(select(KpiTarget).where(KpiTarget.indicator == "orders_posted"))
    assert row.updated_by_id == people.manager.id
    assert row.year == YEAR


def test_one_wrong_value_saves_nothing(client, as_role, people):
    target("responses", YEAR, Decimal(10))
    as_role("manager")
    for data, field in [
        ({"responses": "-1"}, "responses"),
        ({"platform_rating": "5.5"}, "platform_rating"),
        ({"projects_progress": "101"}, "projects_progress"),
        ({"orders_posted": "2.5"}, "orders_posted"),
        ({"events_held": "many"}, "events_held"),
    ]:
        response = client.post(f"/dashboard/targets?year={YEAR}", data={"ideas": "5", "responses": "20", **data})
        assert response.status_code == 400, data
        body = response.get_data(as_text=True)
        assert f'name="{field}"' in body, data
        assert "is-invalid" in body, data
        assert targets() == {"responses": Decimal(10)}, data


def test_a_year_outside_the_range_is_refused(client, as_role, people):
    as_role("manager")
    assert client.post("/dashboard/targets?year=1900", data={"ideas": "5"}).status_code == 400
    assert client.get("/dashboard/targets?year=abc").status_code == 400
    assert db.session.scalar(select(KpiTarget)) is None


def test_only_the_manager_sets_targets(client, as_role, people):
    for role, expected in [("guest", 302), ("registered", 403), ("outsider", 403), ("member", 403)]:
        as_role(role)
        assert client.get("/dashboard/targets").status_code == expected, role
        assert client.post(f"/dashboard/targets?year={YEAR}", data={"ideas": "5"}).status_code == expected, role
    assert db.session.scalar(select(KpiTarget)) is None


def test_the_dashboard_shows_target_fact_and_percent(client, as_role, people):
    org = factories.organization()
    for month in (2, 2, 7):
        factories.order(org, published_at=at(YEAR, month))
    target("orders_posted", YEAR, Decimal(4))
    target("platform_rating", YEAR, Decimal("4.5"))
    as_role("manager")
    body = client.get(f"/dashboard/?year={YEAR}").get_data(as_text=True)
    row = body.split('data-indicator="orders_posted"', 1)[1].split("</tr>", 1)[0]
    assert '<td class="text-end" data-testid="target">4</td>' in row
    assert '<td class="text-end" data-testid="fact">3</td>' in row
    assert '<span class="small" data-testid="percent">75%</span>' in row
    no_target = body.split('data-indicator="ideas"', 1)[1].split("</tr>", 1)[0]
    assert "—" in no_target
    assert 'data-testid="percent"' not in no_target
    # The chart of orders: 12 months, bars for February and July, the cumulative line, the target line.
    svg = body.split('aria-labelledby="chart-orders_posted-title', 1)[1].split("</svg>", 1)[0]
    assert svg.count("<text x=") >= 12
    assert 'data-month="2023-02"' in svg
    assert 'data-month="2023-07"' in svg
    assert 'data-testid="cumulative-line"' in svg
    assert 'data-testid="target-line"' in svg
    assert '<title id="chart-orders_posted-title">' in svg
    assert "2023-02: 2" in svg


def test_the_dashboard_defaults_to_this_year(client, as_role, people):
    as_role("manager")
    response = client.get("/dashboard/")
    assert response.status_code == 200
    assert f"· {dt.date.today().year}</h1>" in response.get_data(as_text=True)
    assert client.get("/dashboard/?year=1800").status_code == 400
