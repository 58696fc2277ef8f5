"""Consortium assembly: greedy weighted set cover over per-need candidate scores.

For every need the matcher scores all organizations (text of the need, its
codes, the project's filters). The candidates of a need are its best
``candidates_per_need`` organizations with evidence (as in
``match_suppliers``), plus the best few of every kind the mix asks for. Each candidate gets, per need:

- a *strength* in [0, 1], comparable across needs: the best of the cosine
  with its profile centroid, the cosine with its best document and the code
  match. Below ``coverage_threshold`` it does not cover the need at all;
- a *value* in (0, 1]: ``exp(score - best score of the need)``, i.e. how close
  it comes to the need's best candidate (the full ranking score, activity
  prior included), kept only where the strength reaches the threshold.

The greedy loop adds, until ``max_size``, the candidate with the largest
gain ``sum over needs of max(0, value - coverage so far)``, taking only kinds
still required once the remaining slots are needed for the mix. It stops
early when nothing adds coverage and the mix is complete. Needs whose best
strength is below the threshold are gaps: no known organization covers them.
The project's text is mixed into each need's vector (``context_weight``) to
rank candidates; a need with no word the matcher knows and no code is a gap
whatever the project's text says.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import NDArray

from .arrays import Float32Array, Float64Array, IndexArray
from .profiles import KINDS, ConsortiumQuery, normalize_kind
from .reasons import build_match
from .results import ConsortiumMember, ConsortiumProposal, NeedCoverage

if TYPE_CHECKING:
    from .matcher import Matcher
    from .scoring import Allowed, ScoredQuery

MIN_GAIN = 0.05
PER_KIND_CANDIDATES = 5


def _best_doc_sims(matcher: Matcher, rows: IndexArray, scored_needs: list[ScoredQuery]) -> Float64Array:
    """(candidates × needs) cosine of each candidate's best document with each need."""
    out = np.zeros((rows.size, len(scored_needs)))
    docs: list[NDArray[np.int64]] = []
    owners: list[NDArray[np.int64]] = []
    for i, row in enumerate(rows):  # a loop over a few dozen candidates, once
        d, _ = matcher.index_.org_docs(int(row))
        docs.append(d)
        owners.append(np.full(d.size, i))
    if not docs:
        return out
    docs_all, owner_all = np.concatenate(docs), np.concatenate(owners)
    if docs_all.size == 0:
        return out
    for j, scored in enumerate(scored_needs):
        np.maximum.at(out[:, j], owner_all, scored.doc_sims[docs_all])
    return out


def _strength(best_doc: Float64Array, scored: ScoredQuery, rows: IndexArray) -> Float64Array:
    """Absolute match in [0, 1] of candidate rows for one need."""
    strength = np.maximum(best_doc, scored.centroid_sims[rows])
    if scored.code_match is not None:
        strength = np.maximum(strength, scored.code_match[rows])
    clipped: Float64Array = np.clip(strength, 0.0, 1.0)
    return clipped


@dataclass
class _Candidates:
    """Every need scored, the candidate organizations (sorted rows) and the needs nobody can cover."""

    scored: list[ScoredQuery]
    rows: NDArray[np.int64]
    blind: NDArray[np.bool_]  # needs with no known word and no code


def _check(project: ConsortiumQuery) -> None:
    if not project.needs:
        raise ValueError("a consortium query needs at least one need")
    if project.max_size < 1:
        raise ValueError("max_size must be >= 1")
    labels = [need.label for need in project.needs]
    if len(set(labels)) != len(labels):
        raise ValueError("need labels must be unique")


def _candidates(matcher: Matcher, project: ConsortiumQuery, required: dict[str, int]) -> _Candidates:
    """Scores every need and takes its best organizations with evidence, and the best few of every
    kind the mix asks for."""
    mask: Allowed = matcher.allowed((), project.regions, project.members_only, project.exclude_ids)
    context = matcher.query_vector(project.text) if project.text and project.context_weight > 0 else None
    scored_needs = []
    candidate_rows: set[int] = set()
    blind = np.zeros(len(project.needs), dtype=bool)
    for j, need in enumerate(project.needs):
        cols, weights = matcher.query_vector(need.text, need.lang)
        # the project's text disambiguates a need's words; it cannot stand in for them: a need none of
        # whose words the matcher knows (and without codes) is covered by nobody, however well an
        # organization fits the project
        blind[j] = cols.size == 0 and not need.okpd2_codes and not need.competency_codes
        if context is not None:
            cols, weights = _mix(cols, weights, context[0], context[1] * project.context_weight)
        scored = matcher.score_vector(cols, weights, need.okpd2_codes, need.competency_codes, mask)
        scored_needs.append(scored)
        if blind[j]:
            continue
        # candidates come from organizations with evidence for the need (see match_suppliers)
        pool = scored.strong if scored.strong.size >= project.candidates_per_need else scored.evidence
        candidate_rows.update(matcher.top(scored.scores, project.candidates_per_need, pool).tolist())
        pool_kinds = matcher.kinds_[scored.evidence]
        for kind in required:
            of_kind = scored.evidence[pool_kinds == KINDS.index(kind)]
            candidate_rows.update(matcher.top(scored.scores, PER_KIND_CANDIDATES, of_kind).tolist())
    return _Candidates(scored_needs, np.array(sorted(candidate_rows), dtype=np.int64), blind)


def _strength_and_value(
    matcher: Matcher, candidates: _Candidates, coverage_threshold: float
) -> tuple[Float64Array, Float64Array]:
    """(candidates × needs) strength of each candidate for each need, and its value (0 below the threshold)."""
    rows, scored_needs = candidates.rows, candidates.scored
    n_needs = len(scored_needs)
    strength = np.zeros((rows.size, n_needs))
    value = np.zeros((rows.size, n_needs))
    best_doc = _best_doc_sims(matcher, rows, scored_needs)
    for j, scored in enumerate(scored_needs):
        if rows.size == 0:
            break
        strength[:, j] = _strength(best_doc[:, j], scored, rows)
        scores = scored.scores[rows]
        best = scores[np.isfinite(scores)].max(initial=-np.inf)
        if np.isfinite(best):
            value[:, j] = np.where(np.isfinite(scores), np.exp(np.minimum(scores - best, 0.0)), 0.0)
    strength[:, candidates.blind] = 0.0
    value[strength < coverage_threshold] = 0.0
    return strength, value


def assemble(matcher: Matcher, project: ConsortiumQuery) -> ConsortiumProposal:
    _check(project)
    labels = [need.label for need in project.needs]
    required = {normalize_kind(k): int(n) for k, n in project.kind_mix.items() if int(n) > 0}
    candidates = _candidates(matcher, project, required)
    rows, scored_needs = candidates.rows, candidates.scored
    strength, value = _strength_and_value(matcher, candidates, project.coverage_threshold)

    n_needs = len(project.needs)
    chosen = _greedy(value, matcher.kinds_[rows], required, project.max_size)
    cover_of_need: list[list[tuple[float, Hashable]]] = [[] for _ in range(n_needs)]
    members = []
    for c in chosen:
        row = int(rows[c])
        covers = tuple(labels[j] for j in range(n_needs) if value[c, j] > 0)
        for j in range(n_needs):
            if value[c, j] > 0:
                cover_of_need[j].append((value[c, j], matcher.org_ids_[row]))
        best_need = int(np.argmax(value[c])) if value[c].any() else 0
        reasons = build_match(matcher, scored_needs[best_need], row).reasons
        members.append(
            ConsortiumMember(
                org_id=matcher.org_ids_[row],
                kind=KINDS[int(matcher.kinds_[row])],
                covers=covers,
                coverage={labels[j]: round(float(strength[c, j]), 4) for j in range(n_needs) if value[c, j] > 0},
                reasons=reasons,
            )
        )
    best_strength = strength.max(axis=0) if rows.size else np.zeros(n_needs)
    needs = tuple(
        NeedCoverage(
            labels[j],
            bool(cover_of_need[j]),
            tuple(org for _, org in sorted(cover_of_need[j], key=lambda t: -t[0])),
            round(float(best_strength[j]), 4),
        )
        for j in range(n_needs)
    )
    return ConsortiumProposal(
        members=tuple(members),
        needs=needs,
        gaps=tuple(labels[j] for j in range(n_needs) if best_strength[j] < project.coverage_threshold),
        uncovered=tuple(n.label for n in needs if not n.covered),
        unmet_kinds=_unmet_kinds(members, required),
    )


def _unmet_kinds(members: list[ConsortiumMember], required: dict[str, int]) -> dict[str, int]:
    """Kinds of the requested mix the members do not fill, and how many are missing."""
    taken: dict[str, int] = {}
    for m in members:
        taken[m.kind] = taken.get(m.kind, 0) + 1
    return {k: n - taken.get(k, 0) for k, n in required.items() if taken.get(k, 0) < n}


def _greedy(value: Float64Array, kinds: NDArray[np.int8], required: dict[str, int], max_size: int) -> list[int]:
    remaining = {KINDS.index(k): n for k, n in required.items()}
    cover = np.zeros(value.shape[1])
    available = np.ones(value.shape[0], dtype=bool)
    chosen: list[int] = []
    while len(chosen) < max_size and available.any():
        slots = max_size - len(chosen)
        need_kinds = [k for k, n in remaining.items() if n > 0]
        allowed = available.copy()
        if need_kinds and sum(remaining.values()) >= slots:
            allowed &= np.isin(kinds, need_kinds)
            if not allowed.any():  # the mix cannot be completed from the candidates
                remaining = dict.fromkeys(remaining, 0)
                continue
        gain = np.maximum(value - cover, 0.0).sum(axis=1)
        tie_break = 1e-3 * value.sum(axis=1)
        pick = int(np.argmax(np.where(allowed, gain + tie_break, -np.inf)))
        if gain[pick] < MIN_GAIN:
            # nothing adds coverage: only members the kind mix still asks for are worth a slot
            allowed &= np.isin(kinds, need_kinds) if need_kinds else False
            if not allowed.any():
                break
            pick = int(np.argmax(np.where(allowed, gain + tie_break, -np.inf)))
        chosen.append(pick)
        available[pick] = False
        cover = np.maximum(cover, value[pick])
        kind = int(kinds[pick])
        if remaining.get(kind, 0) > 0:
            remaining[kind] -= 1
    return chosen


def _mix(
    cols_a: NDArray[np.int64], w_a: Float32Array, cols_b: NDArray[np.int64], w_b: Float32Array
) -> tuple[NDArray[np.int64], Float32Array]:
    """Sum of two sparse vectors, L2-normalized."""
    cols = np.concatenate((cols_a, cols_b))
    weights = np.concatenate((w_a, w_b)).astype(np.float64)
    uniq, inverse = np.unique(cols, return_inverse=True)
    summed = np.bincount(inverse, weights=weights)
    norm = np.sqrt(np.dot(summed, summed)) or 1.0
    return uniq, (summed / norm).astype(np.float32)
