"""The plan/fact report of a period as CSV and as an Excel workbook (openpyxl).

Both have one row per indicator: key, label, unit, a column per month, the fact
for the period, and — when the period is one whole calendar year — the target
and the percent of plan. Numbers are written as numbers (an empty cell where
there is no value), so the files can be summed and charted as they are.
"""

from __future__ import annotations

import csv
import io

from flask_babel import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from .indicators import Period
from .services import Row

XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def header(period: Period) -> list[str]:
    return [_("Key"), _("Indicator"), _("Unit"), *period.months, _("Fact"), _("Target"), _("Percent of plan")]


def _number(row: Row, value: float | None) -> float | None:
    return row.rounded(value)


def table(rows: list[Row]) -> list[list[str | float | None]]:
    return [
        [
            row.indicator.key,
            str(row.indicator.label),
            str(row.indicator.unit),
            *(_number(row, value) for value in row.series.values),
            _number(row, row.fact),
            row.rounded(float(row.target)) if row.target is not None else None,
            round(row.percent, 1) if row.percent is not None else None,
        ]
        for row in rows
    ]


def filename(period: Period, extension: str) -> str:
    year = period.whole_year
    span = str(year) if year is not None else f"{period.start.isoformat()}_{period.end.isoformat()}"
    return f"kpi-{span}.{extension}"


def to_csv(period: Period, rows: list[Row]) -> str:
    """UTF-8 text with a byte-order mark, so that Excel opens the Cyrillic labels correctly."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer)
    writer.writerow(header(period))
    for line in table(rows):
        writer.writerow(["" if cell is None else cell for cell in line])
    return buffer.getvalue()


def to_xlsx(period: Period, rows: list[Row]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "KPI"
    sheet.append(
        [
            _(
                "Key performance indicators, %(start)s – %(end)s",
                start=period.start.isoformat(),
                end=period.end.isoformat(),
            )
        ]
    )
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append(header(period))
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for line in table(rows):
        sheet.append(line)
    sheet.freeze_panes = "D3"
    sheet.column_dimensions["A"].width = 24
    sheet.column_dimensions["B"].width = 44
    sheet.column_dimensions["C"].width = 14
    for index in range(4, 4 + len(period.months) + 3):
        sheet.column_dimensions[get_column_letter(index)].width = 10
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
