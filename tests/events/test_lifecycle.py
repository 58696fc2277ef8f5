"""Organizing an event: create (draft or published), edit, publish, cancel — and the form's rules."""

from __future__ import annotations

import datetime as dt

import pytest

from marketplace.db import db, utcnow
from marketplace.errors import Forbidden
from marketplace.events import services
from marketplace.models import (
    Event,
    EventKind,
    EventStatus,
    Notification,
    NotificationKind,
    RegistrationStatus,
    Visibility,
)
from marketplace.notifications.models import NotificationPreference
from tests import factories
from tests.factories import assert_unchanged, stored_rows

from . import helpers
from .test_access import event_form


def _latest() -> Event:
    db.session.expire_all()
    return db.session.scalars(db.select(Event).order_by(Event.id.desc())).first()


def test_member_publishes_an_event_for_their_organization(client, login, people):
    login(people.member)
    response = client.post(
        "/events/new",
        data=event_form(
            organizer_id=str(people.organizer.organization_id),  # not offered to members: ignored
            title_en="Seminar: state support",
            online_url="https://meet.example.test/seminar",
            registration_deadline="2031-03-13T18:00",
            kind="brokerage_day",
            visibility="members",
        ),
    )
    assert response.status_code == 302
    event = _latest()
    assert response.headers["Location"].endswith(f"/events/{event.id}")
    assert event.status == EventStatus.PUBLISHED
    assert event.published_at is not None
    assert event.organizer_id == people.member.organization_id
    assert event.created_by_id == people.member.id
    assert event.kind == EventKind.BROKERAGE_DAY
    assert event.visibility == Visibility.MEMBERS
    # Typed in Moscow time (UTC+3), stored as naive UTC.
    assert event.starts_at == dt.datetime(2031, 3, 14, 7, 0)
    assert event.ends_at == dt.datetime(2031, 3, 14, 10, 0)
    assert event.registration_deadline == dt.datetime(2031, 3, 13, 15, 0)
    assert event.capacity == 40
    assert event.online_url == "https://meet.example.test/seminar"
    page = client.get(f"/events/{event.id}?lang=en").get_data(as_text=True)
    assert "Seminar: state support" in page
    assert "Mar 14, 2031, 10:00" in page
    assert "40 of 40 left" in page


def test_save_as_draft_then_publish(client, login, people):
    login(people.organizer)
    data = event_form()
    del data["publish"]
    data["save_draft"] = "1"
    assert client.post("/events/new", data=data).status_code == 302
    event = _latest()
    assert event.status == EventStatus.DRAFT
    assert event.published_at is None
    assert "draft" in client.get(f"/events/{event.id}?lang=en").get_data(as_text=True)
    assert client.post(f"/events/{event.id}/publish").status_code == 302
    published = _latest()
    assert published.status == EventStatus.PUBLISHED
    assert client.post(f"/events/{event.id}/publish").status_code == 409
    assert _latest().status == EventStatus.PUBLISHED
    assert _latest().published_at == published.published_at


def test_manager_organizes_for_the_cluster_or_for_a_member(client, login, people):
    login(people.manager)
    assert client.post("/events/new", data=event_form(organizer_id="")).status_code == 302
    assert _latest().organizer_id is None
    assert "The cluster management" in client.get(f"/events/{_latest().id}?lang=en").get_data(as_text=True)
    member_org = str(people.member.organization_id)
    assert client.post("/events/new", data=event_form(organizer_id=member_org)).status_code == 302
    assert _latest().organizer_id == people.member.organization_id
    # A non-member organization is not among the choices.
    count = db.session.scalar(db.select(db.func.count()).select_from(Event))
    response = client.post("/events/new", data=event_form(organizer_id=str(people.outsider.organization_id)))
    assert response.status_code == 400
    db.session.expire_all()
    assert db.session.scalar(db.select(db.func.count()).select_from(Event)) == count


def test_manager_changes_the_organizer(client, login, people, event):
    login(people.manager)
    data = event_form(save="1", organizer_id="")
    del data["publish"]
    assert client.post(f"/events/{event.id}/edit", data=data).status_code == 302
    assert _latest().organizer_id is None


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"title_ru": ""}, "This field is required."),
        ({"ends_at": "2031-03-14T09:00"}, "The end must be after the start."),
        ({"starts_at": "2020-01-01T10:00", "ends_at": "2020-01-01T12:00"}, "The start must be in the future."),
        ({"place": ""}, "Give the address or a link to join online."),
        ({"registration_deadline": "2031-03-15T10:00"}, "Registration must close before the event ends."),
        ({"online_url": "javascript://alert(1)"}, "Enter a web address such as https://example.com."),
        ({"online_url": "not a link"}, "Invalid URL."),
        ({"capacity": "0"}, "Number must be between 1 and 100000."),
        ({"starts_at": "14.03.2031"}, "Not a valid datetime value."),
        ({"kind": "party"}, "Not a valid choice."),
    ],
)
def test_bad_input_is_refused_with_400(client, login, people, overrides, message):
    login(people.organizer)
    response = client.post("/events/new?lang=en", data=event_form(**overrides))
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.scalar(db.select(db.func.count()).select_from(Event)) == 0


def test_edit_keeps_a_past_start_but_refuses_moving_to_the_past(client, login, people):
    past = helpers.event(
        people.organizer.organization, starts_at=dt.datetime(2024, 5, 1, 7, 0), ends_at=dt.datetime(2024, 5, 1, 10, 0)
    )
    login(people.organizer)
    data = event_form(save="1", starts_at="2024-05-01T10:00", ends_at="2024-05-01T13:00", title_ru="Исправлено")
    del data["publish"]
    assert client.post(f"/events/{past.id}/edit", data=data).status_code == 302
    assert _latest().title_ru == "Исправлено"
    data["starts_at"], data["ends_at"] = "2024-04-01T10:00", "2024-04-01T12:00"
    assert client.post(f"/events/{past.id}/edit", data=data).status_code == 400
    kept = _latest()
    assert (kept.starts_at, kept.ends_at) == (dt.datetime(2024, 5, 1, 7, 0), dt.datetime(2024, 5, 1, 10, 0))


def test_edit_form_shows_wall_time(client, login, people, event):
    login(people.organizer)
    page = client.get(f"/events/{event.id}/edit").get_data(as_text=True)
    local = (event.starts_at + dt.timedelta(hours=3)).strftime("%Y-%m-%dT%H:%M")
    assert f'value="{local}"' in page
    assert 'name="organizer_id"' not in page
    login(people.manager)
    assert 'name="organizer_id"' in client.get(f"/events/{event.id}/edit").get_data(as_text=True)


def test_capacity_cannot_drop_below_the_places_taken(client, login, people, event):
    for user in (people.member, people.registered, people.outsider):
        helpers.registration(event, user)
    login(people.organizer)
    data = event_form(save="1", capacity="2")
    del data["publish"]
    response = client.post(f"/events/{event.id}/edit?lang=en", data=data)
    assert response.status_code == 400
    assert "3 people have already registered" in response.get_data(as_text=True)
    assert _latest().capacity == 30
    data["capacity"] = "3"
    assert client.post(f"/events/{event.id}/edit", data=data).status_code == 302
    assert _latest().capacity == 3


def test_participants_hear_about_a_new_time_or_place(client, login, people, event, outbox):
    helpers.registration(event, people.member)
    people.registered.locale = "en"
    helpers.registration(event, people.registered)
    helpers.registration(event, people.outsider, status=RegistrationStatus.CANCELLED)
    login(people.organizer)
    data = event_form(save="1", title_ru=event.title_ru, starts_at="2031-03-14T10:00")
    del data["publish"]
    assert client.post(f"/events/{event.id}/edit", data=data).status_code == 302
    assert _latest().starts_at == dt.datetime(2031, 3, 14, 7, 0)  # 10:00 Moscow time
    mails = outbox()
    assert {m.recipient for m in mails} == {people.member.email, people.registered.email}
    english = next(m for m in mails if m.recipient == people.registered.email)
    assert english.subject.startswith("Event changed:")
    assert "Ставрополь, ул. Ленина, 1" in english.body
    assert f"/events/{event.id}" in english.body
    russian = next(m for m in mails if m.recipient == people.member.email)
    assert not russian.subject.startswith("Event changed")
    # A change of the description alone is no news.
    data["description_ru"] = "Новая программа."
    assert client.post(f"/events/{event.id}/edit", data=data).status_code == 302
    assert _latest().description_ru == "Новая программа."
    assert len(outbox()) == 2


def test_cancel_mails_the_registered_participants(client, login, people, event, outbox):
    helpers.registration(event, people.member)
    helpers.registration(event, people.registered)
    helpers.registration(event, people.outsider, status=RegistrationStatus.CANCELLED)
    login(people.organizer)
    assert client.post(f"/events/{event.id}/cancel", data={"reason": ""}).status_code == 400
    assert outbox() == []
    assert _latest().status == EventStatus.PUBLISHED
    response = client.post(f"/events/{event.id}/cancel", data={"reason": "Спикер заболел; перенос на осень"})
    assert response.status_code == 302
    db.session.expire_all()
    cancelled = db.session.get(Event, event.id)
    assert cancelled.status == EventStatus.CANCELLED
    assert cancelled.cancelled_at is not None
    mails = outbox()
    assert sorted(m.recipient for m in mails) == sorted([people.member.email, people.registered.email])
    assert all("Спикер заболел; перенос на осень" in m.body for m in mails)
    page = client.get(f"/events/{event.id}?lang=en").get_data(as_text=True)
    assert "The event is cancelled." in page
    assert "Спикер заболел" in page
    before = stored_rows()
    assert client.post(f"/events/{event.id}/cancel", data={"reason": "again"}).status_code == 409
    assert client.get(f"/events/{event.id}/edit").status_code == 409
    assert client.post(f"/events/{event.id}/register").status_code == 409
    assert_unchanged(before)  # the first reason kept, no registration, no second mail


def test_publishing_an_event_that_already_started_is_refused(client, login, people):
    started = helpers.event(
        people.organizer.organization,
        status=EventStatus.DRAFT,
        starts_at=utcnow() - dt.timedelta(hours=1),
        ends_at=utcnow() + dt.timedelta(hours=1),
    )
    login(people.organizer)
    assert client.post(f"/events/{started.id}/publish").status_code == 400
    assert _latest().status == EventStatus.DRAFT


def test_services_refuse_the_wrong_organizer(app, people):
    values = {
        "title_ru": "Семинар",
        "title_en": "",
        "description_ru": "Текст",
        "description_en": "",
        "kind": EventKind.SEMINAR,
        "starts_at": utcnow() + dt.timedelta(days=3),
        "ends_at": utcnow() + dt.timedelta(days=3, hours=2),
        "place": "Ставрополь",
        "online_url": "",
        "capacity": None,
        "registration_deadline": None,
        "visibility": Visibility.PUBLIC,
    }
    with pytest.raises(Forbidden):
        services.create_event(people.member, values, organizer=people.organizer.organization)
    with pytest.raises(Forbidden):
        services.create_event(people.member, values, organizer=None)
    manager_event = services.create_event(people.manager, values, organizer=None, publish=True)
    assert manager_event.status == EventStatus.PUBLISHED
    assert manager_event.organizer_id is None
    with pytest.raises(Forbidden):
        services.create_event(factories.registered(), values, organizer=None)


def test_cancellation_reaches_participants_in_the_app_and_follows_their_choice(client, login, people, event, outbox):
    helpers.registration(event, people.member)
    helpers.registration(event, people.registered)
    # the registered participant wants no mail about events, only the notice in the app
    db.session.add(
        NotificationPreference(
            user_id=people.registered.id, kind=NotificationKind.EVENT_UPDATE, in_app=True, email=False
        )
    )
    db.session.commit()
    login(people.organizer)
    assert client.post(f"/events/{event.id}/cancel", data={"reason": "Перенос"}).status_code == 302
    notices = db.session.scalars(db.select(Notification).order_by(Notification.user_id)).all()
    assert sorted(n.user_id for n in notices) == sorted([people.member.id, people.registered.id])
    assert all(n.kind == NotificationKind.EVENT_UPDATE and n.link == f"/events/{event.id}" for n in notices)
    assert [m.recipient for m in outbox()] == [people.member.email]


@pytest.mark.parametrize(
    "link", ["javascript:alert(document.cookie)", "data:text/html,<b>x", "https://meet.example.ru/r/1"]
)
def test_a_stored_online_link_is_a_link_only_when_it_is_http(client, people, link):
    """Older rows or an import may hold any text: the page prints a link only for an http(s) address."""
    shown = helpers.event(online_url=link)
    html = client.get(f"/events/{shown.id}").get_data(as_text=True)
    assert ('href="https://meet.example.ru/r/1"' in html) is link.startswith("https:")
    assert 'href="javascript:' not in html.lower()
    assert 'href="data:' not in html.lower()
