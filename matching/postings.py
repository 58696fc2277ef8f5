"""Vectorized accumulation through sparse slices (the postings of a query's terms).

A CSC matrix's column ``j`` is the posting list of term ``j``: the rows
(documents or organizations) that contain it and their weights. A CSR
matrix's row ``i`` is, symmetrically, the list of columns of row ``i``.
``accumulate`` gathers several such slices at once, multiplies each by a
weight and sums the result per target index, with no Python loop over the
slices' contents.
"""
from __future__ import annotations

import numpy as np


def gather(indptr: np.ndarray, indices: np.ndarray, data: np.ndarray, select: np.ndarray
           ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
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


def accumulate(indptr: np.ndarray, indices: np.ndarray, data: np.ndarray, select: np.ndarray,
               weights: np.ndarray, size: int) -> np.ndarray:
    """Dense vector of ``size``: sum over selected slices of weight × slice (float64)."""
    targets, values, lengths = gather(indptr, indices, data, select)
    if targets.size == 0:
        return np.zeros(size)
    return np.bincount(targets, weights=values * np.repeat(weights, lengths), minlength=size)
