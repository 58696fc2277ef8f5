"""Choose the scoring weights of ``MatcherConfig`` on the first half of the CORDIS queries.

    .venv/bin/python bench/cordis_tuning.py [DIR] [--part first-half] [--default-only]

``DIR`` is the benchmark directory, by default ``../shared/bench/cordis``
next to the repository. The expensive parts of a query's score (per-document kernel K for each
``doc_power``, centroid cosine C) are computed once through the library
(``Matcher.index_``); the cheap combination

    log(K/Kmax + doc_eps) + centroid_weight·log(C/Cmax + centroid_eps)
      + activity_weight·log(1 + activity) + kind offset, then the kind-balance shift,
    then the head (``ScoredQuery.head``: the best fits by text alone first)

is then evaluated for every grid point, exactly as ``Matcher.score_vector``
does (no codes in this benchmark). Prints one JSON line per grid point and
the best points by the smallest ratio to the reference table (the objective:
beat every column). Source: CORDIS / European Union.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from matching import Matcher, MatcherConfig
from matching.arrays import Float32Array, Float64Array, FloatArray
from matching.evaluate import Query, load_profiles, load_queries, query_metrics, split
from matching.profiles import KINDS

#: The CORDIS benchmark data: ``../shared/bench/cordis`` next to the repository.
DEFAULT_DIRECTORY = Path(__file__).resolve().parents[1].parent / "shared" / "bench" / "cordis"

#: One grid point: a value per name of ``GRID``.
Point = dict[str, float]

REFERENCE = {
    "recall@10": 0.135,
    "recall@20": 0.200,
    "recall@50": 0.315,
    "ndcg@10": 0.155,
    "mrr": 0.338,
    "recall@20_prc": 0.142,
    "recall@20_hes_rec": 0.261,
}
# The neighbourhood of the default (36 points, ~10 s each); wider grids tried before
# (doc_power 3-5, centroid_weight 0-3, activity_weight 0-0.4, kind_balance 0-0.45) put the optimum here.
GRID: dict[str, list[float]] = {
    "doc_power": [5.0],
    "doc_eps": [0.01, 0.03],
    "centroid_weight": [3.0],
    "centroid_eps": [0.05],
    "activity_weight": [0.2],
    "related_weight": [0.5],
    "kind_balance": [0.25, 0.28, 0.3],
    "head_size": [1, 2, 3],
    "head_centroid_weight": [2.0],
    # MatcherConfig.kind_offsets for "public" and "other" (the same value for both; other kinds 0)
    "public_other_offset": [-2.0, -3.0],
}
PUBLIC_OTHER = [KINDS.index("public"), KINDS.index("other")]


def combine(
    kernel: Float32Array,
    centroid: Float32Array,
    related: Float32Array,
    activity: Float64Array,
    kinds: NDArray[np.int64],
    n_kinds: int,
    cfg: Point,
) -> FloatArray:
    """Scores (queries × organizations) of one grid point from the cached kernel K, centroid cosines C and
    related-document counts N."""
    offsets = np.zeros(n_kinds)
    offsets[PUBLIC_OTHER] = cfg["public_other_offset"]
    scores = (cfg["activity_weight"] * np.log1p(activity) + offsets[kinds])[None, :]
    scores = scores + np.log(kernel / np.maximum(kernel.max(axis=1, keepdims=True), 1e-30) + cfg["doc_eps"])
    if cfg["related_weight"]:
        scores = scores + cfg["related_weight"] * np.log1p(related)
    if cfg["centroid_weight"]:
        scores = scores + cfg["centroid_weight"] * np.log(
            centroid / np.maximum(centroid.max(axis=1, keepdims=True), 1e-30) + cfg["centroid_eps"]
        )
    if cfg["kind_balance"]:
        best = np.full((scores.shape[0], n_kinds), -np.inf)
        for k in range(n_kinds):
            sel = kinds == k
            if sel.any():
                best[:, k] = scores[:, sel].max(axis=1)
        present = np.isfinite(best)
        overall = np.where(present, best, -np.inf).max(axis=1, keepdims=True)
        shift = np.where(present, cfg["kind_balance"] * (overall - best), 0.0)
        scores = scores + shift[:, kinds]
    return with_head(scores, kernel, centroid, related, activity, cfg)


def with_head(
    scores: FloatArray,
    kernel: Float32Array,
    centroid: Float32Array,
    related: Float32Array,
    activity: Float64Array,
    cfg: Point,
) -> FloatArray:
    """``ScoredQuery.head``: the ``head_size`` best rows with K > 0 by fit alone (no offsets or balance,
    centroid weight ``head_centroid_weight``) get at least best + (their fit - the best fit)."""
    if not cfg["head_size"]:
        return scores
    fit = cfg["activity_weight"] * np.log1p(activity)[None, :] + np.log(
        kernel / np.maximum(kernel.max(axis=1, keepdims=True), 1e-30) + cfg["doc_eps"]
    )
    fit = fit + cfg["head_centroid_weight"] * np.log(
        centroid / np.maximum(centroid.max(axis=1, keepdims=True), 1e-30) + cfg["centroid_eps"]
    )
    if cfg["related_weight"]:
        fit = fit + cfg["related_weight"] * np.log1p(related)
    fit = np.where(kernel > 0, fit, -np.inf)
    out: FloatArray = scores.copy()
    for i in range(scores.shape[0]):
        rows = np.argsort(-fit[i], kind="stable")[: int(cfg["head_size"])]
        rows = rows[np.isfinite(fit[i, rows])]
        if rows.size:
            top = scores[i].max()
            floors = top + (fit[i, rows] - fit[i, rows[0]])
            floors[0] = top + max(abs(top), 1.0) * 1e-9
            out[i, rows] = np.maximum(out[i, rows], floors)
    return out


def query_signals(
    matcher: Matcher, queries: list[Query], powers: tuple[float, ...]
) -> tuple[dict[float, Float32Array], Float32Array, Float32Array]:
    """Per query, through the library: the document kernel for each power, the centroid cosines and the
    related-document counts (queries × organizations each)."""
    index, model, cfg = matcher.index_, matcher.model_, matcher.config
    kernels = {p: np.zeros((len(queries), index.n_orgs), np.float32) for p in powers}
    centroid = np.zeros((len(queries), index.n_orgs), np.float32)
    related = np.zeros((len(queries), index.n_orgs), np.float32)  # the same for every power
    for i, q in enumerate(queries):
        cols, weights = model.query_vector(q.text, "en", cfg.max_query_terms)
        sims = index.doc_similarities(cols, weights)
        for p, kernel in kernels.items():
            kernel[i], related[i] = index.doc_kernel(sims, p, cfg.doc_top, cfg.related_floor)
        centroid[i] = index.centroid_similarities(cols, weights)
    return kernels, centroid, related


def grid_points(default_only: bool) -> list[Point]:
    """Every point of ``GRID``, or only the default ``MatcherConfig``'s."""
    names = list(GRID)
    if default_only:
        d = MatcherConfig()
        return [
            {n: getattr(d, n) for n in names if n != "public_other_offset"}
            | {"public_other_offset": d.kind_offset("public")}
        ]
    # ``product`` yields one value per name
    return [dict(zip(names, values, strict=True)) for values in itertools.product(*(GRID[n] for n in names))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "directory",
        type=Path,
        nargs="?",
        default=DEFAULT_DIRECTORY,
        help="benchmark directory (CORDIS layout); default: ../shared/bench/cordis next to the repository",
    )
    parser.add_argument("--part", default="first-half", choices=("all", "first-half", "second-half"))
    parser.add_argument("--default-only", action="store_true", help="only the default point (a check)")
    args = parser.parse_args()
    profiles = load_profiles(args.directory)
    queries = split(load_queries(args.directory), args.part)
    matcher = Matcher(MatcherConfig()).fit(profiles)
    kernels, centroid, related = query_signals(matcher, queries, (matcher.config.doc_power, *GRID["doc_power"]))
    rel = [np.array([matcher.org_row_[r] for r in q.relevant]) for q in queries]
    kinds_rel = [[q.relevant_kind.get(r, "") for r in q.relevant] for q in queries]
    results = []
    for cfg in grid_points(args.default_only):
        scores = combine(
            kernels[cfg["doc_power"]],
            centroid,
            related,
            matcher.activity_,
            matcher.kinds_.astype(np.int64),
            len(KINDS),
            cfg,
        )
        per_key: dict[str, list[float]] = {}
        for i in range(len(queries)):
            top = matcher.top(scores[i], 50)
            for key, value in query_metrics(scores[i], top, rel[i], kinds_rel[i]).items():
                per_key.setdefault(key, []).append(value)
        metrics = {k: round(float(np.mean(v)), 4) for k, v in per_key.items()}
        margin = min(metrics[k] / v for k, v in REFERENCE.items())
        results.append((margin, cfg, metrics))
        print(json.dumps({"margin": round(margin, 4), **cfg, **metrics}), flush=True)
    results.sort(key=lambda r: -r[0])
    print("best by smallest ratio to the reference:")
    for margin, cfg, metrics in results[:5]:
        print(json.dumps({"margin": round(margin, 4), **cfg, **metrics}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
