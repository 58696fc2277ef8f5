"""search_index.evaluate: recall@k, nDCG@k, reciprocal rank and their means, against figures worked out by hand."""

from __future__ import annotations

import math

import pytest

from search_index.evaluate import Run, Summary, ndcg_at_k, recall_at_k, reciprocal_rank, score


def test_recall_counts_the_relevant_keys_in_the_first_k():
    ranked = ["a", "x", "b", "y", "z", "c"]
    assert recall_at_k(ranked, {"a", "b", "c"}, 5) == pytest.approx(2 / 3)  # c is sixth
    assert recall_at_k(ranked, {"a", "b", "c"}, 6) == 1.0
    assert recall_at_k(ranked, {"a", "b", "c"}, 1) == pytest.approx(1 / 3)
    assert recall_at_k([], {"a"}, 5) == 0.0


def test_recall_counts_a_repeated_key_once():
    assert recall_at_k(["a", "a", "a"], {"a", "b"}, 5) == 0.5


def test_recall_of_more_relevant_keys_than_k_stays_below_one():
    assert recall_at_k(list("abcdefg"), set("abcdefg"), 5) == pytest.approx(5 / 7)


def test_ndcg_of_the_ideal_order_is_one():
    grades = {"a": 2, "b": 1, "c": 1}
    assert ndcg_at_k(["a", "b", "c", "x"], grades, 10) == pytest.approx(1.0)
    assert ndcg_at_k(["a", "c", "b"], grades, 10) == pytest.approx(1.0)  # equal grades may swap


def test_ndcg_worked_example():
    # ranked: x (0), b (1), a (2)  →  DCG = 0/log2(2) + 1/log2(3) + 2/log2(4) = 0.63093 + 1 = 1.63093
    # ideal:  a (2), b (1)         →  IDCG = 2/log2(2) + 1/log2(3) = 2 + 0.63093 = 2.63093
    grades = {"a": 2, "b": 1}
    assert ndcg_at_k(["x", "b", "a"], grades, 10) == pytest.approx(1.63093 / 2.63093, abs=1e-5)
    assert ndcg_at_k(["x", "b", "a"], grades, 10) == pytest.approx(0.61991, abs=1e-5)


def test_ndcg_cuts_both_rankings_at_k():
    # k = 2: ranked x, b → DCG = 1/log2(3) = 0.63093; ideal a, b → IDCG = 2 + 0.63093 = 2.63093
    grades = {"a": 2, "b": 1, "c": 1}
    assert ndcg_at_k(["x", "b", "a"], grades, 2) == pytest.approx(0.63093 / 2.63093, abs=1e-5)
    # k = 1: only the first place counts; the ideal holds the grade-2 key there
    assert ndcg_at_k(["b", "a"], grades, 1) == pytest.approx(0.5)
    assert ndcg_at_k(["x"], grades, 1) == 0.0


def test_ndcg_credits_a_repeated_key_once():
    # a, a: the copy at rank 2 gains nothing → DCG = 2; ideal a (2), b (1) → 2 + 0.63093
    assert ndcg_at_k(["a", "a"], {"a": 2, "b": 1}, 10) == pytest.approx(2 / (2 + 1 / math.log2(3)))


def test_ndcg_ignores_keys_graded_zero():
    assert ndcg_at_k(["z", "a"], {"a": 1, "z": 0}, 10) == pytest.approx(1 / math.log2(3))


def test_reciprocal_rank_is_one_over_the_first_relevant_rank():
    assert reciprocal_rank(["x", "y", "a", "b"], {"a", "b"}) == pytest.approx(1 / 3)
    assert reciprocal_rank(["a"], {"a"}) == 1.0
    assert reciprocal_rank(["x", "y"], {"a"}) == 0.0


@pytest.mark.parametrize(
    "call",
    [
        lambda: recall_at_k(["a"], set(), 5),
        lambda: recall_at_k(["a"], {"a"}, 0),
        lambda: ndcg_at_k(["a"], {}, 10),
        lambda: ndcg_at_k(["a"], {"a": 0}, 10),
        lambda: ndcg_at_k(["a"], {"a": 2}, 0),
    ],
)
def test_undefined_figures_raise(call):
    with pytest.raises(ValueError):
        call()


def test_score_averages_each_query_equally():
    runs = [
        # recall@5 = 1, nDCG@10 = 1, RR = 1
        Run(ranked=["a", "b"], grades={"a": 2, "b": 1}),
        # recall@5 = 1/2, nDCG@10 = (1/log2(3)) / (2 + 1/log2(3)) = 0.63093 / 2.63093 = 0.23981, RR = 1/2
        Run(ranked=["x", "b"], grades={"a": 2, "b": 1}),
        # nothing found: 0, 0, 0
        Run(ranked=["x"], grades={"c": 1}),
    ]
    summary = score(runs)
    assert summary.queries == 3
    assert summary.recall == pytest.approx((1 + 0.5 + 0) / 3)
    assert summary.ndcg == pytest.approx((1 + 0.23981 + 0) / 3, abs=1e-5)
    assert summary.mrr == pytest.approx((1 + 0.5 + 0) / 3)
    assert summary.per_query[1] == pytest.approx((0.5, 0.23981, 0.5), abs=1e-5)
    assert (summary.recall_k, summary.ndcg_k) == (5, 10)


def test_score_uses_the_given_cut_offs():
    summary = score([Run(ranked=["x", "a"], grades={"a": 1})], recall_k=1, ndcg_k=1)
    assert (summary.recall, summary.ndcg, summary.mrr) == (0.0, 0.0, 0.5)


def test_score_of_no_runs_is_zero():
    assert score([]) == Summary(queries=0, recall=0.0, ndcg=0.0, mrr=0.0)


def test_run_relevant_keys_are_those_graded_above_zero():
    assert Run(ranked=[], grades={"a": 2, "b": 1, "c": 0}).relevant == {"a", "b"}
