"""Two owners' users approve two overlapping requests of one item at the same moment.

Each thread has its own application context (so its own session and database
connection) and commits like a request would. To make the race certain rather
than likely, every overlap check waits (briefly) for the other thread to reach
its own check: without the row lock both checks would see no approved booking
and both approvals would commit. With the lock the second thread is still
waiting for the lock, the first one's wait times out, it approves and commits,
and only then does the second one check, and see the first approval.
"""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from marketplace.db import db
from marketplace.equipment import services
from marketplace.models import Booking, BookingStatus, User
from tests.accounts.helpers import session_id
from tests.concurrency import COMMITTED, CONFLICT

from .conftest import at, make_booking

CHECK_RENDEZVOUS_SECONDS = 1.5


@pytest.fixture
def rivals(people, item):
    first = make_booking(item, people.member.organization, at(3, 10), hours=2, requested_by=people.member)
    second = make_booking(item, people.outsider.organization, at(3, 11), hours=2, requested_by=people.outsider)
    return first.id, second.id


@pytest.fixture
def checks_meet(rendezvous):
    """Make each overlap check wait for the other thread's check (or time out)."""
    rendezvous.after(services, "approved_overlap", seconds=CHECK_RENDEZVOUS_SECONDS)


def approved_count() -> int:
    db.session.expire_all()
    return db.session.scalar(select(func.count()).select_from(Booking).where(Booking.status == BookingStatus.APPROVED))


@pytest.mark.parametrize("forced", [True, False], ids=["checks-meet", "plain-barrier"])
def test_concurrent_approvals_through_the_service(app, request, rendezvous, people, rivals, forced):
    if forced:
        request.getfixturevalue("checks_meet")
    owner_id = people.owner.id

    def approve(booking_id: int) -> None:
        booking = db.session.get(Booking, booking_id)
        owner = db.session.get(User, owner_id)
        rendezvous.wait()
        services.approve_booking(booking, decided_by=owner)

    outcomes = rendezvous.in_sessions(app, approve, [(booking_id,) for booking_id in rivals])

    assert sorted(outcomes) == [COMMITTED, CONFLICT], outcomes
    assert approved_count() == 1
    loser = rivals[outcomes.index(CONFLICT)]
    assert db.session.get(Booking, loser).status == BookingStatus.PENDING


def test_concurrent_approvals_over_http(app, rendezvous, people, rivals, checks_meet):
    clients = {}
    for booking_id in rivals:
        client = app.test_client()
        with client.session_transaction() as session:
            session["_user_id"] = session_id(people.owner)
            session["_fresh"] = True
        clients[booking_id] = client

    def approve(booking_id: int) -> int:
        rendezvous.wait()
        return clients[booking_id].post(f"/equipment/bookings/{booking_id}/approve").status_code

    statuses = rendezvous.run(approve, [(booking_id,) for booking_id in rivals])

    assert sorted(statuses) == [302, 409], statuses
    assert approved_count() == 1
