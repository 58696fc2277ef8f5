"""Who may open and do what, route by route (guest / registered / outsider / member / organizer / manager).

``member`` is a user of another member organization; ``organizer`` a user of the
organization that organizes the events.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from marketplace.db import db
from marketplace.models import Event, EventRegistration, EventStatus, RegistrationStatus, Visibility
from tests.access_matrix import (
    CONFLICT,
    FORBIDDEN,
    LOGIN,
    NOT_FOUND,
    OK,
    REDIRECT,
    AccessMatrix,
    Route,
    statuses_for,
)

from . import helpers
from .conftest import ROLES


@pytest.fixture
def world(people):
    org = people.organizer.organization
    public = helpers.event(org)
    registered_at = helpers.event(org, title_ru="Круглый стол по импортозамещению катализаторов")
    for role in ("registered", "outsider", "member", "organizer", "manager"):
        helpers.registration(registered_at, getattr(people, role))
    return SimpleNamespace(
        public=public.id,
        members_only=helpers.event(org, visibility=Visibility.MEMBERS).id,
        draft=helpers.event(org, status=EventStatus.DRAFT).id,
        cluster=helpers.event(None, title_ru="Биржа контактов кластера").id,  # the cluster management's own
        registered_at=registered_at.id,
    )


expect = statuses_for(ROLES)


def event_form(**overrides):
    data = {
        "title_ru": "Семинар: меры господдержки кластеров",
        "kind": "seminar",
        "description_ru": "Гранты и субсидии для участников кластера.",
        "starts_at": "2031-03-14T10:00",
        "ends_at": "2031-03-14T13:00",
        "place": "Ставрополь, ул. Ленина, 1",
        "capacity": "40",
        "visibility": "public",
        "publish": "1",
    }
    data.update(overrides)
    return data


ALL_OK = expect(OK, OK, OK, OK, OK, OK)
MANAGERS_ONLY = expect(LOGIN, FORBIDDEN, FORBIDDEN, FORBIDDEN, OK, OK)
MANAGERS_ACT = expect(LOGIN, FORBIDDEN, FORBIDDEN, FORBIDDEN, REDIRECT, REDIRECT)

MATRIX = AccessMatrix(
    ROLES,
    Route.get("list", "/events/", ALL_OK),
    Route.get("past events", "/events/?when=past", ALL_OK),
    Route.get("my events", "/events/mine", expect(LOGIN, OK, OK, OK, OK, OK)),
    Route.get("organized events", "/events/mine?tab=organized", expect(LOGIN, OK, OK, OK, OK, OK)),
    Route.get("new event form", "/events/new", expect(LOGIN, FORBIDDEN, FORBIDDEN, OK, OK, OK)),
    Route.get("public event", "/events/{public}", ALL_OK),
    Route.get("public event .ics", "/events/{public}.ics", ALL_OK),
    Route.get("members-only event", "/events/{members_only}", expect(LOGIN, NOT_FOUND, NOT_FOUND, OK, OK, OK)),
    Route.get("members-only .ics", "/events/{members_only}.ics", expect(LOGIN, NOT_FOUND, NOT_FOUND, OK, OK, OK)),
    Route.get("draft event", "/events/{draft}", expect(NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, OK, OK)),
    Route.get("draft .ics", "/events/{draft}.ics", expect(NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, OK, OK)),
    Route.get("edit form", "/events/{public}/edit", MANAGERS_ONLY),
    Route.get("cancel form", "/events/{public}/cancel", MANAGERS_ONLY),
    Route.get("participants", "/events/{registered_at}/participants", MANAGERS_ONLY),
    Route.get("participants CSV", "/events/{registered_at}/participants.csv", MANAGERS_ONLY),
    Route.get(
        "cluster event participants",
        "/events/{cluster}/participants",
        expect(LOGIN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, OK),
    ),
    Route.post(
        "create", "/events/new", event_form(), expect(LOGIN, FORBIDDEN, FORBIDDEN, REDIRECT, REDIRECT, REDIRECT)
    ),
    Route.post("edit", "/events/{public}/edit", event_form(save="1"), MANAGERS_ACT),
    Route.post(
        "edit the cluster's event",
        "/events/{cluster}/edit",
        event_form(save="1"),
        expect(LOGIN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, REDIRECT),
    ),
    Route.post(
        "publish", "/events/{draft}/publish", {}, expect(NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, REDIRECT, REDIRECT)
    ),
    Route.post("cancel", "/events/{public}/cancel", {"reason": "Спикер заболел"}, MANAGERS_ACT),
    Route.post(
        "register", "/events/{public}/register", {}, expect(LOGIN, REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT)
    ),
    Route.post(
        "register for members-only",
        "/events/{members_only}/register",
        {},
        expect(LOGIN, NOT_FOUND, NOT_FOUND, REDIRECT, REDIRECT, REDIRECT),
    ),
    Route.post(
        "register for a draft",
        "/events/{draft}/register",
        {},
        expect(LOGIN, NOT_FOUND, NOT_FOUND, NOT_FOUND, CONFLICT, CONFLICT),
    ),
    Route.post(
        "cancel my registration",
        "/events/{registered_at}/unregister",
        {},
        expect(LOGIN, REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT),
    ),
)


@MATRIX.reads
def test_read_permissions(client, world, as_role, route):
    MATRIX.check_read(client, as_role, route, world)


@MATRIX.writes
def test_write_permissions(client, world, as_role, route, role):
    """Each action gets a fresh world."""
    MATRIX.check_role(client, as_role, route, role, world)


def test_refused_actions_change_nothing(client, world, as_role, people):
    as_role("member")
    client.post(f"/events/{world.public}/cancel", data={"reason": "чужое"})
    client.post(f"/events/{world.public}/edit", data=event_form(title_ru="Чужое мероприятие", save="1"))
    client.post(f"/events/{world.members_only}/register")  # allowed: a member
    as_role("registered")
    client.post(f"/events/{world.members_only}/register")  # refused: 404
    db.session.expire_all()
    event = db.session.get(Event, world.public)
    assert event.status == EventStatus.PUBLISHED
    assert event.title_ru != "Чужое мероприятие"
    users = {r.user_id for r in db.session.get(Event, world.members_only).registrations}
    assert users == {people.member.id}


def test_missing_event_is_404(client, as_role):
    as_role("manager")
    assert client.get("/events/999999").status_code == NOT_FOUND
    assert client.get("/events/99999999999999999999").status_code == NOT_FOUND
    assert client.get("/events/999999.ics").status_code == NOT_FOUND


def test_lists_show_what_each_role_may_see(client, world, as_role):
    def titles(role):
        as_role(role)
        return client.get("/events/").get_data(as_text=True)

    members_only = db.session.get(Event, world.members_only).title_ru
    draft = db.session.get(Event, world.draft).title_ru
    for role in ("guest", "registered", "outsider"):
        body = titles(role)
        assert members_only not in body
        assert draft not in body
    for role in ("member", "organizer", "manager"):
        body = titles(role)
        assert members_only in body
        assert draft not in body
    as_role("organizer")
    assert draft in client.get("/events/mine?tab=organized").get_data(as_text=True)
    as_role("member")
    assert draft not in client.get("/events/mine?tab=organized").get_data(as_text=True)


def test_my_registrations_tab(client, world, as_role, people):
    as_role("outsider")
    body = client.get("/events/mine").get_data(as_text=True)
    assert "Круглый стол по импортозамещению катализаторов" in body
    registration = db.session.scalar(
        db.select(EventRegistration).where(EventRegistration.user_id == people.outsider.id)
    )
    registration.status = RegistrationStatus.CANCELLED
    db.session.commit()
    assert "Круглый стол" not in client.get("/events/mine").get_data(as_text=True)
