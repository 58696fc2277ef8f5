"""CSV exports of the competence map and of the gaps table, made for Excel.

UTF-8 with a byte order mark (without it Excel reads Cyrillic as cp1251
mojibake) and ";" between fields (the list separator of Russian Excel, which
splits nothing on commas). Text cells that Excel would run as a formula get a
leading apostrophe. Only public profile data is written: names, kind, region,
membership, competencies and their notes.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from flask import Response
from flask_babel import gettext as _

from ..i18n import label
from ..organizations.labels import level_label
from ..reference.regions import region_name
from .gaps import GapRow
from .matrix import LEVELS, Matrix

BOM = "\ufeff"
DELIMITER = ";"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _safe(value: object) -> object:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def to_csv(header: list[str], rows: Iterable[Sequence[object]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=DELIMITER, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([_safe(value) for value in row])
    return BOM + buffer.getvalue()


def csv_response(body: str, filename: str) -> Response:
    response = Response(body.encode("utf-8"), mimetype="text/csv")
    response.headers["Content-Type"] = "text/csv; charset=utf-8"
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _yes_no(value: bool) -> str:
    return _("yes") if value else _("no")


def matrix_long(matrix: Matrix, language: str) -> str:
    """One row per organization × competency held."""
    header = [
        _("Organization"),
        _("Kind of organization"),
        _("Region"),
        _("Cluster member"),
        _("Competency code"),
        _("Competency"),
        _("Level"),
        _("Level name"),
        _("Note"),
    ]
    rows = (
        [
            link.column.name,
            label(link.column.kind),
            region_name(link.column.region, language),
            _yes_no(link.column.is_member),
            link.node.code,
            link.node.name,
            link.level,
            level_label(link.level),
            link.note,
        ]
        for link in matrix.links
    )
    return to_csv(header, rows)


def matrix_wide(matrix: Matrix, language: str) -> str:
    """One row per organization, one column per competency of the map (the level, or empty)."""
    nodes = [row.node for row in matrix.rows]
    header = [_("Organization"), _("Kind of organization"), _("Region"), _("Cluster member")] + [
        f"{node.code} {node.name}" for node in nodes
    ]
    held: dict[int, dict[int, int]] = {}
    for link in matrix.links:
        held.setdefault(link.column.id, {})[link.node.id] = link.level
    rows = (
        [
            column.name,
            label(column.kind),
            region_name(column.region, language),
            _yes_no(column.is_member),
            *(held.get(column.id, {}).get(node.id, "") for node in nodes),
        ]
        for column in matrix.columns
    )
    return to_csv(header, rows)


def gaps_table(rows: list[GapRow], status_labels: dict[str, str]) -> str:
    header = (
        [_("Competency code"), _("Competency"), _("Member organizations offering it")]
        + [level_label(level) for level in LEVELS]
        + [_("Open orders"), _("Projects"), _("Requests"), _("Status")]
    )
    body = (
        [row.node.code, row.node.name, row.supply]
        + [row.levels[level] for level in LEVELS]
        + [row.orders, row.projects, row.ideas, status_labels[row.status]]
        for row in rows
    )
    return to_csv(header, body)
