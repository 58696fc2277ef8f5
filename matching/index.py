"""The document and organization index behind the matcher.

Layout (rows are documents or organizations, columns are terms):

- documents: a main segment ``doc_matrix`` (CSC, so a term's column is its posting
  list) and a small delta segment of documents added since the last merge;
- document → organization pairs with weights (a joint project is one
  document shared by its participants), sorted by document so that a
  document's organizations are one slice;
- organization centroids (normalized weighted sum of their documents'
  vectors), main segment in CSC (postings) and CSR (reasons), plus delta rows
  for organizations changed since the last merge.

Incremental updates append to the delta segment and zero the weights of the
organization's old pairs; when the delta grows past the configured size the
segments are merged (no text is analysed again; vocabulary and idf stay).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray
from sklearn.preprocessing import normalize

from .arrays import BoolArray, Float32Array, Float64Array, FloatArray, IndexArray, weighted_bincount
from .config import DOC_FLOOR  # documents below this share of the best similarity are ignored (0.15**5 < 1e-4)
from .postings import column_sums, gather, sparse_flatnonzero
from .vectorizer import TextModel

PAIR_DTYPE = np.dtype([("org", np.int32), ("w", np.float32)])


def _indptr(rows: IndexArray, n: int) -> NDArray[np.int64]:
    """CSR-style pointers of sorted row numbers."""
    return np.concatenate(([0], np.cumsum(np.bincount(rows, minlength=n)))).astype(np.int64)


def _power(x: Float64Array, power: float) -> Float64Array:
    """``x ** power``; a small whole power by multiplications (15× faster than ``pow``, within 1e-15)."""
    p = float(power)
    if not (p.is_integer() and 1 <= p <= 16):
        return x**power
    # square-and-multiply over the bits of n, lowest first; the result starts at the lowest set bit's square
    n, square = int(p), x
    while not n & 1:
        n >>= 1
        square = square * square
    result = square
    n >>= 1
    while n:
        square = square * square
        if n & 1:
            result = result * square
        n >>= 1
    return result.copy() if result is x else result


def _threshold(value: float, dtype: np.dtype[np.floating[Any]]) -> np.floating[Any]:
    """The largest ``dtype`` number ``t`` with ``x > t`` ⇔ ``x > value`` for every ``x`` of ``dtype``."""
    t = dtype.type(value)  # the nearest ``dtype`` number
    if float(t) > value:  # rounded up: step down so that values between stay excluded
        t = np.nextafter(t, dtype.type(-np.inf))
    return t


def _keep_largest_per_group(groups: IndexArray, values: Float64Array, top: int) -> Float64Array:
    """``values`` with all but the ``top`` largest of each group set to 0 (ties: the first ones kept)."""
    counts = np.bincount(groups)
    crowded = np.flatnonzero(counts[groups] > top)
    if crowded.size == 0:
        return values
    g, v = groups[crowded], values[crowded]
    order = np.lexsort((-v, g))  # by group, largest first; stable
    sorted_groups = g[order]
    first = np.flatnonzero(np.r_[True, sorted_groups[1:] != sorted_groups[:-1]])
    rank = np.arange(order.size) - np.repeat(first, np.diff(np.r_[first, order.size]))
    values = values.copy()
    values[crowded[order[rank >= top]]] = 0.0
    return values


def _csr_rows(matrix: sp.spmatrix, n_cols: int) -> sp.csr_matrix:
    out = sp.csr_matrix(matrix, dtype=np.float32)
    out.resize(out.shape[0], n_cols)
    return out


class TextIndex:
    """Documents, organizations and their TF-IDF structures; see the module docstring."""

    def __init__(self, model: TextModel) -> None:
        self.model = model
        n_terms = len(model.vocabulary)
        self.n_terms = n_terms
        # documents
        self.doc_matrix: sp.csc_matrix = sp.csc_matrix((0, n_terms), dtype=np.float32)
        self.doc_keys: list[str | None] = []
        self.doc_titles: list[str] = []
        self.doc_kinds: list[str] = []
        self.doc_row: dict[str, int] = {}
        self._delta_rows: list[sp.csr_matrix] = []
        self._delta_csc: sp.csc_matrix | None = None
        # pairs of the main segment, document-sorted
        self.pair_ptr: NDArray[np.int64] = np.zeros(1, dtype=np.int64)
        self.pairs: NDArray[np.void] = np.zeros(0, dtype=PAIR_DTYPE)
        self.pair_org: NDArray[np.int32] = self.pairs["org"]
        self.pair_w: Float32Array = self.pairs["w"]
        self.pair_doc: NDArray[np.int32] = np.zeros(0, dtype=np.int32)
        self.org_pair_order: IndexArray = np.zeros(0, dtype=np.int64)
        self.org_pair_ptr: NDArray[np.int64] = np.zeros(1, dtype=np.int64)
        # pairs added since the merge
        self.delta_doc: list[int] = []
        self.delta_org: list[int] = []
        self.delta_w: list[float] = []
        # centroids
        self.n_orgs = 0
        self.cent_csc: sp.csc_matrix = sp.csc_matrix((0, n_terms), dtype=np.float32)
        self.cent_csr: sp.csr_matrix = sp.csr_matrix((0, n_terms), dtype=np.float32)
        self.cent_valid: BoolArray = np.zeros(0, dtype=bool)
        self._invalid_cent: IndexArray = np.zeros(0, dtype=np.int64)
        self.delta_cent: dict[int, sp.csr_matrix] = {}
        self._delta_cent_cache: tuple[NDArray[np.int64], sp.csr_matrix] | None = None
        # live pairs per document; documents without any are dead until the next merge
        self.doc_refs: NDArray[np.int32] = np.zeros(0, dtype=np.int32)
        self.dead_docs: IndexArray = np.zeros(0, dtype=np.int64)
        self.single_owner = True
        # (top, per organization: more than ``top`` documents?) for the kernel's cap; None: count again
        self._crowded: tuple[int, BoolArray | None] | None = None

    # -- sizes ---------------------------------------------------------------
    @property
    def n_main_docs(self) -> int:
        return int(self.doc_matrix.shape[0])

    @property
    def n_docs(self) -> int:
        return len(self.doc_keys)

    @property
    def n_delta_docs(self) -> int:
        return self.n_docs - self.n_main_docs

    # -- building ------------------------------------------------------------
    def build(
        self,
        rows: sp.csr_matrix,
        keys: list[str | None],
        titles: list[str],
        kinds: list[str],
        pair_doc: IndexArray,
        pair_org: NDArray[np.int32],
        pair_w: Float32Array,
        n_orgs: int,
    ) -> None:
        """(Re)build the main segment from document ``rows`` (TF-IDF, one per document, aligned with ``keys``,
        ``titles`` and ``kinds``) and pairs; the delta becomes empty."""
        keep = pair_w > 0
        pair_doc, pair_org, pair_w = pair_doc[keep], pair_org[keep], pair_w[keep]
        used = np.zeros(rows.shape[0], dtype=bool)
        used[pair_doc] = True
        if not used.all():  # drop documents nobody refers to any more
            new_row = np.cumsum(used) - 1
            rows = rows[np.flatnonzero(used)]
            # one flag per document: the lists and ``used`` have the same length
            keys = [k for k, u in zip(keys, used, strict=True) if u]
            titles = [t for t, u in zip(titles, used, strict=True) if u]
            kinds = [k for k, u in zip(kinds, used, strict=True) if u]
            pair_doc = new_row[pair_doc]
        self.doc_matrix = sp.csc_matrix(rows, dtype=np.float32)
        self.doc_keys, self.doc_titles, self.doc_kinds = list(keys), list(titles), list(kinds)
        self.doc_row = {k: i for i, k in enumerate(keys) if k is not None}
        self._delta_rows, self._delta_csc = [], None
        order = np.lexsort((pair_org, pair_doc))
        # organization and weight of a pair side by side: the kernel reads both for each near document,
        # and one 8-byte record is one memory access instead of two (``pair_org``/``pair_w`` are views)
        pairs = np.empty(order.size, dtype=PAIR_DTYPE)
        pairs["org"], pairs["w"] = pair_org[order], pair_w[order]
        self.pairs = pairs
        self.pair_org, self.pair_w = pairs["org"], pairs["w"]
        self.pair_ptr = _indptr(pair_doc, rows.shape[0])
        self.pair_doc = pair_doc[order].astype(np.int32)  # document of each pair (for org_docs)
        self.org_pair_order = np.argsort(self.pair_org, kind="stable")
        self.org_pair_ptr = _indptr(self.pair_org, n_orgs)
        self.delta_doc, self.delta_org, self.delta_w = [], [], []
        self.n_orgs = n_orgs
        pair_doc_sorted = pair_doc[order]
        o2d = sp.csr_matrix((self.pair_w, (self.pair_org, pair_doc_sorted)), shape=(n_orgs, rows.shape[0]))
        cent = normalize(o2d @ sp.csr_matrix(rows), copy=False).astype(np.float32, copy=False)
        self.cent_csr = sp.csr_matrix(cent)
        self.cent_csc = sp.csc_matrix(cent)
        self.cent_valid = np.ones(n_orgs, dtype=bool)
        self._invalid_cent = np.zeros(0, dtype=np.int64)
        self.delta_cent, self._delta_cent_cache = {}, None
        self.doc_refs = np.bincount(pair_doc, minlength=rows.shape[0]).astype(np.int32)
        self.single_owner = bool((np.diff(self.pair_ptr) == 1).all())
        self._crowded = None
        self.dead_docs = np.zeros(0, dtype=np.int64)

    def _refresh_dead(self) -> None:
        self.dead_docs = np.flatnonzero(self.doc_refs <= 0)

    def main_pairs(self) -> tuple[NDArray[np.int64], NDArray[np.int32], Float32Array]:
        """All live pairs (doc, org, weight), main and delta."""
        all_doc = np.concatenate((self.pair_doc.astype(np.int64), np.asarray(self.delta_doc, dtype=np.int64)))
        all_org = np.concatenate((self.pair_org, np.asarray(self.delta_org, dtype=np.int32)))
        all_w = np.concatenate((self.pair_w, np.asarray(self.delta_w, dtype=np.float32)))
        return all_doc, all_org, all_w

    def all_rows(self) -> sp.csr_matrix:
        parts = [sp.csr_matrix(self.doc_matrix), *self._delta_rows]
        return sp.vstack(parts, format="csr") if len(parts) > 1 else parts[0]

    def merge(self) -> None:
        """Fold the delta segment into the main one (O(size of the index), no text analysis)."""
        doc, org, w = self.main_pairs()
        self.build(self.all_rows(), self.doc_keys, self.doc_titles, self.doc_kinds, doc, org, w, self.n_orgs)

    # -- incremental updates -------------------------------------------------
    def add_org(self) -> int:
        self._crowded = None
        self.n_orgs += 1
        return self.n_orgs - 1

    def drop_org_pairs(self, org: int) -> None:
        """Zero the organization's pairs and invalidate its centroid."""
        docs, _ = self.org_docs(org)
        np.subtract.at(self.doc_refs, docs, 1)
        if org < len(self.org_pair_ptr) - 1:
            positions = self.org_pair_order[self.org_pair_ptr[org] : self.org_pair_ptr[org + 1]]
            self.pair_w[positions] = 0.0
        if self.delta_org:
            dorg = np.asarray(self.delta_org)
            for i in np.flatnonzero(dorg == org):  # the organization's few delta pairs
                self.delta_w[i] = 0.0
        self._refresh_dead()
        self._invalidate_centroid(org)
        self.delta_cent.pop(org, None)
        self._delta_cent_cache = None

    def add_doc(self, row: sp.csr_matrix, key: str | None, title: str, kind: str) -> int:
        """Append one document (a 1 × terms TF-IDF row) to the delta segment; its row number."""
        self._delta_rows.append(_csr_rows(row, self.n_terms))
        self._delta_csc = None
        self.doc_keys.append(key)
        self.doc_titles.append(title)
        self.doc_kinds.append(kind)
        self.doc_refs = np.append(self.doc_refs, np.int32(0))
        index = len(self.doc_keys) - 1
        if key is not None:
            self.doc_row[key] = index
        return index

    def doc_vector(self, doc: int) -> sp.csr_matrix:
        if doc >= self.n_main_docs:
            return self._delta_rows[doc - self.n_main_docs]
        return sp.csr_matrix(self.doc_matrix[doc])

    def set_org_docs(self, org: int, docs: list[int], weights: list[float]) -> None:
        """Attach documents to an organization (after ``drop_org_pairs``) and refresh its centroid."""
        self._crowded = None
        self.delta_doc.extend(docs)
        self.delta_org.extend([org] * len(docs))
        self.delta_w.extend(weights)
        np.add.at(self.doc_refs, np.asarray(docs, dtype=np.int64), 1)
        self._refresh_dead()
        if docs:
            # one weight per document, as ``add_or_update`` collects them
            rows = sp.vstack([self.doc_vector(d) * w for d, w in zip(docs, weights, strict=True)], format="csr")
            cent = normalize(sp.csr_matrix(rows.sum(axis=0))).astype(np.float32)
        else:
            cent = sp.csr_matrix((1, self.n_terms), dtype=np.float32)
        self.delta_cent[org] = sp.csr_matrix(cent)
        self._invalidate_centroid(org)
        self._delta_cent_cache = None

    def _invalidate_centroid(self, org: int) -> None:
        if org < self.cent_valid.size and self.cent_valid[org]:
            self.cent_valid[org] = False
            self._invalid_cent = np.flatnonzero(~self.cent_valid)

    # -- scoring -------------------------------------------------------------
    def _delta_matrix(self) -> sp.csc_matrix:
        if self._delta_csc is None:
            if self._delta_rows:
                self._delta_csc = sp.csc_matrix(sp.vstack(self._delta_rows, format="csr"))
            else:
                self._delta_csc = sp.csc_matrix((0, self.n_terms), dtype=np.float32)
        return self._delta_csc

    def _delta_centroids(self) -> tuple[NDArray[np.int64], sp.csr_matrix]:
        if self._delta_cent_cache is None:
            orgs = np.fromiter(self.delta_cent.keys(), dtype=np.int64, count=len(self.delta_cent))
            rows = (
                sp.vstack(list(self.delta_cent.values()), format="csr")
                if orgs.size
                else sp.csr_matrix((0, self.n_terms), dtype=np.float32)
            )
            self._delta_cent_cache = (orgs, rows)
        return self._delta_cent_cache

    def within_budget(
        self, cols: NDArray[np.int64], weights: Float32Array, max_postings: int
    ) -> tuple[NDArray[np.int64], Float32Array]:
        """The heaviest query terms whose postings (documents + centroids) stay within ``max_postings``.

        The heaviest term is always kept. Dropped terms are the lightest, i.e.
        the most common words, which move cosines least and cost most.
        """
        if cols.size == 0:
            return cols, weights
        lengths = (self.doc_matrix.indptr[cols + 1] - self.doc_matrix.indptr[cols]) + (
            self.cent_csc.indptr[cols + 1] - self.cent_csc.indptr[cols]
        )
        if int(lengths.sum()) <= max_postings:
            return cols, weights
        order = np.argsort(-weights, kind="stable")
        keep = order[np.cumsum(lengths[order]) <= max_postings]
        if keep.size == 0:
            keep = order[:1]
        keep = np.sort(keep)
        return cols[keep], weights[keep]

    def doc_similarities(self, cols: IndexArray, weights: FloatArray) -> Float32Array:
        """Cosine of the query with every document (main rows, then delta rows), float32."""
        # the query's postings, read in place from the CSC matrix (see postings.column_sums)
        sims = column_sums(self.doc_matrix, cols, weights)
        if self.n_delta_docs:
            sims = np.concatenate((sims, column_sums(self._delta_matrix(), cols, weights)))
        if self.dead_docs.size:
            sims[self.dead_docs] = 0.0
        return sims

    def doc_kernel(
        self, sims: Float32Array, power: float, top: int = 0, related: float = 0.0
    ) -> tuple[Float64Array, Float64Array | None]:
        """Per organization: K = the sum of weight × (similarity / best similarity) ** power over its
        documents (over its ``top`` largest such terms only, when ``top`` > 0); and, when ``related`` > 0,
        N = the summed weights of its documents above ``related`` × the best similarity (else None)."""
        best = float(sims.max()) if sims.size else 0.0
        if best <= 0:
            return np.zeros(self.n_orgs), (np.zeros(self.n_orgs) if related > 0 else None)
        main = sims[: self.n_main_docs]
        touched = sparse_flatnonzero(main > _threshold(DOC_FLOOR * best, main.dtype))
        rel = main[touched].astype(np.float64) / best
        if self.single_owner:  # every document belongs to one organization: its pair is its row
            pairs = self.pairs[touched]
            orgs, w = pairs["org"], pairs["w"]
        else:
            orgs, w, lengths = gather(self.pair_ptr, self.pair_org, self.pair_w, touched)  # their pairs
            rel = np.repeat(rel, lengths)
        if self.delta_doc:
            delta_rel = sims[np.asarray(self.delta_doc)].astype(np.float64) / best
            keep = delta_rel > DOC_FLOOR
            orgs = np.concatenate((orgs, np.asarray(self.delta_org, dtype=orgs.dtype)[keep]))
            w = np.concatenate((w, np.asarray(self.delta_w, dtype=w.dtype)[keep]))
            rel = np.concatenate((rel, delta_rel[keep]))
        values = _power(rel, power) * w
        if top > 0:
            crowdable = self._crowdable(top)
            if crowdable is not None:
                many = np.flatnonzero(crowdable[orgs])  # pairs of organizations with more than ``top`` documents
                if many.size > top:
                    values = values.copy()
                    values[many] = _keep_largest_per_group(orgs[many], values[many], top)
        kernel = weighted_bincount(orgs, values, self.n_orgs)
        if related <= 0:
            return kernel, None
        near = rel > related
        return kernel, weighted_bincount(orgs[near], w[near], self.n_orgs)

    def _crowdable(self, top: int) -> BoolArray | None:
        """Per organization: has it more than ``top`` documents? (None: nobody has; cached.)"""
        if self._crowded is None or self._crowded[0] != top:
            counts = np.diff(self.org_pair_ptr)
            if counts.size < self.n_orgs:
                counts = np.concatenate((counts, np.zeros(self.n_orgs - counts.size, dtype=counts.dtype)))
            if self.delta_org:
                counts = counts + np.bincount(np.asarray(self.delta_org), minlength=self.n_orgs)
            crowdable = counts > top
            self._crowded = (top, crowdable if crowdable.any() else None)
        return self._crowded[1]

    def centroid_similarities(self, cols: IndexArray, weights: FloatArray) -> Float32Array:
        """Cosine of the query with every organization's centroid."""
        centroids = self.cent_csc
        sims = column_sums(centroids, cols, weights)
        if centroids.shape[0] < self.n_orgs:  # organizations added since the merge
            sims = np.concatenate((sims, np.zeros(self.n_orgs - centroids.shape[0], dtype=sims.dtype)))
        if self._invalid_cent.size:
            sims[self._invalid_cent] = 0.0
        orgs, rows = self._delta_centroids()
        if orgs.size and cols.size:
            q = sp.csr_matrix((weights.astype(np.float32), cols, [0, cols.size]), shape=(1, self.n_terms))
            sims[orgs] = (rows @ q.T).toarray().ravel()
        return sims

    # -- reasons -------------------------------------------------------------
    def centroid_row(self, org: int) -> tuple[NDArray[np.int32], Float32Array]:
        """(term columns, weights) of an organization's centroid."""
        if org in self.delta_cent:
            row = self.delta_cent[org]
            return row.indices, row.data
        if org < self.cent_valid.size and self.cent_valid[org]:
            cent = self.cent_csr
            start, end = cent.indptr[org], cent.indptr[org + 1]
            return cent.indices[start:end], cent.data[start:end]
        return np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.float32)

    def org_docs(self, org: int) -> tuple[NDArray[np.int64], Float32Array]:
        """(document rows, weights) of an organization's live pairs."""
        docs: list[NDArray[np.int64]] = []
        ws: list[Float32Array] = []
        if org < len(self.org_pair_ptr) - 1:
            positions = self.org_pair_order[self.org_pair_ptr[org] : self.org_pair_ptr[org + 1]]
            docs.append(self.pair_doc[positions].astype(np.int64))
            ws.append(self.pair_w[positions])
        if self.delta_org:
            hit = np.flatnonzero(np.asarray(self.delta_org) == org)
            docs.append(np.asarray(self.delta_doc)[hit])
            ws.append(np.asarray(self.delta_w, dtype=np.float32)[hit])
        if not docs:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        d, w = (docs[0], ws[0]) if len(docs) == 1 else (np.concatenate(docs), np.concatenate(ws))
        live = w > 0
        return (d, w) if live.all() else (d[live], w[live])

    def org_activity(self) -> Float64Array:
        """Weighted number of past-work documents (kind ``project``) per organization."""
        doc, org, w = self.main_pairs()
        is_project = np.fromiter((k == "project" for k in self.doc_kinds), dtype=bool, count=self.n_docs)
        keep = is_project[doc] & (w > 0)
        return weighted_bincount(org[keep], w[keep], self.n_orgs)


__all__ = ["TextIndex", "gather"]
