"""Ranking quality of a search: recall@k, nDCG@k and reciprocal rank over judged queries.

A plain module (no Flask, no index): a *run* is one query's ranked result keys, best first,
and its judgements, a grade per relevant key (2 = precisely what was asked, 1 = relevant;
any positive number counts as relevant, keys not graded are not relevant).

- ``recall_at_k``: the share of the relevant keys found in the first ``k`` results.
- ``ndcg_at_k``: discounted cumulative gain of the first ``k`` results, the gain of a result
  being its grade and the discount ``log2(rank + 1)``, divided by the gain of the ideal ranking
  (the graded keys, highest grade first).
- ``reciprocal_rank``: ``1 / rank`` of the first relevant result (0 when none is returned).

A key that appears more than once in a ranking counts at its first rank only; later copies
take their place in the ranking and gain nothing. A run without any relevant key has no
recall or nDCG: the functions raise ``ValueError`` rather than invent a value.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from statistics import fmean
from typing import Generic, TypeVar

#: A result's key: anything hashable that names one record (``(type, id)`` in the marketplace's tests).
K = TypeVar("K", bound=Hashable)


def _top(ranked: Sequence[K], k: int) -> list[tuple[K, bool]]:
    """The first ``k`` keys of ``ranked``, each with whether it is its first occurrence."""
    if k < 1:
        raise ValueError(f"k must be at least 1, not {k}")
    seen: set[K] = set()
    out = []
    for key in ranked[:k]:
        out.append((key, key not in seen))
        seen.add(key)
    return out


def recall_at_k(ranked: Sequence[K], relevant: Iterable[K], k: int) -> float:
    """The share of ``relevant`` keys among the first ``k`` of ``ranked`` (0.0 … 1.0).

    Raises ``ValueError`` when ``relevant`` is empty or ``k`` < 1.
    """
    top = _top(ranked, k)
    wanted = set(relevant)
    if not wanted:
        raise ValueError("recall needs at least one relevant key")
    found = {key for key, _ in top if key in wanted}
    return len(found) / len(wanted)


def _dcg(gains: Iterable[float]) -> float:
    return sum(gain / math.log2(rank + 1) for rank, gain in enumerate(gains, start=1))


def ndcg_at_k(ranked: Sequence[K], grades: Mapping[K, float], k: int) -> float:
    """Normalised discounted cumulative gain of the first ``k`` of ``ranked`` (0.0 … 1.0).

    The gain of a result is its grade in ``grades`` (0 for a key not graded), discounted by
    ``log2(rank + 1)``; the ideal DCG is that of the graded keys sorted by grade, cut at ``k``.
    Raises ``ValueError`` when no grade is positive or ``k`` < 1.
    """
    top = _top(ranked, k)
    ideal = _dcg(sorted((g for g in grades.values() if g > 0), reverse=True)[:k])
    if ideal == 0:
        raise ValueError("nDCG needs at least one positive grade")
    gains = [max(grades.get(key, 0), 0) if first else 0 for key, first in top]
    return _dcg(gains) / ideal


def reciprocal_rank(ranked: Sequence[K], relevant: Iterable[K]) -> float:
    """``1 / rank`` of the first key of ``ranked`` that is in ``relevant``; 0.0 when there is none."""
    wanted = set(relevant)
    for rank, key in enumerate(ranked, start=1):
        if key in wanted:
            return 1 / rank
    return 0.0


@dataclass(frozen=True)
class Run(Generic[K]):
    """One judged query: its result keys, best first, and the grade of each relevant key."""

    ranked: Sequence[K]
    grades: Mapping[K, float]

    @property
    def relevant(self) -> frozenset[K]:
        """The keys graded above 0."""
        return frozenset(key for key, grade in self.grades.items() if grade > 0)


@dataclass(frozen=True)
class Summary:
    """Mean figures over ``queries`` runs (all 0.0 for no runs)."""

    queries: int
    recall: float  # mean recall at ``recall_k``
    ndcg: float  # mean nDCG at ``ndcg_k``
    mrr: float  # mean reciprocal rank
    recall_k: int = 5
    ndcg_k: int = 10
    per_query: tuple[tuple[float, float, float], ...] = field(default=(), repr=False)  # (recall, nDCG, RR) each


def score(runs: Iterable[Run[K]], *, recall_k: int = 5, ndcg_k: int = 10) -> Summary:
    """Mean recall@``recall_k``, nDCG@``ndcg_k`` and reciprocal rank over ``runs``, each query weighing the same.

    Raises ``ValueError`` for a run with no relevant key.
    """
    figures = tuple(
        (
            recall_at_k(run.ranked, run.relevant, recall_k),
            ndcg_at_k(run.ranked, run.grades, ndcg_k),
            reciprocal_rank(run.ranked, run.relevant),
        )
        for run in runs
    )
    if not figures:
        return Summary(queries=0, recall=0.0, ndcg=0.0, mrr=0.0, recall_k=recall_k, ndcg_k=ndcg_k)
    recall, ndcg, rr = (fmean(column) for column in zip(*figures, strict=True))
    return Summary(
        queries=len(figures), recall=recall, ndcg=ndcg, mrr=rr, recall_k=recall_k, ndcg_k=ndcg_k, per_query=figures
    )
