"""Members rate the platform and the events they attended; one rating per subject, re-rating updates it."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from marketplace.db import db, utcnow
from marketplace.models import EventStatus, Rating, RatingSubject, RegistrationStatus
from tests import factories
from tests.events import helpers as events

from .helpers import rating


def ratings() -> list[Rating]:
    db.session.expire_all()
    return list(db.session.scalars(select(Rating).order_by(Rating.id)))


def started_event(**kw):
    """A published event that began yesterday."""
    start = utcnow().replace(microsecond=0) - dt.timedelta(days=1)
    kw.setdefault("starts_at", start)
    kw.setdefault("ends_at", start + dt.timedelta(hours=3))
    return events.event(None, **kw)


def test_a_member_rates_the_platform_and_rates_again(client, as_role, people):
    as_role("member")
    assert client.get("/dashboard/feedback").status_code == 200
    response = client.post("/dashboard/feedback", data={"score": "4", "comment": "  Удобный поиск  "})
    assert response.status_code == 302
    [first] = ratings()
    assert (first.user_id, first.subject, first.event_id, first.score, first.comment) == (
        people.member.id,
        RatingSubject.PLATFORM,
        None,
        4,
        "Удобный поиск",
    )
    page = client.get("/dashboard/feedback").get_data(as_text=True)
    assert 'data-testid="my-rating"' in page
    assert '<input checked class="form-check-input" id="score-3"' in page
    assert client.post("/dashboard/feedback", data={"score": "2", "comment": ""}).status_code == 302
    [again] = ratings()
    assert again.id == first.id
    assert again.score == 2
    assert again.comment == ""


@pytest.mark.parametrize("score", ["0", "6", "", "four", "3.5"])
def test_the_score_is_a_whole_number_from_1_to_5(client, as_role, people, score):
    as_role("member")
    response = client.post("/dashboard/feedback", data={"score": score, "comment": "x"})
    assert response.status_code == 400
    assert "is-invalid" in response.get_data(as_text=True)
    assert ratings() == []


def test_a_comment_too_long_is_refused(client, as_role, people):
    as_role("member")
    assert client.post("/dashboard/feedback", data={"score": "5", "comment": "я" * 2001}).status_code == 400
    assert ratings() == []


def test_only_members_rate_the_platform(client, as_role, people):
    for role, expected in [("guest", 302), ("registered", 403), ("outsider", 403)]:
        as_role(role)
        assert client.get("/dashboard/feedback").status_code == expected, role
        assert client.post("/dashboard/feedback", data={"score": "5"}).status_code == expected, role
    assert ratings() == []


def test_the_database_keeps_one_rating_per_user_and_subject(app, people):
    event = started_event()
    rating(people.member, 5)
    rating(people.member, 4, event=event)  # another subject: allowed
    with pytest.raises(IntegrityError):
        rating(people.member, 3)
    db.session.rollback()
    with pytest.raises(IntegrityError):
        rating(people.member, 3, event=event)
    db.session.rollback()
    assert db.session.scalar(select(func.count()).select_from(Rating)) == 2


def test_a_participant_rates_an_event_after_it_started(client, as_role, people):
    event = started_event()
    events.registration(event, people.member)
    as_role("member")
    page = client.get(f"/events/{event.id}").get_data(as_text=True)
    assert 'data-testid="event-rating"' in page
    response = client.post(f"/dashboard/events/{event.id}/rating", data={"score": "5", "comment": "Полезно"})
    assert response.status_code == 302
    assert response.location.endswith(f"/events/{event.id}#event-rating")
    assert client.post(f"/dashboard/events/{event.id}/rating", data={"score": "3"}).status_code == 302
    [saved] = ratings()
    assert (saved.subject, saved.event_id, saved.score, saved.comment) == (RatingSubject.EVENT, event.id, 3, "")
    assert 'data-testid="my-event-rating"' in client.get(f"/events/{event.id}").get_data(as_text=True)


def test_who_cannot_rate_an_event(client, as_role, people):
    future = events.event(None)  # starts in ten days
    events.registration(future, people.member)
    not_registered = started_event()
    cancelled_registration = started_event()
    events.registration(cancelled_registration, people.member, status=RegistrationStatus.CANCELLED)
    cancelled_event = started_event(status=EventStatus.CANCELLED)
    events.registration(cancelled_event, people.member)
    as_role("member")
    for event in (future, not_registered, cancelled_registration, cancelled_event):
        assert 'data-testid="event-rating"' not in client.get(f"/events/{event.id}").get_data(as_text=True)
        assert client.post(f"/dashboard/events/{event.id}/rating", data={"score": "5"}).status_code == 403, event
    assert client.post("/dashboard/events/999999/rating", data={"score": "5"}).status_code == 404

    attended = started_event()
    events.registration(attended, people.outsider)  # a participant, but not a member
    events.registration(attended, people.registered)
    for role in ("outsider", "registered"):
        as_role(role)
        assert client.post(f"/dashboard/events/{attended.id}/rating", data={"score": "5"}).status_code == 403
    as_role("guest")
    assert client.post(f"/dashboard/events/{attended.id}/rating", data={"score": "5"}).status_code == 302
    assert ratings() == []


def test_an_event_rating_needs_a_valid_score(client, as_role, people):
    event = started_event()
    events.registration(event, people.member)
    as_role("member")
    assert client.post(f"/dashboard/events/{event.id}/rating", data={"score": "9"}).status_code == 400
    assert ratings() == []


def test_the_dashboard_shows_averages_counts_and_latest_comments(client, as_role, people):
    event = started_event(title_ru="Биржа контактов субподрядчиков")
    rating(people.member, 5, comment="Нашли поставщика через каталог")
    rating(factories.member(), 2, comment="")
    rating(people.member, 4, event=event, comment="Хорошая площадка для знакомства")
    as_role("manager")
    body = client.get("/dashboard/").get_data(as_text=True)
    satisfaction = body.split('data-testid="satisfaction"', 1)[1]
    assert '<div class="display-6" data-testid="average-1">3.5</div>' in satisfaction
    assert '<div class="display-6" data-testid="average-2">4.0</div>' in satisfaction
    assert "Биржа контактов субподрядчиков" in satisfaction
    comments = satisfaction.split('data-testid="comments"', 1)[1]
    assert comments.index("Хорошая площадка для знакомства") < comments.index("Нашли поставщика через каталог")
