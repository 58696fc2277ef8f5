"""The registry of key performance indicators, each counted from the platform's own records.

One ``Indicator`` per entry of ``REGISTRY``: its key (what ``KpiTarget.indicator``
stores), label, unit, kind, and the statements that count it by month. Every
statement selects ``(month, total, n)`` grouped by ``sql.month_bucket`` of a
date column, so the counting happens in the database, on SQLite and PostgreSQL
alike; ``compute()`` turns the rows into a monthly series and the period's fact.

Kinds:

- ``COUNT``: things that happened (new users, orders posted…); the fact is the
  sum of the months.
- ``LEVEL``: a stock at the end of each month (member organizations, registered
  users); the fact is the level at the end of the period.
- ``AVERAGE``: a mean of values (percent complete, rating score); the fact is
  the mean over the whole period, not the mean of the monthly means.

The definition of each indicator is in docs/features/dashboard.md.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from flask_babel import lazy_gettext as _l
from sqlalchemy import ColumnElement, Join, Select, and_, func, select
from sqlalchemy.orm import InstrumentedAttribute

from ..accounts.models import User
from ..db import db
from ..equipment.models import Booking, BookingStatus
from ..events.models import Event, EventRegistration, EventStatus, RegistrationStatus
from ..ideas.models import Idea, IdeaComment
from ..orders.models import Order, OrderInvitation, OrderStatus, Response, ResponseStatus
from ..organizations.models import (
    ApplicationStatus,
    MembershipApplication,
    MembershipStatus,
    Organization,
)
from ..projects.models import (
    ConsortiumMember,
    ConsortiumStatus,
    Project,
    ProjectEvent,
    ProjectStatus,
)
from ..sql import month_bucket
from .models import Rating, RatingSubject


class Kind(enum.StrEnum):
    COUNT = "count"
    LEVEL = "level"
    AVERAGE = "average"


@dataclass(frozen=True)
class Period:
    """Whole days from ``start`` to ``end``, both included."""

    start: dt.date
    end: dt.date

    @classmethod
    def year(cls, year: int) -> Period:
        return cls(dt.date(year, 1, 1), dt.date(year, 12, 31))

    @property
    def start_at(self) -> dt.datetime:
        return dt.datetime.combine(self.start, dt.time())

    @property
    def end_before(self) -> dt.datetime:
        """The first moment after the period (an exclusive bound for datetime columns)."""
        return dt.datetime.combine(self.end + dt.timedelta(days=1), dt.time())

    @property
    def whole_year(self) -> int | None:
        """The year, when the period is exactly one calendar year (targets are set per year)."""
        if self.start == dt.date(self.start.year, 1, 1) and self.end == dt.date(self.start.year, 12, 31):
            return self.start.year
        return None

    @property
    def months(self) -> list[str]:
        """Every month the period touches, as ``'YYYY-MM'``."""
        months, year, month = [], self.start.year, self.start.month
        while (year, month) <= (self.end.year, self.end.month):
            months.append(f"{year:04d}-{month:02d}")
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return months


#: A statement selecting ``(month, total, n)``.
MonthlyStatement = Select[str, Any, int]
#: ``statements(period)`` → statements selecting ``(month, total, n)``.
Statements = Callable[[Period], list[MonthlyStatement]]
#: A mapped column of a model (``User.created_at``).
ModelColumn = InstrumentedAttribute[Any]


@dataclass(frozen=True)
class Indicator:
    key: str
    label: str  # a lazy string
    unit: str  # a lazy string
    kind: Kind
    statements: Statements
    #: For ``LEVEL``: the statement of the level just before the period starts.
    base: Callable[[Period], Select[int]] | None = None
    #: The largest target that makes sense (a percent, a score); None: unbounded.
    max_target: Decimal | None = None
    decimals: int = 0


@dataclass
class Series:
    """An indicator over a period: a value per month and the period's fact."""

    indicator: Indicator
    months: list[str]
    values: Sequence[float | None]
    fact: float | None
    extra: dict[str, int] = field(default_factory=dict)


def _bounds(column: ModelColumn, period: Period, *, is_date: bool = False) -> ColumnElement[bool]:
    if is_date:
        return and_(column >= period.start, column <= period.end)
    return and_(column >= period.start_at, column < period.end_before)


def counted(
    column: ModelColumn, *where: ColumnElement[bool], join: Join | None = None, is_date: bool = False
) -> Statements:
    """Rows counted by the month of ``column`` (a date or naive-UTC datetime)."""

    def build(period: Period) -> list[MonthlyStatement]:
        bucket = month_bucket(column)
        statement = select(bucket, func.count(), func.count())
        if join is not None:
            statement = statement.select_from(join)
        return [statement.where(column.is_not(None), _bounds(column, period, is_date=is_date), *where).group_by(bucket)]

    return build


def averaged(value: ModelColumn, column: ModelColumn, *where: ColumnElement[bool]) -> Statements:
    """The mean of ``value`` over rows, by the month of ``column``."""

    def build(period: Period) -> list[MonthlyStatement]:
        bucket = month_bucket(column)
        return [
            select(bucket, func.sum(value), func.count(value))
            .where(value.is_not(None), _bounds(column, period), *where)
            .group_by(bucket)
        ]

    return build


def combined(*parts: Statements) -> Statements:
    """Several sources added together month by month."""
    return lambda period: [statement for part in parts for statement in part(period)]


def level_before(
    column: ModelColumn, *where: ColumnElement[bool], is_date: bool = False
) -> Callable[[Period], Select[int]]:
    def build(period: Period) -> Select[int]:
        bound = column < (period.start if is_date else period.start_at)
        return select(func.count()).where(column.is_not(None), bound, *where)

    return build


_is_member = Organization.membership_status == MembershipStatus.MEMBER
_held = Event.status == EventStatus.PUBLISHED
_awarded_response = and_(Response.status == ResponseStatus.ACCEPTED, Order.awarded_response_id == Response.id)
_invited_response = (
    select(OrderInvitation.id)
    .where(OrderInvitation.order_id == Response.order_id, OrderInvitation.organization_id == Response.organization_id)
    .exists()
)

#: Every indicator of the dashboard, in the order it is shown and exported.
REGISTRY: tuple[Indicator, ...] = (
    Indicator(
        "users_total",
        _l("Registered users"),
        _l("people"),
        Kind.LEVEL,
        counted(User.created_at),
        base=level_before(User.created_at),
    ),
    Indicator("users_new", _l("New registrations"), _l("people"), Kind.COUNT, counted(User.created_at)),
    Indicator(
        "members_total",
        _l("Member organizations"),
        _l("organizations"),
        Kind.LEVEL,
        counted(Organization.member_since, _is_member, is_date=True),
        base=level_before(Organization.member_since, _is_member, is_date=True),
    ),
    Indicator(
        "members_new",
        _l("New members"),
        _l("organizations"),
        Kind.COUNT,
        counted(Organization.member_since, _is_member, is_date=True),
    ),
    Indicator(
        "applications_submitted",
        _l("Membership applications submitted"),
        _l("applications"),
        Kind.COUNT,
        counted(MembershipApplication.created_at),
    ),
    Indicator(
        "applications_approved",
        _l("Membership applications approved"),
        _l("applications"),
        Kind.COUNT,
        counted(MembershipApplication.decided_at, MembershipApplication.status == ApplicationStatus.APPROVED),
    ),
    Indicator(
        "organizations_registered",
        _l("Organizations registered on the site"),
        _l("organizations"),
        Kind.COUNT,
        counted(Organization.created_at),
    ),
    Indicator(
        "orders_posted",
        _l("Orders posted"),
        _l("orders"),
        Kind.COUNT,
        counted(Order.published_at, Order.status != OrderStatus.DRAFT),
    ),
    Indicator("responses", _l("Responses to orders"), _l("responses"), Kind.COUNT, counted(Response.created_at)),
    Indicator(
        "awards",
        _l("Orders awarded"),
        _l("orders"),
        Kind.COUNT,
        counted(Order.awarded_at, Order.awarded_response_id.is_not(None)),
    ),
    Indicator(
        "bookings_approved",
        _l("Equipment bookings approved"),
        _l("bookings"),
        Kind.COUNT,
        counted(Booking.decided_at, Booking.status == BookingStatus.APPROVED),
    ),
    Indicator(
        "projects_new",
        _l("New projects"),
        _l("projects"),
        Kind.COUNT,
        counted(Project.created_at, Project.status != ProjectStatus.IDEA),
    ),
    Indicator(
        "projects_completed",
        _l("Projects completed"),
        _l("projects"),
        Kind.COUNT,
        counted(ProjectEvent.created_at, ProjectEvent.to_status == ProjectStatus.COMPLETED),
    ),
    Indicator(
        "projects_progress",
        _l("Mean percent complete of projects"),
        _l("%"),
        Kind.AVERAGE,
        averaged(ProjectEvent.percent_complete, ProjectEvent.created_at),
        max_target=Decimal(100),
        decimals=1,
    ),
    Indicator("events_held", _l("Events held"), _l("events"), Kind.COUNT, counted(Event.starts_at, _held)),
    Indicator(
        "event_participants",
        _l("Event participants"),
        _l("registrations"),
        Kind.COUNT,
        counted(
            Event.starts_at,
            _held,
            EventRegistration.status == RegistrationStatus.REGISTERED,
            join=EventRegistration.__table__.join(Event.__table__),
        ),
    ),
    Indicator("ideas", _l("Ideas posted"), _l("ideas"), Kind.COUNT, counted(Idea.created_at)),
    Indicator("idea_comments", _l("Comments on ideas"), _l("comments"), Kind.COUNT, counted(IdeaComment.created_at)),
    Indicator(
        "partners_found",
        _l("Partners found through the site"),
        _l("partners"),
        Kind.COUNT,
        combined(
            counted(
                Order.awarded_at,
                _awarded_response,
                join=Response.__table__.join(Order.__table__, Response.order_id == Order.id),
            ),
            counted(ConsortiumMember.responded_at, ConsortiumMember.status == ConsortiumStatus.ACCEPTED),
        ),
    ),
    Indicator(
        "invitations_answered",
        _l("Order invitations answered"),
        _l("responses"),
        Kind.COUNT,
        counted(Response.created_at, _invited_response),
    ),
    Indicator(
        "platform_rating",
        _l("Members' rating of the platform"),
        _l("points of 5"),
        Kind.AVERAGE,
        averaged(Rating.score, Rating.updated_at, Rating.subject == RatingSubject.PLATFORM),
        max_target=Decimal(5),
        decimals=2,
    ),
)

BY_KEY: dict[str, Indicator] = {indicator.key: indicator for indicator in REGISTRY}


def compute(indicator: Indicator, period: Period) -> Series:
    """The indicator's value for each month of ``period`` and its fact for the whole period."""
    totals: dict[str, float] = defaultdict(float)
    counts: dict[str, int] = defaultdict(int)
    for statement in indicator.statements(period):
        for month, total, n in db.session.execute(statement):
            totals[month] += float(total or 0)
            counts[month] += int(n or 0)
    months = period.months
    if indicator.kind == Kind.COUNT:
        sums = [totals.get(month, 0.0) for month in months]
        return Series(indicator, months, sums, sum(sums))
    if indicator.kind == Kind.LEVEL:
        if indicator.base is None:
            raise ValueError(f"the level indicator {indicator.key} has no base statement")
        level = float(db.session.scalar(indicator.base(period)) or 0)
        levels = []
        for month in months:
            level += totals.get(month, 0.0)
            levels.append(level)
        return Series(indicator, months, levels, levels[-1] if levels else level)
    means = [totals[month] / counts[month] if counts.get(month) else None for month in months]
    n = sum(counts.values())
    return Series(indicator, months, means, sum(totals.values()) / n if n else None, {"n": n})
