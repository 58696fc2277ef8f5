"""Every indicator counted from records made in the test: by month, within the period only."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from marketplace.dashboard.indicators import BY_KEY, REGISTRY, Kind, Period, compute
from marketplace.models import (
    ApplicationStatus,
    BookingStatus,
    ConsortiumStatus,
    EventStatus,
    MembershipApplication,
    MembershipStatus,
    OrderInvitation,
    OrderStatus,
    ProjectEvent,
    ProjectStatus,
    RegistrationStatus,
    ResponseStatus,
)
from tests import factories
from tests.events import helpers as events
from tests.ideas import helpers as ideas
from tests.projects import helpers as projects

from .helpers import at, rating, save

YEAR = 2023
PERIOD = Period.year(YEAR)


def monthly(key: str, period: Period = PERIOD) -> dict[str, float]:
    """The non-zero months of an indicator, e.g. {"2023-03": 2}."""
    series = compute(BY_KEY[key], period)
    return {month: value for month, value in zip(series.months, series.values, strict=True) if value}


def fact(key: str, period: Period = PERIOD):
    return compute(BY_KEY[key], period).fact


def test_the_registry_is_consistent():
    assert len(BY_KEY) == len(REGISTRY) >= 20
    for indicator in REGISTRY:
        assert indicator.key.isidentifier()
        assert len(indicator.key) <= 40
        assert str(indicator.label)
        assert str(indicator.unit)
        assert (indicator.base is not None) == (indicator.kind == Kind.LEVEL)


def test_period_months_and_bounds():
    assert PERIOD.months == [f"2023-{m:02d}" for m in range(1, 13)]
    assert PERIOD.whole_year == 2023
    span = Period(dt.date(2022, 11, 20), dt.date(2023, 2, 3))
    assert span.months == ["2022-11", "2022-12", "2023-01", "2023-02"]
    assert span.whole_year is None
    assert span.end_before == dt.datetime(2023, 2, 4)


def test_users_counted_by_month_and_as_a_level(app):
    factories.user(created_at=at(2022, 6))  # before the period: only in the level
    for month, day in ((1, 1), (1, 31), (3, 10), (12, 31)):
        factories.user(created_at=at(YEAR, month, day, 23, 59))
    factories.user(created_at=dt.datetime(2024, 1, 1, 0, 0))  # after the period
    assert monthly("users_new") == {"2023-01": 2, "2023-03": 1, "2023-12": 1}
    assert fact("users_new") == 4
    levels = compute(BY_KEY["users_total"], PERIOD).values
    assert levels[0] == 3
    assert levels[1] == 3
    assert levels[2] == 4
    assert levels[11] == 5
    assert fact("users_total") == 5
    assert fact("users_total", Period.year(2024)) == 6


def test_a_shorter_period_keeps_only_its_days(app):
    for day in (9, 10, 20, 21):
        factories.user(created_at=at(YEAR, 5, day, 8))
    period = Period(dt.date(YEAR, 5, 10), dt.date(YEAR, 5, 20))
    assert monthly("users_new", period) == {"2023-05": 2}
    assert fact("users_total", period) == 3  # the level at the end of 20 May


def test_members_applications_and_organizations(app):
    factories.organization(member_since=dt.date(2020, 1, 1), created_at=at(2019, 12))
    factories.organization(member_since=dt.date(YEAR, 1, 1), created_at=at(YEAR, 1, 1))  # first day of the period
    factories.organization(member_since=dt.date(YEAR, 4, 30), created_at=at(YEAR, 2))
    factories.organization(member_since=dt.date(YEAR, 12, 31), created_at=at(YEAR, 2))
    former = factories.organization(member_since=dt.date(YEAR, 5, 5), membership_status=MembershipStatus.REJECTED)
    outsider = factories.outsider(created_at=at(YEAR, 7))
    assert monthly("members_new") == {"2023-01": 1, "2023-04": 1, "2023-12": 1}
    assert fact("members_total") == 4
    assert compute(BY_KEY["members_total"], PERIOD).values[0] == 2
    assert monthly("organizations_registered")["2023-02"] == 2
    save(
        MembershipApplication(organization=outsider.organization, created_at=at(YEAR, 3)),
        MembershipApplication(
            organization=former, created_at=at(YEAR, 3), status=ApplicationStatus.APPROVED, decided_at=at(YEAR, 4)
        ),
        MembershipApplication(
            organization=former, created_at=at(YEAR, 8), status=ApplicationStatus.REJECTED, decided_at=at(YEAR, 9)
        ),
    )
    assert monthly("applications_submitted") == {"2023-03": 2, "2023-08": 1}
    assert monthly("applications_approved") == {"2023-04": 1}


def test_orders_responses_awards_invitations_and_partners(app):
    customer, supplier, other = (factories.organization() for _ in range(3))
    factories.order(customer, status=OrderStatus.DRAFT, published_at=None)
    open_order = factories.order(customer, published_at=at(YEAR, 2))
    awarded = factories.order(customer, published_at=at(YEAR, 2, 20))
    factories.response(open_order, supplier, created_at=at(YEAR, 3))
    factories.response(awarded, other, created_at=at(YEAR, 3), status=ResponseStatus.DECLINED)
    winner = factories.response(awarded, supplier, created_at=at(YEAR, 4), status=ResponseStatus.ACCEPTED)
    awarded.status, awarded.awarded_response_id, awarded.awarded_at = OrderStatus.AWARDED, winner.id, at(YEAR, 5)
    save(
        awarded,
        OrderInvitation(order=awarded, organization=other),
        OrderInvitation(order=open_order, organization=other),
    )
    assert monthly("orders_posted") == {"2023-02": 2}
    assert monthly("responses") == {"2023-03": 2, "2023-04": 1}
    assert monthly("awards") == {"2023-05": 1}
    assert monthly("invitations_answered") == {"2023-03": 1}  # invited to both, answered one
    project = projects.project(status=ProjectStatus.ACTIVE)
    accepted = projects.consortium_member(project, supplier)
    declined = projects.consortium_member(project, other, status=ConsortiumStatus.DECLINED)
    projects.consortium_member(project, customer, status=ConsortiumStatus.INVITED)
    accepted.responded_at = declined.responded_at = at(YEAR, 5)
    save(accepted, declined)
    assert monthly("partners_found") == {"2023-05": 2}  # the award and the accepted consortium member


def test_bookings_projects_events_and_ideas(app):
    member = factories.member()
    org = member.organization
    item = factories.equipment(org)
    factories.booking(item, org, at(YEAR, 6, 1), status=BookingStatus.APPROVED, decided_at=at(YEAR, 5, 20))
    factories.booking(item, org, at(YEAR, 6, 2), status=BookingStatus.REJECTED, decided_at=at(YEAR, 5, 20))
    factories.booking(item, org, at(YEAR, 6, 3))
    assert monthly("bookings_approved") == {"2023-05": 1}

    projects.project(created_at=at(YEAR, 1), status=ProjectStatus.ACTIVE)
    projects.project(created_at=at(YEAR, 1), status=ProjectStatus.IDEA)  # a draft is not counted
    done = projects.project(created_at=at(2022, 1), status=ProjectStatus.COMPLETED)
    save(
        ProjectEvent(project=done, action="progress_updated", percent_complete=40, created_at=at(YEAR, 2)),
        ProjectEvent(project=done, action="progress_updated", percent_complete=60, created_at=at(YEAR, 2)),
        ProjectEvent(
            project=done,
            action="status_changed",
            to_status=ProjectStatus.COMPLETED,
            percent_complete=100,
            created_at=at(YEAR, 3),
        ),
    )
    assert monthly("projects_new") == {"2023-01": 1}
    assert monthly("projects_completed") == {"2023-03": 1}
    assert monthly("projects_progress") == {"2023-02": 50, "2023-03": 100}
    assert fact("projects_progress") == pytest.approx(200 / 3)

    held = events.event(None, starts_at=at(YEAR, 9, 10), ends_at=at(YEAR, 9, 10, 15))
    events.event(None, starts_at=at(YEAR, 9, 12), ends_at=at(YEAR, 9, 12, 15), status=EventStatus.CANCELLED)
    events.registration(held, member)
    events.registration(held, factories.registered())
    events.registration(held, factories.registered(), status=RegistrationStatus.CANCELLED)
    assert monthly("events_held") == {"2023-09": 1}
    assert monthly("event_participants") == {"2023-09": 2}

    idea = ideas.idea(member, created_at=at(YEAR, 10))
    ideas.comment(idea, member, created_at=at(YEAR, 10))
    ideas.comment(idea, member, created_at=at(YEAR, 11))
    assert monthly("ideas") == {"2023-10": 1}
    assert monthly("idea_comments") == {"2023-10": 1, "2023-11": 1}


def test_platform_rating_is_the_mean_score(app):
    for score, month in ((5, 1), (4, 1), (2, 6)):
        rating(factories.member(), score, when=at(YEAR, month))
    assert monthly("platform_rating") == {"2023-01": 4.5, "2023-06": 2}
    assert fact("platform_rating") == pytest.approx(11 / 3)
    assert fact("platform_rating", Period.year(2024)) is None


def test_every_indicator_computes_on_an_empty_database(app):
    for indicator in REGISTRY:
        series = compute(indicator, PERIOD)
        assert len(series.values) == 12
        assert series.fact in (0, None)
    assert BY_KEY["projects_progress"].max_target == Decimal(100)


def test_events_and_ideas_count_what_was_held_and_posted_in_the_period(app):
    """Events held (published, started in the period), their participants, ideas and comments posted in it."""
    member = factories.member()
    for month in (2, 2, 9):
        held = events.event(None, starts_at=at(YEAR, month), ends_at=at(YEAR, month, 15, 18))
        events.registration(held, member)
        events.registration(held, factories.registered())
    events.event(None, starts_at=at(YEAR, 5), ends_at=at(YEAR, 5, 15, 18), status=EventStatus.DRAFT)
    idea = ideas.idea(member, created_at=at(YEAR, 3))
    ideas.comment(idea, factories.member(), created_at=at(YEAR, 4))
    ideas.idea(member, created_at=at(YEAR + 1, 3))
    assert fact("events_held") == 3  # the draft is not held
    assert fact("event_participants") == 6
    assert fact("ideas") == 1  # the next year's idea is outside the period
    assert fact("idea_comments") == 1
