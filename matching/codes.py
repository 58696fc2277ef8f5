"""Prefix-aware matching of classification codes (OKPD2, competency codes).

A code is expanded into its ancestors. OKPD2 codes are hierarchical by
digits (25 → 25.6 → 25.62 → 25.62.1 → 25.62.10 → 25.62.10.110), so every digit
prefix of two or more digits is an ancestor. Competency codes are
hierarchical by dot-separated segments (02 → 02.03 → 02.03.01).

The match of one query code against an organization is the share of the
query code covered by the deepest ancestor they share: an organization
registered under 25.62 matches a query for 25.62 fully and a query for
25.62.10.110 by 4/9. The score of a query with several codes is the mean of
its codes' matches.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import numpy as np
import scipy.sparse as sp

from .arrays import Float32Array, FloatArray

_NON_DIGIT = re.compile(r"\D")


def okpd2_key(code: str) -> str:
    """The digits of an OKPD2 code ('25.62.10' → '256210')."""
    return _NON_DIGIT.sub("", code or "")


def okpd2_prefixes(code: str) -> list[tuple[str, int]]:
    """(prefix, depth) pairs of a code, shallowest first; depth counts digits."""
    key = okpd2_key(code)
    return [(key[:n], n) for n in range(2, len(key) + 1)]


def competency_prefixes(code: str) -> list[tuple[str, int]]:
    """(prefix, depth) pairs of a dotted code; depth counts segments."""
    parts = [p for p in (code or "").strip().lower().split(".") if p]
    return [(".".join(parts[:n]), n) for n in range(1, len(parts) + 1)]


class CodeIndex:
    """Organizations × code prefixes, for vectorized prefix-aware scoring.

    Rows are organization indices. Updates only touch the per-organization
    prefix lists; the sparse matrix is rebuilt lazily (it is small).
    """

    def __init__(self, scheme: str) -> None:
        if scheme not in ("okpd2", "competency"):
            raise ValueError(f"unknown code scheme {scheme!r}")
        self.scheme = scheme
        self._expand = okpd2_prefixes if scheme == "okpd2" else competency_prefixes
        self.codes: list[list[str]] = []  # per organization, as given
        self._columns: dict[str, int] = {}
        self._matrix: sp.csc_matrix | None = None

    def __len__(self) -> int:
        return len(self.codes)

    def set(self, row: int, codes: Iterable[str]) -> None:
        """Set the codes of organization ``row`` (appending rows as needed)."""
        while len(self.codes) <= row:
            self.codes.append([])
        self.codes[row] = [c for c in dict.fromkeys(codes) if c and self._expand(c)]
        self._matrix = None

    def _build(self) -> sp.csc_matrix:
        rows: list[int] = []
        cols: list[int] = []
        columns = self._columns
        for row, codes in enumerate(self.codes):
            seen: set[str] = set()
            for code in codes:
                for prefix, _ in self._expand(code):
                    if prefix not in seen:
                        seen.add(prefix)
                        rows.append(row)
                        cols.append(columns.setdefault(prefix, len(columns)))
        data = np.ones(len(rows), dtype=np.float32)
        self._matrix = sp.csc_matrix((data, (rows, cols)), shape=(len(self.codes), max(len(columns), 1)))
        return self._matrix

    def score(self, query_codes: Sequence[str], n_rows: int) -> FloatArray | None:
        """Per-organization match in [0, 1] (mean over query codes), or None without codes."""
        expanded = [self._expand(c) for c in dict.fromkeys(query_codes) if c]
        expanded = [e for e in expanded if e]
        if not expanded:
            return None
        matrix = self._matrix if self._matrix is not None else self._build()
        total = np.zeros(n_rows, dtype=np.float32)
        best = np.zeros(matrix.shape[0], dtype=np.float32)
        for prefixes in expanded:  # a loop over the query's few codes, not over organizations
            full = prefixes[-1][1]
            best[:] = 0
            # deeper prefixes overwrite shallower ones: assign in depth order
            for prefix, depth in prefixes:
                col = self._columns.get(prefix)
                if col is None:
                    continue
                rows = matrix.indices[matrix.indptr[col] : matrix.indptr[col + 1]]
                best[rows] = depth / full
            total[: best.size] += best
        return total / len(expanded)

    def common_depth(self, code: str, n_rows: int) -> Float32Array:
        """Per row: the depth of the deepest ancestor shared by ``code`` and any code of the row."""
        out = np.zeros(n_rows, dtype=np.float32)
        prefixes = self._expand(code)
        if not prefixes:
            return out
        matrix = self._matrix if self._matrix is not None else self._build()
        for prefix, depth in prefixes:  # shallow to deep: deeper shared prefixes overwrite
            col = self._columns.get(prefix)
            if col is not None:
                rows = matrix.indices[matrix.indptr[col] : matrix.indptr[col + 1]]
                out[rows[rows < n_rows]] = depth
        return out

    def depth(self, code: str) -> int:
        prefixes = self._expand(code)
        return prefixes[-1][1] if prefixes else 0

    def matched(self, row: int, query_codes: Sequence[str]) -> list[tuple[str, str, float]]:
        """(query code, organization code, match) for the query codes this organization matches."""
        if row >= len(self.codes):
            return []
        out = []
        for qcode in dict.fromkeys(query_codes):
            qprefixes = self._expand(qcode)
            if not qprefixes:
                continue
            full = qprefixes[-1][1]
            qset = dict(qprefixes)
            best: tuple[float, str] | None = None
            for ocode in self.codes[row]:
                depth = max((d for p, d in self._expand(ocode) if p in qset), default=0)
                if depth and (best is None or depth / full > best[0]):
                    best = (depth / full, ocode)
            if best is not None:
                out.append((qcode, best[1], round(best[0], 3)))
        return out
