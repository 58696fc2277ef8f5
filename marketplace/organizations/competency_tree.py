"""The competency directory as a tree: grouped select choices and subtrees."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import Select, select
from wtforms.fields import SelectChoice

from ..db import db
from ..i18n import localized
from .models import Competency


def _children_map() -> dict[int | None, list[Competency]]:
    children: dict[int | None, list[Competency]] = defaultdict(list)
    for competency in db.session.scalars(select(Competency).order_by(Competency.position, Competency.id)):
        children[competency.parent_id].append(competency)
    return children


def grouped_choices(exclude: set[int] | frozenset[int] = frozenset()) -> list[SelectChoice]:
    """Select choices over the whole directory, each top-level node with children an ``<optgroup>``.

    Inside a group come the top node itself, then its descendants depth first,
    indented by their depth; childless top-level nodes are plain options. ``exclude`` drops ids (e.g. competencies the
    organization already has).
    """
    children = _children_map()
    result: list[SelectChoice] = []

    def visit(node: Competency, depth: int, group: str | None) -> None:
        if node.id not in exclude:
            result.append(SelectChoice(str(node.id), "\u2003" * depth + localized(node, "name"), optgroup=group))
        for child in children.get(node.id, []):
            visit(child, depth + 1, group)

    for root in children.get(None, []):
        # A top-level node without children needs no group of its own.
        visit(root, 0, localized(root, "name") if children.get(root.id) else None)
    return result


def subtree_ids(competency_id: int) -> Select[int]:
    """A SELECT of the ids of ``competency_id`` and all its descendants (recursive CTE)."""
    tree = select(Competency.id).where(Competency.id == competency_id).cte("competency_subtree", recursive=True)
    tree = tree.union_all(select(Competency.id).where(Competency.parent_id == tree.c.id))
    return select(tree.c.id)
