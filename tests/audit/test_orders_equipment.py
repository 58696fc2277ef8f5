"""Awards and cancellations of orders, decisions on equipment bookings: one entry each, none when refused."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from marketplace.audit.models import AuditAction
from marketplace.db import utcnow
from marketplace.models import OrderStatus
from tests import factories

from .helpers import after, before, check_what, check_who, entries, only_entry


@pytest.fixture
def order(people):
    return factories.order(people.org, title="Фланцы, партия 7")


@pytest.fixture
def suppliers(people):
    return factories.member(name_ru="ООО «Бета»").organization, factories.member(name_ru="АО «Гамма»").organization


def test_an_award_is_logged_with_the_winner(client, login, people, order, suppliers):
    beta, gamma = suppliers
    winner = factories.response(order, beta, price=Decimal("410000.50"))
    loser = factories.response(order, gamma)
    login(people.admin)
    assert client.post(f"/orders/{order.id}/award", data={"response_id": str(winner.id)}).status_code == 302
    entry = only_entry()
    check_who(entry, people.admin)
    check_what(entry, AuditAction.ORDER_AWARDED, "order", order.id, people.org)
    assert entry.target_name == "Фланцы, партия 7"
    assert before(entry) == {"status": "open", "awarded_response_id": None}
    assert after(entry) == {
        "status": "awarded",
        "awarded_response_id": winner.id,
        "supplier_organization_id": beta.id,
        "supplier": "ООО «Бета»",
        "price": "410000.50",
        "declined_response_ids": [loser.id],
    }


def test_a_refused_award_logs_nothing(client, login, people, order, suppliers):
    response = factories.response(order, suppliers[0])
    login(people.manager)  # may not award another's order
    assert client.post(f"/orders/{order.id}/award", data={"response_id": str(response.id)}).status_code == 403
    login(people.admin)
    assert client.post(f"/orders/{order.id}/award", data={"response_id": "999999"}).status_code == 404
    assert entries() == []
    assert client.post(f"/orders/{order.id}/award", data={"response_id": str(response.id)}).status_code == 302
    assert client.post(f"/orders/{order.id}/award", data={"response_id": str(response.id)}).status_code == 409
    assert len(entries()) == 1


def test_a_cancellation_is_logged_with_the_reason(client, login, people):
    draft = factories.order(people.org, status=OrderStatus.DRAFT)
    login(people.admin)
    assert client.post(f"/orders/{draft.id}/cancel", data={"reason": "Проект закрыт"}).status_code == 302
    entry = only_entry()
    check_who(entry, people.admin)
    check_what(entry, AuditAction.ORDER_CANCELLED, "order", draft.id, people.org)
    assert before(entry) == {"status": "draft"}
    assert after(entry) == {"status": "cancelled", "reason": "Проект закрыт"}


def test_a_refused_cancellation_logs_nothing(client, login, people, order):
    login(people.admin)
    assert client.post(f"/orders/{order.id}/cancel", data={"reason": "  "}).status_code == 400
    login(people.registered)
    assert client.post(f"/orders/{order.id}/cancel", data={"reason": "x"}).status_code in (403, 404)
    assert entries() == []


# --- equipment bookings -------------------------------------------------------------------------------------


@pytest.fixture
def item(people):
    return factories.equipment(people.org, name_ru="Координатно-измерительная машина")


def _start(days: int, hour: int) -> dt.datetime:
    return (utcnow() + dt.timedelta(days=days)).replace(hour=hour, minute=0, second=0, microsecond=0)


def test_approving_a_booking_is_logged(client, login, people, item):
    requester = factories.member(name_ru="ООО «Бета»").organization
    starts = _start(5, 7)
    booking = factories.booking(item, requester, starts, hours=3)
    login(people.colleague)  # any user of the owner decides
    response = client.post(f"/equipment/bookings/{booking.id}/approve", data={"note": "Возьмите оснастку"})
    assert response.status_code == 302
    entry = only_entry()
    check_who(entry, people.colleague)
    check_what(entry, AuditAction.BOOKING_APPROVED, "booking", booking.id, people.org)
    assert entry.target_name == "Координатно-измерительная машина"
    assert before(entry) == {"status": "pending"}
    assert after(entry) == {
        "status": "approved",
        "note": "Возьмите оснастку",
        "equipment_id": item.id,
        "requesting_organization_id": requester.id,
        "starts_at": starts.isoformat(),
        "ends_at": (starts + dt.timedelta(hours=3)).isoformat(),
    }


def test_rejecting_a_booking_is_logged(client, login, people, item):
    booking = factories.booking(item, people.outsider.organization, _start(6, 8))
    login(people.manager)
    assert client.post(f"/equipment/bookings/{booking.id}/reject", data={"note": "Поверка"}).status_code == 302
    entry = only_entry()
    check_who(entry, people.manager)
    check_what(entry, AuditAction.BOOKING_REJECTED, "booking", booking.id, people.org)
    assert after(entry)["status"] == "rejected"
    assert after(entry)["note"] == "Поверка"


def test_refused_booking_decisions_log_nothing(client, login, people, item):
    first = factories.booking(item, people.outsider.organization, _start(4, 7))
    clash = factories.booking(item, factories.member().organization, _start(4, 8))
    login(people.outsider)  # the requester does not decide
    assert client.post(f"/equipment/bookings/{first.id}/approve").status_code == 403
    login(people.admin)
    assert client.post(f"/equipment/bookings/{first.id}/reject", data={"note": ""}).status_code == 400
    assert entries() == []
    assert client.post(f"/equipment/bookings/{first.id}/approve").status_code == 302
    assert client.post(f"/equipment/bookings/{clash.id}/approve").status_code == 409  # overlaps the approved one
    assert client.post(f"/equipment/bookings/{first.id}/approve").status_code == 409  # decided already
    assert [entry.target_id for entry in entries()] == [first.id]
