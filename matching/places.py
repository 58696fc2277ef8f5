"""Places named in a query: the organizations of a region, city or country that an order or project names.

An organization's places are its ``region`` and ``OrganizationProfile.places``
(a city, a country and its adjective, other spellings). Each place name is
reduced to its distinctive stems — the analyzer's stems without generic words
such as "область", "край", "республика", "region", "city" — and a query names
the place when every one of those stems occurs among the query's stems
("в Смоленской области" names "Смоленская область"; "Slovak forests" names
"Slovakia, Slovak"). The match is a per-organization 0/1 array; the matcher
adds ``place_weight`` log units where it is 1 (``MatcherConfig``). A place is
a preference, not evidence: it never makes an organization a candidate on its
own.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
from numpy.typing import NDArray

from .arrays import Float32Array
from .text import Analyzer

#: Words that say what kind of place it is, not which one (their stems are dropped from place names).
GENERIC_WORDS = (
    "область",
    "край",
    "республика",
    "округ",
    "автономный",
    "автономная",
    "город",
    "район",
    "поселок",
    "посёлок",
    "село",
    "федеральный",
    "федерация",
    "российская",
    "region",
    "regional",
    "province",
    "district",
    "city",
    "town",
    "county",
    "state",
    "republic",
    "oblast",
    "krai",
    "the",
    "of",
    "and",
    "de",
    "del",
    "la",
    "le",
)
#: Stems shorter than this are too ambiguous to name a place (country codes, initials).
MIN_STEM = 3


class PlaceIndex:
    """Per organization row, its place names; matched against a query's stems."""

    def __init__(self) -> None:
        self.names: list[list[str]] = []
        self._keys: list[frozenset[str]] | None = None  # distinct places (their distinctive stems)
        self._rows: list[NDArray[np.int64]] = []  # per place, the organization rows there
        self._by_stem: dict[str, list[int]] = {}
        self._row_keys: list[list[tuple[str, frozenset[str]]]] = []

    def set(self, row: int, names: Iterable[str]) -> None:
        while len(self.names) <= row:
            self.names.append([])
        self.names[row] = [n.strip() for n in dict.fromkeys(names) if n and n.strip()]
        self._keys = None

    def _build(self, analyzer: Analyzer) -> list[frozenset[str]]:
        """Groups the organizations by place (its distinctive stems); returns the places."""
        generic = {s for word in GENERIC_WORDS for s in analyzer.stems(word)}
        key_id: dict[frozenset[str], int] = {}
        rows: list[list[int]] = []
        row_keys: list[list[tuple[str, frozenset[str]]]] = []
        for row, names in enumerate(self.names):
            row_keys.append([])
            for name in names:
                key = frozenset(s for s in analyzer.stems(name) if len(s) >= MIN_STEM and s not in generic)
                if not key:
                    continue
                row_keys[row].append((name, key))
                i = key_id.setdefault(key, len(key_id))
                if i == len(rows):
                    rows.append([])
                if not rows[i] or rows[i][-1] != row:
                    rows[i].append(row)
        self._row_keys = row_keys
        self._keys = list(key_id)
        self._rows = [np.asarray(r, dtype=np.int64) for r in rows]
        self._by_stem = {}
        for i, key in enumerate(self._keys):
            for stem in key:
                self._by_stem.setdefault(stem, []).append(i)
        return self._keys

    def match(self, analyzer: Analyzer, stems: Sequence[str], n_rows: int) -> Float32Array | None:
        """1.0 for the organizations whose place the query's ``stems`` name, else 0 (None: no place named)."""
        keys = self._keys if self._keys is not None else self._build(analyzer)
        if not self._by_stem:
            return None
        present = set(stems)
        sharing = {i for stem in present for i in self._by_stem.get(stem, ())}  # places with a stem of the query
        named = [i for i in sharing if keys[i] <= present]
        if not named:
            return None
        out = np.zeros(n_rows, dtype=np.float32)
        for i in named:
            out[self._rows[i][self._rows[i] < n_rows]] = 1.0
        return out

    def named(self, analyzer: Analyzer, row: int, stems: Sequence[str]) -> tuple[str, ...]:
        """The place names of organization ``row`` that the query's ``stems`` name (for the reasons)."""
        if self._keys is None:
            self._build(analyzer)
        if row >= len(self._row_keys):
            return ()
        present = set(stems)
        return tuple(name for name, key in self._row_keys[row] if key <= present)
