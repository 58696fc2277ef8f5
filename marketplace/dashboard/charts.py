"""Server-rendered charts: the geometry of one indicator's monthly chart, drawn as inline SVG.

No JavaScript and nothing from a CDN: ``monthly_chart()`` computes bars (one per
month), the cumulative fact (for counted indicators) and the target line in the
SVG's own coordinates; ``templates/dashboard/_chart.html`` draws them, with a
``<title>`` and a ``<desc>`` that reads the values out for screen readers.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from flask_babel import format_decimal, gettext as _

from .indicators import Kind
from .services import Row

WIDTH, HEIGHT = 420, 170
LEFT, RIGHT, TOP, BOTTOM = 40, 10, 12, 22


@dataclass
class Bar:
    x: float
    y: float
    width: float
    height: float
    month: str
    value: str


@dataclass
class Chart:
    key: str
    title: str
    desc: str
    width: int = WIDTH
    height: int = HEIGHT
    bars: list[Bar] = field(default_factory=list)
    cumulative: str = ""  # polyline points
    target_y: float | None = None
    ticks: list[tuple[float, str]] = field(default_factory=list)  # (y, label)
    labels: list[tuple[float, str]] = field(default_factory=list)  # (x, month label)
    baseline: float = HEIGHT - BOTTOM
    left: int = LEFT
    right: int = WIDTH - RIGHT


def _nice_max(value: float) -> float:
    """A round upper bound of the axis (1, 2, 2.5, 5 × a power of ten)."""
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * power:
            return step * power
    return 10 * power


def _number(value: float | None, decimals: int) -> str:
    if value is None:
        return "—"
    return format_decimal(round(value, decimals), format="#,##0" + ("." + "#" * decimals if decimals else ""))


def monthly_chart(row: Row) -> Chart:
    indicator, series = row.indicator, row.series
    decimals = indicator.decimals
    values = series.values
    cumulative: list[float] = []
    if indicator.kind == Kind.COUNT:
        running = 0.0
        for value in values:
            running += value or 0
            cumulative.append(running)
    target = float(row.target) if row.target is not None else None
    top = _nice_max(max([v for v in values if v is not None] + cumulative + ([target] if target else []) + [0]))
    plot_height = HEIGHT - TOP - BOTTOM
    slot = (WIDTH - LEFT - RIGHT) / max(len(values), 1)

    def y_of(value: float) -> float:
        return round(HEIGHT - BOTTOM - value / top * plot_height, 1)

    chart = Chart(key=indicator.key, title=str(indicator.label), desc="")
    for index, (month, value) in enumerate(zip(series.months, values, strict=True)):
        x = LEFT + index * slot
        if value is not None:
            y = y_of(value)
            chart.bars.append(
                Bar(
                    round(x + slot * 0.15, 1),
                    y,
                    round(slot * 0.7, 1),
                    round(HEIGHT - BOTTOM - y, 1),
                    month,
                    _number(value, decimals),
                )
            )
        chart.labels.append((round(x + slot / 2, 1), month[5:] if len(values) <= 12 else month[2:].replace("-", ".")))
    if cumulative:
        chart.cumulative = " ".join(f"{round(LEFT + (i + 0.5) * slot, 1)},{y_of(v)}" for i, v in enumerate(cumulative))
    if target is not None:
        chart.target_y = y_of(target)
    chart.ticks = [(y_of(top * share), _number(top * share, decimals if top < 10 else 0)) for share in (0, 0.5, 1)]
    chart.desc = _describe(row, values, cumulative, target)
    return chart


def _describe(row: Row, values: Sequence[float | None], cumulative: list[float], target: float | None) -> str:
    decimals = row.indicator.decimals
    months = ", ".join(
        f"{month}: {_number(value, decimals)}" for month, value in zip(row.series.months, values, strict=True)
    )
    parts = [_("By month: %(months)s.", months=months)]
    if cumulative:
        parts.append(_("Cumulative fact: %(value)s.", value=_number(cumulative[-1], decimals)))
    else:
        parts.append(_("Fact: %(value)s.", value=_number(row.fact, decimals)))
    parts.append(
        _("Target: %(value)s.", value=_number(target, decimals)) if target is not None else _("No target set.")
    )
    return " ".join(parts)
