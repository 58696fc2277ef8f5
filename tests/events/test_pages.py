"""The events lists (upcoming, past, by format), the home page's next events, and search."""

from __future__ import annotations

import datetime as dt

from marketplace.db import utcnow
from marketplace.models import EventKind, EventStatus, Visibility

from . import helpers


def _titles_in(body: str, *titles: str) -> list[str]:
    return [title for title in titles if title in body]


def test_upcoming_and_past_tabs(client, people):
    org = people.organizer.organization
    soon = helpers.event(
        org,
        title_ru="Скоро",
        starts_at=utcnow() + dt.timedelta(days=2),
        ends_at=utcnow() + dt.timedelta(days=2, hours=2),
    )
    later = helpers.event(
        org,
        title_ru="Позже",
        starts_at=utcnow() + dt.timedelta(days=20),
        ends_at=utcnow() + dt.timedelta(days=20, hours=2),
    )
    running = helpers.event(
        org,
        title_ru="Идёт сейчас",
        starts_at=utcnow() - dt.timedelta(hours=1),
        ends_at=utcnow() + dt.timedelta(hours=1),
    )
    past = helpers.event(
        org,
        title_ru="Прошло",
        starts_at=utcnow() - dt.timedelta(days=30),
        ends_at=utcnow() - dt.timedelta(days=30) + dt.timedelta(hours=2),
    )
    helpers.event(org, title_ru="Черновик", status=EventStatus.DRAFT)
    upcoming = client.get("/events/").get_data(as_text=True)
    assert upcoming.index(running.title_ru) < upcoming.index(soon.title_ru) < upcoming.index(later.title_ru)
    assert _titles_in(upcoming, "Прошло", "Черновик") == []
    past_page = client.get("/events/?when=past").get_data(as_text=True)
    assert _titles_in(past_page, "Скоро", "Позже", "Идёт сейчас", "Прошло", "Черновик") == [past.title_ru]


def test_filter_by_format(client, people):
    org = people.organizer.organization
    helpers.event(org, title_ru="Обмен контактами-2031", kind=EventKind.BROKERAGE_DAY)
    helpers.event(org, title_ru="Встреча с закупщиками-2031", kind=EventKind.SUPPLIER_CONFERENCE)
    body = client.get("/events/?kind=brokerage_day").get_data(as_text=True)
    assert _titles_in(body, "Обмен контактами-2031", "Встреча с закупщиками-2031") == ["Обмен контактами-2031"]
    # An unknown format is ignored rather than failing the page.
    assert client.get("/events/?kind=party").status_code == 200


def test_cancelled_events_stay_in_the_list_marked(client, people):
    helpers.event(people.organizer.organization, title_ru="Отменённый семинар", status=EventStatus.CANCELLED)
    body = client.get("/events/").get_data(as_text=True)
    assert "Отменённый семинар" in body
    assert "status-cancelled" in body


def test_places_left_in_the_list(client, people):
    event = helpers.event(people.organizer.organization, capacity=3)
    helpers.registration(event, people.member)
    assert "2 places left" in client.get("/events/?lang=en").get_data(as_text=True)


def test_list_is_paginated(client, app, people):
    app.config["PER_PAGE"] = 2
    for n in range(5):
        helpers.event(
            people.organizer.organization,
            title_ru=f"Семинар номер {n}",
            starts_at=utcnow() + dt.timedelta(days=n + 1),
            ends_at=utcnow() + dt.timedelta(days=n + 1, hours=1),
        )
    first = client.get("/events/").get_data(as_text=True)
    assert "Семинар номер 0" in first
    assert "Семинар номер 2" not in first
    assert 'rel="next"' in first
    assert "Семинар номер 4" in client.get("/events/?page=3").get_data(as_text=True)
    assert client.get("/events/?page=9").status_code == 404


def test_home_page_shows_the_next_three_events_the_visitor_may_see(client, login, people):
    org = people.organizer.organization
    for n, days in enumerate((5, 1, 3, 8)):
        helpers.event(
            org,
            title_ru=f"Событие-{n}",
            starts_at=utcnow() + dt.timedelta(days=days),
            ends_at=utcnow() + dt.timedelta(days=days, hours=2),
        )
    helpers.event(
        org,
        title_ru="Для-участников",
        visibility=Visibility.MEMBERS,
        starts_at=utcnow() + dt.timedelta(hours=5),
        ends_at=utcnow() + dt.timedelta(hours=7),
    )
    helpers.event(
        org,
        title_ru="Черновик-события",
        status=EventStatus.DRAFT,
        starts_at=utcnow() + dt.timedelta(hours=3),
        ends_at=utcnow() + dt.timedelta(hours=4),
    )
    body = client.get("/").get_data(as_text=True)
    assert _titles_in(
        body, "Событие-0", "Событие-1", "Событие-2", "Событие-3", "Для-участников", "Черновик-события"
    ) == ["Событие-0", "Событие-1", "Событие-2"]
    assert body.index("Событие-1") < body.index("Событие-2") < body.index("Событие-0")
    login(people.member)
    body = client.get("/").get_data(as_text=True)
    assert _titles_in(body, "Для-участников", "Событие-1", "Событие-2", "Событие-0") == [
        "Для-участников",
        "Событие-1",
        "Событие-2",
    ]


def test_home_page_without_events(client):
    assert 'data-testid="upcoming-events"' not in client.get("/").get_data(as_text=True)


def test_search_finds_published_events_by_visibility(client, login, people):
    org = people.organizer.organization
    public = helpers.event(org, title_ru="Биржа контактов: субподряд для химических предприятий")
    members = helpers.event(org, title_ru="Закрытая биржа контактов для участников", visibility=Visibility.MEMBERS)
    helpers.event(org, title_ru="Черновая биржа контактов", status=EventStatus.DRAFT)

    def found(user):
        login(user)
        body = client.get("/search/?q=биржа&type=event").get_data(as_text=True)
        return [e.title_ru for e in (public, members) if e.title_ru in body] + (
            ["draft"] if "Черновая биржа" in body else []
        )

    assert found(None) == [public.title_ru]
    assert found(people.outsider) == [public.title_ru]
    assert found(people.member) == [public.title_ru, members.title_ru]
    assert found(people.manager) == [public.title_ru, members.title_ru]
    # Cancelling takes it out of the index.
    login(people.organizer)
    client.post(f"/events/{public.id}/cancel", data={"reason": "Перенос"})
    login(None)
    assert public.title_ru not in client.get("/search/?q=биржа").get_data(as_text=True)
