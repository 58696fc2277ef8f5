"""Who may open and use every equipment route: guest / registered / outsider / member / owner / manager."""

from __future__ import annotations

import pytest

from marketplace.db import db
from marketplace.models import AccessPolicy, Booking, BookingStatus, MembershipStatus
from tests import factories
from tests.access_matrix import FORBIDDEN, LOGIN, NOT_FOUND, OK, REDIRECT, AccessMatrix, Route, statuses_for
from tests.factories import assert_unchanged, fresh, stored_rows

from .conftest import ROLES, at, make_booking, window_form

expect = statuses_for(ROLES)

ALL_OK = expect(OK, OK, OK, OK, OK, OK)
OWNER_PAGE = expect(LOGIN, FORBIDDEN, FORBIDDEN, FORBIDDEN, OK, OK)
OWNER_ACTION = expect(LOGIN, FORBIDDEN, FORBIDDEN, FORBIDDEN, REDIRECT, REDIRECT)
ITEM = {"name_ru": "Новое имя", "category": "measurement", "access": "members", "status": "available"}


def page(url: str, expected) -> Route:
    return Route.get(url, url, expected)


MATRIX = AccessMatrix(
    ROLES,
    page("/equipment/", ALL_OK),
    page("/equipment/?category=measurement&q=machine", ALL_OK),
    page("/equipment/free", ALL_OK),
    page("/equipment/free?start=2030-01-01T10:00&end=2030-01-01T12:00", ALL_OK),
    page("/equipment/{id}", ALL_OK),
    page("/equipment/{id}/calendar", ALL_OK),
    page("/equipment/{id}/calendar?month=2030-01", ALL_OK),
    Route.get("new item form", "/equipment/new", expect(LOGIN, FORBIDDEN, FORBIDDEN, OK, OK, OK)),
    Route.get("edit item form", "/equipment/{id}/edit", OWNER_PAGE),
    Route.post("edit item", "/equipment/{id}/edit", ITEM, OWNER_ACTION),
    Route.post("retire item", "/equipment/{id}/retire", {}, OWNER_ACTION),
    # registered: no organization to book for; outsider: not a member, only items open to registered
    # organizations; owner: internal use of one's own equipment; manager: no organization here
    Route.post(
        "book a members-only item",
        "/equipment/{members_item}/book",
        window_form(),
        expect(LOGIN, FORBIDDEN, FORBIDDEN, REDIRECT, REDIRECT, FORBIDDEN),
    ),
    Route.post(
        "book an item open to registered organizations",
        "/equipment/{open_item}/book",
        window_form(),
        expect(LOGIN, FORBIDDEN, REDIRECT, REDIRECT, REDIRECT, FORBIDDEN),
    ),
    Route.get("my bookings", "/equipment/bookings/mine", expect(LOGIN, OK, OK, OK, OK, OK)),
    Route.get("incoming", "/equipment/bookings/incoming", expect(LOGIN, FORBIDDEN, OK, OK, OK, OK)),
    # the pending request is the member's organization's
    Route.get("booking page", "/equipment/bookings/{pending}", expect(LOGIN, NOT_FOUND, NOT_FOUND, OK, OK, OK)),
    Route.post("approve", "/equipment/bookings/{pending}/approve", {"note": "See you at 10"}, OWNER_ACTION),
    Route.post("reject", "/equipment/bookings/{pending}/reject", {"note": "See you at 10"}, OWNER_ACTION),
    Route.post(
        "cancel",
        "/equipment/bookings/{pending}/cancel",
        {},
        expect(LOGIN, FORBIDDEN, FORBIDDEN, REDIRECT, FORBIDDEN, REDIRECT),
    ),
)


@pytest.fixture
def pending(item, people):
    """A pending request of the member's organization for the owner's item."""
    return make_booking(item, people.member.organization, at(3, 10), requested_by=people.member)


@pytest.fixture
def world(people, item, pending):
    """The owner's item with the pending request and an approved booking of another member (in the calendar),
    an item open to members only and one open to registered organizations."""
    make_booking(item, factories.member().organization, at(3, 14), status=BookingStatus.APPROVED)
    return {
        "id": item.id,
        "pending": pending.id,
        "members_item": factories.equipment(people.owner.organization, access=AccessPolicy.MEMBERS).id,
        "open_item": factories.equipment(people.owner.organization, access=AccessPolicy.REGISTERED).id,
    }


@MATRIX.every_pair
def test_who_may_do_what(client, world, as_role, route, role):
    """Every route as every role, each in a fresh world; a refused request stores nothing."""
    MATRIX.check_role(client, as_role, route, role, world)


def test_another_member_cannot_see_or_touch_a_booking(client, login, item, pending):
    login(factories.member())
    before = stored_rows()
    assert client.get(f"/equipment/bookings/{pending.id}").status_code == 404
    assert client.post(f"/equipment/bookings/{pending.id}/approve").status_code == 403
    assert client.post(f"/equipment/bookings/{pending.id}/cancel").status_code == 403
    assert_unchanged(before)


def test_another_users_of_the_owner_may_decide(client, login, people, pending):
    colleague = login(factories.user(organization=people.owner.organization))
    assert client.post(f"/equipment/bookings/{pending.id}/approve").status_code == 302
    assert client.get(f"/equipment/bookings/{pending.id}").status_code == 200
    booking = fresh(Booking, pending.id)
    assert booking.status == BookingStatus.APPROVED
    assert booking.decided_by_id == colleague.id


def test_user_of_a_former_member_cannot_edit(client, login, people, item):
    people.owner.organization.membership_status = MembershipStatus.NONE
    db.session.commit()
    login(people.owner)
    assert client.get(f"/equipment/{item.id}/edit").status_code == 403


def test_missing_objects_are_404(client, as_role, people):
    as_role("owner")
    before = stored_rows()
    assert client.get("/equipment/999").status_code == 404
    assert client.get("/equipment/999/calendar").status_code == 404
    assert client.post("/equipment/999/book", data=window_form()).status_code == 404
    assert client.get("/equipment/bookings/999").status_code == 404
    assert client.post("/equipment/bookings/999/approve").status_code == 404
    assert_unchanged(before)


def test_booking_statuses_unchanged_after_refused_actions(client, as_role, pending):
    as_role("outsider")
    before = stored_rows()
    client.post(f"/equipment/bookings/{pending.id}/approve")
    client.post(f"/equipment/bookings/{pending.id}/cancel")
    assert fresh(Booking, pending.id).status == BookingStatus.PENDING
    assert_unchanged(before)
