"""Industrial synonyms: a thesaurus read from a file in Solr's synonyms format.

The file (``data/synonyms.txt`` ships with the library) has one entry a line::

    фрезеровка, фрезерная обработка, фрезерование, milling
    металлообработка => фрезерная обработка, токарная обработка

- ``a, b, c``: equivalent phrases; a query for any of them also searches the others;
- ``a, b => c, d``: one-way; a query for ``a`` or ``b`` also searches ``c`` and ``d``
  (a broad word that should find its kinds), but not the other way round;
- a line whose first non-blank character is ``#`` is a comment, and so is the rest of a
  line from a ``#`` that follows a blank; blank lines are skipped.

Every phrase is analysed with :func:`text_analysis.core.terms`, so an entry meets every form of
its words ("фрезеровки" and "фрезеровку" find "фрезеровка") and a query is matched stem by stem.
A phrase made only of stop words ("ПО", "и") has nothing to match and is an error, as are an
empty phrase, a second ``=>``, an equivalence with fewer than two different phrases and a
one-way entry that maps a phrase only to itself; the error names the line.

Entries are merged: equivalences that share a phrase become one set (the relation is
transitive), and a one-way entry applies to every equivalent of its sources and reaches every
equivalent of its targets. One-way entries are not chained: ``a => b`` and ``b => c`` let a
query for ``a`` search ``b`` (and ``b``'s equivalents), not ``c``; list ``c`` under ``a`` when
it belongs there. A line repeated in other words (same phrases) counts once.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from .core import DATA_DIR, terms

#: A phrase as the analyzer sees it: the stems of its words, stop words left out.
Phrase = tuple[str, ...]

_INLINE_COMMENT = re.compile(r"\s#")


class SynonymsFormatError(ValueError):
    """A line of a synonyms file that cannot be read; ``line`` is its number (from 1)."""

    def __init__(self, source: str, line: int, problem: str, text: str) -> None:
        super().__init__(f"{source}, line {line}: {problem}: {text.strip()!r}")
        self.source = source
        self.line = line
        self.problem = problem


@dataclass(frozen=True)
class Entry:
    """One entry (line) of the file: its phrases and, for a one-way entry, the phrases they map to.

    An equivalence has ``targets == ()``; ``text`` is the line as written.
    """

    line: int
    phrases: tuple[Phrase, ...]
    targets: tuple[Phrase, ...] = ()
    text: str = ""

    @property
    def one_way(self) -> bool:
        return bool(self.targets)


class Expansion(NamedTuple):
    """Query stems ``stems[start:end]`` equal a phrase of the thesaurus and may also be searched as
    any of ``alternatives`` (stem tuples, never the span itself), in the order of the file."""

    start: int
    end: int
    alternatives: tuple[Phrase, ...]


def _strip_comment(raw: str) -> str:
    if raw.lstrip().startswith("#"):
        return ""
    return _INLINE_COMMENT.split(raw, maxsplit=1)[0].strip()


def _phrases(side: str, source: str, number: int, raw: str) -> tuple[Phrase, ...]:
    out: list[Phrase] = []
    for text in side.split(","):
        if not text.strip():
            raise SynonymsFormatError(source, number, "empty phrase", raw)
        phrase = tuple(terms(text))
        if not phrase:
            raise SynonymsFormatError(source, number, f"{text.strip()!r} has only stop words", raw)
        if phrase not in out:
            out.append(phrase)
    return tuple(out)


def _parse_line(raw: str, source: str, number: int) -> Entry | None:
    body = _strip_comment(raw)
    if not body:
        return None
    sides = body.split("=>")
    if len(sides) > 2:
        raise SynonymsFormatError(source, number, "more than one '=>'", raw)
    if len(sides) == 1:
        phrases = _phrases(sides[0], source, number, raw)
        if len(phrases) < 2:
            raise SynonymsFormatError(source, number, "an equivalence needs two different phrases", raw)
        return Entry(number, phrases, (), raw.strip())
    phrases = _phrases(sides[0], source, number, raw)
    targets = tuple(t for t in _phrases(sides[1], source, number, raw) if t not in phrases)
    if not targets:
        raise SynonymsFormatError(source, number, "a one-way entry maps its phrases only to themselves", raw)
    return Entry(number, phrases, targets, raw.strip())


def parse(text: str, source: str = "<synonyms>") -> list[Entry]:
    """The entries of a synonyms file's text, in order; raises :class:`SynonymsFormatError`."""
    entries = []
    for number, raw in enumerate(text.splitlines(), start=1):
        entry = _parse_line(raw, source, number)
        if entry is not None:
            entries.append(entry)
    return entries


class _Sets:
    """Union-find over phrases: the equivalence sets."""

    def __init__(self) -> None:
        self.parent: dict[Phrase, Phrase] = {}

    def find(self, phrase: Phrase) -> Phrase:
        root = self.parent.setdefault(phrase, phrase)
        while root != self.parent[root]:
            root = self.parent[root]
        while phrase != root:  # path compression
            self.parent[phrase], phrase = root, self.parent[phrase]
        return root

    def union(self, first: Phrase, second: Phrase) -> None:
        a, b = self.find(first), self.find(second)
        if a != b:
            self.parent[b] = a


class Thesaurus:
    """Synonym entries and, for each phrase, what a query for it may also be searched as."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        unique: dict[tuple[frozenset[Phrase], frozenset[Phrase]], Entry] = {}
        for entry in entries:
            unique.setdefault((frozenset(entry.phrases), frozenset(entry.targets)), entry)
        self._entries = tuple(unique.values())
        self._alternatives = self._close(self._entries)
        by_first: dict[str, list[tuple[Phrase, tuple[Phrase, ...]]]] = {}
        for phrase, alternatives in self._alternatives.items():
            by_first.setdefault(phrase[0], []).append((phrase, alternatives))
        # Longest phrase first, so that the first that fits at a position is the longest match.
        self._by_first = {
            stem: tuple(sorted(candidates, key=lambda item: -len(item[0]))) for stem, candidates in by_first.items()
        }

    @staticmethod
    def _equivalence_sets(entries: Sequence[Entry]) -> tuple[dict[Phrase, int], _Sets]:
        """Every phrase in the order of its first appearance, and the equivalence sets."""
        order: dict[Phrase, int] = {}
        sets = _Sets()
        for entry in entries:
            for phrase in (*entry.phrases, *entry.targets):
                order.setdefault(phrase, len(order))
                sets.find(phrase)
            if not entry.one_way:
                for phrase in entry.phrases[1:]:
                    sets.union(entry.phrases[0], phrase)
        return order, sets

    @classmethod
    def _close(cls, entries: Sequence[Entry]) -> dict[Phrase, tuple[Phrase, ...]]:
        """For each phrase, the other phrases a query for it also searches (see the module docstring)."""
        order, sets = cls._equivalence_sets(entries)
        members: dict[Phrase, set[Phrase]] = {}
        for phrase in order:
            members.setdefault(sets.find(phrase), set()).add(phrase)
        reaches: dict[Phrase, set[Phrase]] = {root: set(group) for root, group in members.items()}
        for entry in entries:
            for source in entry.phrases:
                for target in entry.targets:
                    reaches[sets.find(source)] |= members[sets.find(target)]
        out = {}
        for phrase in order:
            alternatives = reaches[sets.find(phrase)] - {phrase}
            if alternatives:
                out[phrase] = tuple(sorted(alternatives, key=order.__getitem__))
        return out

    @classmethod
    def from_text(cls, text: str, source: str = "<synonyms>") -> Thesaurus:
        """A thesaurus from the text of a synonyms file; ``source`` names it in error messages."""
        return cls(parse(text, source))

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> Thesaurus:
        """A thesaurus from a synonyms file (UTF-8)."""
        path = Path(path)
        return cls.from_text(path.read_text(encoding="utf-8"), str(path))

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[Entry]:
        return iter(self._entries)

    @functools.cached_property
    def words(self) -> frozenset[str]:
        """The stem of every one-word phrase (a respelled query may aim at one: "фрезировка" → "фрезеровка")."""
        return frozenset(phrase[0] for phrase in self._alternatives if len(phrase) == 1)

    def alternatives(self, phrase: Sequence[str]) -> tuple[Phrase, ...]:
        """What a query for exactly ``phrase`` (stems) may also be searched as; ``()`` if not an entry."""
        return self._alternatives.get(tuple(phrase), ())

    def expansions(self, stems: Sequence[str]) -> list[Expansion]:
        """The spans of ``stems`` that are phrases of the thesaurus, with their alternatives.

        Left to right, the longest phrase that starts at a position wins and the scan goes on
        after it, so spans never overlap.
        """
        out = []
        position, count = 0, len(stems)
        while position < count:
            step = 1
            for phrase, alternatives in self._by_first.get(stems[position], ()):
                end = position + len(phrase)
                if end <= count and tuple(stems[position:end]) == phrase:
                    out.append(Expansion(position, end, alternatives))
                    step = len(phrase)
                    break
            position += step
        return out

    def expand_terms(self, stems: Sequence[str]) -> list[str]:
        """``stems`` followed, for each matched span, by the stems of its alternatives.

        For index-time use: a document's terms plus what its phrases may also be called. A stem
        is added once per span and not when the span already has it.
        """
        out = list(stems)
        for expansion in self.expansions(stems):
            seen = set(stems[expansion.start : expansion.end])
            for alternative in expansion.alternatives:
                for stem in alternative:
                    if stem not in seen:
                        seen.add(stem)
                        out.append(stem)
        return out


@lru_cache(maxsize=1)
def default_thesaurus() -> Thesaurus:
    """The thesaurus shipped with the library (``data/synonyms.txt``), read once."""
    return Thesaurus.load(DATA_DIR / "synonyms.txt")
