"""CSV exports of the competence map and of the gaps table, made for Excel.

UTF-8 with a byte order mark (without it Excel reads Cyrillic as cp1251
mojibake) and ";" between fields (the list separator of Russian Excel, which
splits nothing on commas). Text cells that Excel would run as a formula get a
leading apostrophe. Only public profile data is written: names, kind, region,
membership, competencies and their notes. The routes call ``map_export`` / ``gaps_export``,
which also log the export in the audit trail with the filters and the organizations it names.
"""

from __future__ import annotations

from flask_babel import gettext as _

from ..audit import services as audit
from ..audit.models import AuditAction, AuditTarget
from ..csv_files import to_csv
from ..i18n import label
from ..organizations.labels import level_label
from ..reference.regions import region_name
from .gaps import GapFilters, GapRow
from .matrix import LEVELS, Matrix


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


def map_export(matrix: Matrix, layout: str, language: str) -> str:
    """The map as CSV (``layout`` "wide" or "long"); the export is logged with the organizations it shows."""
    wide = layout == "wide"
    audit.record(
        AuditAction.COMPETENCE_MAP_EXPORTED,
        target=(AuditTarget.COMPETENCE_MAP, None),
        after={
            "layout": "wide" if wide else "long",
            "filters": matrix.filters,
            "rows": len(matrix.columns) if wide else len(matrix.links),
            "organization_ids": sorted(column.id for column in matrix.columns),
        },
    )
    return matrix_wide(matrix, language) if wide else matrix_long(matrix, language)


def gaps_export(rows: list[GapRow], filters: GapFilters, status_labels: dict[str, str]) -> str:
    """The supply and demand table as CSV (counts only, no organization named); the export is logged."""
    audit.record(
        AuditAction.COMPETENCE_GAPS_EXPORTED,
        target=(AuditTarget.COMPETENCE_GAPS, None),
        after={"filters": filters, "rows": len(rows)},
    )
    return gaps_table(rows, status_labels)
