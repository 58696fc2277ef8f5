"""Registering and cancelling: places, the deadline, renewing a cancelled registration."""

from __future__ import annotations

import datetime as dt

import pytest
from flask_login import AnonymousUserMixin

from marketplace.db import db, utcnow
from marketplace.errors import Conflict, LoginRequired
from marketplace.events import registrations
from marketplace.events.registrations import RegistrationState
from marketplace.models import EventRegistration, EventStatus, RegistrationStatus
from tests import factories

from . import helpers


def _registrations(event_id: int) -> dict[int, RegistrationStatus]:
    db.session.expire_all()
    rows = db.session.scalars(db.select(EventRegistration).where(EventRegistration.event_id == event_id))
    return {row.user_id: row.status for row in rows}


def test_register_snapshots_the_organization_and_shows_on_the_page(client, login, people, event):
    login(people.member)
    assert client.post(f"/events/{event.id}/register").status_code == 302
    registration = db.session.scalar(db.select(EventRegistration))
    assert registration.user_id == people.member.id
    assert registration.organization_id == people.member.organization_id
    page = client.get(f"/events/{event.id}?lang=en").get_data(as_text=True)
    assert "You are registered." in page
    assert "29 of 30 left" in page
    assert 'data-testid="unregister"' in page
    # Registering twice changes nothing.
    assert client.post(f"/events/{event.id}/register").status_code == 302
    assert _registrations(event.id) == {people.member.id: RegistrationStatus.REGISTERED}


def test_a_registered_user_without_organization_may_register(client, login, people, event):
    login(people.registered)
    assert client.post(f"/events/{event.id}/register").status_code == 302
    assert db.session.scalar(db.select(EventRegistration)).organization_id is None


def test_cancel_then_register_again_renews_the_row(client, login, people, event):
    login(people.member)
    assert client.post(f"/events/{event.id}/register").status_code == 302
    assert client.post(f"/events/{event.id}/unregister").status_code == 302
    assert _registrations(event.id) == {people.member.id: RegistrationStatus.CANCELLED}
    assert "30 of 30 left" in client.get(f"/events/{event.id}?lang=en").get_data(as_text=True)
    assert client.post(f"/events/{event.id}/unregister").status_code == 409  # nothing to cancel
    assert _registrations(event.id) == {people.member.id: RegistrationStatus.CANCELLED}
    assert client.post(f"/events/{event.id}/register").status_code == 302
    assert _registrations(event.id) == {people.member.id: RegistrationStatus.REGISTERED}
    assert db.session.scalar(db.select(db.func.count()).select_from(EventRegistration)) == 1


def test_a_full_event_refuses_new_registrations(client, login, people):
    event = helpers.event(people.organizer.organization, capacity=2)
    helpers.registration(event, people.member)
    helpers.registration(event, people.outsider)
    login(people.registered)
    response = client.post(f"/events/{event.id}/register?lang=en")
    assert response.status_code == 409
    assert "There are no places left." in response.get_data(as_text=True)
    assert people.registered.id not in _registrations(event.id)
    page = client.get(f"/events/{event.id}?lang=en").get_data(as_text=True)
    assert "0 of 2 left" in page
    assert 'data-testid="register"' not in page
    # A place given back can be taken.
    login(people.outsider)
    assert client.post(f"/events/{event.id}/unregister").status_code == 302
    login(people.registered)
    assert client.post(f"/events/{event.id}/register").status_code == 302
    assert _registrations(event.id) == {
        people.member.id: RegistrationStatus.REGISTERED,
        people.outsider.id: RegistrationStatus.CANCELLED,
        people.registered.id: RegistrationStatus.REGISTERED,
    }


def test_an_unlimited_event_never_fills_up(client, login, people):
    event = helpers.event(people.organizer.organization, capacity=None)
    for _ in range(3):
        helpers.registration(event, factories.registered())
    login(people.member)
    assert client.post(f"/events/{event.id}/register").status_code == 302
    assert _registrations(event.id)[people.member.id] == RegistrationStatus.REGISTERED
    assert "Unlimited" in client.get(f"/events/{event.id}?lang=en").get_data(as_text=True)


def test_registration_closes_at_the_deadline(client, login, people):
    closed = helpers.event(people.organizer.organization, registration_deadline=utcnow() - dt.timedelta(minutes=1))
    open_ = helpers.event(people.organizer.organization, registration_deadline=utcnow() + dt.timedelta(hours=1))
    login(people.member)
    response = client.post(f"/events/{closed.id}/register?lang=en")
    assert response.status_code == 409
    assert "Registration for this event is closed." in response.get_data(as_text=True)
    assert _registrations(closed.id) == {}
    assert client.post(f"/events/{open_.id}/register").status_code == 302
    assert _registrations(open_.id) == {people.member.id: RegistrationStatus.REGISTERED}


def test_without_a_deadline_registration_closes_when_the_event_starts(client, login, people):
    running = helpers.event(
        people.organizer.organization,
        starts_at=utcnow() - dt.timedelta(minutes=5),
        ends_at=utcnow() + dt.timedelta(hours=2),
    )
    helpers.registration(running, people.outsider)
    login(people.member)
    assert client.post(f"/events/{running.id}/register").status_code == 409
    login(people.outsider)
    assert client.post(f"/events/{running.id}/unregister").status_code == 409  # too late to give the place back
    assert _registrations(running.id) == {people.outsider.id: RegistrationStatus.REGISTERED}


def test_registration_state(app, people):
    event = helpers.event(people.organizer.organization, capacity=1)
    now = utcnow()
    assert registrations.registration_state(event, 0, now) == RegistrationState.OPEN
    assert registrations.registration_state(event, 1, now) == RegistrationState.FULL
    assert registrations.registration_state(event, 0, event.starts_at) == RegistrationState.CLOSED
    event.status = EventStatus.DRAFT
    assert registrations.registration_state(event, 0, now) == RegistrationState.NOT_PUBLISHED
    event.status = EventStatus.CANCELLED
    assert registrations.registration_state(event, 0, now) == RegistrationState.CANCELLED
    assert registrations.places_left(event, 3) == 0
    event.capacity = None
    assert registrations.places_left(event, 3) is None


def test_the_service_refuses_guests_and_closed_events(app, people):
    event = helpers.event(people.organizer.organization, status=EventStatus.CANCELLED)
    with pytest.raises(LoginRequired):
        registrations.register(event, AnonymousUserMixin())
    with pytest.raises(Conflict):
        registrations.register(event, people.member)
