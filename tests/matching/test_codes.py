"""Prefix-aware code matching and postings accumulation."""

from __future__ import annotations

import numpy as np
import pytest
import scipy.sparse as sp

from matching.codes import CodeIndex, competency_prefixes, okpd2_prefixes
from matching.postings import gather


def test_prefixes():
    assert okpd2_prefixes("25.62.1") == [("25", 2), ("256", 3), ("2562", 4), ("25621", 5)]
    assert okpd2_prefixes("") == []
    assert competency_prefixes("02.03.01") == [("02", 1), ("02.03", 2), ("02.03.01", 3)]


def test_okpd2_scores_share_of_the_query_code():
    index = CodeIndex("okpd2")
    index.set(0, ["25.62"])
    index.set(1, ["25.62.10.110"])
    index.set(2, ["24.51"])
    index.set(3, [])
    np.testing.assert_allclose(index.score(["25.62.10"], 4), [4 / 6, 1.0, 0.0, 0.0])
    np.testing.assert_allclose(index.score(["25.62.10", "24.51"], 4), [2 / 6, 0.5, 0.5, 0.0])
    assert index.score([], 4) is None
    assert index.matched(0, ["25.62.10", "99.99"]) == [("25.62.10", "25.62", pytest.approx(0.667, abs=1e-3))]


def test_competency_codes_by_segments():
    index = CodeIndex("competency")
    index.set(0, ["02.01"])
    index.set(1, ["02.01.03"])
    index.set(2, ["02.02"])
    np.testing.assert_allclose(index.score(["02.01"], 3), [1.0, 1.0, 0.5])


def test_gather_concatenates_the_selected_slices():
    matrix = sp.random(50, 30, density=0.2, random_state=1, format="csc", dtype=np.float32)
    cols = np.array([1, 4, 7, 20])
    rows, values, lengths = gather(matrix.indptr, matrix.indices, matrix.data, cols)
    part = matrix[:, cols]
    np.testing.assert_array_equal(lengths, np.diff(part.indptr))
    np.testing.assert_array_equal(rows, part.indices)
    np.testing.assert_array_equal(values, part.data)
    rows, values, lengths = gather(matrix.indptr, matrix.indices, matrix.data, np.array([], int))
    assert rows.size == values.size == lengths.size == 0
