"""/api/v1/equipment: shared equipment and when it is taken."""

import datetime as dt

import pytest

from marketplace.db import utcnow
from marketplace.models import BookingStatus, EquipmentCategory, EquipmentStatus
from tests import factories
from tests.api.conftest import ROLES, assert_absent, assert_error, assert_present, ids


@pytest.fixture
def items(people):
    university = factories.organization(name_ru="Университет", name_en="University", region="Москва")
    return {
        "lathe": factories.equipment(people.org, name_en="CNC lathe", manufacturer="DMG MORI"),
        "printer": factories.equipment(university, name_en="Metal printer", category=EquipmentCategory.ADDITIVE),
        "broken": factories.equipment(
            people.org, name_en="Old mill", status=EquipmentStatus.MAINTENANCE, price_per_hour=None
        ),
    }


def test_list_shape_and_filters(items, people, get_json):
    data = get_json("/api/v1/equipment").json
    assert data["total"] == 3
    lathe = next(item for item in data["items"] if item["id"] == items["lathe"].id)
    assert set(lathe) == {
        "id",
        "url",
        "name",
        "category",
        "manufacturer",
        "model",
        "location",
        "price_per_hour",
        "price_per_day",
        "access",
        "status",
        "organization",
    }
    assert (lathe["category"], lathe["status"], lathe["access"]) == ("machining", "available", "members")
    assert lathe["price_per_hour"] == "2500.00"
    assert lathe["price_per_day"] is None
    assert ids(get_json("/api/v1/equipment?category=additive")) == {items["printer"].id}
    assert ids(get_json("/api/v1/equipment?status=maintenance")) == {items["broken"].id}
    assert ids(get_json(f"/api/v1/equipment?org={people.org.id}")) == {items["lathe"].id, items["broken"].id}
    assert ids(get_json("/api/v1/equipment?region=Москва")) == {items["printer"].id}
    assert ids(get_json("/api/v1/equipment?q=dmg")) == {items["lathe"].id}
    assert ids(get_json(f"/api/v1/equipment?org={people.org.id}&status=available")) == {items["lathe"].id}


@pytest.mark.parametrize(
    ("query", "parameter"),
    [("category=spaceship", "category"), ("status=broken", "status"), ("org=x", "org"), ("region=Mars", "region")],
)
def test_bad_filters_are_400(app, client, query, parameter):
    assert_error(client.get(f"/api/v1/equipment?{query}"), 400, parameter)


@pytest.fixture
def booked(items, people):
    """The lathe with bookings of every kind; only the two future approved ones are busy windows."""
    lathe = items["lathe"]
    booker = people.member.organization
    start = utcnow().replace(microsecond=0) + dt.timedelta(days=2)
    person = factories.user(booker, full_name="Secret Booker Person")
    factories.booking(
        lathe, booker, start, status=BookingStatus.APPROVED, requested_by=person, purpose="Confidential prototype X-17"
    )
    factories.booking(lathe, booker, start + dt.timedelta(days=1), hours=3, status=BookingStatus.APPROVED)
    factories.booking(lathe, booker, start + dt.timedelta(days=3), status=BookingStatus.PENDING)
    factories.booking(lathe, booker, start + dt.timedelta(days=4), status=BookingStatus.REJECTED)
    factories.booking(lathe, booker, start - dt.timedelta(days=10), status=BookingStatus.APPROVED)
    return lathe, start


@pytest.mark.parametrize("role", ROLES)
def test_detail_busy_windows(booked, people, as_role, get_json, role):
    lathe, start = booked
    as_role(role)
    response = get_json(f"/api/v1/equipment/{lathe.id}")
    data = response.json
    assert data["description"] == {"ru": "", "en": ""}
    assert [(w["starts_at"], w["ends_at"]) for w in data["busy"]] == [
        ((start).isoformat() + "Z", (start + dt.timedelta(hours=2)).isoformat() + "Z"),
        ((start + dt.timedelta(days=1)).isoformat() + "Z", (start + dt.timedelta(days=1, hours=3)).isoformat() + "Z"),
    ]
    assert_absent(response, "Secret Booker Person", "X-17")  # never the person or the purpose
    booker_name = people.member.organization.name_en
    if role in ("member", "owner", "manager"):
        assert data["busy"][0]["organization"]["id"] == people.member.organization_id
        assert_present(response, booker_name)
    else:
        assert all(set(w) == {"starts_at", "ends_at"} for w in data["busy"])
        assert_absent(response, booker_name)
