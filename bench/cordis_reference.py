"""Reproduce the reference rows of the CORDIS bench README with scikit-learn.

    .venv/bin/python bench/cordis_reference.py /work/shared/bench/cordis [--variants]

The README measured its three reference methods with scikit-learn's
``TfidfVectorizer`` (sublinear tf, English stop words, min_df=2). This script
rebuilds them independently of ``matching`` (only the metric code,
``matching.evaluate.query_metrics``, is shared) and prints each row under
several readings of the protocol (which queries are averaged, how PRC and
HES/REC recall treat queries without such members), so that the comparison
with the matcher is apples to apples. Source: CORDIS / European Union.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfVectorizer

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from matching.evaluate import query_metrics

KEYS = ("recall@10", "recall@20", "recall@50", "ndcg@10", "mrr", "recall@20_prc", "recall@20_hes_rec")
README = {
    "most projects first": (0.072, 0.111, 0.186, 0.077, 0.191, 0.000, 0.164),
    "concatenation": (0.053, 0.088, 0.181, 0.056, 0.135, 0.142, 0.065),
    "per project, summed, small prior": (0.135, 0.200, 0.315, 0.155, 0.338, 0.068, 0.261),
}


def read(directory: Path):
    with gzip.open(directory / "projects.jsonl.gz", "rt", encoding="utf-8") as f:
        projects = [json.loads(line) for line in f]
    with open(directory / "organizations.csv", encoding="utf-8", newline="") as f:
        orgs = list(csv.DictReader(f))
    with open(directory / "participations.csv", encoding="utf-8", newline="") as f:
        parts = list(csv.DictReader(f))
    with gzip.open(directory / "queries.jsonl.gz", "rt", encoding="utf-8") as f:
        queries = [json.loads(line) for line in f]
    return projects, orgs, parts, queries


def top50(scores: np.ndarray) -> np.ndarray:
    part = np.argpartition(-scores, 50)[:50]
    return part[np.lexsort((part, -scores[part]))]


def evaluate(score_rows, queries, org_row, protocol: str = "nonempty") -> dict[str, float]:
    """Mean metrics; ``protocol``: ``nonempty`` (1,952 queries with a relevant organization; PRC and
    HES/REC over the queries that have such members — the matcher's definition), ``all`` (1,954, empty
    queries count 0), ``zeros`` (PRC and HES/REC averaged over every query, 0 where the query has none),
    ``micro`` (PRC and HES/REC pooled: hits / relevant over all queries)."""
    sums: dict[str, list[float]] = defaultdict(list)
    pooled = defaultdict(lambda: [0, 0])
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
        m = query_metrics(scores, top50(scores), rows, kinds)
        for k, v in m.items():
            sums[k].append(v)
        if protocol == "zeros":
            for k in KEYS[5:]:
                if k not in m:
                    sums[k].append(0.0)
        top20 = set(top50(scores)[:20].tolist())
        for r, kind in zip(rows, kinds):
            key = "recall@20_prc" if kind == "PRC" else "recall@20_hes_rec" if kind in ("HES", "REC") else None
            if key:
                pooled[key][0] += int(r) in top20
                pooled[key][1] += 1
    out = {k: float(np.mean(sums[k])) for k in KEYS}
    if protocol == "micro":
        for k, (hit, n) in pooled.items():
            out[k] = hit / n
    return out


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("directory", type=Path)
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
    n_orgs, n_proj = len(org_ids), len(projects)

    def pair_matrix(roles=None, weights=None):
        rows, cols, vals = [], [], []
        for d, o, role in all_roles:
            if roles is None or role in roles:
                rows.append(d)
                cols.append(o)
                vals.append(1.0 if weights is None else weights.get(role, 1.0))
        return sp.csr_matrix((vals, (rows, cols)), shape=(n_proj, n_orgs))

    P_all = pair_matrix()
    P_main = pair_matrix({"coordinator", "participant"})
    n_all = np.asarray(P_all.sum(axis=0)).ravel()
    n_main = np.asarray(P_main.sum(axis=0)).ravel()
    rng = np.random.default_rng(0)
    jitter = rng.random(n_orgs) * 1e-6

    rows_out = []

    def report(name, fn, protocols=("nonempty",)):
        for protocol in protocols:
            m = evaluate(fn, queries, org_row, protocol)
            rows_out.append((name, protocol, m))
            print(
                json.dumps({"method": name, "protocol": protocol, **{k: round(v, 4) for k, v in m.items()}}), flush=True
            )

    protocols = ("nonempty", "all", "zeros", "micro") if args.variants else ("nonempty",)
    # 1. most projects first (no text)
    report("most projects first (all roles; ties by file order)", lambda i: n_all.astype(float), protocols)
    if args.variants:
        report("most projects first (coordinator/participant)", lambda i: n_main.astype(float))
        report("most projects first (ties by reversed file order)", lambda i: n_all + np.arange(n_orgs) * 1e-9)
        report("most projects first (random ties)", lambda i: n_all + jitter)

    vec_kwargs = {"sublinear_tf": True, "stop_words": "english", "min_df": 2}
    for text_name, ptexts in texts.items():
        if not args.variants and text_name != "title+objective+keywords":
            continue
        # 2. concatenation: one document per organization
        org_text = defaultdict(list)
        for d, o, _ in all_roles:
            org_text[o].append(ptexts[d])
        docs = ["\n".join(org_text.get(o, [])) for o in range(n_orgs)]
        vec = TfidfVectorizer(**vec_kwargs).fit(docs)
        O, Q = vec.transform(docs), vec.transform(qtexts)
        S_concat = (Q @ O.T).toarray()
        report(f"concatenation ({text_name})", lambda i: S_concat[i], protocols)
        # 3. per project, summed per organization, + small prior on activity
        vec = TfidfVectorizer(**vec_kwargs).fit(ptexts)
        D, Q = vec.transform(ptexts), vec.transform(qtexts)
        S = (Q @ D.T).toarray()  # queries × projects
        prior = np.log1p(n_all)
        for eps in (0.01,) if not args.variants else (0.001, 0.01, 0.05):
            report(
                f"per project Σ s over all projects + {eps}·log(1+n) ({text_name})",
                lambda i, eps=eps: np.asarray(P_all.T @ S[i]).ravel() + eps * prior,
                protocols if eps == 0.01 else ("nonempty",),
            )
        if args.variants:
            for k in (10, 20, 50, 100):

                def knn(i, k=k):
                    s = S[i].copy()
                    s[s < np.partition(s, -k)[-k]] = 0.0
                    return np.asarray(P_all.T @ s).ravel() + 0.01 * prior

                report(f"per project Σ s over the {k} nearest projects + prior ({text_name})", knn)
            for p in (2, 3):
                report(
                    f"per project Σ s^{p} + prior ({text_name})",
                    lambda i, p=p: np.asarray(P_all.T @ S[i] ** p).ravel() + 0.001 * prior,
                )
    print("| method | protocol | " + " | ".join(KEYS) + " |")
    for name, protocol, m in rows_out:
        print(f"| {name} | {protocol} | " + " | ".join(f"{m[k]:.3f}" for k in KEYS) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
