"""The postings kernels and the fast scoring path against dense, every-row products."""

from __future__ import annotations

import numpy as np
import pytest
import scipy.sparse as sp
from sklearn.preprocessing import normalize

from matching import Matcher, MatcherConfig, MatchQuery, OrganizationProfile, ProfileDocument
from matching.index import DOC_FLOOR, _keep_largest_per_group, _power, _threshold
from matching.postings import _interleaved, _kernel_ok, column_sums, sparse_flatnonzero

WORDS = [
    f"{a}{b}{c}"
    for a in ("ka", "ro", "ni", "te", "lo", "mi")
    for b in ("st", "ve", "po", "ra", "do")
    for c in ("ing", "ion", "er", "ic", "or", "al")
]


def random_profiles(rng: np.random.Generator, n: int) -> list[OrganizationProfile]:
    """Short English profiles over a small vocabulary (so that queries touch most organizations)."""
    p = 1.0 / np.arange(1, len(WORDS) + 1)
    p /= p.sum()

    def text(low: int, high: int) -> str:
        return " ".join(rng.choice(WORDS, int(rng.integers(low, high)), p=p))

    joint = [ProfileDocument(text(10, 30), title="joint", id=f"joint-{i}", lang="en", kind="project") for i in range(5)]
    profiles = []
    for i in range(n):
        projects = [
            ProfileDocument(text(8, 30), title=f"p{i}", lang="en", kind="project")
            for _ in range(int(rng.integers(0, 4)))
        ]
        if rng.random() < 0.1:  # a joint project: one document, several owners
            projects.append(joint[int(rng.integers(len(joint)))])
        profiles.append(
            OrganizationProfile(
                id=i,
                name=f"org {i}",
                kind=str(rng.choice(["sme", "large", "university", "research"])),
                region=f"r{i % 7}",
                description=text(5, 25),
                description_lang="en",
                projects=projects,
            )
        )
    return profiles


def dense_query(matcher: Matcher, cols: np.ndarray, weights: np.ndarray) -> np.ndarray:
    q = np.zeros(matcher.index_.n_terms)
    q[cols] = weights
    return q


@pytest.fixture(scope="module")
def corpus():
    rng = np.random.default_rng(7)
    profiles = random_profiles(rng, 300)
    queries = [
        MatchQuery(
            " ".join(rng.choice(WORDS, int(rng.integers(3, 15)))), lang="en", exclude_ids=[int(rng.integers(300))]
        )
        for _ in range(40)
    ]
    return profiles, queries


def test_the_compiled_kernel_is_used():
    assert _kernel_ok()  # otherwise column_sums silently takes the slower public path


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_column_sums_equal_the_sliced_product(dtype):
    rng = np.random.default_rng(3)
    keep = np.ones(120)
    keep[7] = 0  # an empty column; first and last columns are included below
    m = sp.csc_matrix(
        sp.random(400, 120, density=0.05, format="csc", dtype=dtype, random_state=rng) @ sp.diags(keep).astype(dtype)
    )
    m.eliminate_zeros()
    assert m.indptr[7] == m.indptr[8]
    for cols in (
        np.array([0]),
        np.array([7]),
        np.array([0, 7, 8, 119]),
        np.arange(120),
        np.sort(rng.choice(120, 30, replace=False)),
        np.array([119, 3, 50]),
        np.array([5, 5]),
    ):
        w = rng.random(cols.size)
        got = column_sums(m, cols, w)
        assert got.dtype == np.float32
        np.testing.assert_allclose(got, m[:, cols].toarray() @ w, rtol=1e-5, atol=1e-7)
    assert column_sums(m, np.zeros(0, dtype=np.int64), np.zeros(0)).tolist() == [0.0] * 400


def test_interleaved_pointers_leave_only_backward_gaps():
    indptr = np.array([0, 3, 3, 5, 9, 12], dtype=np.int32)
    ptr, x = _interleaved(indptr, np.array([0, 1, 3, 4]), np.array([1.0, 2.0, 3.0, 4.0]))
    starts, ends = ptr[0::2], ptr[1::2]
    assert (ends >= starts).all()
    assert (starts[1:] <= ends[:-1]).all()
    assert sorted(zip(starts.tolist(), ends.tolist(), strict=True)) == [(0, 3), (3, 3), (5, 9), (9, 12)]
    assert x[1::2].tolist() == [0.0] * 3
    assert sorted(x[0::2].tolist()) == [1.0, 2.0, 3.0, 4.0]


def test_threshold_keeps_exactly_the_values_above():
    values = np.array([0.1, 0.2, 0.30000001, 0.3, np.nextafter(np.float32(0.3), np.float32(1))], dtype=np.float32)
    for limit in (0.3, 0.1, 0.2000000001, float(np.float32(0.3)), 0.0):
        t = _threshold(limit, values.dtype)
        assert ((values > t) == (values.astype(np.float64) > limit)).all()
    assert _threshold(0.3, np.dtype(np.float64)) == 0.3


def test_similarities_equal_dense_products_including_the_delta(corpus):
    profiles, queries = corpus
    matcher = Matcher(MatcherConfig(delta_merge_docs=10_000)).fit(profiles[:250])
    for p in profiles[250:]:  # new organizations: delta documents and delta centroids
        matcher.add_or_update(p)
    matcher.add_or_update(profiles[3])  # a changed organization: its old documents die
    matcher.remove(5)
    index = matcher.index_
    assert index.n_delta_docs
    assert index.dead_docs.size
    doc_rows = index.all_rows()
    centroids = np.zeros((index.n_orgs, index.n_terms))  # from scratch: normalized weighted sums
    for row in range(index.n_orgs):
        docs, w = index.org_docs(row)
        if docs.size:
            centroids[row] = normalize(np.asarray((sp.diags(w) @ doc_rows[docs]).sum(axis=0)))[0]
    for query in queries:
        cols, weights = matcher.query_vector(query.text, query.lang)
        q = dense_query(matcher, cols, weights)
        expected = doc_rows @ q
        expected[index.dead_docs] = 0.0
        np.testing.assert_allclose(index.doc_similarities(cols, weights), expected, rtol=1e-5, atol=1e-7)
        np.testing.assert_allclose(index.centroid_similarities(cols, weights), centroids @ q, rtol=1e-4, atol=1e-6)


def test_fast_path_ranks_like_dense_products(corpus, monkeypatch):
    """Top-k and scores equal those computed with every row of the document and centroid matrices."""
    profiles, queries = corpus
    matcher = Matcher(MatcherConfig()).fit(profiles)
    index = matcher.index_
    assert not index.single_owner  # joint projects: the pairs path of the kernel
    fast = [matcher.match_suppliers(q, top_k=10) for q in queries]
    fast_scores = [matcher.score_query(q).scores for q in queries]
    doc_rows, centroids = index.all_rows(), sp.csr_matrix(index.cent_csr)
    monkeypatch.setattr(index, "doc_similarities", lambda c, w: doc_rows @ dense_query(matcher, c, w))
    monkeypatch.setattr(index, "centroid_similarities", lambda c, w: centroids @ dense_query(matcher, c, w))
    assert sum(len(m) for m in fast) > 300  # the queries do reach organizations
    for query, matches, scores in zip(queries, fast, fast_scores, strict=True):
        slow = matcher.match_suppliers(query, top_k=10)
        assert [m.org_id for m in matches] == [m.org_id for m in slow]
        assert [m.reasons for m in matches] == [m.reasons for m in slow]
        np.testing.assert_allclose(scores, matcher.score_query(query).scores, rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize("power", [1, 2, 3, 5.0, 8, 2.5, 0.5, 20])
def test_power_by_multiplications_equals_pow(power):
    x = np.random.default_rng(5).random(1000)
    result = _power(x, power)
    assert result is not x
    np.testing.assert_allclose(result, x**power, rtol=1e-14, atol=0)


@pytest.mark.parametrize("size", [0, 1, 7, 8, 9, 64, 1001, 70_003])
@pytest.mark.parametrize("density", [0.0, 0.001, 0.02, 0.5, 1.0])
def test_sparse_flatnonzero_equals_flatnonzero(size, density):
    mask = np.random.default_rng(size).random(size) < density
    got = sparse_flatnonzero(mask)
    np.testing.assert_array_equal(got, np.flatnonzero(mask))
    assert got.dtype == np.flatnonzero(mask).dtype
    np.testing.assert_array_equal(sparse_flatnonzero(mask[1:]), np.flatnonzero(mask[1:]))  # unaligned view


@pytest.mark.parametrize("top", [0, 1, 3])
def test_kernel_over_each_organizations_best_documents_equals_a_direct_sum(corpus, top):
    profiles, queries = corpus
    matcher = Matcher(MatcherConfig(delta_merge_docs=10_000)).fit(profiles[:250])
    for p in profiles[250:]:  # delta documents, some organizations with documents in both segments
        matcher.add_or_update(p)
    matcher.add_or_update(profiles[3])
    index = matcher.index_
    assert not index.single_owner
    assert index.n_delta_docs
    crowded = 0
    for query in queries:
        cols, weights = matcher.query_vector(query.text, query.lang)
        sims = index.doc_similarities(cols, weights).astype(np.float64)
        best = sims.max()
        expected, related = np.zeros(index.n_orgs), np.zeros(index.n_orgs)
        for row in range(index.n_orgs):
            docs, w = index.org_docs(row)
            rel = sims[docs] / best
            terms = np.sort(np.where(rel > DOC_FLOOR, w * rel**3, 0.0))[::-1]
            crowded += int(top > 0 and np.count_nonzero(terms) > top)
            expected[row] = terms[:top].sum() if top else terms.sum()
            related[row] = w[rel > 0.4].sum()
        kernel, near = index.doc_kernel(sims.astype(np.float32), 3.0, top, 0.4)
        np.testing.assert_allclose(kernel, expected, rtol=1e-5, atol=1e-12)
        np.testing.assert_allclose(near, related, rtol=1e-6)
        assert index.doc_kernel(sims.astype(np.float32), 3.0, top)[1] is None
    assert crowded or not top  # the cap did cut somewhere


def test_keep_largest_per_group():
    groups = np.array([2, 0, 2, 2, 1, 2, 0])
    values = np.array([0.5, 0.1, 0.9, 0.5, 0.3, 0.2, 0.4])
    np.testing.assert_array_equal(
        _keep_largest_per_group(groups, values, 2), [0.5, 0.1, 0.9, 0.0, 0.3, 0.0, 0.4]
    )  # a tie: the first one stays
    np.testing.assert_array_equal(_keep_largest_per_group(groups, values, 4), values)
