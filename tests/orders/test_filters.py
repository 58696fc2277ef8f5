"""Filters, sorting and pagination of the orders and offers lists."""

from __future__ import annotations

import datetime as dt

import pytest

from marketplace.db import db
from marketplace.models import OrderKind, Visibility
from tests import factories


def titles(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.get_data(as_text=True)


@pytest.fixture
def catalogue(people, order_of):
    machining = factories.competency(name_ru="Механообработка", name_en="Machining")
    milling = factories.competency(parent=machining, name_ru="Фрезерование", name_en="Milling")
    five_axis = factories.competency(parent=milling, name_ru="Пятиосевое", name_en="Five-axis")
    testing = factories.competency(name_ru="Испытания", name_en="Testing")
    a = order_of(
        title="Alpha flanges",
        kind=OrderKind.PRODUCTION,
        okpd2_codes=["25.62.10"],
        region="Ставропольский край",
        deadline=dt.date.today() + dt.timedelta(days=90),
        visibility=Visibility.PUBLIC,
    )
    a.competencies = [five_axis]
    b = factories.order(
        people.member.organization,
        title="Bravo lab tests",
        kind=OrderKind.SERVICE,
        okpd2_codes=["71.20"],
        region="Краснодарский край",
        deadline=dt.date.today() + dt.timedelta(days=10),
        visibility=Visibility.PUBLIC,
        description="Испытания образцов на растяжение",
    )
    b.competencies = [testing]
    db.session.commit()
    return {
        "machining": machining.id,
        "milling": milling.id,
        "testing": testing.id,
        "member_org": people.member.organization_id,
        "customer_org": people.customer.organization_id,
    }


@pytest.mark.parametrize(
    ("query", "alpha", "bravo"),
    [
        ("", True, True),
        ("kind=production", True, False),
        ("kind=service", False, True),
        ("region=Краснодарский край", False, True),
        ("okpd2=25.62", True, False),
        ("okpd2=25", True, False),
        ("okpd2=71.2", False, True),
        ("okpd2=28", False, False),
        ("q=bravo", False, True),
        ("q=растяжение", False, True),
        ("q=100%", False, False),
    ],
)
def test_order_filters(client, catalogue, query, alpha, bravo):
    html = titles(client, f"/orders/?{query}")
    assert ("Alpha flanges" in html, "Bravo lab tests" in html) == (alpha, bravo)


def test_competency_filter_includes_subtree(client, catalogue):
    html = titles(client, f"/orders/?competency={catalogue['machining']}")
    assert "Alpha flanges" in html
    assert "Bravo lab tests" not in html
    html = titles(client, f"/orders/?competency={catalogue['testing']}")
    assert "Alpha flanges" not in html
    assert "Bravo lab tests" in html


def test_org_filter(client, catalogue):
    html = titles(client, f"/orders/?org={catalogue['member_org']}")
    assert "Alpha flanges" not in html
    assert "Bravo lab tests" in html


def test_bad_filters_are_ignored(client, catalogue):
    html = titles(client, "/orders/?kind=magic&okpd2=abc&org=x&competency=999999&sort=random&status=bogus")
    assert "Alpha flanges" in html
    assert "Bravo lab tests" in html


def test_sort_by_deadline(client, catalogue):
    html = titles(client, "/orders/?sort=deadline")
    assert html.index("Bravo lab tests") < html.index("Alpha flanges")
    html = titles(client, "/orders/?sort=newest")
    assert html.index("Bravo lab tests") < html.index("Alpha flanges")  # created last


def test_pagination(client, app, people, order_of):
    app.config["PER_PAGE"] = 2
    for n in range(5):
        order_of(title=f"Paged order {n}", visibility=Visibility.PUBLIC)
    first = titles(client, "/orders/")
    third = titles(client, "/orders/?page=3")
    assert first.count('data-testid="order-item"') == 2
    assert third.count('data-testid="order-item"') == 1
    assert 'rel="next"' in first
    assert client.get("/orders/?page=9").status_code == 404


def test_offer_filters_and_visibility(client, people, as_role):
    comp = factories.competency(name_ru="Литьё", name_en="Casting")
    public = factories.offer(
        people.member.organization, title="Public casting", visibility=Visibility.PUBLIC, okpd2_codes=["24.51"]
    )
    public.competencies = [comp]
    db.session.commit()
    factories.offer(
        people.member2.organization, title="Members machining", visibility=Visibility.MEMBERS, kind=OrderKind.SERVICE
    )
    for role, members_visible in [("guest", False), ("outsider", False), ("member", True), ("manager", True)]:
        as_role(role)
        html = titles(client, "/offers/")
        assert "Public casting" in html
        assert ("Members machining" in html) is members_visible, role
    as_role("member")
    assert "Members machining" not in titles(client, f"/offers/?competency={comp.id}")
    assert "Members machining" not in titles(client, "/offers/?okpd2=24.5")
    assert "Public casting" not in titles(client, "/offers/?kind=service")
    html = titles(client, f"/offers/?org={people.member2.organization_id}")
    assert "Members machining" in html
    assert "Public casting" not in html
