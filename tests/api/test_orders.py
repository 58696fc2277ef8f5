"""/api/v1/orders: who sees which orders, and the confidential budget."""

import datetime as dt
from decimal import Decimal

import pytest

from marketplace.db import db
from marketplace.models import Order, OrderKind, OrderStatus, Visibility
from marketplace.orders.rules import can_view_order
from tests import factories
from tests.api.conftest import ROLES, assert_absent, assert_error, assert_present, ids


@pytest.fixture
def orders(people):
    """The owner's orders in every visibility and status, and others' drafts and members-only ones."""
    org, other = people.org, people.member.organization
    return {
        "public": factories.order(
            org,
            visibility=Visibility.PUBLIC,
            budget=Decimal(777000),
            budget_confidential=False,
            region="Москва",
            kind=OrderKind.SERVICE,
            title="Public calibration job",
        ),
        "members": factories.order(org, budget=Decimal("913579.25")),  # members-only, confidential budget
        "draft": factories.order(org, status=OrderStatus.DRAFT, visibility=Visibility.PUBLIC),
        "awarded": factories.order(org, status=OrderStatus.AWARDED, visibility=Visibility.PUBLIC),
        "others_draft": factories.order(other, status=OrderStatus.DRAFT, visibility=Visibility.PUBLIC),
        "others_members": factories.order(other),
        "outsiders_members": factories.order(people.outsider.organization),
    }


LISTED = {
    "guest": {"public", "awarded"},
    "registered": {"public", "awarded"},
    "outsider": {"public", "awarded", "outsiders_members"},  # a customer always sees its own orders
    "member": {"public", "awarded", "members", "others_draft", "others_members", "outsiders_members"},
    "owner": {"public", "awarded", "members", "draft", "others_members", "outsiders_members"},
    "manager": {"public", "awarded", "members", "others_members", "outsiders_members"},
}


@pytest.mark.parametrize("role", ROLES)
def test_list_holds_only_what_the_viewer_may_see(orders, people, as_role, get_json, role):
    as_role(role)
    expected = {orders[name].id for name in LISTED[role]}
    assert ids(get_json("/api/v1/orders")) == expected
    # Everything listed may be opened, and no draft of another organization is listed.
    viewer = getattr(people, role)
    for order in db.session.query(Order).filter(Order.id.in_(expected)):
        assert can_view_order(order, viewer) if viewer else order.visibility == Visibility.PUBLIC


@pytest.mark.parametrize(
    ("role", "name", "status"),
    [
        ("guest", "members", 401),
        ("registered", "members", 404),
        ("outsider", "members", 404),
        ("member", "members", 200),
        ("owner", "members", 200),
        ("manager", "members", 200),
        ("guest", "public", 200),
        ("registered", "public", 200),
        ("guest", "draft", 404),
        ("member", "draft", 404),
        ("outsider", "draft", 404),
        ("owner", "draft", 200),
        ("manager", "draft", 200),
        ("outsider", "outsiders_members", 200),
        ("guest", "outsiders_members", 401),
    ],
)
def test_detail_access(orders, as_role, client, role, name, status):
    as_role(role)
    response = client.get(f"/api/v1/orders/{orders[name].id}")
    assert response.status_code == status
    assert response.mimetype == "application/json"
    if status == 200:
        assert response.json["id"] == orders[name].id
    else:
        assert_error(response, status)
        assert_absent(response, orders[name].title)


@pytest.mark.parametrize("role", ROLES)
def test_confidential_budget(orders, as_role, client, role):
    as_role(role)
    entitled = role in ("owner", "manager")
    for url in ("/api/v1/orders", f"/api/v1/orders/{orders['members'].id}"):
        response = client.get(url)
        if response.status_code != 200:
            continue  # guests and non-members do not see the order at all
        if entitled:
            assert_present(response, "913579.25")
        else:
            assert_absent(response, "913579")
    detail = client.get(f"/api/v1/orders/{orders['members'].id}")
    if detail.status_code == 200:
        assert ("budget" in detail.json) is entitled
        assert ("budget_confidential" in detail.json) is entitled


def test_open_budget_is_shown_to_everyone(orders, get_json):
    data = get_json(f"/api/v1/orders/{orders['public'].id}").json
    assert data["budget"] == "777000.00"


def test_detail_shape(orders, people, as_role, get_json):
    comp = factories.competency(code="CAL", name_en="Calibration")
    order = orders["public"]
    order.competencies.append(comp)
    db.session.commit()
    as_role("owner")
    data = get_json(f"/api/v1/orders/{order.id}").json
    assert data["kind"] == "service"
    assert data["status"] == "open"
    assert data["visibility"] == "public"
    assert data["quantity"] == "200.000"
    assert data["unit"] == "шт"
    assert data["deadline"] == (dt.date.today() + dt.timedelta(days=60)).isoformat()
    assert data["region"] == {"ru": "Москва", "en": "Moscow"}
    assert data["okpd2_codes"] == ["25.62.10"]
    assert data["competencies"] == [{"id": comp.id, "code": "CAL", "name": {"ru": comp.name_ru, "en": "Calibration"}}]
    assert data["organization"]["id"] == people.org.id
    assert data["description"].startswith("Требуется")
    assert data["published_at"].endswith("Z")
    assert data["awarded_at"] is None
    assert data["attachments"] == []


def test_filters(orders, people, as_role, get_json):
    as_role("member")
    assert ids(get_json("/api/v1/orders?status=awarded")) == {orders["awarded"].id}
    assert ids(get_json("/api/v1/orders?status=draft")) == {orders["others_draft"].id}
    assert ids(get_json("/api/v1/orders?kind=service")) == {orders["public"].id}
    assert ids(get_json("/api/v1/orders?region=Moscow")) == {orders["public"].id}
    assert ids(get_json(f"/api/v1/orders?org={people.outsider.organization_id}")) == {orders["outsiders_members"].id}
    assert ids(get_json("/api/v1/orders?q=CALIBRATION")) == {orders["public"].id}


@pytest.mark.parametrize(
    ("query", "parameter"),
    [("status=pending", "status"), ("kind=xyz", "kind"), ("org=-3", "org"), ("region=Narnia", "region")],
)
def test_bad_filters_are_400(app, client, query, parameter):
    assert_error(client.get(f"/api/v1/orders?{query}"), 400, parameter)
