"""The plan/fact report of a period as CSV and as an Excel workbook (openpyxl).

Both have one row per indicator: key, label, unit, a column per month, the fact
for the period, and — when the period is one whole calendar year — the target
and the percent of plan. Numbers are written as numbers (an empty cell where
there is no value), so the files can be summed and charted as they are.
The routes call ``report_csv`` / ``report_xlsx``, which also log the export in the audit trail.
"""

from __future__ import annotations

import io

from flask_babel import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from .. import csv_files
from ..audit import services as audit
from ..audit.models import AuditAction, AuditTarget
from .indicators import Period
from .services import Row, plan_and_fact

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
    """The report as a CSV file (``csv_files``: what spreadsheets in Russia read)."""
    return csv_files.to_csv(header(period), table(rows))


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


def _record_export(period: Period, file_format: str, rows: list[Row]) -> None:
    audit.record(
        AuditAction.KPI_EXPORTED,
        target=(AuditTarget.KPI_REPORT, None),
        target_name=filename(period, file_format),
        after={"format": file_format, "start": period.start, "end": period.end, "indicators": len(rows)},
    )


def report_csv(period: Period) -> str:
    """The plan/fact report of ``period`` as CSV; the export is logged."""
    rows = plan_and_fact(period)
    _record_export(period, "csv", rows)
    return to_csv(period, rows)


def report_xlsx(period: Period) -> bytes:
    """The plan/fact report of ``period`` as an Excel workbook; the export is logged."""
    rows = plan_and_fact(period)
    _record_export(period, "xlsx", rows)
    return to_xlsx(period, rows)
