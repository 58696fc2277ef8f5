"""Fixtures of the equipment tests: one person of every role and an item owned by a university."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest

from marketplace.db import db, utcnow
from marketplace.models import AccessPolicy, Booking, BookingStatus, OrgKind, OutboxMessage
from tests import factories
from tests.access_matrix import roles

CLUSTER_TZ = ZoneInfo("Europe/Moscow")
ROLES = roles("owner")


@pytest.fixture
def people(app):
    """guest (None), a registered user without organization, a user of a non-member organization,
    a user of a member company, a user of the university that owns the equipment, the manager."""
    owner = factories.member(
        kind=OrgKind.UNIVERSITY,
        name_ru="СтГУ",
        name_en="Stavropol State University",
        contact_email="lab@university.test",
    )
    return SimpleNamespace(
        guest=None,
        registered=factories.registered(),
        outsider=factories.outsider(name_en="Outsider Trading LLC", region="Москва"),
        member=factories.member(name_en="Member Machining LLC"),
        owner=owner,
        manager=factories.manager(),
    )


@pytest.fixture
def item(people):
    return factories.equipment(
        people.owner.organization, name_en="Coordinate measuring machine", access=AccessPolicy.MEMBERS
    )


@pytest.fixture
def as_role(login, people):
    """``as_role("member")`` logs the client in as that person (``"guest"`` logs out); returns the user."""

    def switch(role: str):
        return login(getattr(people, role))

    return switch


def utc_from_local(value: dt.datetime) -> dt.datetime:
    """A wall time of the cluster's time zone as naive UTC, the way the database stores it."""
    return value.replace(tzinfo=CLUSTER_TZ).astimezone(dt.UTC).replace(tzinfo=None)


def local_day(days_ahead: int) -> dt.date:
    """A date ``days_ahead`` days from today in the cluster's time zone."""
    return (dt.datetime.now(CLUSTER_TZ) + dt.timedelta(days=days_ahead)).date()


def at(days_ahead: int, hour: int, minute: int = 0) -> dt.datetime:
    """Naive UTC of ``hour:minute`` local time, ``days_ahead`` days from today."""
    return utc_from_local(dt.datetime.combine(local_day(days_ahead), dt.time(hour, minute)))


def window_form(
    days_ahead: int = 3,
    start: str = "10:00",
    end: str = "12:00",
    end_days_ahead: int | None = None,
    purpose: str = "Measuring a pilot batch of flanges",
) -> dict:
    data = {"start_date": local_day(days_ahead).isoformat(), "start_time": start, "end_time": end, "purpose": purpose}
    if end_days_ahead is not None:
        data["end_date"] = local_day(end_days_ahead).isoformat()
    return data


def make_booking(
    item, organization, starts_at: dt.datetime, hours: int = 2, status=BookingStatus.PENDING, requested_by=None
) -> Booking:
    return factories.booking(
        item,
        organization,
        starts_at,
        hours=hours,
        status=status,
        requested_by_id=requested_by.id if requested_by else None,
    )


def reload(model, pk):
    db.session.expire_all()
    return db.session.get(model, pk)


def outbox_to(email: str) -> list[OutboxMessage]:
    db.session.expire_all()
    return list(db.session.scalars(db.select(OutboxMessage).where(OutboxMessage.recipient == email)))


def now() -> dt.datetime:
    return utcnow()
