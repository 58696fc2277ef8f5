"""Names of the numpy array types the library passes around (``numpy.typing``)."""

from __future__ import annotations

from typing import Any, TypeAlias, cast

import numpy as np
from numpy.typing import NDArray

#: Similarities, weights and TF-IDF values as stored (float32).
Float32Array: TypeAlias = NDArray[np.float32]
#: Sums and priors computed in double precision (kernel, activity, code matches mixed with them).
Float64Array: TypeAlias = NDArray[np.float64]
#: Scores and intermediate terms: float32 or float64 depending on the operands.
FloatArray: TypeAlias = NDArray[np.floating[Any]]
#: Row, column, document or organization numbers (int32, int64 or ``np.intp``).
IndexArray: TypeAlias = NDArray[np.integer[Any]]
#: Masks over rows.
BoolArray: TypeAlias = NDArray[np.bool_]


def weighted_bincount(groups: IndexArray, weights: FloatArray, minlength: int) -> Float64Array:
    """``np.bincount(groups, weights=weights, minlength=minlength)``: the float64 sums of ``weights`` per group.

    numpy's stubs type every ``bincount`` as integer counts; with weights it returns float64.
    """
    return cast("Float64Array", np.bincount(groups, weights=weights, minlength=minlength))
