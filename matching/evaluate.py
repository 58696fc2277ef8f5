"""Evaluate the matcher on real consortia: ``python -m matching.evaluate DIR``.

``DIR`` has the layout of the CORDIS benchmark (see the bench README):
``projects.jsonl.gz``, ``participations.csv``, ``organizations.csv``,
``queries.jsonl.gz``. Every organization of ``organizations.csv`` becomes an
``OrganizationProfile`` whose documents are its past projects (title +
objective + keywords; a project shared by several organizations is one
document); its region is its country code and its places the country's names
(``COUNTRY_NAMES``) and its city. The product's ``Matcher`` with the default
``MatcherConfig`` is fitted on them and every query with a non-empty relevant
set is ranked.

Prints one JSON object. Metric definitions (per query, then averaged):

- ``recall@k``: |relevant ∩ top k| / |relevant|;
- ``ndcg@10``: binary gains, DCG = Σ_{i≤10} rel_i / log2(i + 1), divided by
  the ideal DCG of min(|relevant|, 10) hits;
- ``mrr``: 1 / rank of the first relevant organization in the full ranking
  (ties broken by organization order);
- ``recall@20_prc``: recall@20 over the query's relevant PRC organizations,
  averaged over queries that have any; ``recall@20_hes_rec`` the same for
  HES and REC organizations;
- ``ms_per_query``: mean wall time of scoring all organizations and taking
  the top 50, in milliseconds.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import sys
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from .arrays import FloatArray, IndexArray
from .config import MatcherConfig
from .matcher import Matcher
from .profiles import MatchQuery, OrganizationProfile, ProfileDocument, normalize_kind

#: Names of the CORDIS country codes as a project text writes them (the country and its adjective): with the
#: organization's city they are its ``places``, so a project naming a country prefers organizations there.
COUNTRY_NAMES = {
    "AT": "Austria; Austrian",
    "BE": "Belgium; Belgian",
    "BG": "Bulgaria; Bulgarian",
    "CY": "Cyprus; Cypriot",
    "CZ": "Czechia; Czech Republic; Czech",
    "DE": "Germany; German",
    "DK": "Denmark; Danish",
    "EE": "Estonia; Estonian",
    "EL": "Greece; Greek",
    "ES": "Spain; Spanish",
    "FI": "Finland; Finnish",
    "FR": "France; French",
    "HR": "Croatia; Croatian",
    "HU": "Hungary; Hungarian",
    "IE": "Ireland; Irish",
    "IT": "Italy; Italian",
    "LT": "Lithuania; Lithuanian",
    "LU": "Luxembourg",
    "LV": "Latvia; Latvian",
    "MT": "Malta; Maltese",
    "NL": "Netherlands; Dutch",
    "PL": "Poland; Polish",
    "PT": "Portugal; Portuguese",
    "RO": "Romania; Romanian",
    "SE": "Sweden; Swedish",
    "SI": "Slovenia; Slovenian",
    "SK": "Slovakia; Slovak",
    "UK": "United Kingdom; British; England; Scotland; Wales",
    "NO": "Norway; Norwegian",
    "CH": "Switzerland; Swiss",
    "IS": "Iceland; Icelandic",
    "TR": "Turkey; Türkiye; Turkish",
    "IL": "Israel; Israeli",
    "RS": "Serbia; Serbian",
    "UA": "Ukraine; Ukrainian",
    "AL": "Albania; Albanian",
    "MK": "North Macedonia",
    "ME": "Montenegro",
    "BA": "Bosnia and Herzegovina",
    "MD": "Moldova; Moldovan",
    "GE": "Georgia; Georgian",
    "AM": "Armenia; Armenian",
    "TN": "Tunisia; Tunisian",
    "FO": "Faroe Islands",
    "XK": "Kosovo",
    "US": "United States; American",
    "CA": "Canada; Canadian",
    "JP": "Japan; Japanese",
    "KR": "South Korea; Korean",
    "CN": "China; Chinese",
    "IN": "India; Indian",
    "BR": "Brazil; Brazilian",
    "ZA": "South Africa",
    "AU": "Australia; Australian",
    "NZ": "New Zealand",
}

#: Weight of a past project in a profile by the organization's role in it.
ROLE_WEIGHTS = {"coordinator": 1.0, "participant": 1.0, "associatedPartner": 0.2, "thirdParty": 0.2}
KEYS = (
    "recall@10",
    "recall@20",
    "recall@50",
    "ndcg@10",
    "mrr",
    "recall@20_prc",
    "recall@20_hes_rec",
    "queries",
    "ms_per_query",
)
_DISCOUNT = 1.0 / np.log2(np.arange(2, 12))


@dataclass(frozen=True)
class Query:
    id: str
    text: str
    relevant: tuple[str, ...]
    relevant_kind: dict[str, str]


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def load_profiles(directory: Path) -> list[OrganizationProfile]:
    """One profile per organization, its documents its past projects (weighted by role)."""
    projects = {p["id"]: p for p in _read_jsonl(directory / "projects.jsonl.gz")}
    docs: dict[str, list[ProfileDocument]] = defaultdict(list)
    with (directory / "participations.csv").open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            project = projects.get(row["project_id"])
            if project is None:
                continue
            text = "\n".join(x for x in (project.get("objective") or "", project.get("keywords") or "") if x)
            docs[row["organization_id"]].append(
                ProfileDocument(
                    text=text,
                    title=project.get("title") or "",
                    id=project["id"],
                    kind="project",
                    lang="en",
                    weight=ROLE_WEIGHTS.get(row["role"], 1.0),
                )
            )
    profiles = []
    with (directory / "organizations.csv").open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            country = row.get("country") or ""
            places = [*COUNTRY_NAMES.get(country, "").split("; "), row.get("city") or ""]
            profiles.append(
                OrganizationProfile(
                    id=row["id"],
                    name=row.get("name") or "",
                    region=country,
                    places=[p for p in places if p],
                    kind=normalize_kind(row.get("kind") or "", sme=(row.get("sme") or "").lower() == "true"),
                    projects=docs.get(row["id"], []),
                )
            )
    return profiles


def load_queries(directory: Path) -> list[Query]:
    """Queries with at least one relevant organization (recall is undefined otherwise)."""
    return [
        Query(str(q["id"]), q["text"], tuple(q["relevant"]), dict(q.get("relevant_kind") or {}))
        for q in _read_jsonl(directory / "queries.jsonl.gz")
        if q.get("relevant")
    ]


def query_metrics(scores: FloatArray, top: IndexArray, relevant: IndexArray, kinds: Sequence[str]) -> dict[str, float]:
    """Metrics of one query: ``top`` is the ranking's first 50 rows, ``relevant`` rows of relevant orgs."""
    position = {int(r): i for i, r in enumerate(top)}
    hit = np.array([position.get(int(r), 10**9) for r in relevant])
    out = {f"recall@{k}": float(np.mean(hit < k)) for k in (10, 20, 50)}
    dcg = float(sum(_DISCOUNT[h] for h in hit if h < 10))
    out["ndcg@10"] = dcg / float(_DISCOUNT[: min(10, len(relevant))].sum())
    rows = np.arange(scores.size)
    ranks = [int((scores > scores[r]).sum() + ((scores == scores[r]) & (rows < r)).sum()) for r in relevant]
    out["mrr"] = 1.0 / (1 + min(ranks))
    kind_of = np.asarray(kinds)
    prc = kind_of == "PRC"
    if prc.any():
        out["recall@20_prc"] = float(np.mean(hit[prc] < 20))
    hes_rec = (kind_of == "HES") | (kind_of == "REC")
    if hes_rec.any():
        out["recall@20_hes_rec"] = float(np.mean(hit[hes_rec] < 20))
    return out


def evaluate(matcher: Matcher, queries: Sequence[Query]) -> dict[str, float]:
    """Average metrics of ``queries`` (a fitted matcher); see the module docstring."""
    sums: dict[str, list[float]] = defaultdict(list)
    elapsed = 0.0
    for q in queries:
        start = time.perf_counter()
        scores = matcher.score_query(MatchQuery(text=q.text, lang="en")).scores
        top = matcher.top(scores, 50)
        elapsed += time.perf_counter() - start
        relevant = [matcher.org_row_[r] for r in q.relevant if r in matcher.org_row_]
        if not relevant:
            continue
        kinds = [q.relevant_kind.get(r, "") for r in q.relevant if r in matcher.org_row_]
        for key, value in query_metrics(scores, top, np.asarray(relevant), kinds).items():
            sums[key].append(value)
    result = {key: round(float(np.mean(sums[key])), 4) if sums[key] else 0.0 for key in KEYS[:7]}
    result["queries"] = len(sums["mrr"])
    result["ms_per_query"] = round(1000.0 * elapsed / max(len(queries), 1), 2)
    return result


def split(queries: Sequence[Query], part: str) -> list[Query]:
    """``all``, ``first-half`` (the tuning half) or ``second-half`` of the queries, in file order."""
    half = len(queries) // 2
    return {"all": list(queries), "first-half": list(queries[:half]), "second-half": list(queries[half:])}[part]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m matching.evaluate", description=__doc__.split("\n\n")[0])
    parser.add_argument("directory", type=Path, help="benchmark directory (CORDIS layout)")
    parser.add_argument("--queries", choices=("all", "first-half", "second-half"), default="all")
    args = parser.parse_args(argv)
    profiles = load_profiles(args.directory)
    queries = split(load_queries(args.directory), args.queries)
    matcher = Matcher(MatcherConfig()).fit(profiles)
    print(json.dumps(evaluate(matcher, queries)))  # noqa: T201  the command's output
    return 0


if __name__ == "__main__":
    sys.exit(main())
