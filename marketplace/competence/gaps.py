"""Supply against demand per competency: the cluster's "database of current problems" (document 000).

Supply of a competency is the member organizations holding it *or anything
below it* in the directory (an order asking for «Полимеры и переработка
пластмасс» is met by an injection moulder), counted by each one's highest level
there. Demand is what open orders, running projects and open requests of the
idea exchange ask for that very competency (see ``demand``). A competency in demand that no member offers is a
gap ("none"); one that a single member offers is fragile ("single").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from ..db import db
from ..organizations.models import (
    MembershipStatus,
    Organization,
    OrganizationCompetency,
)
from . import demand
from .matrix import LEVELS
from .tree import Node, Tree, load_tree

NONE, SINGLE, OK, NOT_ASKED = "none", "single", "ok", "not_asked"
#: Severity order used by the "gaps first" sort.
SEVERITY = {NONE: 0, SINGLE: 1, OK: 2, NOT_ASKED: 3}
SORTS = ("tree", "gap", "demand", "supply")


@dataclass(eq=False)
class GapRow:
    node: Node
    supply: int
    levels: dict[int, int]  # level -> member organizations whose highest level there it is
    orders: int
    projects: int
    ideas: int = 0

    @property
    def demand(self) -> int:
        return self.orders + self.projects + self.ideas

    @property
    def status(self) -> str:
        if not self.demand:
            return NOT_ASKED
        if self.supply == 0:
            return NONE
        return SINGLE if self.supply == 1 else OK


@dataclass
class GapFilters:
    branch_id: int | None = None
    asked_only: bool = False
    sort: str = "tree"


def member_supply(tree: Tree) -> dict[int, dict[int, int]]:
    """Competency id -> member organization id -> its highest level in the competency's subtree."""
    rows = db.session.execute(
        select(
            OrganizationCompetency.organization_id, OrganizationCompetency.competency_id, OrganizationCompetency.level
        )
        .join(Organization, Organization.id == OrganizationCompetency.organization_id)
        .where(Organization.membership_status == MembershipStatus.MEMBER)
    ).all()
    supply: dict[int, dict[int, int]] = {}
    for org_id, competency_id, level in rows:
        for node in tree.ancestors(competency_id):
            held = supply.setdefault(node.id, {})
            held[org_id] = max(held.get(org_id, 0), level)
    return supply


def gap_rows(filters: GapFilters, user: Any, tree: Tree | None = None) -> list[GapRow]:
    """One row per competency in scope, sorted as ``filters.sort`` asks."""
    tree = tree or load_tree()
    nodes = tree.subtree(filters.branch_id) if filters.branch_id else tree.nodes
    supply = member_supply(tree)
    orders, projects, ideas = demand.order_demand(user), demand.project_demand(user), demand.idea_demand(user)
    rows = []
    for node in nodes:
        held = supply.get(node.id, {})
        levels = dict.fromkeys(LEVELS, 0)
        for level in held.values():
            levels[level] += 1
        rows.append(
            GapRow(node, len(held), levels, orders.get(node.id, 0), projects.get(node.id, 0), ideas.get(node.id, 0))
        )
    if filters.asked_only:
        rows = [row for row in rows if row.demand]
    return sort_rows(rows, filters.sort, tree)


def sort_rows(rows: list[GapRow], sort: str, tree: Tree) -> list[GapRow]:
    def in_tree(row: GapRow) -> int:
        return tree.order[row.node.id]

    if sort == "gap":
        return sorted(rows, key=lambda r: (SEVERITY[r.status], -r.demand, in_tree(r)))
    if sort == "demand":
        return sorted(rows, key=lambda r: (-r.demand, r.supply, in_tree(r)))
    if sort == "supply":
        return sorted(rows, key=lambda r: (r.supply, -r.demand, in_tree(r)))
    return sorted(rows, key=in_tree)


def summary(rows: list[GapRow]) -> dict[str, int]:
    """How many rows of each status (for the page's headline)."""
    counts = dict.fromkeys(SEVERITY, 0)
    for row in rows:
        counts[row.status] += 1
    return counts
