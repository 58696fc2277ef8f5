"""Booking requests, their validation, the overlap rule, decisions, cancellation and mail."""

from __future__ import annotations

import datetime as dt

import pytest

from marketplace.db import db
from marketplace.models import Booking, BookingStatus, EquipmentStatus
from tests import factories

from .conftest import at, local_day, make_booking, outbox_to, reload, utc_from_local, window_form


def bookings_of(item):
    db.session.expire_all()
    return list(db.session.scalars(db.select(Booking).where(Booking.equipment_id == item.id)))


# --- requesting ----------------------------------------------------------------------------------------------


def test_member_requests_a_window_in_the_cluster_time_zone(client, login, people, item):
    login(people.member)
    response = client.post(f"/equipment/{item.id}/book", data=window_form(days_ahead=5, start="09:30", end="13:00"))
    assert response.status_code == 302
    [booking] = bookings_of(item)
    assert response.headers["Location"].endswith(f"/equipment/bookings/{booking.id}")
    assert booking.status == BookingStatus.PENDING
    assert booking.organization_id == people.member.organization_id
    assert booking.requested_by_id == people.member.id
    # 09:30 in Moscow (UTC+3) is stored as 06:30 UTC.
    assert booking.starts_at == utc_from_local(dt.datetime.combine(local_day(5), dt.time(9, 30)))
    assert booking.ends_at == utc_from_local(dt.datetime.combine(local_day(5), dt.time(13, 0)))
    assert booking.starts_at.hour == 6
    assert booking.starts_at.minute == 30
    assert booking.purpose == "Measuring a pilot batch of flanges"
    [mail] = outbox_to(people.owner.email)
    assert "Member Machining" in mail.body or "Тестовое" in mail.body


def test_a_window_may_span_several_days(client, login, people, item):
    login(people.member)
    response = client.post(f"/equipment/{item.id}/book", data=window_form(3, "18:00", "09:00", end_days_ahead=5))
    assert response.status_code == 302
    [booking] = bookings_of(item)
    assert booking.ends_at - booking.starts_at == dt.timedelta(days=1, hours=15)


@pytest.mark.parametrize(
    ("form", "field", "message"),
    [
        (window_form(3, "12:00", "10:00"), "end_time", "The end must be after the start."),
        (window_form(3, "10:00", "10:00"), "end_time", "The end must be after the start."),
        (window_form(-1, "10:00", "12:00"), "start_date", "The window cannot start in the past."),
        (window_form(3, "10:00", "10:01", end_days_ahead=3 + 31), "end_date", "at most 31 days"),
        (window_form(3, purpose=""), "purpose", "This field is required."),
        ({**window_form(3), "start_date": ""}, "start_date", "This field is required."),
        ({**window_form(3), "start_date": "31.02.2030"}, "start_date", "Not a valid date value."),
        ({**window_form(3), "end_time": "25:00"}, "end_time", "Not a valid time value."),
    ],
)
def test_bad_windows_are_refused_with_field_errors(client, login, people, item, form, field, message):
    login(people.member)
    response = client.post(f"/equipment/{item.id}/book?lang=en", data=form)
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert message in html
    assert f'id="{field}"' in html
    assert "is-invalid" in html
    assert bookings_of(item) == []


def test_exactly_31_days_is_allowed(client, login, people, item):
    login(people.member)
    response = client.post(f"/equipment/{item.id}/book", data=window_form(3, "10:00", "10:00", end_days_ahead=34))
    assert response.status_code == 302
    [booking] = bookings_of(item)
    assert booking.ends_at - booking.starts_at == dt.timedelta(days=31)
    assert booking.status == BookingStatus.PENDING


def test_a_request_overlapping_an_approved_booking_is_refused(client, login, people, item):
    make_booking(item, people.owner.organization, at(3, 10), hours=2, status=BookingStatus.APPROVED)
    login(people.member)
    response = client.post(f"/equipment/{item.id}/book?lang=en", data=window_form(3, "11:00", "13:00"))
    assert response.status_code == 409
    assert "overlaps a booking already approved" in response.get_data(as_text=True)
    [approved] = bookings_of(item)
    assert approved.organization_id == people.owner.organization_id


def test_requests_may_overlap_pending_ones_and_touch_approved_ones(client, login, people, item):
    make_booking(item, people.owner.organization, at(3, 10), hours=2, status=BookingStatus.APPROVED)
    make_booking(item, people.outsider.organization, at(3, 12), hours=3)  # pending
    login(people.member)
    # [12:00, 14:00) touches the approved [10:00, 12:00) without overlapping, and overlaps a pending one.
    assert client.post(f"/equipment/{item.id}/book", data=window_form(3, "12:00", "14:00")).status_code == 302
    # Ending exactly when the approved window starts is fine too.
    assert client.post(f"/equipment/{item.id}/book", data=window_form(3, "08:00", "10:00")).status_code == 302
    bookings = bookings_of(item)
    assert len(bookings) == 4
    mine = sorted(b.starts_at for b in bookings if b.organization_id == people.member.organization_id)
    assert mine == [at(3, 8), at(3, 12)]


@pytest.mark.parametrize("status", [EquipmentStatus.MAINTENANCE, EquipmentStatus.RETIRED])
def test_items_out_of_service_cannot_be_requested(client, login, people, status):
    item = factories.equipment(people.owner.organization, status=status)
    login(people.member)
    assert client.post(f"/equipment/{item.id}/book", data=window_form()).status_code == 409
    page = client.get(f"/equipment/{item.id}?lang=en").get_data(as_text=True)
    assert 'data-testid="booking-form"' not in page
    assert ("under maintenance" if status == EquipmentStatus.MAINTENANCE else "has been retired") in page
    assert bookings_of(item) == []


def test_item_page_offers_the_form_only_to_those_allowed(client, login, people, item):
    assert 'data-testid="booking-form"' not in client.get(f"/equipment/{item.id}").get_data(as_text=True)
    login(people.outsider)
    page = client.get(f"/equipment/{item.id}?lang=en").get_data(as_text=True)
    assert 'data-testid="booking-form"' not in page
    assert "Only users of cluster member organizations may book" in page
    login(people.member)
    assert 'data-testid="booking-form"' in client.get(f"/equipment/{item.id}").get_data(as_text=True)


# --- deciding ------------------------------------------------------------------------------------------------


@pytest.fixture
def pending(item, people):
    return make_booking(item, people.member.organization, at(3, 10), requested_by=people.member)


def test_owner_approves_with_a_note_and_the_requester_is_told(client, login, people, pending):
    login(people.owner)
    response = client.post(
        f"/equipment/bookings/{pending.id}/approve",
        data={"note": "Bring your own fixtures", "next": "/equipment/bookings/incoming?status=all"},
    )
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/equipment/bookings/incoming?status=all")
    booking = reload(Booking, pending.id)
    assert booking.status == BookingStatus.APPROVED
    assert booking.decided_by_id == people.owner.id
    assert booking.decided_at is not None
    assert booking.decision_note == "Bring your own fixtures"
    [mail] = outbox_to(people.member.email)
    assert "Bring your own fixtures" in mail.body


def test_next_must_stay_on_the_site(client, login, people, pending):
    login(people.owner)
    response = client.post(f"/equipment/bookings/{pending.id}/approve", data={"next": "https://evil.test/"})
    assert response.headers["Location"].endswith("/equipment/bookings/incoming")
    assert reload(Booking, pending.id).status == BookingStatus.APPROVED


def test_an_overlapping_request_cannot_be_approved(client, login, people, item, pending):
    other = make_booking(item, people.outsider.organization, at(3, 11), requested_by=people.outsider)
    login(people.owner)
    assert client.post(f"/equipment/bookings/{pending.id}/approve").status_code == 302
    incoming = client.get("/equipment/bookings/incoming?lang=en").get_data(as_text=True)
    assert "it cannot be approved" in incoming  # the clash is flagged before anyone clicks
    response = client.post(f"/equipment/bookings/{other.id}/approve?lang=en")
    assert response.status_code == 409
    assert "cannot be approved: it overlaps a booking already approved" in response.get_data(as_text=True)
    assert reload(Booking, other.id).status == BookingStatus.PENDING
    # Rejecting it is still possible.
    assert client.post(f"/equipment/bookings/{other.id}/reject", data={"note": "Taken"}).status_code == 302
    assert reload(Booking, other.id).status == BookingStatus.REJECTED


def test_a_decided_request_cannot_be_decided_again(client, login, people, pending):
    login(people.owner)
    client.post(f"/equipment/bookings/{pending.id}/reject", data={"note": "No"})
    assert client.post(f"/equipment/bookings/{pending.id}/approve").status_code == 409
    assert reload(Booking, pending.id).status == BookingStatus.REJECTED


def test_reject_needs_a_note(client, login, people, pending):
    login(people.owner)
    response = client.post(f"/equipment/bookings/{pending.id}/reject?lang=en", data={"note": "  "})
    assert response.status_code == 400
    assert "Say why the request is rejected." in response.get_data(as_text=True)
    assert reload(Booking, pending.id).status == BookingStatus.PENDING
    response = client.post(f"/equipment/bookings/{pending.id}/reject", data={"note": "Calibration that week"})
    assert response.status_code == 302
    booking = reload(Booking, pending.id)
    assert booking.status == BookingStatus.REJECTED
    assert booking.decision_note == "Calibration that week"
    [mail] = outbox_to(people.member.email)
    assert "Calibration that week" in mail.body


def test_a_too_long_note_is_a_field_error(client, login, people, pending):
    login(people.owner)
    response = client.post(f"/equipment/bookings/{pending.id}/approve", data={"note": "x" * 2001})
    assert response.status_code == 400
    assert reload(Booking, pending.id).status == BookingStatus.PENDING


def test_a_request_for_past_time_cannot_be_approved(client, login, people, item):
    stale = make_booking(item, people.member.organization, at(-2, 10))
    login(people.owner)
    assert client.post(f"/equipment/bookings/{stale.id}/approve").status_code == 409
    booking = reload(Booking, stale.id)
    assert booking.status == BookingStatus.PENDING
    assert booking.decided_by_id is None
    assert outbox_to(people.member.email) == []


# --- cancelling ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("status", [BookingStatus.PENDING, BookingStatus.APPROVED])
def test_requester_cancels_a_future_booking(client, login, people, item, status):
    booking = make_booking(item, people.member.organization, at(3, 10), status=status, requested_by=people.member)
    login(factories.user(organization=people.member.organization))  # any user of the requesting organization
    response = client.post(f"/equipment/bookings/{booking.id}/cancel")
    assert response.status_code == 302
    assert reload(Booking, booking.id).status == BookingStatus.CANCELLED
    # The owner hears about a freed approved window only.
    assert len(outbox_to(people.owner.email)) == (1 if status == BookingStatus.APPROVED else 0)


@pytest.mark.parametrize(
    ("status", "days"),
    [
        (BookingStatus.APPROVED, -1),  # already started
        (BookingStatus.REJECTED, 3),
        (BookingStatus.CANCELLED, 3),
    ],
)
def test_what_cannot_be_cancelled(client, login, people, item, status, days):
    booking = make_booking(item, people.member.organization, at(days, 10), status=status)
    login(people.member)
    assert client.post(f"/equipment/bookings/{booking.id}/cancel").status_code == 409
    assert reload(Booking, booking.id).status == status


def test_a_cancelled_window_can_be_approved_for_someone_else(client, login, people, item, pending):
    other = make_booking(item, people.outsider.organization, at(3, 10))
    login(people.owner)
    client.post(f"/equipment/bookings/{pending.id}/approve")
    login(people.member)
    client.post(f"/equipment/bookings/{pending.id}/cancel")
    login(people.owner)
    assert client.post(f"/equipment/bookings/{other.id}/approve").status_code == 302
    assert reload(Booking, other.id).status == BookingStatus.APPROVED


# --- lists ---------------------------------------------------------------------------------------------------


def test_incoming_lists_the_owners_requests_only(client, login, people, item, pending):
    foreign_item = factories.equipment(people.member.organization, name_en="Foreign lathe")
    foreign = make_booking(foreign_item, people.outsider.organization, at(4, 10))
    decided = make_booking(item, people.outsider.organization, at(5, 10), status=BookingStatus.REJECTED)
    login(people.owner)
    html = client.get("/equipment/bookings/incoming").get_data(as_text=True)
    assert f'data-booking-id="{pending.id}"' in html
    assert f'data-booking-id="{decided.id}"' not in html  # pending is the default tab
    assert f'data-booking-id="{foreign.id}"' not in html
    assert people.member.email in html  # the owner may contact the requester
    html = client.get("/equipment/bookings/incoming?status=all").get_data(as_text=True)
    assert f'data-booking-id="{decided.id}"' in html
    login(people.manager)
    html = client.get("/equipment/bookings/incoming").get_data(as_text=True)
    assert f'data-booking-id="{pending.id}"' in html
    assert f'data-booking-id="{foreign.id}"' in html


def test_my_bookings_lists_the_organizations_bookings(client, login, people, item, pending):
    others = make_booking(item, people.outsider.organization, at(4, 10))
    login(factories.user(organization=people.member.organization))
    html = client.get("/equipment/bookings/mine").get_data(as_text=True)
    assert f'data-booking-id="{pending.id}"' in html
    assert f'data-booking-id="{others.id}"' not in html
    assert 'data-testid="booking-cancel"' in html
    html = client.get("/equipment/bookings/mine?status=approved").get_data(as_text=True)
    assert f'data-booking-id="{pending.id}"' not in html


def test_who_booked_is_shown_to_members_only(client, login, people, item):
    factories.booking(item, people.outsider.organization, at(3, 10), status=BookingStatus.APPROVED)
    name = "Outsider Trading LLC"
    assert name not in client.get(f"/equipment/{item.id}?lang=en").get_data(as_text=True)
    login(people.registered)
    page = client.get(f"/equipment/{item.id}?lang=en").get_data(as_text=True)
    assert name not in page
    assert "Busy" in page
    login(people.member)
    assert name in client.get(f"/equipment/{item.id}?lang=en").get_data(as_text=True)
    login(people.outsider)  # the requester itself
    assert name in client.get(f"/equipment/{item.id}?lang=en").get_data(as_text=True)


def test_owner_sees_how_many_requests_wait(client, login, people, item, pending):
    login(people.owner)
    assert "Requests awaiting your decision: 1." in client.get(f"/equipment/{item.id}?lang=en").get_data(as_text=True)
    login(people.member)
    page = client.get(f"/equipment/{item.id}?lang=en").get_data(as_text=True)
    assert "Requests awaiting your decision" not in page
    assert "requests" in page
    assert f"/equipment/bookings/{pending.id}" in page


# --- retiring ------------------------------------------------------------------------------------------------


def test_retiring_releases_bookings(client, login, people, item, pending):
    approved = make_booking(
        item, people.outsider.organization, at(6, 10), status=BookingStatus.APPROVED, requested_by=people.outsider
    )
    past = make_booking(item, people.outsider.organization, at(-6, 10), status=BookingStatus.APPROVED)
    login(people.owner)
    assert client.post(f"/equipment/{item.id}/retire").status_code == 302
    assert reload(Booking, pending.id).status == BookingStatus.REJECTED
    assert reload(Booking, approved.id).status == BookingStatus.CANCELLED
    assert reload(Booking, past.id).status == BookingStatus.APPROVED  # history stays
    assert len(outbox_to(people.member.email)) == 1
    assert len(outbox_to(people.outsider.email)) == 1
    assert reload(type(item), item.id).status == EquipmentStatus.RETIRED
