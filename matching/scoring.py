"""Scoring of every organization for one query vector (a mixin of ``Matcher``).

The formula is documented on ``MatcherConfig``. Everything is vectorized
over organizations; organizations that share nothing with the query keep a
cached base score (activity prior + the eps terms), so only the ones the
query's postings touch are computed.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .profiles import KINDS

KIND_CODE = {k: i for i, k in enumerate(KINDS)}


@dataclass
class ScoredQuery:
    """Everything computed for one query: final scores and the parts reasons need."""

    scores: np.ndarray  # per organization; -inf where filtered out
    doc_sims: np.ndarray  # per document
    centroid_sims: np.ndarray  # per organization
    cols: np.ndarray
    weights: np.ndarray
    okpd2_codes: Sequence[str]
    competency_codes: Sequence[str]
    code_match: np.ndarray | None  # per organization, max of the two code matches
    evidence: np.ndarray  # rows sharing a term or a code with the query (all others score their base)
    strong: np.ndarray  # rows with a document near the best match (kernel > 0) or a code match


class ScoringMixin:
    """Needs ``config``, ``index_``, ``activity_``, ``kinds_``, ``active_``, code indices and ``version_``."""

    def _score_vector(self, cols: np.ndarray, weights: np.ndarray, okpd2: Sequence[str],
                      competencies: Sequence[str], allowed: tuple[np.ndarray | None, np.ndarray]) -> ScoredQuery:
        cfg = self.config
        index = self.index_
        n = index.n_orgs
        doc_sims = index.doc_similarities(cols, weights)
        K = index.doc_kernel(doc_sims, cfg.doc_power)
        C = index.centroid_similarities(cols, weights)
        scores = self._base_scores().copy()
        k_max, c_max = K.max(initial=0.0), C.max(initial=0.0)
        touched = np.flatnonzero(C > 0)  # organizations sharing a term with the query
        strong = np.flatnonzero(K > 0)  # ... with a document near the best match
        # organizations outside these sets keep their base score (the eps terms)
        if strong.size:
            scores[strong] += np.log(K[strong] / k_max + cfg.doc_eps) - np.log(cfg.doc_eps)
        if touched.size and cfg.centroid_weight:
            c_max32, eps32 = np.float32(c_max), np.float32(cfg.centroid_eps)
            shift = np.float32(np.log(cfg.centroid_eps))
            if touched.size > C.size // 3:  # most organizations: whole arrays beat gather/scatter
                scores += cfg.centroid_weight * (np.log(C.astype(np.float32) / c_max32 + eps32) - shift)
            else:
                scores[touched] += cfg.centroid_weight * (np.log(C[touched].astype(np.float32) / c_max32 + eps32)
                                                          - shift)
        code_match = None
        okpd = self.okpd2_.score(okpd2, n) if okpd2 else None
        comp = self.competency_.score(competencies, n) if competencies else None
        for match, weight in ((okpd, cfg.okpd2_weight), (comp, cfg.competency_weight)):
            if match is not None:
                scores += weight * match
                code_match = match if code_match is None else np.maximum(code_match, match)
        mask, excluded = allowed
        if mask is not None:
            scores[~mask] = -np.inf
        scores[excluded] = -np.inf
        if code_match is None:
            candidates = touched
        else:
            codes_hit = code_match > 0
            candidates, strong = np.flatnonzero((C > 0) | codes_hit), np.flatnonzero((K > 0) | codes_hit)
        if cfg.kind_balance:
            self._balance_kinds(scores, candidates, mask, excluded)
        return ScoredQuery(scores, doc_sims, C, cols, weights, okpd2, competencies, code_match, candidates, strong)

    def _base_scores(self) -> np.ndarray:
        """Score of an organization that shares nothing with the query (activity prior + eps terms)."""
        cached = getattr(self, "_base_cache", None)
        if cached is None or cached[0] != self.version_ or cached[1].size != self.activity_.size:
            cfg = self.config
            base = (cfg.activity_weight * np.log1p(self.activity_) + np.log(cfg.doc_eps)
                    + cfg.centroid_weight * np.log(cfg.centroid_eps))
            cached = (self.version_, base)
            self._base_cache = cached
        return cached[1]

    def _balance_kinds(self, scores: np.ndarray, candidates: np.ndarray, mask: np.ndarray | None,
                       excluded: np.ndarray) -> None:
        """Shift each kind's scores towards the overall best.

        Profiles of different kinds differ in size (a university has hundreds
        of projects, an SME a few), so raw scores favour big profiles; moving
        each kind's best ``kind_balance`` of the way to the overall best lets
        the best SME compete with the best university.
        """
        best = self._kind_maxima(scores, candidates, mask, excluded)
        finite = np.isfinite(best)
        if finite.sum() < 2:
            return
        shift = np.zeros(len(KINDS))
        shift[finite] = self.config.kind_balance * (best[finite].max() - best[finite])
        scores += shift[self.kinds_]

    def _kind_maxima(self, scores: np.ndarray, candidates: np.ndarray, mask: np.ndarray | None,
                     excluded: np.ndarray) -> np.ndarray:
        """Best allowed score per kind (-inf where none).

        Organizations outside ``candidates`` score exactly their base, and a
        candidate never scores below its base, so without filters a kind's
        best is the larger of its best candidate and its best allowed base,
        which is read from a cached per-kind order of base scores.
        """
        best = np.full(len(KINDS), -np.inf)
        if mask is not None or candidates.size > scores.size // 8:  # one pass over everybody is cheaper
            perm, starts, kinds = self._kind_groups()
            best[kinds] = np.maximum.reduceat(scores[perm], starts)
            return best
        base = self._base_scores()
        skip = set(excluded.tolist())
        for kind, rows in enumerate(self._kind_base_order()):
            for row in rows[: len(skip) + 1]:  # the best base row that is not excluded
                if int(row) not in skip:
                    best[kind] = base[row]
                    break
        if candidates.size:
            values, kinds = scores[candidates], self.kinds_[candidates]
            for kind in range(len(KINDS)):
                sel = values[kinds == kind]
                if sel.size:
                    best[kind] = max(best[kind], float(sel.max()))
        return best

    def _kind_base_order(self) -> list[np.ndarray]:
        cached = getattr(self, "_kind_base_cache", None)
        if cached is None or cached[0] != self.version_:
            base = self._base_scores()
            order = []
            for kind in range(len(KINDS)):
                rows = np.flatnonzero((self.kinds_ == kind) & self.active_)
                order.append(rows[np.lexsort((rows, -base[rows]))][:64])
            cached = (self.version_, order)
            self._kind_base_cache = cached
        return cached[1]

    def _kind_groups(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        cached = getattr(self, "_kind_cache", None)
        if cached is None or cached[0] != self.version_:
            perm = np.argsort(self.kinds_, kind="stable")
            sorted_kinds = self.kinds_[perm]
            starts = np.flatnonzero(np.r_[True, sorted_kinds[1:] != sorted_kinds[:-1]])
            cached = (self.version_, perm, starts, sorted_kinds[starts].astype(np.int64))
            self._kind_cache = cached
        return cached[1], cached[2], cached[3]

    def top(self, scores: np.ndarray, top_k: int, rows: np.ndarray | None = None) -> np.ndarray:
        """Rows of the ``top_k`` best finite scores (among ``rows`` if given), best first, ties by row."""
        if top_k <= 0:
            return np.zeros(0, dtype=np.int64)
        if rows is not None:
            values = scores[rows]
        else:
            rows, values = None, scores
        if values.size > top_k:
            part = np.argpartition(values, values.size - top_k)[values.size - top_k:]
        else:
            part = np.arange(values.size)
        part = part[np.isfinite(values[part])]
        picked = part if rows is None else rows[part]
        return picked[np.lexsort((picked, -scores[picked]))]
