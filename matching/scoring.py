"""Scoring of the organizations for one query vector (a mixin of ``Matcher``).

The formula is documented on ``MatcherConfig``. Everything is vectorized
over organizations; organizations that share nothing with the query keep a
cached base score (activity prior + the eps terms + the kind's offset).
Kinds are put on one scale by the fixed ``kind_offsets`` (in the base score)
and then by the per-query kind balance.

``ScoredQuery`` computes scores lazily: proposing the top 10 needs the
scores of the organizations with evidence only (a few thousand of 100,000)
and each kind's best score, which is found without scoring everybody; every
organization's score is computed only when ``scores`` is read. Both ways do
the same floating-point operations per organization, so they agree bit for
bit (tests/matching/test_scoring_paths.py).
"""

from __future__ import annotations

import math
import os
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, TypeAlias

import numpy as np
from numpy.typing import NDArray

from .arrays import BoolArray, Float32Array, Float64Array, FloatArray, IndexArray
from .codes import CodeIndex
from .config import MatcherConfig
from .index import TextIndex
from .profiles import KINDS

KIND_CODE = {k: i for i, k in enumerate(KINDS)}

#: (allowed organizations, or None for every active one; rows excluded by id): see ``Matcher.allowed``.
Allowed: TypeAlias = tuple[BoolArray | None, NDArray[np.int64]]
#: A code match per organization (in [0, 1]) and its weight in log units.
CodeTerm: TypeAlias = tuple[FloatArray, float]


class ScoredQuery:
    """Everything computed for one query: final scores and the parts reasons need.

    ``scores`` (every organization; -inf where filtered out) is computed on
    first access. ``top`` and ``score`` need only a few thousand rows: they
    compute exactly the same numbers, element by element, on those rows only,
    and find the per-kind maxima of the kind balance without a pass over
    everybody (see ``_kind_maxima``).
    """

    def __init__(
        self,
        matcher: ScoringMixin,
        doc_sims: Float32Array,
        kernel: Float64Array,
        centroid_sims: Float32Array,
        cols: NDArray[np.int64],
        weights: Float32Array,
        okpd2_codes: Sequence[str],
        competency_codes: Sequence[str],
        codes: list[CodeTerm],
        allowed: Allowed,
        related: Float64Array | None = None,
        places: Float32Array | None = None,
    ) -> None:
        cfg = matcher.config
        self._matcher = matcher
        self.doc_sims = doc_sims  # per document
        self.centroid_sims = centroid_sims  # per organization
        self.cols, self.weights = cols, weights
        self.okpd2_codes, self.competency_codes = okpd2_codes, competency_codes
        self._kernel, self._codes = kernel, codes
        self.related = related  # per organization: weighted number of related documents (None: not used)
        self.places = places  # per organization: 1 where the query names its place (None: no place named)
        self.query_stems: list[str] = []  # the query's stems, for the places named in the reasons
        self._mask, self._excluded = allowed
        self._k_max = kernel.max(initial=0.0)
        self._c_max32 = np.float32(centroid_sims.max(initial=0.0))
        # the centroid term: on every organization when most share a word with the query, else on those only
        n_touched = int(np.count_nonzero(centroid_sims > 0))
        self._centroid_on = bool(n_touched and cfg.centroid_weight)
        self._centroid_all = n_touched > centroid_sims.size // 3
        code_match: FloatArray | None = None  # per organization, max of the two code matches
        for match, _ in codes:
            code_match = match if code_match is None else np.maximum(code_match, match)
        self.code_match = code_match
        self._codes_hit: BoolArray | None = None if code_match is None else code_match > 0
        # rows with a document near the best match (kernel > 0) or a code match
        self.strong: NDArray[np.intp] = (
            np.flatnonzero(kernel > 0) if self._codes_hit is None else np.flatnonzero((kernel > 0) | self._codes_hit)
        )
        self._evidence: NDArray[np.intp] | None = None
        self._scores: Float64Array | None = None
        self._shift: Float64Array | None = None  # per kind, once known
        self._kind_best: Float64Array | None = None  # per kind, the best score before the balance
        self._head: tuple[IndexArray, FloatArray] | None = None  # (rows, the scores they get at least)
        self._known: dict[int, float] = {}
        self._strong_raw: Float64Array | None = None
        self._strong_centroid: FloatArray | None = None  # the centroid terms of the ``strong`` rows

    @property
    def evidence(self) -> NDArray[np.intp]:
        """Rows sharing a term or a code with the query (all others score their base)."""
        if self._evidence is None:
            touched = self.centroid_sims > 0
            self._evidence = np.flatnonzero(touched if self._codes_hit is None else touched | self._codes_hit)
        return self._evidence

    # -- the formula, on any rows ---------------------------------------------
    def _centroid_term(self, c: FloatArray) -> FloatArray:
        cfg = self._matcher.config
        eps32, shift = np.float32(cfg.centroid_eps), np.float32(np.log(cfg.centroid_eps))
        term: FloatArray = cfg.centroid_weight * (np.log(c.astype(np.float32) / self._c_max32 + eps32) - shift)
        return term

    def _raw(self, rows: IndexArray | None = None, centroid_terms: list[FloatArray] | None = None) -> Float64Array:
        """Scores before the kind balance, of ``rows`` (None: everybody); the same operations either way.
        ``centroid_terms`` (a list) receives the rows' centroid terms when given."""
        cfg = self._matcher.config
        base = self._matcher.base_scores()
        if rows is None:
            kernel, cent = self._kernel, self.centroid_sims
            scores = base.copy()
        else:
            kernel, cent = self._kernel[rows], self.centroid_sims[rows]
            scores = base[rows]
        self._add_kernel_term(scores, kernel, every_row=rows is None)
        if self.related is not None:  # zero outside the rows with K > 0: their bound stays valid
            related = self.related if rows is None else self.related[rows]
            some = np.flatnonzero(related)  # a few hundred: adding log(1 + 0) = 0 elsewhere changes nothing
            scores[some] += cfg.related_weight * np.log1p(related[some])
        if self._centroid_on:
            term = self._add_centroid_term(scores, cent, keep=centroid_terms is not None)
            if centroid_terms is not None and term is not None:
                centroid_terms.append(term)
        for match, weight in self._codes:
            scores += weight * (match if rows is None else match[rows])
        if self.places is not None:  # a preference, not evidence: the kind maxima's bound allows for it
            scores += cfg.place_weight * (self.places if rows is None else self.places[rows])
        self._filter_out(scores, rows)
        return scores

    def _add_kernel_term(self, scores: Float64Array, kernel: Float64Array, *, every_row: bool) -> None:
        """Adds the document term ``log(K/K_max + doc_eps)`` (less its value at K = 0) where K > 0."""
        eps = self._matcher.config.doc_eps
        positive = kernel > 0
        if not every_row and positive.all():  # the usual case for the ``strong`` rows: no gather/scatter
            scores += np.log(kernel / self._k_max + eps) - np.log(eps)
            return
        strong = np.flatnonzero(positive)
        if strong.size:
            scores[strong] += np.log(kernel[strong] / self._k_max + eps) - np.log(eps)

    def _add_centroid_term(self, scores: Float64Array, cent: Float32Array, *, keep: bool) -> FloatArray | None:
        """Adds the centroid term to ``scores``; returns it per row when ``keep`` (or when it was computed
        for every row anyway)."""
        if self._centroid_all:
            term = self._centroid_term(cent)
            scores += term
            return term
        touched = np.flatnonzero(cent > 0)
        part = self._centroid_term(cent[touched])
        scores[touched] += part
        if not keep:
            return None
        term = np.zeros(cent.size, dtype=part.dtype)
        term[touched] = part
        return term

    def _filter_out(self, scores: Float64Array, rows: IndexArray | None) -> None:
        """-inf for the rows the query's filters or exclusions leave out."""
        mask, excluded = self._mask, self._excluded
        if rows is None:
            if mask is not None:
                scores[~mask] = -np.inf
            scores[excluded] = -np.inf
            return
        if mask is not None:
            scores[~mask[rows]] = -np.inf
        if excluded.size:
            scores[_members(rows, excluded)] = -np.inf

    def _raw_strong(self) -> Float64Array:
        if self._strong_raw is None:
            terms: list[FloatArray] = []
            self._strong_raw = self._raw(self.strong, terms)
            self._strong_centroid = terms[0] if terms else None
        return self._strong_raw

    # -- kind balance ---------------------------------------------------------
    def _kind_shift(self, raw_all: Float64Array | None = None) -> Float64Array | None:
        """Per-kind shift of the kind balance (None: none applies)."""
        if self._shift is None:
            balance = self._matcher.config.kind_balance
            shift = np.zeros(len(KINDS))
            if balance:
                best = self._best_per_kind(raw_all)
                finite = np.isfinite(best)
                if finite.sum() >= 2:
                    shift[finite] = balance * (best[finite].max() - best[finite])
            self._shift = shift
        return self._shift if self._shift.any() else None

    def _best_per_kind(self, raw_all: Float64Array | None = None) -> Float64Array:
        if self._kind_best is None:
            self._kind_best = self._kind_maxima(raw_all)
        return self._kind_best

    # -- the head -------------------------------------------------------------
    def _head_values(self) -> Float64Array:
        """Fit alone of the ``strong`` rows: their score without kind offsets and balance, the centroid
        term weighted ``head_centroid_weight`` instead of ``centroid_weight`` (derived from the same
        numbers whichever way the scores are computed)."""
        cfg = self._matcher.config
        values = self._raw_strong() - self._matcher.offsets_by_kind()[self._matcher.kinds_[self.strong]]
        if self._strong_centroid is not None and cfg.head_centroid_weight != cfg.centroid_weight:
            values += (cfg.head_centroid_weight / cfg.centroid_weight - 1.0) * self._strong_centroid
        return values

    def head(self, raw_all: Float64Array | None = None) -> tuple[IndexArray, FloatArray]:
        """(rows, floors) of the head: the ``head_size`` organizations with evidence (``strong``) that fit
        best by text and codes alone, whatever their kind. The best of them is placed first (just above
        the best balanced score); the next ones keep their distance to it in fit: a head row scores at
        least ``best balanced + (its fit - the best fit)``, so kind offsets and balance cannot push the
        closest fits down, and a distant second stays where it was."""
        if self._head is None:
            size = self._matcher.config.head_size
            rows: IndexArray = np.zeros(0, dtype=np.int64)
            fit: FloatArray = np.zeros(0)
            if size > 0 and self.strong.size:
                rows, fit = top_of(self._head_values(), size, self.strong)
            floors: FloatArray = np.zeros(0)
            if rows.size:
                best = self._best_per_kind(raw_all)
                shift = self._kind_shift(raw_all)
                if shift is not None:
                    best = best + shift
                top = float(best[np.isfinite(best)].max(initial=-np.inf))
                if np.isfinite(top):
                    floors = top + (fit - fit[0])
                    floors[0] = top + max(abs(top), 1.0) * 1e-9
                else:
                    rows = rows[:0]
            self._head = (rows, floors)
        return self._head

    def _kind_maxima(self, raw_all: Float64Array | None) -> Float64Array:
        """Best allowed score per kind before the balance (-inf where none).

        Without all scores at hand: the exact scores of the ``strong`` rows;
        a row outside them has no document or code term, so it cannot beat its
        kind's best unless the kind's best base plus its centroid term does,
        which bounds its centroid similarity from below: only the kind's rows
        above that bound are computed (usually none, or a few). Falls back to
        all scores when that gets long.
        """
        matcher = self._matcher
        if raw_all is None:
            best = self._kind_maxima_walk()
            if best is not None:
                return best
            raw_all = self._raw()
        perm, starts, kinds = matcher.kind_groups()
        best = np.full(len(KINDS), -np.inf)
        best[kinds] = np.maximum.reduceat(raw_all[perm], starts)
        return best

    def _kind_maxima_walk(self) -> Float64Array | None:
        cfg = self._matcher.config
        matcher = self._matcher
        best = np.full(len(KINDS), -np.inf)
        if self.strong.size:
            np.maximum.at(best, matcher.kinds_[self.strong], self._raw_strong())
        # a row outside ``strong`` scores its base + its centroid term (no document or code term):
        # at most the kind's best base + the term of the kind's largest C (the term grows with C)
        if self._centroid_on and cfg.centroid_weight < 0:  # the bound below assumes a term growing with C
            return None
        base_best = matcher.kind_base_max()
        if self.places is not None:  # a row outside ``strong`` may have the place bonus
            base_best = base_best + max(cfg.place_weight, 0.0)
        margin = 1e-3  # room for the rounding of the formula (float32 centroid term)
        budget = self.centroid_sims.size // 2
        for k, rows in enumerate(matcher.kind_rows()):
            if not np.isfinite(base_best[k]):  # no active row of this kind
                continue
            room = float(best[k]) - float(base_best[k]) - margin  # what the centroid term must exceed to matter
            pick = self._rows_above(rows, room)
            if pick.size:
                budget -= pick.size
                if budget < 0:
                    return None
                best[k] = max(best[k], float(self._raw(pick).max()))
        return best

    def _rows_above(self, rows: IndexArray, room: float) -> IndexArray:
        """The rows of one kind whose centroid term may exceed ``room`` (none when even the largest
        centroid similarity of the kind cannot); every row when there is no centroid term and room < 0."""
        if not self._centroid_on:
            return rows[:0] if room >= 0 else rows
        if room >= self._centroid_bound(self._c_max32):
            return rows[:0]
        c = self.centroid_sims[rows]
        if room >= self._centroid_bound(c.max()):
            return rows[:0]
        # centroid term > room  =>  C / c_max + eps > exp(room / weight + log(eps))
        cfg = self._matcher.config
        threshold = -math.inf
        if math.isfinite(room):
            threshold = (
                float(self._c_max32)
                * (math.exp(room / cfg.centroid_weight + math.log(cfg.centroid_eps)) - cfg.centroid_eps)
                * (1 - 1e-4)
            )
        return rows if threshold <= 0 else rows[c >= threshold]

    def _centroid_bound(self, c: np.floating[Any]) -> float:
        return float(self._centroid_term(np.array([c], dtype=np.float32))[0])

    # -- results --------------------------------------------------------------
    @property
    def scores(self) -> Float64Array:
        """Final score of every organization (-inf where filtered out)."""
        if self._scores is None:
            raw = self._raw()
            shift = self._kind_shift(raw)
            rows, lifted = self.head(raw)
            if shift is not None:
                raw += shift[self._matcher.kinds_]
            raw[rows] = np.maximum(raw[rows], lifted)
            self._scores = raw
        return self._scores

    def values(self, rows: IndexArray) -> Float64Array:
        """``scores[rows]``, computed on those rows only while ``scores`` is not needed."""
        if self._scores is not None:
            known: Float64Array = self._scores[rows]
            return known
        values = self._raw_strong().copy() if rows is self.strong else self._raw(rows)
        shift = self._kind_shift()
        if shift is not None:
            values += shift[self._matcher.kinds_[rows]]
        head, floors = self.head()
        if head.size:
            if rows is self.strong:  # sorted, and holds every head row
                at = np.searchsorted(rows, head)
                values[at] = np.maximum(values[at], floors)
            else:
                # one floor per head row (``head`` builds them together)
                for row, floor in zip(head.tolist(), floors.tolist(), strict=True):
                    hit = rows == row
                    values[hit] = np.maximum(values[hit], floor)
        return values

    def score(self, row: int) -> float:
        value = self._known.get(int(row))
        if value is None:
            value = float(self.values(np.array([row], dtype=np.int64))[0])
        return value

    def top(self, top_k: int, rows: IndexArray) -> IndexArray:
        """``Matcher.top(self.scores, top_k, rows)`` without computing ``scores``."""
        picked, values = top_of(self.values(rows), top_k, rows)
        self._known.update(zip(picked.tolist(), values.tolist(), strict=True))  # ``top_of`` pairs them
        return picked


def _members(rows: IndexArray, few: IndexArray) -> BoolArray:
    """``np.isin(rows, few)``; a few comparisons when ``few`` is short (the excluded customer)."""
    if few.size > 8:
        return np.isin(rows, few)
    hit: BoolArray = rows == few[0]
    for value in few[1:]:
        hit |= rows == value
    return hit


def top_of(values: FloatArray, top_k: int, rows: IndexArray | None = None) -> tuple[IndexArray, FloatArray]:
    """(rows, values) of the ``top_k`` best finite ``values`` (of ``rows`` if given), best first, ties by row."""
    if top_k <= 0:
        return np.zeros(0, dtype=np.int64), np.zeros(0)
    if top_k == 1 and values.size:  # the largest; among ties the lowest row
        ties = np.flatnonzero(values == values.max())
        part = ties[:1] if rows is None or ties.size == 1 else ties[[int(np.argmin(rows[ties]))]]
    elif values.size > top_k:
        candidates = np.arange(values.size)
        if values.size >= 64 * top_k:
            # the k-th largest of every 8th value is at most the k-th largest of all: only values reaching
            # it can be among the best k (exact; one pass and a small partition instead of a large one)
            sample = values[::8]
            bound = sample[np.argpartition(sample, sample.size - top_k)[sample.size - top_k :]].min()
            candidates = np.flatnonzero(values >= bound)
        sub = values[candidates]
        kth = sub[np.argpartition(sub, sub.size - top_k)[sub.size - top_k :]].min()
        part = candidates[sub >= kth]  # the best k and every value tied with the k-th: ties go by row below
    else:
        part = np.arange(values.size)
    part = part[np.isfinite(values[part])]
    picked = part if rows is None else rows[part]
    order = np.lexsort((picked, -values[part]))[:top_k]
    return picked[order], values[part][order]


#: From this many documents on, a query's centroid cosines are computed in a helper thread (see ``score_vector``).
PARALLEL_MIN_DOCS = 200_000
_HELPER: ThreadPoolExecutor | None = None
_HELPER_PID = 0


def _helper() -> ThreadPoolExecutor:
    """One helper thread per process, created on first use (after a fork, a new one)."""
    global _HELPER, _HELPER_PID
    if _HELPER is None or os.getpid() != _HELPER_PID:
        _HELPER, _HELPER_PID = ThreadPoolExecutor(max_workers=1, thread_name_prefix="matcher"), os.getpid()
    return _HELPER


class ScoringMixin:
    """The scoring half of ``Matcher``: the learned attributes below are set by ``fit`` or ``load``."""

    config: MatcherConfig
    index_: TextIndex
    activity_: Float64Array
    kinds_: NDArray[np.int8]
    active_: BoolArray
    okpd2_: CodeIndex
    competency_: CodeIndex
    version_: str
    # per-version caches: (version, value, ...)
    _base_cache: tuple[str, Float64Array] | None = None
    _kind_base_cache: tuple[str, Float64Array, int] | None = None
    _kind_rows_cache: tuple[str, list[NDArray[np.intp]], int] | None = None
    _kind_cache: tuple[str, NDArray[np.intp], NDArray[np.intp], NDArray[np.int64]] | None = None

    def score_vector(
        self,
        cols: NDArray[np.int64],
        weights: Float32Array,
        okpd2: Sequence[str],
        competencies: Sequence[str],
        allowed: Allowed,
        places: Float32Array | None = None,
    ) -> ScoredQuery:
        """Scores for a query vector (``query_vector``), its codes, filters (``allowed``) and named places."""
        cfg = self.config
        index = self.index_
        n = index.n_orgs
        # a large index: the centroid postings are read on a second core while this one reads the documents'
        # (scipy's kernel releases the GIL); both only read the index
        pending: Future[Float32Array] | None = (
            _helper().submit(index.centroid_similarities, cols, weights)
            if index.n_docs >= PARALLEL_MIN_DOCS and cols.size
            else None
        )
        doc_sims = index.doc_similarities(cols, weights)
        related_floor = cfg.related_floor if cfg.related_weight else 0.0
        kernel, related = index.doc_kernel(doc_sims, cfg.doc_power, cfg.doc_top, related_floor)
        centroid_sims = pending.result() if pending is not None else index.centroid_similarities(cols, weights)
        codes: list[CodeTerm] = []
        okpd = self.okpd2_.score(okpd2, n) if okpd2 else None
        comp = self.competency_.score(competencies, n) if competencies else None
        for match, weight in ((okpd, cfg.okpd2_weight), (comp, cfg.competency_weight)):
            if match is not None:
                codes.append((match, weight))
        return ScoredQuery(
            self, doc_sims, kernel, centroid_sims, cols, weights, okpd2, competencies, codes, allowed, related, places
        )

    def base_scores(self) -> Float64Array:
        """Score of an organization that shares nothing with the query (activity prior + eps terms + kind offset)."""
        cached = self._base_cache
        if cached is None or cached[0] != self.version_ or cached[1].size != self.activity_.size:
            cfg = self.config
            base = (
                cfg.activity_weight * np.log1p(self.activity_)
                + np.log(cfg.doc_eps)
                + cfg.centroid_weight * np.log(cfg.centroid_eps)
                + self.offsets_by_kind()[self.kinds_]
            )
            cached = (self.version_, base)
            self._base_cache = cached
        return cached[1]

    def offsets_by_kind(self) -> Float64Array:
        """``kind_offsets`` per kind code."""
        return np.array([self.config.kind_offset(kind) for kind in KINDS])

    def kind_base_max(self) -> Float64Array:
        """Per kind, the best base score of its active rows (-inf where none; cached per version)."""
        cached = self._kind_base_cache
        if cached is None or cached[0] != self.version_ or cached[2] != self.activity_.size:
            base = self.base_scores()
            best = np.full(len(KINDS), -np.inf)
            for kind in range(len(KINDS)):
                rows = np.flatnonzero((self.kinds_ == kind) & self.active_)
                if rows.size:
                    best[kind] = base[rows].max()
            cached = (self.version_, best, self.activity_.size)
            self._kind_base_cache = cached
        return cached[1]

    def kind_rows(self) -> list[NDArray[np.intp]]:
        """Per kind, its rows in order (cached per version)."""
        cached = self._kind_rows_cache
        if cached is None or cached[0] != self.version_ or cached[2] != self.kinds_.size:
            cached = (
                self.version_,
                [np.flatnonzero(self.kinds_ == kind) for kind in range(len(KINDS))],
                self.kinds_.size,
            )
            self._kind_rows_cache = cached
        return cached[1]

    def kind_groups(self) -> tuple[NDArray[np.intp], NDArray[np.intp], NDArray[np.int64]]:
        """(rows sorted by kind, where each kind's run starts, the kind of each run) (cached per version)."""
        cached = self._kind_cache
        if cached is None or cached[0] != self.version_:
            perm = np.argsort(self.kinds_, kind="stable")
            sorted_kinds = self.kinds_[perm]
            starts = np.flatnonzero(np.r_[True, sorted_kinds[1:] != sorted_kinds[:-1]])
            cached = (self.version_, perm, starts, sorted_kinds[starts].astype(np.int64))
            self._kind_cache = cached
        return cached[1], cached[2], cached[3]

    def top(self, scores: FloatArray, top_k: int, rows: IndexArray | None = None) -> IndexArray:
        """Rows of the ``top_k`` best finite scores (among ``rows`` if given), best first, ties by row."""
        return top_of(scores if rows is None else scores[rows], top_k, rows)[0]
