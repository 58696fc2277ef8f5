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

import threading

import pytest
from sqlalchemy import func, select

from marketplace.db import db
from marketplace.equipment import services
from marketplace.errors import Conflict
from marketplace.models import Booking, BookingStatus, User

from .conftest import at, make_booking

CHECK_RENDEZVOUS_SECONDS = 1.5


@pytest.fixture
def rivals(people, item):
    first = make_booking(item, people.member.organization, at(3, 10), hours=2, requested_by=people.member)
    second = make_booking(item, people.outsider.organization, at(3, 11), hours=2, requested_by=people.outsider)
    return first.id, second.id


@pytest.fixture
def checks_meet(monkeypatch):
    """Make each overlap check wait for the other thread's check (or time out)."""
    rendezvous = threading.Barrier(2, timeout=CHECK_RENDEZVOUS_SECONDS)
    original = services.approved_overlap

    def check_then_wait(*args, **kwargs):
        found = original(*args, **kwargs)
        try:
            rendezvous.wait()
        except threading.BrokenBarrierError:
            pass  # the other thread is held by the lock: exactly what should happen
        return found

    monkeypatch.setattr(services, "approved_overlap", check_then_wait)


def approved_count() -> int:
    db.session.expire_all()
    return db.session.scalar(select(func.count()).select_from(Booking).where(Booking.status == BookingStatus.APPROVED))


def run_in_threads(target, args_list) -> None:
    threads = [threading.Thread(target=target, args=args) for args in args_list]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
        assert not thread.is_alive(), "a thread is stuck"


@pytest.mark.parametrize("forced", [True, False], ids=["checks-meet", "plain-barrier"])
def test_concurrent_approvals_through_the_service(app, request, people, rivals, forced):
    if forced:
        request.getfixturevalue("checks_meet")
    start = threading.Barrier(2)
    results: dict[int, str] = {}
    owner_id = people.owner.id

    def approve(booking_id: int) -> None:
        with app.app_context():
            try:
                booking = db.session.get(Booking, booking_id)
                owner = db.session.get(User, owner_id)
                start.wait()
                services.approve_booking(booking, decided_by=owner)
                db.session.commit()
                results[booking_id] = "approved"
            except Conflict:
                db.session.rollback()
                results[booking_id] = "conflict"
            except Exception as exc:  # reported by the assertion below, not swallowed
                db.session.rollback()
                results[booking_id] = repr(exc)
            finally:
                db.session.remove()

    run_in_threads(approve, [(booking_id,) for booking_id in rivals])

    assert sorted(results.values()) == ["approved", "conflict"], results
    assert approved_count() == 1
    winner = next(booking_id for booking_id, outcome in results.items() if outcome == "approved")
    loser = next(booking_id for booking_id in rivals if booking_id != winner)
    assert db.session.get(Booking, loser).status == BookingStatus.PENDING


def test_concurrent_approvals_over_http(app, people, rivals, checks_meet):
    start = threading.Barrier(2)
    statuses: dict[int, int] = {}
    clients = {}
    for booking_id in rivals:
        client = app.test_client()
        with client.session_transaction() as session:
            session["_user_id"] = people.owner.get_id()
            session["_fresh"] = True
        clients[booking_id] = client

    def approve(booking_id: int) -> None:
        start.wait()
        statuses[booking_id] = clients[booking_id].post(f"/equipment/bookings/{booking_id}/approve").status_code

    run_in_threads(approve, [(booking_id,) for booking_id in rivals])

    assert sorted(statuses.values()) == [302, 409], statuses
    assert approved_count() == 1
