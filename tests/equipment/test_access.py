"""Who may open and use every equipment route: guest / registered / outsider / member / owner / manager."""

from __future__ import annotations

import pytest

from marketplace.models import AccessPolicy, BookingStatus
from tests import factories

from .conftest import ROLES, at, make_booking, window_form

LOGIN = "login"


def check(response, expected):
    if expected == LOGIN:
        assert response.status_code == 302
        assert "/account/login" in response.headers["Location"]
    else:
        assert response.status_code == expected, response.get_data(as_text=True)[:500]


PUBLIC_PAGES = (
    "/equipment/",
    "/equipment/?category=measurement&q=machine",
    "/equipment/free",
    "/equipment/free?start=2030-01-01T10:00&end=2030-01-01T12:00",
    "/equipment/{id}",
    "/equipment/{id}/calendar",
    "/equipment/{id}/calendar?month=2030-01",
)


@pytest.mark.parametrize("role", ROLES)
def test_public_pages_open_to_everyone(client, as_role, item, role):
    make_booking(item, factories.member().organization, at(3, 10), status=BookingStatus.APPROVED)
    as_role(role)
    for path in PUBLIC_PAGES:
        check(client.get(path.format(id=item.id)), 200)


@pytest.mark.parametrize(
    ("role", "expected"),
    [("guest", LOGIN), ("registered", 403), ("outsider", 403), ("member", 200), ("owner", 200), ("manager", 200)],
)
def test_new_item_form(client, as_role, people, role, expected):
    as_role(role)
    check(client.get("/equipment/new"), expected)


@pytest.mark.parametrize(
    ("role", "expected"),
    [("guest", LOGIN), ("registered", 403), ("outsider", 403), ("member", 403), ("owner", 200), ("manager", 200)],
)
def test_edit_item_form(client, as_role, item, role, expected):
    as_role(role)
    check(client.get(f"/equipment/{item.id}/edit"), expected)


@pytest.mark.parametrize(
    ("role", "expected"),
    [("guest", LOGIN), ("registered", 403), ("outsider", 403), ("member", 403), ("owner", 200), ("manager", 200)],
)
def test_edit_item_post(client, as_role, item, role, expected):
    as_role(role)
    response = client.post(
        f"/equipment/{item.id}/edit",
        data={"name_ru": "Новое имя", "category": "measurement", "access": "members", "status": "available"},
    )
    check(response, 302 if expected == 200 else expected)


@pytest.mark.parametrize(
    ("role", "expected"),
    [("guest", LOGIN), ("registered", 403), ("outsider", 403), ("member", 403), ("owner", 302), ("manager", 302)],
)
def test_retire_item(client, as_role, item, role, expected):
    as_role(role)
    check(client.post(f"/equipment/{item.id}/retire"), expected)


@pytest.mark.parametrize(
    ("role", "members_only", "registered_ok"),
    [
        ("guest", LOGIN, LOGIN),
        ("registered", 403, 403),  # no organization to book for
        ("outsider", 403, 302),  # not a member: only items open to registered organizations
        ("member", 302, 302),
        ("owner", 302, 302),  # internal use of one's own equipment
        ("manager", 403, 403),  # the manager has no organization here
    ],
)
def test_request_booking(client, as_role, people, role, members_only, registered_ok):
    members_item = factories.equipment(people.owner.organization, access=AccessPolicy.MEMBERS)
    open_item = factories.equipment(people.owner.organization, access=AccessPolicy.REGISTERED)
    as_role(role)
    check(client.post(f"/equipment/{members_item.id}/book", data=window_form()), members_only)
    check(client.post(f"/equipment/{open_item.id}/book", data=window_form()), registered_ok)


@pytest.mark.parametrize(
    ("role", "expected"),
    [("guest", LOGIN), ("registered", 200), ("outsider", 200), ("member", 200), ("owner", 200), ("manager", 200)],
)
def test_my_bookings(client, as_role, people, role, expected):
    as_role(role)
    check(client.get("/equipment/bookings/mine"), expected)


@pytest.mark.parametrize(
    ("role", "expected"),
    [("guest", LOGIN), ("registered", 403), ("outsider", 200), ("member", 200), ("owner", 200), ("manager", 200)],
)
def test_incoming(client, as_role, people, role, expected):
    as_role(role)
    check(client.get("/equipment/bookings/incoming"), expected)


@pytest.fixture
def pending(item, people):
    """A pending request of the member's organization for the owner's item."""
    return make_booking(item, people.member.organization, at(3, 10), requested_by=people.member)


@pytest.mark.parametrize(
    ("role", "expected"),
    [("guest", LOGIN), ("registered", 404), ("outsider", 404), ("member", 200), ("owner", 200), ("manager", 200)],
)
def test_booking_page(client, as_role, pending, role, expected):
    as_role(role)
    check(client.get(f"/equipment/bookings/{pending.id}"), expected)


@pytest.mark.parametrize("action", ["approve", "reject"])
@pytest.mark.parametrize(
    ("role", "expected"),
    [("guest", LOGIN), ("registered", 403), ("outsider", 403), ("member", 403), ("owner", 302), ("manager", 302)],
)
def test_decide(client, as_role, pending, role, expected, action):
    as_role(role)
    check(client.post(f"/equipment/bookings/{pending.id}/{action}", data={"note": "See you at 10"}), expected)


@pytest.mark.parametrize(
    ("role", "expected"),
    [("guest", LOGIN), ("registered", 403), ("outsider", 403), ("member", 302), ("owner", 403), ("manager", 302)],
)
def test_cancel(client, as_role, pending, role, expected):
    as_role(role)
    check(client.post(f"/equipment/bookings/{pending.id}/cancel"), expected)


def test_another_member_cannot_see_or_touch_a_booking(client, login, item, pending):
    login(factories.member())
    assert client.get(f"/equipment/bookings/{pending.id}").status_code == 404
    assert client.post(f"/equipment/bookings/{pending.id}/approve").status_code == 403
    assert client.post(f"/equipment/bookings/{pending.id}/cancel").status_code == 403


def test_another_users_of_the_owner_may_decide(client, login, people, pending):
    login(factories.user(organization=people.owner.organization))
    assert client.post(f"/equipment/bookings/{pending.id}/approve").status_code == 302
    assert client.get(f"/equipment/bookings/{pending.id}").status_code == 200


def test_user_of_a_former_member_cannot_edit(client, login, people, item):
    from marketplace.db import db
    from marketplace.models import MembershipStatus

    people.owner.organization.membership_status = MembershipStatus.NONE
    db.session.commit()
    login(people.owner)
    assert client.get(f"/equipment/{item.id}/edit").status_code == 403


def test_missing_objects_are_404(client, as_role, people):
    as_role("owner")
    assert client.get("/equipment/999").status_code == 404
    assert client.get("/equipment/999/calendar").status_code == 404
    assert client.post("/equipment/999/book", data=window_form()).status_code == 404
    assert client.get("/equipment/bookings/999").status_code == 404
    assert client.post("/equipment/bookings/999/approve").status_code == 404


def test_booking_statuses_unchanged_after_refused_actions(client, as_role, pending):
    from marketplace.models import Booking

    from .conftest import reload

    as_role("outsider")
    client.post(f"/equipment/bookings/{pending.id}/approve")
    client.post(f"/equipment/bookings/{pending.id}/cancel")
    assert reload(Booking, pending.id).status == BookingStatus.PENDING
