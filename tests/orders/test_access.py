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
from tests.access_matrix import FORBIDDEN, LOGIN, NOT_FOUND, OK, REDIRECT, AccessMatrix, Route, statuses_for

from .conftest import ROLES


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


expect = statuses_for(ROLES)

RESPONSE = {"price": "1000", "lead_time_days": "10", "message": "ok"}

MATRIX = AccessMatrix(
    ROLES,
    Route.get("orders list", "/orders/", expect(OK, OK, OK, OK, OK, OK)),
    Route.get("my orders", "/orders/mine", expect(LOGIN, FORBIDDEN, OK, OK, OK, FORBIDDEN)),
    Route.get("new order form", "/orders/new", expect(LOGIN, FORBIDDEN, FORBIDDEN, OK, OK, FORBIDDEN)),
    Route.get("members-only order", "/orders/{members_only}", expect(LOGIN, NOT_FOUND, NOT_FOUND, OK, OK, OK)),
    Route.get("public order", "/orders/{public}", expect(OK, OK, OK, OK, OK, OK)),
    Route.get("draft order", "/orders/{draft}", expect(NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, OK, OK)),
    Route.get(
        "edit form", "/orders/{members_only}/edit", expect(LOGIN, NOT_FOUND, NOT_FOUND, FORBIDDEN, OK, FORBIDDEN)
    ),
    Route.get(
        "edit public order", "/orders/{public}/edit", expect(LOGIN, FORBIDDEN, FORBIDDEN, FORBIDDEN, OK, FORBIDDEN)
    ),
    Route.post(
        "publish",
        "/orders/{draft}/publish",
        {},
        expect(NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, REDIRECT, FORBIDDEN),
    ),
    Route.post(
        "cancel",
        "/orders/{members_only}/cancel",
        {"reason": "No longer needed"},
        expect(LOGIN, NOT_FOUND, NOT_FOUND, FORBIDDEN, REDIRECT, REDIRECT),
    ),
    Route.post(
        "complete",
        "/orders/{awarded}/complete",
        {},
        expect(LOGIN, NOT_FOUND, NOT_FOUND, FORBIDDEN, REDIRECT, FORBIDDEN),
    ),
    Route.get(
        "compare responses",
        "/orders/{members_only}/responses",
        expect(LOGIN, NOT_FOUND, NOT_FOUND, FORBIDDEN, OK, OK),
    ),
    Route.post(
        "award",
        "/orders/{members_only}/award",
        {"response_id": "{response}"},
        expect(LOGIN, NOT_FOUND, NOT_FOUND, FORBIDDEN, REDIRECT, FORBIDDEN),
    ),
    Route.get(
        "response form",
        "/orders/{members_only}/response",
        expect(LOGIN, NOT_FOUND, NOT_FOUND, OK, FORBIDDEN, FORBIDDEN),
    ),
    Route.post(
        "respond to members-only order",
        "/orders/{members_only}/response",
        RESPONSE,
        expect(LOGIN, NOT_FOUND, NOT_FOUND, REDIRECT, FORBIDDEN, FORBIDDEN),
    ),
    Route.post(
        "respond to public order",
        "/orders/{public}/response",
        RESPONSE,
        expect(LOGIN, FORBIDDEN, FORBIDDEN, REDIRECT, FORBIDDEN, FORBIDDEN),
    ),
    Route.get("my responses", "/orders/responses/mine", expect(LOGIN, FORBIDDEN, OK, OK, OK, FORBIDDEN)),
    Route.get("offers list", "/offers/", expect(OK, OK, OK, OK, OK, OK)),
    Route.get("public offer", "/offers/{public_offer}", expect(OK, OK, OK, OK, OK, OK)),
    Route.get("members-only offer", "/offers/{members_offer}", expect(LOGIN, NOT_FOUND, NOT_FOUND, OK, OK, OK)),
    Route.get("my offers", "/offers/mine", expect(LOGIN, FORBIDDEN, OK, OK, OK, FORBIDDEN)),
    Route.get("new offer form", "/offers/new", expect(LOGIN, FORBIDDEN, FORBIDDEN, OK, OK, FORBIDDEN)),
    # the offers belong to ``member``'s organization
    Route.get(
        "edit offer", "/offers/{public_offer}/edit", expect(LOGIN, FORBIDDEN, FORBIDDEN, OK, FORBIDDEN, FORBIDDEN)
    ),
    Route.post(
        "archive offer",
        "/offers/{public_offer}/archive",
        {},
        expect(LOGIN, FORBIDDEN, FORBIDDEN, REDIRECT, FORBIDDEN, REDIRECT),
    ),
)


@MATRIX.reads
def test_read_permissions(client, world, as_role, route):
    """Pages change nothing, so one world serves every role."""
    MATRIX.check_read(client, as_role, route, world)


@MATRIX.writes
def test_write_permissions(client, world, as_role, route, role):
    """Each action gets a fresh world: a refused one must not depend on an allowed one before it."""
    MATRIX.check_role(client, as_role, route, role, world)


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
