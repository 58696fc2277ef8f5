"""Scale benchmark of the matcher on synthetic profiles.

    .venv/bin/python bench/matcher_scale.py                 # 10,000 and 100,000 organizations
    .venv/bin/python bench/matcher_scale.py --orgs 100000   # one size

For each size (each in a fresh process, so memory figures are its own):
profile generation time (not part of the matcher), fit time, RSS after fit
and peak RSS, and p50/p95 latency of

- ``match_suppliers`` top-10 for an order (with reasons),
- ``assemble_consortium`` (4 needs, kind mix 1 university + 2 SMEs, size 5),

through the postings (the matcher) and through a naive baseline that
multiplies every row of the document and centroid matrices by the query
(same aggregation, same results). Latencies are wall-clock; the CPU time of
the same calls (``*_cpu_*``, thread time) is printed too because the machine is
shared and waiting for a core inflates wall-clock figures. The load average
(``os.getloadavg``) at the start and end of each run is part of the output.
Prints a table and one JSON line per size.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from contextlib import ExitStack
from pathlib import Path
from typing import Self, TypeVar
from unittest import mock

import numpy as np
import scipy.sparse as sp

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import Corpus

from matching import Matcher, MatcherConfig
from matching.arrays import Float32Array, Float64Array, FloatArray, IndexArray
from matching.index import TextIndex

Item = TypeVar("Item")
Result = TypeVar("Result")


def rss_mb() -> float:
    with Path("/proc/self/status").open() as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class NaiveIndex:
    """Swaps the index's postings scoring for full matrix-vector products over every row."""

    def __init__(self, index: TextIndex) -> None:
        self.index = index
        self.docs = sp.csr_matrix(index.all_rows())
        self.centroids = sp.csr_matrix(index.cent_csr)
        self._swapped = ExitStack()

    def _dense(self, cols: IndexArray, weights: FloatArray) -> Float32Array:
        q = np.zeros(self.index.n_terms, dtype=np.float32)
        q[cols] = weights
        return q

    def doc_similarities(self, cols: IndexArray, weights: FloatArray) -> Float64Array:
        sims: Float64Array = (self.docs @ self._dense(cols, weights)).astype(np.float64)
        if self.index.dead_docs.size:
            sims[self.index.dead_docs] = 0.0
        return sims

    def centroid_similarities(self, cols: IndexArray, weights: FloatArray) -> Float64Array:
        out = np.zeros(self.index.n_orgs)
        out[: self.centroids.shape[0]] = self.centroids @ self._dense(cols, weights)
        return out

    def __enter__(self) -> Self:
        self._swapped.enter_context(mock.patch.object(self.index, "doc_similarities", self.doc_similarities))
        self._swapped.enter_context(mock.patch.object(self.index, "centroid_similarities", self.centroid_similarities))
        return self

    def __exit__(self, *exc: object) -> None:
        self._swapped.close()


def latency(
    fn: Callable[[Item], Result], items: Sequence[Item], cpu: dict[str, float] | None = None
) -> tuple[float, float, list[Result]]:
    """(p50, p95) wall-clock ms and the results; ``cpu`` receives the CPU-time p50/p95."""
    times, cpu_times, results = [], [], []
    for item in items:
        start, start_cpu = time.perf_counter(), time.thread_time()
        results.append(fn(item))
        times.append(1000 * (time.perf_counter() - start))
        cpu_times.append(1000 * (time.thread_time() - start_cpu))
    if cpu is not None:
        cpu["p50"], cpu["p95"] = float(np.percentile(cpu_times, 50)), float(np.percentile(cpu_times, 95))
    return float(np.percentile(times, 50)), float(np.percentile(times, 95)), results


def run(n_orgs: int, n_orders: int, n_consortia: int, seed: int) -> dict[str, float | int | bool]:
    load_start = os.getloadavg()[0]
    corpus = Corpus(seed)
    start = time.perf_counter()
    profiles = corpus.profiles(n_orgs)
    generate_s = time.perf_counter() - start
    n_docs = sum(1 for p in profiles for _ in p.documents())
    rss_before = rss_mb()
    start, start_cpu = time.perf_counter(), time.process_time()
    matcher = Matcher(MatcherConfig()).fit(profiles)
    fit_s, fit_cpu_s = time.perf_counter() - start, time.process_time() - start_cpu
    rss_after = rss_mb()
    del profiles
    orders = [corpus.order() for _ in range(n_orders)]
    consortia = [corpus.consortium() for _ in range(n_consortia)]
    for q in orders[:5]:  # warm-up
        matcher.match_suppliers(q)
    s_cpu: dict[str, float] = {}
    c_cpu: dict[str, float] = {}
    s50, s95, fast = latency(lambda q: matcher.match_suppliers(q, top_k=10), orders, s_cpu)
    c50, c95, fast_c = latency(matcher.assemble_consortium, consortia, c_cpu)
    with NaiveIndex(matcher.index_):
        n_s50, n_s95, slow = latency(lambda q: matcher.match_suppliers(q, top_k=10), orders)
        n_c50, n_c95, slow_c = latency(matcher.assemble_consortium, consortia)
    # both lists hold one result per order (consortium), in the same order
    same = all([m.org_id for m in a] == [m.org_id for m in b] for a, b in zip(fast, slow, strict=True))
    same_c = all(a.org_ids == b.org_ids for a, b in zip(fast_c, slow_c, strict=True))
    return {
        "organizations": n_orgs,
        "documents": n_docs,
        "terms": len(matcher.model_.vocabulary),
        "generate_s": round(generate_s, 1),
        "fit_s": round(fit_s, 1),
        "fit_cpu_s": round(fit_cpu_s, 1),
        "rss_before_fit_mb": round(rss_before),
        "rss_after_fit_mb": round(rss_after),
        "peak_rss_mb": round(peak_mb()),
        "suppliers_p50_ms": round(s50, 2),
        "suppliers_p95_ms": round(s95, 2),
        "consortium_p50_ms": round(c50, 2),
        "consortium_p95_ms": round(c95, 2),
        "suppliers_cpu_p50_ms": round(s_cpu["p50"], 2),
        "suppliers_cpu_p95_ms": round(s_cpu["p95"], 2),
        "consortium_cpu_p50_ms": round(c_cpu["p50"], 2),
        "consortium_cpu_p95_ms": round(c_cpu["p95"], 2),
        "naive_suppliers_p50_ms": round(n_s50, 2),
        "naive_suppliers_p95_ms": round(n_s95, 2),
        "naive_consortium_p50_ms": round(n_c50, 2),
        "naive_consortium_p95_ms": round(n_c95, 2),
        "suppliers_speedup_p50": round(n_s50 / s50, 1),
        "consortium_speedup_p50": round(n_c50 / c50, 1),
        "same_results_as_naive": bool(same and same_c),
        "load_start": round(load_start, 2),
        "load_end": round(os.getloadavg()[0], 2),
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--orgs", type=int, nargs="*", default=[10_000, 100_000])
    parser.add_argument("--orders", type=int, default=300)
    parser.add_argument("--consortia", type=int, default=60)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(run(args.orgs[0], args.orders, args.consortia, args.seed)))
        return 0
    results = []
    for n in args.orgs:
        out = subprocess.run(  # noqa: S603  this script itself, with this interpreter and numbers as arguments
            [
                sys.executable,
                __file__,
                "--child",
                "--orgs",
                str(n),
                "--orders",
                str(args.orders),
                "--consortia",
                str(args.consortia),
                "--seed",
                str(args.seed),
            ],
            check=True,
            capture_output=True,
            text=True,
        )
        results.append(json.loads(out.stdout.strip().splitlines()[-1]))
        print(json.dumps(results[-1]), flush=True)
    cols = [
        "organizations",
        "documents",
        "fit_s",
        "peak_rss_mb",
        "suppliers_p50_ms",
        "suppliers_p95_ms",
        "consortium_p50_ms",
        "consortium_p95_ms",
        "suppliers_cpu_p95_ms",
        "consortium_cpu_p95_ms",
        "naive_suppliers_p50_ms",
        "naive_consortium_p50_ms",
        "same_results_as_naive",
        "load_start",
        "load_end",
    ]
    print("| " + " | ".join(cols) + " |")
    for r in results:
        print("| " + " | ".join(str(r[c]) for c in cols) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
