"""The competency directory loaded once per request as a plain tree (one query, no lazy loads).

The matrix, the gaps table and the chains walk the same ~120 nodes many times;
holding them in memory with their depth, root and subtree keeps every page at a
handful of SQL statements.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import Row, select
from wtforms.fields import SelectChoice

from ..db import db
from ..i18n import localized
from ..organizations.models import Competency


@dataclass(eq=False)
class Node:
    """One competency of the directory, with its place in the tree."""

    id: int
    code: str
    name_ru: str
    name_en: str
    parent_id: int | None
    depth: int = 0
    root_id: int = 0
    children: list[Node] = field(default_factory=list)

    @property
    def name(self) -> str:
        return localized(self, "name")

    @property
    def is_parent(self) -> bool:
        return bool(self.children)


class Tree:
    """The directory: nodes depth first (siblings by position), lookups by id and code."""

    def __init__(self, rows: Iterable[Row[int, str, str, str, int | None]]) -> None:
        children: dict[int | None, list[Node]] = defaultdict(list)
        self.by_id: dict[int, Node] = {}
        for row in rows:
            node = Node(row.id, row.code, row.name_ru, row.name_en, row.parent_id)
            self.by_id[node.id] = node
            children[node.parent_id].append(node)
        # A node whose parent is missing (should not happen) is treated as a root rather than lost.
        self.roots = children.get(None, []) + [
            n for pid, nodes in children.items() if pid is not None and pid not in self.by_id for n in nodes
        ]
        self.nodes: list[Node] = []

        def visit(node: Node, depth: int, root_id: int) -> None:
            node.depth, node.root_id = depth, root_id
            node.children = children.get(node.id, [])
            self.nodes.append(node)
            for child in node.children:
                visit(child, depth + 1, root_id)

        for root in self.roots:
            visit(root, 0, root.id)
        self.by_code: dict[str, Node] = {node.code: node for node in self.nodes}
        self.order: dict[int, int] = {node.id: index for index, node in enumerate(self.nodes)}

    def subtree(self, node_id: int) -> list[Node]:
        """The node and all its descendants, depth first (empty for an unknown id)."""
        node = self.by_id.get(node_id)
        if node is None:
            return []
        result: list[Node] = []
        stack = [node]
        while stack:
            current = stack.pop()
            result.append(current)
            stack.extend(reversed(current.children))
        return result

    def subtree_ids(self, node_id: int) -> set[int]:
        return {node.id for node in self.subtree(node_id)}

    def ancestors(self, node_id: int) -> list[Node]:
        """From the node itself up to its root."""
        result: list[Node] = []
        node = self.by_id.get(node_id)
        while node is not None:
            result.append(node)
            node = self.by_id.get(node.parent_id) if node.parent_id is not None else None
        return result

    def ids_for_codes(self, codes: Iterable[str] | None) -> set[int]:
        """The competencies named by ``codes`` and everything below them; unknown codes are ignored."""
        ids: set[int] = set()
        for code in codes or ():
            node = self.by_code.get(code)
            if node is not None:
                ids |= self.subtree_ids(node.id)
        return ids

    def code_choices(self) -> list[SelectChoice]:
        """Select options valued by code, each top-level area an ``<optgroup>``, children indented."""
        result: list[SelectChoice] = []
        for node in self.nodes:
            root = self.by_id[node.root_id]
            group = root.name if root.children else None
            result.append(SelectChoice(node.code, "\u2003" * node.depth + node.name, optgroup=group))
        return result

    def branch_choices(self) -> list[SelectChoice]:
        return [SelectChoice(str(root.id), root.name) for root in self.roots]


def load_tree() -> Tree:
    """The whole directory in one statement."""
    rows = db.session.execute(
        select(Competency.id, Competency.code, Competency.name_ru, Competency.name_en, Competency.parent_id).order_by(
            Competency.position, Competency.id
        )
    ).all()
    return Tree(rows)
