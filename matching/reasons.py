"""Reasons for a proposal: matched words, codes and documents, computed for the top rows only."""

from __future__ import annotations

import itertools
import weakref
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from .arrays import FloatArray, IndexArray
from .codes import CodeIndex
from .profiles import KINDS
from .results import Match, MatchedCode, MatchedDocument, Reasons
from .vectorizer import TextModel

if TYPE_CHECKING:
    from .matcher import Matcher, ScoredQuery


def matched_terms(
    model: TextModel, cols: IndexArray, weights: FloatArray, row_cols: IndexArray, row_data: FloatArray, limit: int
) -> tuple[str, ...]:
    """Readable words shared by a query vector (sorted ``cols``) and a profile vector, heaviest first.

    A word already shown as part of a phrase (bigram) is not repeated.
    """
    return matched_terms_many(model, cols, weights, [(row_cols, row_data)], limit)[0]


def matched_terms_many(
    model: TextModel,
    cols: IndexArray,
    weights: FloatArray,
    rows: Sequence[tuple[IndexArray, FloatArray]],
    limit: int,
) -> list[tuple[str, ...]]:
    """``matched_terms`` for several profile vectors at once (one lookup and one sort for all of them)."""
    if cols.size == 0 or not rows:
        return [() for _ in rows]
    lengths = np.fromiter((c.size for c, _ in rows), dtype=np.int64, count=len(rows))
    if not lengths.sum():
        return [() for _ in rows]
    row_cols = np.concatenate([c for c, _ in rows])
    row_data = np.concatenate([d for _, d in rows])
    pos = np.minimum(np.searchsorted(cols, row_cols), cols.size - 1)
    hit = np.flatnonzero(cols[pos] == row_cols)
    owner = np.repeat(np.arange(len(rows)), lengths)[hit]
    contribution = weights[pos[hit]] * row_data[hit]
    # by profile, then by decreasing contribution; ties keep the profile's term order (a stable sort)
    order = np.lexsort((-contribution, owner))
    common = row_cols[hit][order]
    bounds = np.searchsorted(owner[order], np.arange(len(rows) + 1))
    return [_readable_terms(model, common[a:b], limit) if b > a else () for a, b in itertools.pairwise(bounds.tolist())]


def _readable_terms(model: TextModel, common: IndexArray, limit: int) -> tuple[str, ...]:
    """The readable words of the columns ``common`` (heaviest first), a word already shown in a phrase not
    repeated."""
    out: list[str] = []
    shown: set[str] = set()
    cached = _READABLE.get(model)
    if (
        cached is None
        or cached[0] is not model.vocabulary
        or cached[1] is not model.surface
        or len(cached[2]) > 200_000
    ):
        cached = _READABLE[model] = (model.vocabulary, model.surface, {})
    cache = cached[2]
    for col in common.tolist():
        words = cache.get(col)
        if words is None:
            words = cache[col] = model.readable(model.vocabulary[col])
        parts = set(words.split(" "))
        if parts <= shown:
            continue
        out.append(words)
        shown |= parts
        if len(out) >= limit:
            break
    return tuple(out)


# readable words per vocabulary column, per model (valid while its vocabulary and surface forms stay the same)
_READABLE: weakref.WeakKeyDictionary[TextModel, tuple[list[str], dict[str, str], dict[int, str]]] = (
    weakref.WeakKeyDictionary()
)


def matched_codes(
    index: CodeIndex, row: int, query_codes: Sequence[str], names: dict[str, str] | None = None
) -> tuple[MatchedCode, ...]:
    if not query_codes:
        return ()
    names = names or {}
    return tuple(MatchedCode(q, o, m, names.get(o, "")) for q, o, m in index.matched(row, query_codes))


def build_matches(matcher: Matcher, scored: ScoredQuery, rows: list[int], with_reasons: bool = True) -> list[Match]:
    """``build_match`` for each of ``rows``, the matched words of all of them looked up at once."""
    if not with_reasons:
        return [build_match(matcher, scored, row, False) for row in rows]
    index = matcher.index_
    terms = matched_terms_many(
        matcher.model_,
        scored.cols,
        scored.weights,
        [index.centroid_row(row) for row in rows],
        matcher.config.reason_terms,
    )
    # ``matched_terms_many`` answers one tuple per row
    return [build_match(matcher, scored, row, True, row_terms) for row, row_terms in zip(rows, terms, strict=True)]


def build_match(
    matcher: Matcher, scored: ScoredQuery, row: int, with_reasons: bool = True, terms: tuple[str, ...] | None = None
) -> Match:
    """The proposal of organization ``row`` for a scored query; ``terms``: its matched words if known."""
    index = matcher.index_
    docs, _ = index.org_docs(row)
    sims = scored.doc_sims[docs] if docs.size else np.zeros(0)
    reasons = Reasons()
    if with_reasons:
        cfg = matcher.config
        if terms is None:
            terms = matched_terms(
                matcher.model_, scored.cols, scored.weights, *index.centroid_row(row), cfg.reason_terms
            )
        order = np.argsort(-sims, kind="stable")[: cfg.reason_documents]
        documents = tuple(
            MatchedDocument(index.doc_keys[d], index.doc_titles[d], index.doc_kinds[d], round(sim, 4))
            for d, sim in zip(docs[order].tolist(), sims[order].tolist(), strict=True)  # one similarity per doc
            if sim > 0
        )
        reasons = Reasons(
            terms=terms,
            competencies=matched_codes(
                matcher.competency_, row, scored.competency_codes, matcher.competency_names_[row]
            ),
            okpd2=matched_codes(matcher.okpd2_, row, scored.okpd2_codes),
            documents=documents,
            places=(
                matcher.places_.named(matcher.model_.analyzer, row, scored.query_stems)
                if scored.places is not None and scored.places[row] > 0
                else ()
            ),
        )
    return Match(
        org_id=matcher.org_ids_[row],
        score=round(scored.score(row), 6),
        kind=KINDS[int(matcher.kinds_[row])],
        region=matcher.regions_[row],
        is_member=bool(matcher.members_[row]),
        text_similarity=round(float(scored.centroid_sims[row]), 4),
        best_document_similarity=round(float(sims.max()) if sims.size else 0.0, 4),
        reasons=reasons,
    )
