"""The equipment forms carry working CSRF tokens (the other tests switch CSRF off)."""

from __future__ import annotations

import re

import pytest

from marketplace.models import Booking, BookingStatus
from tests.factories import count

from .conftest import reload, window_form


@pytest.fixture
def app_config():
    return {"WTF_CSRF_ENABLED": True}


def token(html: str, testid: str) -> str:
    form = re.search(rf'<form[^>]*data-testid="{testid}".*?</form>', html, re.DOTALL)
    assert form, testid
    return re.search(
        r'name="csrf_token" type="hidden" value="([^"]+)"|value="([^"]+)"[^>]*name="csrf_token"', form.group(0)
    ).group(1)


def test_request_and_approve_through_the_real_forms(client, login, people, item):
    login(people.member)
    page = client.get(f"/equipment/{item.id}").get_data(as_text=True)
    assert client.post(f"/equipment/{item.id}/book", data=window_form()).status_code == 400  # no token
    assert count(Booking) == 0
    response = client.post(
        f"/equipment/{item.id}/book", data={**window_form(), "csrf_token": token(page, "booking-form")}
    )
    assert response.status_code == 302
    [booking_id] = [int(n) for n in re.findall(r"/equipment/bookings/(\d+)", response.headers["Location"])]

    login(people.owner)
    page = client.get("/equipment/bookings/incoming").get_data(as_text=True)
    response = client.post(
        f"/equipment/bookings/{booking_id}/approve", data={"csrf_token": token(page, "decision-form")}
    )
    assert response.status_code == 302
    assert reload(Booking, booking_id).status == BookingStatus.APPROVED

    login(people.member)
    page = client.get("/equipment/bookings/mine").get_data(as_text=True)
    response = client.post(
        f"/equipment/bookings/{booking_id}/cancel", data={"csrf_token": token(page, "booking-cancel-form")}
    )
    assert response.status_code == 302
    assert reload(Booking, booking_id).status == BookingStatus.CANCELLED
