"""Reproduce the reference rows of the CORDIS bench README with scikit-learn.

    .venv/bin/python bench/cordis_reference.py [DIR] [--variants]

``DIR`` is the benchmark directory, by default ``../shared/bench/cordis``
next to the repository. The README measured its three reference methods with
scikit-learn's ``TfidfVectorizer`` (sublinear tf, English stop words,
min_df=2). This script rebuilds them independently of ``matching`` (only the
metric code, ``matching.evaluate.query_metrics``, is shared) and prints each
row under several readings of the protocol (which queries are averaged, how
PRC and HES/REC recall treat queries without such members), so that the
comparison with the matcher is apples to apples. Source: CORDIS / European
Union.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import sys
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfVectorizer

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from matching.arrays import Float64Array, FloatArray, IndexArray
from matching.evaluate import query_metrics

#: The CORDIS benchmark data: ``../shared/bench/cordis`` next to the repository.
DEFAULT_DIRECTORY = Path(__file__).resolve().parents[1].parent / "shared" / "bench" / "cordis"

KEYS = ("recall@10", "recall@20", "recall@50", "ndcg@10", "mrr", "recall@20_prc", "recall@20_hes_rec")
README = {
    "most projects first": (0.072, 0.111, 0.186, 0.077, 0.191, 0.000, 0.164),
    "concatenation": (0.053, 0.088, 0.181, 0.056, 0.135, 0.142, 0.065),
    "per project, summed, small prior": (0.135, 0.200, 0.315, 0.155, 0.338, 0.068, 0.261),
}

Record = dict[str, Any]
#: Scores of every organization for the query of a given number.
ScoreRows = Callable[[int], FloatArray]
#: (project row, organization row, role) of every participation.
Roles = list[tuple[int, int, str]]


def read(directory: Path) -> tuple[list[Record], list[dict[str, str]], list[dict[str, str]], list[Record]]:
    """(projects, organizations, participations, queries) of the benchmark."""
    with gzip.open(directory / "projects.jsonl.gz", "rt", encoding="utf-8") as f:
        projects = [json.loads(line) for line in f]
    with (directory / "organizations.csv").open(encoding="utf-8", newline="") as f:
        orgs = list(csv.DictReader(f))
    with (directory / "participations.csv").open(encoding="utf-8", newline="") as f:
        parts = list(csv.DictReader(f))
    with gzip.open(directory / "queries.jsonl.gz", "rt", encoding="utf-8") as f:
        queries = [json.loads(line) for line in f]
    return projects, orgs, parts, queries


def top50(scores: FloatArray) -> IndexArray:
    part = np.argpartition(-scores, 50)[:50]
    ranked: IndexArray = part[np.lexsort((part, -scores[part]))]
    return ranked


def evaluate(
    score_rows: ScoreRows, queries: list[Record], org_row: dict[str, int], protocol: str = "nonempty"
) -> dict[str, float]:
    """Mean metrics; ``protocol``: ``nonempty`` (1,952 queries with a relevant organization; PRC and
    HES/REC over the queries that have such members — the matcher's definition), ``all`` (1,954, empty
    queries count 0), ``zeros`` (PRC and HES/REC averaged over every query, 0 where the query has none),
    ``micro`` (PRC and HES/REC pooled: hits / relevant over all queries)."""
    sums: dict[str, list[float]] = defaultdict(list)
    pooled: defaultdict[str, list[int]] = defaultdict(lambda: [0, 0])
    for i, q in enumerate(queries):
        rel = [r for r in q["relevant"] if r in org_row]
        if not rel:
            if protocol == "all":
                for k in KEYS[:5]:
                    sums[k].append(0.0)
            continue
        scores = score_rows(i)
        rows = np.array([org_row[r] for r in rel])
        kinds = [q["relevant_kind"].get(r, "") for r in rel]
        _add_metrics(sums, query_metrics(scores, top50(scores), rows, kinds), zeros=protocol == "zeros")
        _pool(pooled, rows, kinds, set(top50(scores)[:20].tolist()))
    out = {k: float(np.mean(sums[k])) for k in KEYS}
    if protocol == "micro":
        for k, (hit, n) in pooled.items():
            out[k] = hit / n
    return out


def _add_metrics(sums: dict[str, list[float]], metrics: dict[str, float], *, zeros: bool) -> None:
    """Adds one query's metrics; with ``zeros``, 0 for the PRC and HES/REC recalls it has no members for."""
    for k, v in metrics.items():
        sums[k].append(v)
    if zeros:
        for k in KEYS[5:]:
            if k not in metrics:
                sums[k].append(0.0)


def _pool(pooled: dict[str, list[int]], rows: IndexArray, kinds: list[str], top20: set[int]) -> None:
    """Counts one query's relevant PRC and HES/REC organizations and those of them in its top 20."""
    for r, kind in zip(rows, kinds, strict=True):  # a kind per relevant organization
        key = "recall@20_prc" if kind == "PRC" else "recall@20_hes_rec" if kind in ("HES", "REC") else None
        if key:
            pooled[key][0] += int(r) in top20
            pooled[key][1] += 1


def pair_matrix(
    all_roles: Roles,
    shape: tuple[int, int],
    roles: set[str] | None = None,
    weights: dict[str, float] | None = None,
) -> sp.csr_matrix:
    """Projects × organizations: 1 (or the role's weight) where the organization took part in a role of
    ``roles`` (None: any role)."""
    rows, cols, vals = [], [], []
    for d, o, role in all_roles:
        if roles is None or role in roles:
            rows.append(d)
            cols.append(o)
            vals.append(1.0 if weights is None else weights.get(role, 1.0))
    return sp.csr_matrix((vals, (rows, cols)), shape=shape)


@dataclass
class Report:
    """Evaluates methods and keeps their rows for the final table."""

    queries: list[Record]
    org_row: dict[str, int]
    rows: list[tuple[str, str, dict[str, float]]] = field(default_factory=list)

    def __call__(self, name: str, fn: ScoreRows, protocols: Sequence[str] = ("nonempty",)) -> None:
        for protocol in protocols:
            m = evaluate(fn, self.queries, self.org_row, protocol)
            self.rows.append((name, protocol, m))
            print(
                json.dumps({"method": name, "protocol": protocol, **{k: round(v, 4) for k, v in m.items()}}), flush=True
            )

    def table(self) -> None:
        print("| method | protocol | " + " | ".join(KEYS) + " |")
        for name, protocol, m in self.rows:
            print(f"| {name} | {protocol} | " + " | ".join(f"{m[k]:.3f}" for k in KEYS) + " |")


def most_projects_first(
    report: Report, n_all: Float64Array, n_main: Float64Array, variants: bool, protocols: Sequence[str]
) -> None:
    """1. Organizations by their number of past projects (no text)."""
    n_orgs = n_all.size
    jitter = np.random.default_rng(0).random(n_orgs) * 1e-6
    report("most projects first (all roles; ties by file order)", lambda _: n_all.astype(float), protocols)
    if variants:
        report("most projects first (coordinator/participant)", lambda _: n_main.astype(float))
        report("most projects first (ties by reversed file order)", lambda _: n_all + np.arange(n_orgs) * 1e-9)
        report("most projects first (random ties)", lambda _: n_all + jitter)


def text_methods(
    report: Report,
    text_name: str,
    ptexts: list[str],
    qtexts: list[str],
    all_roles: Roles,
    p_all: sp.csr_matrix,
    n_all: Float64Array,
    *,
    variants: bool,
    protocols: Sequence[str],
) -> None:
    """2. Concatenation (one document per organization) and 3. per past project, summed per organization."""
    vec_kwargs: dict[str, Any] = {"sublinear_tf": True, "stop_words": "english", "min_df": 2}
    n_orgs = n_all.size
    org_text = defaultdict(list)
    for d, o, _ in all_roles:
        org_text[o].append(ptexts[d])
    docs = ["\n".join(org_text.get(o, [])) for o in range(n_orgs)]
    vec = TfidfVectorizer(**vec_kwargs).fit(docs)
    org_vecs, query_vecs = vec.transform(docs), vec.transform(qtexts)
    concat_sims = (query_vecs @ org_vecs.T).toarray()
    report(f"concatenation ({text_name})", lambda i: concat_sims[i], protocols)
    # 3. per project, summed per organization, + small prior on activity
    vec = TfidfVectorizer(**vec_kwargs).fit(ptexts)
    doc_vecs, query_vecs = vec.transform(ptexts), vec.transform(qtexts)
    sims = (query_vecs @ doc_vecs.T).toarray()  # queries × projects
    prior = np.log1p(n_all)
    for eps in (0.01,) if not variants else (0.001, 0.01, 0.05):

        def summed(i: int, eps: float = eps) -> FloatArray:
            return np.asarray(p_all.T @ sims[i]).ravel() + eps * prior

        report(
            f"per project Σ s over all projects + {eps}·log(1+n) ({text_name})",
            summed,
            protocols if eps == 0.01 else ("nonempty",),
        )
    if not variants:
        return
    for k in (10, 20, 50, 100):

        def knn(i: int, k: int = k) -> FloatArray:
            s = sims[i].copy()
            s[s < np.partition(s, -k)[-k]] = 0.0
            return np.asarray(p_all.T @ s).ravel() + 0.01 * prior

        report(f"per project Σ s over the {k} nearest projects + prior ({text_name})", knn)
    for p in (2, 3):

        def powered(i: int, p: int = p) -> FloatArray:
            return np.asarray(p_all.T @ sims[i] ** p).ravel() + 0.001 * prior

        report(f"per project Σ s^{p} + prior ({text_name})", powered)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "directory",
        type=Path,
        nargs="?",
        default=DEFAULT_DIRECTORY,
        help="benchmark directory (CORDIS layout); default: ../shared/bench/cordis next to the repository",
    )
    parser.add_argument("--variants", action="store_true", help="also print the variants tried")
    args = parser.parse_args()
    projects, orgs, parts, queries = read(args.directory)
    org_ids = [o["id"] for o in orgs]
    org_row = {o: i for i, o in enumerate(org_ids)}
    proj_row = {p["id"]: i for i, p in enumerate(projects)}
    texts = {
        "title+objective": [f"{p['title']}\n{p['objective']}" for p in projects],
        "title+objective+keywords": [f"{p['title']}\n{p['objective']}\n{p.get('keywords') or ''}" for p in projects],
    }
    qtexts = [q["text"] for q in queries]
    all_roles = [
        (proj_row[p["project_id"]], org_row[p["organization_id"]], p["role"])
        for p in parts
        if p["project_id"] in proj_row and p["organization_id"] in org_row
    ]
    shape = (len(projects), len(org_ids))
    p_all = pair_matrix(all_roles, shape)
    p_main = pair_matrix(all_roles, shape, {"coordinator", "participant"})
    n_all = np.asarray(p_all.sum(axis=0)).ravel()
    n_main = np.asarray(p_main.sum(axis=0)).ravel()

    report = Report(queries, org_row)
    protocols = ("nonempty", "all", "zeros", "micro") if args.variants else ("nonempty",)
    most_projects_first(report, n_all, n_main, args.variants, protocols)
    for text_name, ptexts in texts.items():
        if not args.variants and text_name != "title+objective+keywords":
            continue
        text_methods(
            report, text_name, ptexts, qtexts, all_roles, p_all, n_all, variants=args.variants, protocols=protocols
        )
    report.table()
    return 0


if __name__ == "__main__":
    sys.exit(main())
