"""Plan against fact: the manager's yearly targets and the rows the dashboard and the exports show."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from flask_babel import gettext as _
from sqlalchemy import select

from ..audit import services as audit
from ..audit.models import AuditAction, AuditTarget
from ..db import db, utcnow
from ..errors import InvalidInput
from .indicators import BY_KEY, REGISTRY, Indicator, Period, Series, compute
from .models import KpiTarget

#: Targets may be set for these years around the current one.
YEARS_BACK, YEARS_AHEAD = 10, 5


def year_range(today: dt.date | None = None) -> range:
    year = (today or dt.date.today()).year
    return range(year - YEARS_BACK, year + YEARS_AHEAD + 1)


def targets_of(year: int) -> dict[str, Decimal]:
    """The targets set for ``year``, by indicator key (indicators without one are absent)."""
    rows = db.session.scalars(select(KpiTarget).where(KpiTarget.year == year))
    return {row.indicator: row.value for row in rows if row.indicator in BY_KEY}


def save_targets(year: int, values: dict[str, Decimal | None], user: Any) -> int:
    """Set the targets of ``year`` at once: a value sets or updates it, ``None`` removes it.

    Checks every value before changing anything; flushes, never commits (the request
    is one transaction). Returns how many targets the year now has.
    """
    if year not in year_range():
        raise InvalidInput(
            _("Targets can be set for %(first)d–%(last)d.", first=year_range()[0], last=year_range()[-1]), field="year"
        )
    unknown = set(values) - set(BY_KEY)
    if unknown:
        raise InvalidInput(_("Unknown indicator: %(key)s.", key=", ".join(sorted(unknown))))
    for key, value in values.items():
        check_target(BY_KEY[key], value)
    existing = {
        row.indicator: row
        for row in db.session.scalars(
            select(KpiTarget).where(KpiTarget.year == year, KpiTarget.indicator.in_(list(values)))
        )
    }
    before: dict[str, Decimal | None] = {}
    after: dict[str, Decimal | None] = {}
    for key, value in values.items():
        old = _set_target(year, key, value, existing.get(key), user)
        if old != value:
            before[key], after[key] = old, value
    db.session.flush()
    if after:  # saving the form unchanged changes nothing and logs nothing
        audit.record(
            AuditAction.KPI_TARGETS_CHANGED,
            target=(AuditTarget.KPI_PLAN, year),
            target_name=str(year),
            before=before,
            after=after,
            actor=user,
        )
    return len(targets_of(year))


def _set_target(year: int, key: str, value: Decimal | None, row: KpiTarget | None, user: Any) -> Decimal | None:
    """Set, update or (``None``) remove one target; returns the value it had."""
    old = row.value if row is not None else None
    if value is None:
        if row is not None:
            db.session.delete(row)
    elif row is None:
        db.session.add(KpiTarget(indicator=key, year=year, value=value, updated_by_id=user.id))
    elif row.value != value:
        row.value, row.updated_by_id, row.updated_at = value, user.id, utcnow()
    return old


def check_target(indicator: Indicator, value: Decimal | None) -> None:
    if value is None:
        return
    if value < 0:
        raise InvalidInput(_("A target cannot be negative."), field=indicator.key)
    if indicator.max_target is not None and value > indicator.max_target:
        raise InvalidInput(_("The target cannot exceed %(max)s.", max=indicator.max_target), field=indicator.key)
    if indicator.decimals == 0 and value != value.to_integral_value():
        raise InvalidInput(_("This target is a whole number."), field=indicator.key)


@dataclass
class Row:
    """One indicator over a period: its series, the year's target and the percent of plan."""

    series: Series
    target: Decimal | None

    @property
    def indicator(self) -> Indicator:
        return self.series.indicator

    @property
    def fact(self) -> float | None:
        return self.series.fact

    @property
    def percent(self) -> float | None:
        """Fact as a percent of the target; None without a target (or a zero one)."""
        if self.target is None or self.target <= 0 or self.fact is None:
            return None
        return self.fact / float(self.target) * 100

    def rounded(self, value: float | None) -> float | int | None:
        if value is None:
            return None
        return round(value) if self.indicator.decimals == 0 else round(value, self.indicator.decimals)


def plan_and_fact(period: Period) -> list[Row]:
    """Every indicator of the registry over ``period``; targets only when the period is one whole year."""
    year = period.whole_year
    targets = targets_of(year) if year is not None else {}
    return [Row(compute(indicator, period), targets.get(indicator.key)) for indicator in REGISTRY]
