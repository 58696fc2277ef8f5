"""Two users ask for the last place at the same moment: exactly one gets it.

Each thread has its own application context (its own session and connection) and
commits like a request would. To make the race certain rather than likely, the
count of places taken waits briefly for the other thread to reach its own count:
without the row lock both would count one free place and both would register.
With the lock, the second thread is still waiting for the lock when the first one's
wait times out; the first registers and commits, and only then does the second
count, and find the event full.
"""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import func, select

from marketplace.db import db
from marketplace.errors import Conflict
from marketplace.events import queries, registrations
from marketplace.models import Event, EventRegistration, RegistrationStatus, User

from . import helpers

COUNT_RENDEZVOUS_SECONDS = 1.5


@pytest.fixture
def last_place(people):
    """An event for 2 with one place taken, and the two users who want the other one."""
    event = helpers.event(people.organizer.organization, capacity=2)
    helpers.registration(event, people.colleague)
    return event.id, (people.member.id, people.outsider.id)


@pytest.fixture
def counts_meet(monkeypatch):
    rendezvous = threading.Barrier(2, timeout=COUNT_RENDEZVOUS_SECONDS)
    original = queries.registered_count

    def count_then_wait(*args, **kwargs):
        found = original(*args, **kwargs)
        try:
            rendezvous.wait()
        except threading.BrokenBarrierError:
            pass  # the other thread is held by the lock: exactly what should happen
        return found

    monkeypatch.setattr(queries, "registered_count", count_then_wait)


def registered_count(event_id: int) -> int:
    db.session.expire_all()
    return db.session.scalar(
        select(func.count())
        .select_from(EventRegistration)
        .where(EventRegistration.event_id == event_id, EventRegistration.status == RegistrationStatus.REGISTERED)
    )


def run_in_threads(target, args_list) -> None:
    threads = [threading.Thread(target=target, args=args) for args in args_list]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
        assert not thread.is_alive(), "a thread is stuck"


@pytest.mark.parametrize("forced", [True, False], ids=["counts-meet", "plain-barrier"])
def test_concurrent_registrations_through_the_service(app, request, last_place, forced):
    if forced:
        request.getfixturevalue("counts_meet")
    event_id, user_ids = last_place
    start = threading.Barrier(2)
    results: dict[int, str] = {}

    def register(user_id: int) -> None:
        with app.app_context():
            try:
                event = db.session.get(Event, event_id)
                user = db.session.get(User, user_id)
                start.wait()
                registrations.register(event, user)
                db.session.commit()
                results[user_id] = "registered"
            except Conflict:
                db.session.rollback()
                results[user_id] = "full"
            except Exception as exc:  # reported by the assertion below, not swallowed
                db.session.rollback()
                results[user_id] = repr(exc)
            finally:
                db.session.remove()

    run_in_threads(register, [(user_id,) for user_id in user_ids])

    assert sorted(results.values()) == ["full", "registered"], results
    assert registered_count(event_id) == 2


def test_concurrent_registrations_over_http(app, last_place, people, counts_meet):
    event_id, user_ids = last_place
    start = threading.Barrier(2)
    statuses: dict[int, int] = {}
    clients = {}
    for user in (people.member, people.outsider):
        client = app.test_client()
        with client.session_transaction() as session:
            session["_user_id"] = user.get_id()
            session["_fresh"] = True
        clients[user.id] = client

    def register(user_id: int) -> None:
        start.wait()
        statuses[user_id] = clients[user_id].post(f"/events/{event_id}/register").status_code

    run_in_threads(register, [(user_id,) for user_id in user_ids])

    assert sorted(statuses.values()) == [302, 409], statuses
    assert registered_count(event_id) == 2
