"""Who may open and do what, route by route (guest / registered / outsider / member / customer / manager).

``member`` is a user of another member organization (a supplier); ``customer``
is a user of the organization that posted the orders.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from marketplace.db import db
from marketplace.models import Order, OrderStatus, ResponseStatus, Visibility
from tests import factories

from .conftest import ROLES

LOGIN = 302  # guests are redirected to the login page
OK, REDIRECT, FORBIDDEN, NOT_FOUND, CONFLICT = 200, 302, 403, 404, 409


@pytest.fixture
def world(people, order_of):
    members_only = order_of(visibility=Visibility.MEMBERS)
    public = order_of(visibility=Visibility.PUBLIC)
    draft = order_of(status=OrderStatus.DRAFT)
    awarded = order_of(status=OrderStatus.AWARDED)
    response = factories.response(members_only, people.member2.organization, created_by=people.member2)
    won = factories.response(awarded, people.member2.organization, status=ResponseStatus.ACCEPTED)
    awarded.awarded_response_id = won.id
    db.session.commit()
    return SimpleNamespace(
        members_only=members_only.id,
        public=public.id,
        draft=draft.id,
        awarded=awarded.id,
        response=response.id,
        public_offer=factories.offer(people.member.organization, visibility=Visibility.PUBLIC).id,
        members_offer=factories.offer(people.member.organization, visibility=Visibility.MEMBERS).id,
    )


def expect(guest, registered, outsider, member, customer, manager):
    return dict(zip(ROLES, (guest, registered, outsider, member, customer, manager)))


RESPONSE = {"price": "1000", "lead_time_days": "10", "message": "ok"}

# name: (method, url, form data, expected status per role)
MATRIX = {
    "orders list": ("GET", "/orders/", None, expect(OK, OK, OK, OK, OK, OK)),
    "my orders": ("GET", "/orders/mine", None, expect(LOGIN, FORBIDDEN, OK, OK, OK, FORBIDDEN)),
    "new order form": ("GET", "/orders/new", None, expect(LOGIN, FORBIDDEN, FORBIDDEN, OK, OK, FORBIDDEN)),
    "members-only order": ("GET", "/orders/{members_only}", None, expect(LOGIN, NOT_FOUND, NOT_FOUND, OK, OK, OK)),
    "public order": ("GET", "/orders/{public}", None, expect(OK, OK, OK, OK, OK, OK)),
    "draft order": ("GET", "/orders/{draft}", None, expect(NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, OK, OK)),
    "edit form": (
        "GET",
        "/orders/{members_only}/edit",
        None,
        expect(LOGIN, NOT_FOUND, NOT_FOUND, FORBIDDEN, OK, FORBIDDEN),
    ),
    "edit public order": (
        "GET",
        "/orders/{public}/edit",
        None,
        expect(LOGIN, FORBIDDEN, FORBIDDEN, FORBIDDEN, OK, FORBIDDEN),
    ),
    "publish": (
        "POST",
        "/orders/{draft}/publish",
        {},
        expect(NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, REDIRECT, FORBIDDEN),
    ),
    "cancel": (
        "POST",
        "/orders/{members_only}/cancel",
        {"reason": "No longer needed"},
        expect(LOGIN, NOT_FOUND, NOT_FOUND, FORBIDDEN, REDIRECT, REDIRECT),
    ),
    "complete": (
        "POST",
        "/orders/{awarded}/complete",
        {},
        expect(LOGIN, NOT_FOUND, NOT_FOUND, FORBIDDEN, REDIRECT, FORBIDDEN),
    ),
    "compare responses": (
        "GET",
        "/orders/{members_only}/responses",
        None,
        expect(LOGIN, NOT_FOUND, NOT_FOUND, FORBIDDEN, OK, OK),
    ),
    "award": (
        "POST",
        "/orders/{members_only}/award",
        {"response_id": "{response}"},
        expect(LOGIN, NOT_FOUND, NOT_FOUND, FORBIDDEN, REDIRECT, FORBIDDEN),
    ),
    "response form": (
        "GET",
        "/orders/{members_only}/response",
        None,
        expect(LOGIN, NOT_FOUND, NOT_FOUND, OK, FORBIDDEN, FORBIDDEN),
    ),
    "respond to members-only order": (
        "POST",
        "/orders/{members_only}/response",
        RESPONSE,
        expect(LOGIN, NOT_FOUND, NOT_FOUND, REDIRECT, FORBIDDEN, FORBIDDEN),
    ),
    "respond to public order": (
        "POST",
        "/orders/{public}/response",
        RESPONSE,
        expect(LOGIN, FORBIDDEN, FORBIDDEN, REDIRECT, FORBIDDEN, FORBIDDEN),
    ),
    "my responses": ("GET", "/orders/responses/mine", None, expect(LOGIN, FORBIDDEN, OK, OK, OK, FORBIDDEN)),
    "offers list": ("GET", "/offers/", None, expect(OK, OK, OK, OK, OK, OK)),
    "public offer": ("GET", "/offers/{public_offer}", None, expect(OK, OK, OK, OK, OK, OK)),
    "members-only offer": ("GET", "/offers/{members_offer}", None, expect(LOGIN, NOT_FOUND, NOT_FOUND, OK, OK, OK)),
    "my offers": ("GET", "/offers/mine", None, expect(LOGIN, FORBIDDEN, OK, OK, OK, FORBIDDEN)),
    "new offer form": ("GET", "/offers/new", None, expect(LOGIN, FORBIDDEN, FORBIDDEN, OK, OK, FORBIDDEN)),
    # the offers belong to ``member``'s organization
    "edit offer": (
        "GET",
        "/offers/{public_offer}/edit",
        None,
        expect(LOGIN, FORBIDDEN, FORBIDDEN, OK, FORBIDDEN, FORBIDDEN),
    ),
    "archive offer": (
        "POST",
        "/offers/{public_offer}/archive",
        {},
        expect(LOGIN, FORBIDDEN, FORBIDDEN, REDIRECT, FORBIDDEN, REDIRECT),
    ),
}

READS = [name for name, spec in MATRIX.items() if spec[0] == "GET"]
WRITES = [(name, role) for name, spec in MATRIX.items() if spec[0] == "POST" for role in ROLES]


def _request(client, world, method, url, data):
    ids = vars(world)
    url = url.format(**ids)
    if method == "GET":
        return client.get(url)
    return client.post(url, data={k: v.format(**ids) for k, v in (data or {}).items()})


@pytest.mark.parametrize("route", READS)
def test_read_permissions(client, world, as_role, route):
    """Pages change nothing, so one world serves every role."""
    method, url, data, expected = MATRIX[route]
    got = {}
    for role in ROLES:
        as_role(role)
        response = _request(client, world, method, url, data)
        got[role] = response.status_code
        if response.status_code == LOGIN:
            assert "/login" in response.headers["Location"]
    assert got == expected


@pytest.mark.parametrize(("route", "role"), WRITES, ids=[f"{n}-{r}" for n, r in WRITES])
def test_write_permissions(client, world, as_role, route, role):
    """Each action gets a fresh world: a refused one must not depend on an allowed one before it."""
    method, url, data, expected = MATRIX[route]
    as_role(role)
    response = _request(client, world, method, url, data)
    assert response.status_code == expected[role], response.get_data(as_text=True)[:500]
    if expected[role] == LOGIN and role == "guest":
        assert "/login" in response.headers["Location"]


def test_missing_order_and_offer_are_404(client, as_role):
    as_role("manager")
    assert client.get("/orders/999999").status_code == NOT_FOUND
    assert client.get("/orders/99999999999999999999").status_code == NOT_FOUND
    assert client.get("/offers/999999").status_code == NOT_FOUND


def test_refused_actions_change_nothing(client, world, as_role):
    as_role("member")
    client.post(f"/orders/{world.members_only}/cancel", data={"reason": "mine now"})
    client.post(f"/orders/{world.members_only}/award", data={"response_id": str(world.response)})
    db.session.expire_all()
    order = db.session.get(Order, world.members_only)
    assert order.status == OrderStatus.OPEN
    assert order.awarded_response_id is None
    assert order.events == []
