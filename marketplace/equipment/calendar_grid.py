"""A month grid of bookings, in local wall time. Plain Python: no Flask, no database.

The view converts each booking's window to the cluster's time zone and hands
the pairs in; a booking that spans several days appears on each of them.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
MIN_YEAR, MAX_YEAR = 2000, 2100


def parse_month(value: str | None, today: dt.date) -> tuple[int, int]:
    """``"YYYY-MM"`` to (year, month); the current month when empty. Raises ValueError when malformed."""
    if not value:
        return today.year, today.month
    match = _MONTH.match(value)
    if not match:
        raise ValueError(value)
    year, month = int(match.group(1)), int(match.group(2))
    if not (MIN_YEAR <= year <= MAX_YEAR and 1 <= month <= 12):
        raise ValueError(value)
    return year, month


def shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def month_key(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def grid_dates(year: int, month: int) -> list[list[dt.date]]:
    """Whole weeks (Monday first) covering the month."""
    return calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)


@dataclass
class Slot:
    booking: Any
    start: dt.datetime  # local wall time
    end: dt.datetime
    starts_here: bool
    ends_here: bool

    @property
    def approved(self) -> bool:
        return getattr(self.booking.status, "value", self.booking.status) == "approved"


@dataclass
class Day:
    date: dt.date
    in_month: bool
    is_today: bool
    slots: list[Slot] = field(default_factory=list)


def build_month(
    year: int, month: int, windows: list[tuple[Any, dt.datetime, dt.datetime]], today: dt.date
) -> list[list[Day]]:
    """Weeks of ``Day``s; ``windows`` are (booking, local start, local end), half-open."""
    weeks = []
    for week in grid_dates(year, month):
        days = []
        for date in week:
            day_start = dt.datetime.combine(date, dt.time())
            day_end = day_start + dt.timedelta(days=1)
            slots = [
                Slot(booking, start, end, starts_here=start >= day_start, ends_here=end <= day_end)
                for booking, start, end in windows
                if start < day_end and end > day_start
            ]
            days.append(Day(date, in_month=date.month == month, is_today=date == today, slots=slots))
        weeks.append(days)
    return weeks
