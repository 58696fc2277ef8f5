"""The competence map: competencies (rows, the directory tree) × organizations (columns, by kind).

``build_matrix`` reads three statements whatever the size of the cluster — the
directory, the organizations matching the filters, and their competency links —
and computes everything else (aggregates of parent rows, totals) in memory.
Competencies and their notes are public profile data (see
``organizations.models.PUBLIC_FIELDS``: they are not among the protected
fields), so every member sees the same map.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import ColumnElement, select

from ..db import db
from ..i18n import localized
from ..organizations.models import (
    MembershipStatus,
    Organization,
    OrganizationCompetency,
    OrgKind,
)
from .tree import Node, Tree, load_tree

#: Column groups, in this order.
KIND_ORDER = (OrgKind.SME, OrgKind.LARGE, OrgKind.UNIVERSITY, OrgKind.RESEARCH, OrgKind.PUBLIC, OrgKind.OTHER)
#: Levels of ``CompetencyLevel`` (1 Basic, 2 Advanced, 3 Expert).
LEVELS = (1, 2, 3)
#: Characters a rotated column header shows before an ellipsis.
SHORT_NAME_LENGTH = 34

_LEGAL_FORM = re.compile(
    r"^(ООО|ОАО|ЗАО|ПАО|АО|НАО|АНО|ИП|ЧУ ДПО|ЧОУ ДПО|ЧУ|АНО ДПО|ФГБОУ ВО|ФГБОУ|ФГАОУ ВО|ФГАОУ|"
    r"ФГБНУ|ФГАНУ|ФГУП|ГБПОУ|ГАПОУ|ГБУ|ГУП|МУП|НКО|ТОО|OOO|LLC|JSC|PJSC|Ltd\.?)\s+",
    re.IGNORECASE,
)
_LEGAL_SUFFIX = re.compile(r",?\s+(LLC|JSC|PJSC|Ltd\.?|Inc\.?|plc|GmbH)$", re.IGNORECASE)


def short_name(name: str, limit: int = SHORT_NAME_LENGTH) -> str:
    """A column header's name: without the legal form and the outer quotes, cut to ``limit`` characters.

    «АО «Ставропольский азотный комбинат»» → «Ставропольский азотный комбинат».
    """
    short = _LEGAL_SUFFIX.sub("", _LEGAL_FORM.sub("", name.strip()))
    if short.startswith("«") and short.endswith("»"):
        short = short[1:-1]
        if short.count("«") > short.count("»"):  # «Завод «Оснастка»: the closing quotes were merged
            short += "»"
    elif short.startswith('"') and short.endswith('"'):
        short = short[1:-1]
    short = short.strip() or name
    return short if len(short) <= limit else short[: limit - 1].rstrip() + "…"


@dataclass
class MatrixFilters:
    """Validated filters; ``None`` / "" means "not set"."""

    region: str = ""
    kind: OrgKind | None = None
    branch_id: int | None = None  # a top-level node of the directory: only its subtree as rows
    members_only: bool = True


@dataclass(eq=False)
class OrgColumn:
    id: int
    name_ru: str
    name_en: str
    kind: OrgKind
    region: str
    is_member: bool
    total: int = 0  # competencies held among the rows shown

    @property
    def name(self) -> str:
        return localized(self, "name")

    @property
    def short(self) -> str:
        return short_name(self.name)


@dataclass(slots=True)
class Cell:
    """One organization in one row: its level (the highest of the group on parent rows)."""

    level: int
    note: str = ""
    count: int = 1  # parent rows: how many competencies of the group the organization holds
    direct: bool = True  # the organization holds this very competency


@dataclass(eq=False)
class Row:
    node: Node
    cells: list[Cell | None]
    total: int  # organizations (columns) holding it, or anything of its group on parent rows
    levels: dict[int, int]  # level -> number of organizations (their highest level on parent rows)


@dataclass
class Link:
    """One organization × competency pair, for the long CSV and the holders lists."""

    column: OrgColumn
    node: Node
    level: int
    note: str


@dataclass
class Matrix:
    tree: Tree
    filters: MatrixFilters
    columns: list[OrgColumn]
    groups: list[tuple[OrgKind, list[OrgColumn]]]
    rows: list[Row]
    links: list[Link] = field(default_factory=list)
    hidden_organizations: int = 0  # matched the filters but hold nothing among the rows shown

    @property
    def branch(self) -> Node | None:
        return self.tree.by_id.get(self.filters.branch_id) if self.filters.branch_id else None


def organization_conditions(filters: MatrixFilters) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if filters.members_only:
        conditions.append(Organization.membership_status == MembershipStatus.MEMBER)
    if filters.region:
        conditions.append(Organization.region == filters.region)
    if filters.kind:
        conditions.append(Organization.kind == filters.kind)
    return conditions


def _scope(tree: Tree, filters: MatrixFilters) -> list[Node]:
    if filters.branch_id:
        return tree.subtree(filters.branch_id)
    return list(tree.nodes)


def build_matrix(filters: MatrixFilters, tree: Tree | None = None) -> Matrix:
    """The map for ``filters``: rows depth first, columns grouped by kind then by name."""
    tree = tree or load_tree()
    nodes = _scope(tree, filters)
    in_scope = {node.id for node in nodes}
    conditions = organization_conditions(filters)

    organizations = db.session.execute(
        select(
            Organization.id,
            Organization.name_ru,
            Organization.name_en,
            Organization.kind,
            Organization.region,
            Organization.membership_status,
        ).where(*conditions)
    ).all()
    columns_by_id = {
        row.id: OrgColumn(
            row.id, row.name_ru, row.name_en, row.kind, row.region, row.membership_status == MembershipStatus.MEMBER
        )
        for row in organizations
    }
    link_rows = db.session.execute(
        select(
            OrganizationCompetency.organization_id,
            OrganizationCompetency.competency_id,
            OrganizationCompetency.level,
            OrganizationCompetency.note,
        )
        .join(Organization, Organization.id == OrganizationCompetency.organization_id)
        .where(*conditions)
    ).all()

    links: list[Link] = []
    # Aggregates per node over its subtree: node id -> organization id -> [count, highest level].
    aggregate: dict[int, dict[int, list[int]]] = defaultdict(dict)
    direct: dict[int, dict[int, tuple[int, str]]] = defaultdict(dict)
    for org_id, competency_id, level, note in link_rows:
        column = columns_by_id.get(org_id)
        if column is None or competency_id not in in_scope:
            continue
        node = tree.by_id[competency_id]
        column.total += 1
        links.append(Link(column, node, level, note or ""))
        direct[competency_id][org_id] = (level, note or "")
        for ancestor in tree.ancestors(competency_id):
            if ancestor.id not in in_scope:
                break
            entry = aggregate[ancestor.id].setdefault(org_id, [0, 0])
            entry[0] += 1
            entry[1] = max(entry[1], level)

    columns = [column for column in columns_by_id.values() if column.total]
    kind_rank = {kind: rank for rank, kind in enumerate(KIND_ORDER)}
    columns.sort(key=lambda c: (kind_rank.get(c.kind, len(KIND_ORDER)), c.name.casefold(), c.id))
    groups: list[tuple[OrgKind, list[OrgColumn]]] = []
    for column in columns:
        if not groups or groups[-1][0] != column.kind:
            groups.append((column.kind, []))
        groups[-1][1].append(column)
    index = {column.id: position for position, column in enumerate(columns)}

    rows = []
    for node in nodes:
        cells: list[Cell | None] = [None] * len(columns)
        levels = dict.fromkeys(LEVELS, 0)
        held = aggregate.get(node.id, {})
        for org_id, (count, highest) in held.items():
            own = direct.get(node.id, {}).get(org_id)
            if node.is_parent or own is None:  # a leaf's holders all hold it directly
                cells[index[org_id]] = Cell(highest, own[1] if own else "", count, own is not None)
            else:
                cells[index[org_id]] = Cell(own[0], own[1])
            levels[highest] += 1
        rows.append(Row(node, cells, len(held), levels))

    links.sort(key=lambda link: (index[link.column.id], tree.order[link.node.id]))
    return Matrix(tree, filters, columns, groups, rows, links, hidden_organizations=len(columns_by_id) - len(columns))


def holders_of(competency_ids: set[int], tree: Tree) -> list[tuple[OrganizationCompetency, Organization]]:
    """Who holds any of ``competency_ids``: members first, then in the directory's order, strongest first."""
    pairs = db.session.execute(
        select(OrganizationCompetency, Organization)
        .join(Organization, Organization.id == OrganizationCompetency.organization_id)
        .where(OrganizationCompetency.competency_id.in_(competency_ids))
    ).all()
    return sorted(
        ((link, org) for link, org in pairs),
        key=lambda pair: (
            pair[1].membership_status != MembershipStatus.MEMBER,
            tree.order[pair[0].competency_id],
            -pair[0].level,
            pair[1].name_ru,
        ),
    )
