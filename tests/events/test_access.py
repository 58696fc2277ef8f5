"""Who may open and do what, route by route (guest / registered / outsider / member / organizer / manager).

``member`` is a user of another member organization; ``organizer`` a user of the
organization that organizes the events.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from marketplace.db import db
from marketplace.models import Event, EventRegistration, EventStatus, RegistrationStatus, Visibility

from . import helpers
from .conftest import ROLES

LOGIN = 302  # guests are redirected to the login page
OK, REDIRECT, FORBIDDEN, NOT_FOUND = 200, 302, 403, 404


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


def expect(guest, registered, outsider, member, organizer, manager):
    return dict(zip(ROLES, (guest, registered, outsider, member, organizer, manager)))


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

# name: (method, url, form data, expected status per role)
MATRIX = {
    "list": ("GET", "/events/", None, ALL_OK),
    "past events": ("GET", "/events/?when=past", None, ALL_OK),
    "my events": ("GET", "/events/mine", None, expect(LOGIN, OK, OK, OK, OK, OK)),
    "organized events": ("GET", "/events/mine?tab=organized", None, expect(LOGIN, OK, OK, OK, OK, OK)),
    "new event form": ("GET", "/events/new", None, expect(LOGIN, FORBIDDEN, FORBIDDEN, OK, OK, OK)),
    "public event": ("GET", "/events/{public}", None, ALL_OK),
    "public event .ics": ("GET", "/events/{public}.ics", None, ALL_OK),
    "members-only event": ("GET", "/events/{members_only}", None, expect(LOGIN, NOT_FOUND, NOT_FOUND, OK, OK, OK)),
    "members-only .ics": ("GET", "/events/{members_only}.ics", None, expect(LOGIN, NOT_FOUND, NOT_FOUND, OK, OK, OK)),
    "draft event": ("GET", "/events/{draft}", None, expect(NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, OK, OK)),
    "draft .ics": ("GET", "/events/{draft}.ics", None, expect(NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, OK, OK)),
    "edit form": ("GET", "/events/{public}/edit", None, MANAGERS_ONLY),
    "cancel form": ("GET", "/events/{public}/cancel", None, MANAGERS_ONLY),
    "participants": ("GET", "/events/{registered_at}/participants", None, MANAGERS_ONLY),
    "participants CSV": ("GET", "/events/{registered_at}/participants.csv", None, MANAGERS_ONLY),
    "cluster event participants": (
        "GET",
        "/events/{cluster}/participants",
        None,
        expect(LOGIN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, OK),
    ),
    "create": ("POST", "/events/new", event_form(), expect(LOGIN, FORBIDDEN, FORBIDDEN, REDIRECT, REDIRECT, REDIRECT)),
    "edit": ("POST", "/events/{public}/edit", event_form(save="1"), MANAGERS_ACT),
    "edit the cluster's event": (
        "POST",
        "/events/{cluster}/edit",
        event_form(save="1"),
        expect(LOGIN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, REDIRECT),
    ),
    "publish": (
        "POST",
        "/events/{draft}/publish",
        {},
        expect(NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND, REDIRECT, REDIRECT),
    ),
    "cancel": ("POST", "/events/{public}/cancel", {"reason": "Спикер заболел"}, MANAGERS_ACT),
    "register": (
        "POST",
        "/events/{public}/register",
        {},
        expect(LOGIN, REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT),
    ),
    "register for members-only": (
        "POST",
        "/events/{members_only}/register",
        {},
        expect(LOGIN, NOT_FOUND, NOT_FOUND, REDIRECT, REDIRECT, REDIRECT),
    ),
    "register for a draft": (
        "POST",
        "/events/{draft}/register",
        {},
        expect(LOGIN, NOT_FOUND, NOT_FOUND, NOT_FOUND, 409, 409),
    ),
    "cancel my registration": (
        "POST",
        "/events/{registered_at}/unregister",
        {},
        expect(LOGIN, REDIRECT, REDIRECT, REDIRECT, REDIRECT, REDIRECT),
    ),
}

READS = [name for name, spec in MATRIX.items() if spec[0] == "GET"]
WRITES = [(name, role) for name, spec in MATRIX.items() if spec[0] == "POST" for role in ROLES]


def _request(client, world, method, url, data):
    url = url.format(**vars(world))
    return client.get(url) if method == "GET" else client.post(url, data=data or {})


@pytest.mark.parametrize("route", READS)
def test_read_permissions(client, world, as_role, route):
    method, url, data, expected = MATRIX[route]
    got = {}
    for role in ROLES:
        as_role(role)
        response = _request(client, world, method, url, data)
        got[role] = response.status_code
        if response.status_code == LOGIN and role == "guest":
            assert "/login" in response.headers["Location"]
    assert got == expected


@pytest.mark.parametrize(("route", "role"), WRITES, ids=[f"{n}-{r}" for n, r in WRITES])
def test_write_permissions(client, world, as_role, route, role):
    """Each action gets a fresh world."""
    method, url, data, expected = MATRIX[route]
    as_role(role)
    response = _request(client, world, method, url, data)
    assert response.status_code == expected[role], response.get_data(as_text=True)[:500]
    if role == "guest" and expected[role] == LOGIN:
        assert "/login" in response.headers["Location"]


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
