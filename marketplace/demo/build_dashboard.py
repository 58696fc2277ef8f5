"""Seed step 6: the KPI dashboard — members' ratings of the platform and of past events, and this year's targets.

Runs last: the targets are set from the demo's own pace this year (some ahead of
plan, some behind), so the plan/fact table is neither empty nor all green.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import select

from ..dashboard.indicators import BY_KEY, Kind, Period, compute
from ..dashboard.models import KpiTarget, Rating, RatingSubject
from ..db import db
from ..events.models import Event, EventRegistration, EventStatus, RegistrationStatus
from .context import Demo

PLATFORM_COMMENTS = (
    "Удобно искать исполнителей по компетенциям, нашли двух субподрядчиков за месяц.",
    "Не хватает уведомлений о новых заказах по нашим кодам ОКПД2.",
    "Бронирование оборудования ЦКП работает отлично, без звонков и писем.",
    "Хотелось бы выгрузку каталога в Excel.",
    "",
    "",
)
EVENT_COMMENTS = (
    "Полезные контакты, договорились о пробной партии.",
    "Мало времени на вопросы к заказчикам.",
    "Отличная организация, ждём следующую встречу.",
    "",
    "",
)
#: Targets: the indicator and how its year's target compares with the demo's pace (1.0 = on pace).
TARGET_PACE = {
    "users_total": 1.05,
    "users_new": 1.2,
    "members_total": 1.05,
    "members_new": 1.5,
    "orders_posted": 0.9,
    "responses": 1.3,
    "awards": 1.0,
    "bookings_approved": 0.8,
    "projects_new": 1.4,
    "events_held": 1.1,
    "event_participants": 1.2,
    "ideas": 1.5,
    "partners_found": 1.25,
}
FIXED_TARGETS = {"platform_rating": Decimal("4.5"), "projects_progress": Decimal(60)}


def build_ratings(demo: Demo) -> None:
    rng = demo.rng
    members = [user for key, users in demo.users.items() if demo.is_member(key) for user in users]
    for index, user in enumerate(rng.sample(members, min(18, len(members)))):
        moment = demo.days_ago(rng.randint(1, 200))
        db.session.add(
            Rating(
                user=user,
                subject=RatingSubject.PLATFORM,
                score=rng.choice((3, 4, 4, 5, 5, 5)),
                comment=PLATFORM_COMMENTS[index % len(PLATFORM_COMMENTS)],
                created_at=moment,
                updated_at=moment,
            )
        )
        demo.counts["ratings"] += 1
    db.session.flush()
    past = (
        select(EventRegistration)
        .join(Event)
        .where(
            Event.status == EventStatus.PUBLISHED,
            Event.starts_at < demo.now,
            EventRegistration.status == RegistrationStatus.REGISTERED,
        )
        .order_by(EventRegistration.id)
    )
    for index, registration in enumerate(db.session.scalars(past)):
        if index % 3 == 2 or not registration.user.is_member:
            continue
        moment = min(registration.event.ends_at + dt.timedelta(hours=rng.randint(2, 72)), demo.now)
        db.session.add(
            Rating(
                user=registration.user,
                subject=RatingSubject.EVENT,
                event=registration.event,
                score=rng.choice((3, 4, 4, 5, 5)),
                comment=EVENT_COMMENTS[index % len(EVENT_COMMENTS)],
                created_at=moment,
                updated_at=moment,
            )
        )
        demo.counts["ratings"] += 1
    db.session.flush()


def build_targets(demo: Demo) -> None:
    """This year's targets: the pace so far, extrapolated to the whole year, times ``TARGET_PACE``."""
    year = demo.today.year
    so_far = Period(dt.date(year, 1, 1), demo.today)
    elapsed = (demo.today - so_far.start).days + 1
    days = (dt.date(year, 12, 31) - so_far.start).days + 1
    manager = demo.special["manager"]
    for key, pace in TARGET_PACE.items():
        indicator = BY_KEY[key]
        fact = compute(indicator, so_far).fact or 0
        whole_year = fact if indicator.kind == Kind.LEVEL else fact * days / elapsed
        # Events are scheduled ahead: what is already planned for the rest of the year counts too.
        whole_year = max(whole_year, compute(indicator, Period.year(year)).fact or 0)
        value = Decimal(max(1, round(whole_year * pace)))
        db.session.add(KpiTarget(indicator=key, year=year, value=value, updated_by=manager))
        demo.counts["kpi_targets"] += 1
    for key, value in FIXED_TARGETS.items():
        db.session.add(KpiTarget(indicator=key, year=year, value=value, updated_by=manager))
        demo.counts["kpi_targets"] += 1
    db.session.flush()


def build_dashboard(demo: Demo) -> None:
    build_ratings(demo)
    build_targets(demo)
