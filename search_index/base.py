"""The adapter's interface: documents in, ranked hits out.

A document is identified by ``(type, id)``. The caller owns the mapping from
its records to documents; the index never sees a database.

Filters select documents by their ``fields`` (exact string values):

- a mapping ``{"visibility": ["public", "members"], "status": "open"}``
  keeps documents matching every key, each key matching any of its values;
- a list of mappings keeps documents matching any one of them
  (``[{"visibility": "public"}, {"organization_id": "7"}]``).

An empty list of values, or an empty list of mappings, matches nothing.
"""

from __future__ import annotations

import abc
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal, TypeAlias

Key: TypeAlias = tuple[str, str]
FilterValue: TypeAlias = str | int | Iterable[str | int]
Filters: TypeAlias = Mapping[str, FilterValue] | Sequence[Mapping[str, FilterValue]]


class SearchIndexError(Exception):
    """The index could not be read or written (files, locks, a corrupt index)."""


class IndexBusy(SearchIndexError):
    """Another writer held the index lock past the timeout.

    The changes are kept and written before the next successful write of this
    index object; ``flush()`` retries them explicitly.
    """


@dataclass(frozen=True)
class Document:
    """One searchable record.

    ``title`` weighs most, then ``codes`` (classifier codes, matched whole or
    by parent), ``tags`` (short related names: competencies, categories, the
    owner's name) and ``body``. ``protected`` text is searched only when a
    query asks for it (``search_protected=True``) and is never returned.
    ``fields`` are exact values to filter on, returned with every hit.
    """

    type: str
    id: str | int
    title: str
    body: str = ""
    tags: Sequence[str] = ()
    codes: Sequence[str] = ()
    protected: str = ""
    fields: Mapping[str, str | int] = field(default_factory=dict)

    @property
    def key(self) -> Key:
        return (self.type, str(self.id))


@dataclass(frozen=True)
class Hit:
    """A matching document. ``highlights`` maps "title"/"body" to HTML-escaped
    fragments with matched terms wrapped in ``<mark>``, or "" if none matched."""

    type: str
    id: str
    score: float
    fields: Mapping[str, str] = field(default_factory=dict)
    highlights: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class SearchResult:
    """``total`` documents matched (of the requested types); ``hits`` is the page asked for;
    ``counts`` are matches per type before the type restriction (when asked for)."""

    total: int
    hits: list[Hit]
    counts: dict[str, int] = field(default_factory=dict)


Match = Literal["all", "any"]


class SearchIndex(abc.ABC):
    """A full-text index of documents. Implementations must be safe to share between threads."""

    @abc.abstractmethod
    def update(
        self, add: Iterable[Document] = (), remove: Iterable[Key] = (), remove_where: Iterable[Filters] = ()
    ) -> None:
        """Apply changes in one commit: first removals, then ``add`` (which replaces
        documents with the same key). Raises ``IndexBusy`` if the lock stays taken."""

    def add(self, documents: Iterable[Document]) -> None:
        """Add or replace documents."""
        self.update(add=documents)

    def remove(self, keys: Iterable[Key]) -> None:
        """Remove documents by ``(type, id)``; unknown keys are ignored."""
        self.update(remove=keys)

    def remove_where(self, filters: Filters) -> None:
        """Remove every document matching ``filters``."""
        self.update(remove_where=[filters])

    @abc.abstractmethod
    def rebuild(self, documents: Iterable[Document]) -> int:
        """Replace the whole content with ``documents`` in one commit; returns how many."""

    def clear(self) -> None:
        """Remove every document."""
        self.rebuild(())

    @abc.abstractmethod
    def flush(self) -> None:
        """Write changes kept back by an earlier ``IndexBusy``, if any."""

    @abc.abstractmethod
    def query(
        self,
        text: str,
        *,
        types: Iterable[str] | None = None,
        filters: Filters | None = None,
        limit: int = 20,
        offset: int = 0,
        match: Match = "all",
        search_protected: bool = False,
        counts: bool = False,
        highlight: bool = True,
        syntax: bool = True,
    ) -> SearchResult:
        """Documents matching ``text``, best first; ``hits`` holds ``limit`` of them from ``offset``.

        ``match="all"`` needs every word (after stop words), ``"any"`` at least one
        (documents with more of them rank higher). With ``syntax``, quoted phrases,
        ``OR``, ``NOT`` and parentheses work; without it (for texts that are not
        typed queries, like an order's description) every word is just a word.
        Field prefixes and wildcards are never syntax. ``counts`` fills
        ``SearchResult.counts``; ``highlight`` fills ``Hit.highlights``.
        """

    @abc.abstractmethod
    def doc_count(self) -> int:
        """How many documents the index holds."""

    def close(self) -> None:  # noqa: B027 (optional)
        """Release resources (open files)."""
