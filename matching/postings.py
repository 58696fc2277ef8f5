"""Vectorized accumulation through sparse slices (the postings of a query's terms).

A CSC matrix's column ``j`` is the posting list of term ``j``: the rows
(documents or organizations) that contain it and their weights. A CSR
matrix's row ``i`` is, symmetrically, the list of columns of row ``i``.

``column_sums`` adds up a few weighted columns of a CSC matrix into a dense
vector in one call of scipy's compiled ``csc_matvec``, reading the postings in
place: no copy of the selected columns (``M[:, cols]`` copies them), no
conversion of the float32 data to float64 and no per-term Python call.
``gather`` concatenates arbitrary slices (e.g. the organizations of a few
documents) with no Python loop over their contents.
"""

from __future__ import annotations

import functools
from typing import Any, TypeVar

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray

from .arrays import BoolArray, Float32Array, FloatArray, IndexArray

try:  # scipy's compiled kernels; private module, so checked once before use (see ``_kernel_ok``)
    from scipy.sparse import _sparsetools
except ImportError:  # pragma: no cover - depends on the scipy build
    _sparsetools = None

IndexT = TypeVar("IndexT", bound=np.integer[Any])
DataT = TypeVar("DataT", bound=np.generic)


def gather(
    indptr: IndexArray, indices: NDArray[IndexT], data: NDArray[DataT], select: IndexArray
) -> tuple[NDArray[IndexT], NDArray[DataT], IndexArray]:
    """(targets, values, slice lengths) of the concatenated slices ``select``."""
    starts = indptr[select]
    lengths = indptr[select + 1] - starts
    total = int(lengths.sum())
    if total == 0:
        empty = np.zeros(0, dtype=indices.dtype)
        return empty, np.zeros(0, dtype=data.dtype), lengths
    # positions of all selected entries: each slice's start, then consecutive
    shift = np.repeat(starts - np.concatenate(([0], np.cumsum(lengths)[:-1])), lengths)
    positions = shift + np.arange(total)
    return indices[positions], data[positions], lengths


def sparse_flatnonzero(mask: BoolArray) -> NDArray[np.intp]:
    """``np.flatnonzero(mask)`` for a 1-d bool mask with few ``True``: scans it 8 bytes at a time.

    Only the 8-byte words holding a ``True`` are expanded, so a mask of 700,000
    entries with 1–2% set costs about half of ``np.flatnonzero``. Dense masks go
    to ``np.flatnonzero``.
    """
    mask = np.ascontiguousarray(mask, dtype=bool)
    head = mask.size - mask.size % 8
    words = mask[:head].view(np.uint64)
    hit = np.flatnonzero(words != 0)
    if hit.size > words.size // 4:
        return np.flatnonzero(mask)
    flat = np.flatnonzero(words[hit].view(bool))  # the hit words' bytes, in order
    out: NDArray[np.intp] = hit[flat >> 3] * 8 + (flat & 7)
    if head < mask.size:
        tail = np.flatnonzero(mask[head:])
        if tail.size:
            out = np.concatenate((out, tail + head))
    return out


def _interleaved(indptr: IndexArray, cols: IndexArray, weights: FloatArray) -> tuple[IndexArray, Float32Array]:
    """Column pointers and weights that make ``csc_matvec`` visit only the columns ``cols``.

    ``csc_matvec`` adds ``x[j] * data[k]`` for ``k`` in ``[ptr[j], ptr[j + 1])``
    for every ``j``. Taking the columns by decreasing start, the pointers
    ``start_0, end_0, start_1, end_1, …`` describe the wanted columns at even
    positions and, between them, "gaps" ``[end_i, start_{i+1})`` that are empty
    because ``start_{i+1} <= start_i <= end_i`` (a loop from a bound to a smaller
    or equal one does nothing); the gaps get weight 0 anyway.
    """
    starts = indptr[cols]
    order = np.argsort(-starts.astype(np.int64), kind="stable")
    ptr = np.empty(2 * cols.size, dtype=indptr.dtype)
    ptr[0::2] = starts[order]
    ptr[1::2] = indptr[cols[order] + 1]
    x = np.zeros(2 * cols.size - 1, dtype=np.float32)
    x[0::2] = weights[order]
    return ptr, x


def column_sums(matrix: sp.csc_matrix, cols: IndexArray, weights: FloatArray) -> Float32Array:
    """``matrix[:, cols] @ weights`` as float32 (rows × 1), reading the columns in place.

    The result equals the float32 product up to the order of additions (columns
    are added from the last one stored to the first).
    """
    n_rows = matrix.shape[0]
    out = np.zeros(n_rows, dtype=np.float32)
    if cols.size == 0 or n_rows == 0:
        return out
    if not _kernel_ok() or matrix.dtype != np.float32 or matrix.indptr.dtype != matrix.indices.dtype:
        return np.asarray(matrix[:, cols] @ weights.astype(np.float32), dtype=np.float32)
    ptr, x = _interleaved(matrix.indptr, np.asarray(cols, dtype=np.int64), weights)
    _sparsetools.csc_matvec(n_rows, x.size, ptr, matrix.indices, matrix.data, x, out)
    return out


@functools.cache
def _kernel_ok() -> bool:
    """Does ``csc_matvec`` behave as ``column_sums`` assumes? Checked once on a small random matrix."""
    if _sparsetools is None:
        return False
    try:
        rng = np.random.default_rng(0)
        dense = (rng.random((50, 40)) * (rng.random((50, 40)) < 0.2)).astype(np.float32)
        dense[:, 4] = 0.0  # an empty column among the selected ones
        m = sp.csc_matrix(dense)
        cols = np.array([0, 3, 4, 17, 18, 39])
        w = rng.random(cols.size)
        ptr, x = _interleaved(m.indptr, cols, w)
        out = np.zeros(50, dtype=np.float32)
        _sparsetools.csc_matvec(50, x.size, ptr, m.indices, m.data, x, out)
        expected = m[:, cols].toarray().astype(np.float64) @ w.astype(np.float32)
        return bool(np.allclose(out, expected, rtol=1e-5, atol=1e-6))
    except Exception:  # noqa: BLE001 - any failure means: use the public path
        return False
