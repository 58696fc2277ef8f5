"""The month calendar of an item and the "what is free in this window" search."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from marketplace.equipment import calendar_grid
from marketplace.models import BookingStatus, EquipmentCategory, EquipmentStatus
from tests import factories

from .conftest import local_day, make_booking, utc_from_local


def local(year, month, day, hour=0, minute=0):
    return utc_from_local(dt.datetime(year, month, day, hour, minute))


def cell(html: str, date: str) -> str:
    match = re.search(rf'<td[^>]*data-date="{date}"[^>]*>(.*?)</td>', html, re.DOTALL)
    assert match, date
    return match.group(1)


@pytest.fixture
def march(people, item):
    """In March 2030: an approved booking of the member, a pending one of the outsider, a rejected one,
    and an approved booking over a night (22:00 on the 20th to 02:00 on the 21st)."""
    return {
        "approved": make_booking(
            item, people.member.organization, local(2030, 3, 12, 10), hours=2, status=BookingStatus.APPROVED
        ),
        "pending": make_booking(item, people.outsider.organization, local(2030, 3, 14, 9), hours=3),
        "rejected": make_booking(
            item, people.outsider.organization, local(2030, 3, 15, 9), hours=3, status=BookingStatus.REJECTED
        ),
        "overnight": make_booking(
            item, people.member.organization, local(2030, 3, 20, 22), hours=4, status=BookingStatus.APPROVED
        ),
    }


def test_calendar_shows_approved_bookings_in_wall_time(client, item, march):
    html = client.get(f"/equipment/{item.id}/calendar?month=2030-03&lang=en").get_data(as_text=True)
    assert "March 2030" in html
    day = cell(html, "2030-03-12")
    assert "slot-approved" in day
    assert "10:00–12:00" in day
    assert "Busy" in day
    assert "Member Machining" not in day
    assert "slot" not in cell(html, "2030-03-14")  # pending: not for guests
    assert "slot" not in cell(html, "2030-03-15")  # rejected: never
    assert "22:00–…" in cell(html, "2030-03-20")
    assert "…–02:00" in cell(html, "2030-03-21")
    # The grid runs Monday to Sunday: 2030-03-01 is a Friday, so the grid opens on Monday 2030-02-25.
    assert 'data-date="2030-02-25"' in html
    assert 'class="outside"' in html
    assert "month=2030-02" in html
    assert "month=2030-04" in html


def test_owner_sees_pending_requests_and_members_see_names(client, login, people, item, march):
    login(people.owner)
    html = client.get(f"/equipment/{item.id}/calendar?month=2030-03&lang=en").get_data(as_text=True)
    pending = cell(html, "2030-03-14")
    assert "slot-pending" in pending
    assert "09:00–12:00" in pending
    assert f"/equipment/bookings/{march['pending'].id}" in pending  # the owner can open it
    login(people.member)
    html = client.get(f"/equipment/{item.id}/calendar?month=2030-03&lang=en").get_data(as_text=True)
    assert "Member Machining LLC" in cell(html, "2030-03-12")
    assert "slot" not in cell(html, "2030-03-14")  # someone else's pending request
    login(people.outsider)
    html = client.get(f"/equipment/{item.id}/calendar?month=2030-03&lang=en").get_data(as_text=True)
    assert "slot-pending" in cell(html, "2030-03-14")  # its own pending request
    assert "Busy" in cell(html, "2030-03-12")  # a non-member does not learn who booked


def test_calendar_defaults_to_this_month_with_today_highlighted(client, item):
    today = local_day(0)
    html = client.get(f"/equipment/{item.id}/calendar").get_data(as_text=True)
    assert re.search(rf'<td class="[^"]*today[^"]*"\s+data-date="{today.isoformat()}"', html)
    assert len(re.findall(r'<td class="[^"]*\btoday\b', html)) == 1


@pytest.mark.parametrize("month", ["2030-13", "march", "1999-01", "2030-3"])
def test_a_bad_month_is_400(client, item, month):
    assert client.get(f"/equipment/{item.id}/calendar?month={month}").status_code == 400


def test_month_arithmetic():
    assert calendar_grid.shift_month(2030, 1, -1) == (2029, 12)
    assert calendar_grid.shift_month(2030, 12, 1) == (2031, 1)
    assert calendar_grid.parse_month("", dt.date(2031, 5, 6)) == (2031, 5)
    assert len(calendar_grid.grid_dates(2030, 3)) == 5


# --- free in a window ------------------------------------------------------------------------------------------


def test_free_lists_available_items_without_an_approved_overlap(client, people):
    org = people.owner.organization
    factories.equipment(org, name_en="Free item")
    busy = factories.equipment(org, name_en="Busy item")
    requested = factories.equipment(org, name_en="Requested item")
    adjacent = factories.equipment(org, name_en="Adjacent item")
    factories.equipment(org, name_en="Serviced item", status=EquipmentStatus.MAINTENANCE)
    factories.equipment(org, name_en="Retired item", status=EquipmentStatus.RETIRED)
    make_booking(busy, people.member.organization, local(2030, 3, 12, 11), hours=4, status=BookingStatus.APPROVED)
    make_booking(requested, people.member.organization, local(2030, 3, 12, 10), hours=2)
    make_booking(adjacent, people.member.organization, local(2030, 3, 12, 12), hours=2, status=BookingStatus.APPROVED)
    response = client.get("/equipment/free?lang=en&start=2030-03-12T10:00&end=2030-03-12T12:00")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    found = set(re.findall(r'<a href="/equipment/\d+">([^<]+ item)</a>', html))
    assert found == {"Free item", "Requested item", "Adjacent item"}
    assert "Free in this window: 3." in html


def test_free_filters_by_category_and_region(client, people):
    factories.equipment(people.owner.organization, name_en="Stavropol lathe")
    factories.equipment(people.owner.organization, name_en="Stavropol GC item", category=EquipmentCategory.ANALYTICAL)
    moscow = factories.member(region="Москва")
    factories.equipment(moscow.organization, name_en="Moscow lathe")
    base = "/equipment/free?lang=en&start=2030-03-12 10:00&end=2030-03-12 12:00"
    html = client.get(base + "&category=machining").get_data(as_text=True)
    assert "Stavropol lathe" in html
    assert "Moscow lathe" in html
    assert "GC item" not in html
    html = client.get(base + "&category=machining&region=Москва").get_data(as_text=True)
    assert "Moscow lathe" in html
    assert "Stavropol lathe" not in html


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("start=2030-03-12T12:00&end=2030-03-12T10:00", "The end must be after the start."),
        ("start=tomorrow&end=2030-03-12T10:00", "Not a valid datetime value."),
        ("start=2030-03-12T10:00", "This field is required."),
        ("start=2030-03-12T10:00&end=2030-03-12T12:00&category=spaceship", "Not a valid choice."),
    ],
)
def test_free_refuses_bad_windows(client, query, message):
    response = client.get(f"/equipment/free?lang=en&{query}")
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)


def test_free_without_a_window_shows_the_form(client):
    response = client.get("/equipment/free?lang=en")
    assert response.status_code == 200
    assert "Choose when you need the equipment." in response.get_data(as_text=True)
