"""The scoring shortcut (scores of a few rows, kind maxima without a pass over everybody) against the plain
computation of every organization's score, bit for bit, and the cached readable words of the reasons."""

from __future__ import annotations

import threading
from dataclasses import replace

import numpy as np
import pytest

from matching import Matcher, MatcherConfig, MatchQuery, scoring
from matching.reasons import matched_terms, matched_terms_many
from matching.scoring import ScoredQuery, top_of

from .test_postings import random_profiles


@pytest.fixture(scope="module")
def corpus():
    rng = np.random.default_rng(11)
    profiles = random_profiles(rng, 400)
    profiles = [
        replace(p, okpd2_codes=["25.62.20.110"] if i % 2 else ["25.62.10.000"]) if i % 3 == 0 else p
        for i, p in enumerate(profiles)
    ]  # codes on some organizations, so that code matches take part
    words = " ".join(random_profiles(rng, 1)[0].description.split()[:3])
    queries = [
        MatchQuery(text=" ".join(random_profiles(rng, 1)[0].description.split()[:n]), lang="en", exclude_ids=[i])
        for i, n in enumerate([2, 3, 5, 8, 12, 20, 30] * 3)
    ]
    queries.append(MatchQuery(text=words, lang="en", okpd2_codes=["25.62.20.110"]))
    queries.append(MatchQuery(text=words, lang="en", kinds=["university"], regions=["r1", "r2"]))
    queries.append(MatchQuery(text=words, lang="en", members_only=True))
    return profiles, queries


def plain(matcher: Matcher, query: MatchQuery) -> np.ndarray:
    """Every organization's score, computed for all of them (no shortcut)."""
    return matcher.score_query(query).scores


def shortcut(matcher: Matcher, query: MatchQuery, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    scored = matcher.score_query(query)
    return scored.values(rows), scored.top(10, rows)


@pytest.mark.parametrize(
    "config",
    [
        MatcherConfig(),
        MatcherConfig(kind_balance=0.0),
        MatcherConfig(kind_balance=0.8, centroid_weight=0.0),
        MatcherConfig(kind_balance=0.5, kind_offsets={}),
        MatcherConfig(kind_balance=0.5, centroid_weight=-0.5),
    ],
)
def test_values_of_a_few_rows_equal_the_plain_scores_bit_for_bit(corpus, config):
    profiles, queries = corpus
    matcher = Matcher(config).fit(profiles)
    rng = np.random.default_rng(3)
    for query in queries:
        scores = plain(matcher, query)
        scored = matcher.score_query(query)
        for rows in (scored.strong, scored.evidence, np.sort(rng.choice(scores.size, 37, replace=False))):
            fresh = matcher.score_query(query)  # nothing computed yet: the shortcut
            np.testing.assert_array_equal(fresh.values(rows), scores[rows])
            np.testing.assert_array_equal(fresh.top(10, rows), matcher.top(scores, 10, rows))
            assert fresh._scores is None  # the shortcut did not compute everybody's score
        picked = scored.top(10, scored.strong)
        assert [scored.score(r) for r in picked] == scores[picked].tolist()


def test_kind_maxima_equal_a_pass_over_everybody(corpus):
    profiles, queries = corpus
    matcher = Matcher(MatcherConfig(kind_balance=0.4)).fit(profiles)
    walked = 0
    for query in queries:
        scored = matcher.score_query(query)
        raw = scored._raw()
        best = scored._kind_maxima_walk()
        if best is None:  # the shortcut gave up: the plain pass is used
            continue
        walked += 1
        np.testing.assert_array_equal(best, scored._kind_maxima(raw))
    assert walked >= len(queries) - 2


def test_shortcut_after_updates_and_removals(corpus):
    """Inactive organizations (a filter mask on every query) and changed kinds."""
    profiles, queries = corpus
    matcher = Matcher(MatcherConfig()).fit(profiles[:300])
    for p in profiles[300:320]:
        matcher.add_or_update(p)
    for org_id in (4, 17, 301):
        matcher.remove(org_id)
    for query in queries:
        scores = plain(matcher, query)
        fresh = matcher.score_query(query)
        rows = fresh.strong if fresh.strong.size >= 10 else fresh.evidence
        np.testing.assert_array_equal(fresh.top(10, rows), matcher.top(scores, 10, rows))
        np.testing.assert_array_equal(fresh.values(rows), scores[rows])
        ids = [m.org_id for m in matcher.match_suppliers(query)]
        assert not {4, 17, 301} & set(ids)


def test_match_suppliers_does_not_compute_every_score(corpus, monkeypatch):
    profiles, queries = corpus
    matcher = Matcher(MatcherConfig()).fit(profiles)
    expected = []
    for query in queries:
        scores, scored = plain(matcher, query), matcher.score_query(query)
        rows = scored.strong if scored.strong.size >= 10 else scored.evidence
        top = matcher.top(scores, 10, rows)
        expected.append(([matcher.org_ids_[r] for r in top], [round(float(scores[r]), 6) for r in top]))
    everybody = []
    original = ScoredQuery._raw
    monkeypatch.setattr(
        ScoredQuery,
        "_raw",
        lambda self, rows=None, terms=None: everybody.append(rows is None) or original(self, rows, terms),
    )
    for query, (ids, scores) in zip(queries, expected, strict=True):
        everybody.clear()
        matches = matcher.match_suppliers(query)
        assert ([m.org_id for m in matches], [m.score for m in matches]) == (ids, scores)
        filtered = bool(query.kinds or query.regions or query.members_only)
        assert everybody
        assert filtered or not any(everybody)


def test_readable_words_are_cached_per_model_and_follow_a_new_vocabulary(corpus):
    profiles, queries = corpus
    matcher = Matcher(MatcherConfig()).fit(profiles)
    model = matcher.model_
    scored = matcher.score_query(queries[5])
    row = int(scored.strong[0])
    row_cols, row_data = matcher.index_.centroid_row(row)
    first = matched_terms(model, scored.cols, scored.weights, row_cols, row_data, 8)
    assert first
    assert first == matched_terms(model, scored.cols, scored.weights, row_cols, row_data, 8)
    model.surface = dict.fromkeys(model.surface, "renamed")  # a new mapping: the cache must not answer from the old
    renamed = matched_terms(model, scored.cols, scored.weights, row_cols, row_data, 8)
    assert renamed != first
    assert "renamed" in " ".join(renamed)


def test_matched_words_of_several_profiles_at_once_equal_one_by_one(corpus):
    profiles, queries = corpus
    matcher = Matcher(MatcherConfig()).fit(profiles)
    model, index = matcher.model_, matcher.index_
    for query in queries:
        scored = matcher.score_query(query)
        rows = [*scored.top(12, scored.evidence).tolist(), 0, len(profiles) - 1]  # with rows sharing nothing
        vectors = [index.centroid_row(row) for row in rows]
        vectors.append((np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.float32)))  # an empty profile
        one_by_one = [matched_terms(model, scored.cols, scored.weights, c, d, 5) for c, d in vectors]
        assert matched_terms_many(model, scored.cols, scored.weights, vectors, 5) == one_by_one
        assert any(one_by_one)
        assert () in one_by_one
    assert matched_terms_many(model, np.zeros(0, dtype=np.int64), np.zeros(0), vectors, 5) == [()] * len(vectors)


def test_top_of_one_is_the_largest_and_the_lowest_row_among_ties():
    values = np.array([0.5, 2.0, -np.inf, 2.0, 1.0])
    assert top_of(values, 1)[0].tolist() == [1]
    assert top_of(values, 1, np.array([9, 7, 8, 3, 1]))[0].tolist() == [3]  # rows given unsorted
    assert top_of(np.full(3, -np.inf), 1)[0].size == 0
    for k in (1, 2, 5):
        assert top_of(values, k)[0].tolist() == [1, 3, 4, 0, 2][: min(k, 4)]


@pytest.mark.parametrize("seed", range(5))
def test_top_of_many_values_equals_a_full_sort(seed):
    rng = np.random.default_rng(seed)
    values = np.round(rng.normal(size=5000), 2)  # many ties
    values[rng.choice(5000, 300, replace=False)] = -np.inf
    rows = np.sort(rng.choice(100_000, 5000, replace=False))
    for k in (1, 3, 10, 50):
        order = np.lexsort((rows, -values))[:k]
        picked, got = top_of(values, k, rows)
        np.testing.assert_array_equal(picked, rows[order])
        np.testing.assert_array_equal(got, values[order])


def test_centroids_in_a_helper_thread_give_the_same_scores(corpus, monkeypatch):
    profiles, queries = corpus
    matcher = Matcher(MatcherConfig()).fit(profiles)
    sequential = [matcher.score_query(q).scores for q in queries]
    monkeypatch.setattr(scoring, "PARALLEL_MIN_DOCS", 0)  # every index counts as large
    calls = []
    original = matcher.index_.centroid_similarities
    monkeypatch.setattr(
        matcher.index_,
        "centroid_similarities",
        lambda cols, w: calls.append(threading.current_thread().name) or original(cols, w),
    )
    for query, expected in zip(queries, sequential, strict=True):
        np.testing.assert_array_equal(matcher.score_query(query).scores, expected)
    assert calls
    assert all(name.startswith("matcher") for name in calls)


def test_a_named_place_keeps_the_shortcut_exact(corpus):
    profiles, queries = corpus
    profiles = [replace(p, places=["Smolensk"]) if i % 3 == 0 else p for i, p in enumerate(profiles)]
    matcher = Matcher(MatcherConfig(place_weight=5.0)).fit(profiles)  # larger than any text term: it matters
    named = [replace(q, text=q.text + " Smolensk") for q in queries]
    rng = np.random.default_rng(5)
    for query in named:
        scores = plain(matcher, query)
        assert matcher.score_query(query).places is not None
        for rows_of in ("strong", "evidence", "random"):
            fresh = matcher.score_query(query)
            rows = (
                np.sort(rng.choice(scores.size, 37, replace=False)) if rows_of == "random" else getattr(fresh, rows_of)
            )
            np.testing.assert_array_equal(fresh.values(rows), scores[rows])
            np.testing.assert_array_equal(fresh.top(10, rows), matcher.top(scores, 10, rows))
