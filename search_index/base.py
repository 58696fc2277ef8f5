"""The adapter's interface: documents in, ranked hits out.

A document is identified by ``(type, id)``. The caller owns the mapping from
its records to documents; the index never sees a database.

Filters select documents by their ``fields`` (exact string values):

- a mapping ``{"visibility": ["public", "members"], "status": "open"}``
  keeps documents matching every key, each key matching any of its values;
- a list of mappings keeps documents matching any one of them
  (``[{"visibility": "public"}, {"organization_id": "7"}]``).

An empty list of values, or an empty list of mappings, matches nothing.
A field may hold several values (``{"okpd2_section": ["C", "F"]}``); it
matches a filter if any of them does, and counts once for each in facets.
"""

from __future__ import annotations

import abc
import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import partial
from typing import Literal, TypeAlias

from rapidfuzz.distance import Levenshtein

from text_analysis.synonyms import default_thesaurus

from .query import Node, parse, respelled_text, typed_words

Key: TypeAlias = tuple[str, str]
FieldValue: TypeAlias = str | int | Sequence[str]
FilterValue: TypeAlias = str | int | Iterable[str | int]
Filters: TypeAlias = Mapping[str, FilterValue] | Sequence[Mapping[str, FilterValue]]


class SearchIndexError(Exception):
    """The index could not be read or written (files, locks, a corrupt index)."""


class IndexBusy(SearchIndexError):
    """Another writer held the index lock past the timeout; the changes were not written (the caller
    keeps them and sends them again)."""


@dataclass(frozen=True)
class Document:
    """One searchable record.

    ``title`` weighs most, then ``codes`` (classifier codes, matched whole or
    by parent), ``tags`` (short related names: competencies, categories, the
    owner's name) and ``body``. ``protected`` text is searched only when a
    query asks for it (``search_protected=True``) and is never returned.
    ``names`` are also found by their transliteration ("Rosneft" finds «Роснефть»).
    ``fields`` are exact values to filter and count (facets) on, returned with
    every hit (a field of several values as one string, joined by ","); ``date``
    orders results when asked to sort by date.
    """

    type: str
    id: str | int
    title: str
    body: str = ""
    tags: Sequence[str] = ()
    codes: Sequence[str] = ()
    protected: str = ""
    fields: Mapping[str, FieldValue] = field(default_factory=dict)
    date: datetime | None = None
    names: Sequence[str] = ()

    @property
    def key(self) -> Key:
        return (self.type, str(self.id))

    @property
    def digest(self) -> str:
        """A hash of everything the index keeps of the document: equal digests, equal entries."""
        content = [
            self.title or "",
            self.body or "",
            [t for t in self.tags if t],
            [c for c in self.codes if c],
            self.protected or "",
            sorted((k, field_values(v)) for k, v in self.fields.items() if v is not None),
            self.date.isoformat() if self.date else None,
            [n for n in self.names if n],
        ]
        encoded = json.dumps(content, ensure_ascii=False, separators=(",", ":")).encode()
        return hashlib.blake2b(encoded, digest_size=12).hexdigest()


def field_values(value: FieldValue) -> list[str]:
    """A field's values as strings (one for a plain value); commas, which separate values, become spaces."""
    values = [value] if isinstance(value, str | int) else list(value)
    return [str(v).replace(",", " ") for v in values]


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
    ``counts`` are matches per type before the type restriction (when asked for); ``facets`` the
    matches per value of each facet field asked for. ``corrected`` is the query respelled when
    the typed words found little and near words of the index find more; ``respelled`` says the
    hits are the corrected query's (the typed one found nothing)."""

    total: int
    hits: list[Hit]
    counts: dict[str, int] = field(default_factory=dict)
    facets: dict[str, dict[str, int]] = field(default_factory=dict)
    corrected: str | None = None
    respelled: bool = False


@dataclass(frozen=True)
class Suggestion:
    """A completion for what is being typed: a document's title, its type and id."""

    text: str
    type: str
    id: str


Match = Literal["all", "any"]
Sort = Literal["relevance", "date"]

#: Fewer results than this and the query's rare words are checked for typos.
FEW_RESULTS = 3
#: A typed word found in more documents than this is taken as meant.
RARE_WORD = 2
#: A correction must be this many times more frequent than the word typed.
CORRECTION_GAIN = 10
#: Words shorter than this are never corrected; from ``LONG_WORD`` letters two edits are allowed.
MIN_CORRECTED_LENGTH = 5
LONG_WORD = 8


def _thesaurus_near(stem: str, edits: int) -> list[str]:
    """One-word phrases of the thesaurus within ``edits`` of ``stem``."""
    words = default_thesaurus().words
    return [
        w
        for w in words
        if abs(len(w) - len(stem)) <= edits and Levenshtein.distance(stem, w, score_cutoff=edits) <= edits
    ]


@dataclass(frozen=True)
class Execution:
    """Everything a backend needs to run one query besides its meaning."""

    types: tuple[str, ...] | None
    filters: Filters | None
    limit: int
    offset: int
    match: Match
    search_protected: bool
    counts: bool
    facets: tuple[str, ...]
    sort: Sort
    highlight: bool


class SearchIndex(abc.ABC):
    """A full-text index of documents. Implementations must be safe to share between threads.

    The meaning of a query (``search_index.query``) and the typo strategy live here, so every
    backend answers alike; a backend stores documents and runs a parsed query (``_execute``).
    """

    # -- writing ---------------------------------------------------------------------------

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

    def flush(self) -> None:  # noqa: B027 (optional)
        """Write changes a backend kept back, if it keeps any."""

    # -- reading ---------------------------------------------------------------------------

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
        facets: Sequence[str] = (),
        sort: Sort = "relevance",
        highlight: bool = True,
        syntax: bool = True,
        spelling: bool = False,
    ) -> SearchResult:
        """Documents matching ``text``, best first (or newest first with ``sort="date"``); ``hits``
        holds ``limit`` of them from ``offset``.

        ``match="all"`` needs every word (stop words never count), ``"any"`` at least one
        (documents with more of them rank higher). With ``syntax``, quoted phrases,
        ``OR``, ``NOT`` and parentheses work; without it (for texts that are not
        typed queries, like an order's description) every word is just a word.
        ``counts`` fills ``SearchResult.counts``, ``facets`` ``SearchResult.facets``;
        ``highlight`` fills ``Hit.highlights``. With ``spelling``, a query finding fewer than
        ``FEW_RESULTS`` has its rare words respelled (see ``corrected`` in ``SearchResult``).
        """
        node = parse(text or "", syntax=syntax)
        if node is None:
            return SearchResult(total=0, hits=[])
        run = partial(
            self._execute,
            execution=Execution(
                types=tuple(types) if types is not None else None,
                filters=filters,
                limit=limit,
                offset=offset,
                match=match,
                search_protected=search_protected,
                counts=counts,
                facets=tuple(facets),
                sort=sort,
                highlight=highlight,
            ),
        )
        result = run(node)
        if not spelling or result.total >= FEW_RESULTS:
            return result
        corrected = self._respell(text, node)
        corrected_node = parse(corrected, syntax=syntax) if corrected else None
        if corrected is None or corrected_node is None:
            return result
        other = run(corrected_node)
        if other.total <= result.total:
            return result
        if result.total == 0:
            return replace(other, corrected=corrected, respelled=True)
        return replace(result, corrected=corrected)

    def _respell(self, text: str, node: Node) -> str | None:
        """``text`` with its rare words replaced by near, much more frequent words of the index."""
        words = [w for w in typed_words(node) if w.code is None and len(w.text) >= MIN_CORRECTED_LENGTH]
        if not words:
            return None
        frequency = self.term_frequencies({w.stem for w in words})
        corrections: dict[str, str] = {}
        for word in words:
            typed = frequency.get(word.stem, 0)
            if typed > RARE_WORD or word.stem in corrections:
                continue
            edits = 2 if len(word.text) >= LONG_WORD else 1
            best: tuple[int, int, str] | None = None
            # The thesaurus's words count as known (the corrected query must still find more to be used).
            known = [(term, CORRECTION_GAIN * max(typed, 1)) for term in _thesaurus_near(word.stem, edits)]
            for term, count in [*self.similar_terms(word.stem, edits), *known]:
                distance = Levenshtein.distance(word.stem, term, score_cutoff=edits)
                if term == word.stem or distance > edits or count < max(CORRECTION_GAIN * typed, 1):
                    continue
                candidate = (distance, -count, term)
                if best is None or candidate < best:
                    best = candidate
            if best is not None:
                corrections[word.stem] = best[2]
        return respelled_text(text, node, corrections) if corrections else None

    @abc.abstractmethod
    def _execute(self, node: Node, *, execution: Execution) -> SearchResult:
        """Run a parsed query."""

    @abc.abstractmethod
    def term_frequencies(self, stems: Iterable[str]) -> dict[str, int]:
        """How many documents hold each stem in a searched text field (title, body, tags)."""

    @abc.abstractmethod
    def similar_terms(self, stem: str, max_edits: int) -> list[tuple[str, int]]:
        """Stems of the index within about ``max_edits`` edits of ``stem``, with their document
        frequencies (candidates: the caller checks the distance)."""

    @abc.abstractmethod
    def suggest(
        self, text: str, *, types: Iterable[str] | None = None, filters: Filters | None = None, limit: int = 8
    ) -> list[Suggestion]:
        """Titles completing ``text`` as typed (the last word may be cut short), best first."""

    @abc.abstractmethod
    def doc_count(self) -> int:
        """How many documents the index holds."""

    @abc.abstractmethod
    def digests(self) -> dict[Key, str]:
        """Every document's key and ``Document.digest`` (to find missing and stale entries)."""

    def close(self) -> None:  # noqa: B027 (optional)
        """Release resources (open files, connections)."""
