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

import pytest
from sqlalchemy import func, select

from marketplace.db import db
from marketplace.events import queries, registrations
from marketplace.models import Event, EventRegistration, RegistrationStatus, User
from tests.accounts.helpers import session_id
from tests.concurrency import COMMITTED, CONFLICT

from . import helpers

COUNT_RENDEZVOUS_SECONDS = 1.5


@pytest.fixture
def last_place(people):
    """An event for 2 with one place taken, and the two users who want the other one."""
    event = helpers.event(people.organizer.organization, capacity=2)
    helpers.registration(event, people.colleague)
    return event.id, (people.member.id, people.outsider.id)


@pytest.fixture
def counts_meet(rendezvous):
    rendezvous.after(queries, "registered_count", seconds=COUNT_RENDEZVOUS_SECONDS)


def registered_count(event_id: int) -> int:
    db.session.expire_all()
    return db.session.scalar(
        select(func.count())
        .select_from(EventRegistration)
        .where(EventRegistration.event_id == event_id, EventRegistration.status == RegistrationStatus.REGISTERED)
    )


@pytest.mark.parametrize("forced", [True, False], ids=["counts-meet", "plain-barrier"])
def test_concurrent_registrations_through_the_service(app, request, rendezvous, last_place, forced):
    if forced:
        request.getfixturevalue("counts_meet")
    event_id, user_ids = last_place

    def register(user_id: int) -> None:
        event = db.session.get(Event, event_id)
        user = db.session.get(User, user_id)
        rendezvous.wait()
        registrations.register(event, user)

    outcomes = rendezvous.in_sessions(app, register, [(user_id,) for user_id in user_ids])

    assert sorted(outcomes) == [COMMITTED, CONFLICT], outcomes  # registered / full
    assert registered_count(event_id) == 2


def test_concurrent_registrations_over_http(app, rendezvous, last_place, people, counts_meet):
    event_id, user_ids = last_place
    clients = {}
    for user in (people.member, people.outsider):
        client = app.test_client()
        with client.session_transaction() as session:
            session["_user_id"] = session_id(user)
            session["_fresh"] = True
        clients[user.id] = client

    def register(user_id: int) -> int:
        rendezvous.wait()
        return clients[user_id].post(f"/events/{event_id}/register").status_code

    statuses = rendezvous.run(register, [(user_id,) for user_id in user_ids])

    assert sorted(statuses) == [302, 409], statuses
    assert registered_count(event_id) == 2
