"""The OKPD2 tree of the catalog: only the codes that have products, with counts.

Each product sits at its own code when the classifier knows it, otherwise at
its nearest known ancestor, otherwise at its two-digit class (shown even when
the class itself is not in the classifier). A node's count includes every
product below it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, select

from ..db import db
from .models import Okpd2Code, Product
from .queries import ancestry, okpd2_entries


@dataclass
class CodeNode:
    code: str
    entry: Okpd2Code | None  # None when the classifier does not know the code
    count: int = 0
    parent: CodeNode | None = field(default=None, repr=False)
    children: list[CodeNode] = field(default_factory=list, repr=False)


@dataclass
class CodeTree:
    roots: list[CodeNode]
    nodes: dict[str, CodeNode]
    entries: dict[str, Okpd2Code]

    def children_of(self, code: str) -> list[CodeNode]:
        """The nodes directly below ``code`` (which need not be a node itself)."""
        node = self.nodes.get(code)
        if node is not None:
            return node.children
        return sorted(
            (
                n
                for n in self.nodes.values()
                if _below(n.code, code) and (n.parent is None or not _at_or_below(n.parent.code, code))
            ),
            key=lambda n: n.code,
        )

    def breadcrumbs(self, code: str) -> list[tuple[str, Okpd2Code | None]]:
        return breadcrumbs(code, self.entries)


def breadcrumbs(
    code: str, entries: dict[str, Okpd2Code] | None = None, include_self: bool = False
) -> list[tuple[str, Okpd2Code | None]]:
    """The tree nodes above ``code`` (its known ancestors and its class), top first, each with
    its classifier entry; ``include_self`` adds ``code`` itself when it is a node too."""
    chain = ancestry(code)
    if entries is None:
        entries = okpd2_entries(chain)
    above = chain if include_self else chain[1:]
    return [(c, entries.get(c)) for c in reversed(above) if c in entries or c == chain[-1]]


def _below(code: str, ancestor: str) -> bool:
    return code != ancestor and code.startswith(ancestor)


def _at_or_below(code: str, ancestor: str) -> bool:
    return code.startswith(ancestor)


def _path(code: str, known: dict[str, Okpd2Code]) -> list[str]:
    """Where a product of ``code`` hangs: its known ancestors-or-self and its class, top first."""
    chain = ancestry(code)
    return [c for c in reversed(chain) if c in known or c == chain[-1]]


def build_tree(extra_codes: tuple[str, ...] = ()) -> CodeTree:
    """The whole catalog tree. ``extra_codes`` are looked up in the classifier as well
    (for breadcrumbs of a code that has no products)."""
    counts = db.session.execute(select(Product.okpd2, func.count()).group_by(Product.okpd2)).all()
    wanted = {c for code, _ in counts for c in ancestry(code)}
    wanted.update(c for code in extra_codes for c in ancestry(code))
    known = okpd2_entries(wanted)

    nodes: dict[str, CodeNode] = {}
    for code, count in counts:
        parent: CodeNode | None = None
        for step in _path(code, known):
            node = nodes.get(step)
            if node is None:
                node = nodes[step] = CodeNode(code=step, entry=known.get(step), parent=parent)
                if parent is not None:
                    parent.children.append(node)
            node.count += count
            parent = node
    for node in nodes.values():
        node.children.sort(key=lambda n: n.code)
    roots = sorted((n for n in nodes.values() if n.parent is None), key=lambda n: n.code)
    return CodeTree(roots=roots, nodes=nodes, entries=known)
