"""The evaluation CLI on a tiny benchmark directory, and the metric definitions."""

from __future__ import annotations

import csv
import gzip
import json
import math
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from matching.evaluate import KEYS, load_profiles, main, query_metrics

PROJECTS = [
    ("p1", "Flange machining", "Machining of steel flanges and valves", "machining, flanges"),
    ("p2", "Polymer recycling", "Chemical recycling of polyethylene waste", "recycling, polymers"),
    ("p3", "Catalysts", "Catalyst development for ethylene polymerization", "catalysis"),
    ("p4", "Water treatment", "Wastewater treatment with membranes", "water, membranes"),
]
ORGS = [
    ("o1", "PRC", "true"),
    ("o2", "HES", "false"),
    ("o3", "REC", "false"),
    ("o4", "PRC", "false"),
    ("o5", "PUB", "false"),
    ("o6", "OTH", "false"),
]
PARTS = [
    ("p1", "o1", "coordinator"),
    ("p1", "o2", "participant"),
    ("p2", "o3", "coordinator"),
    ("p2", "o4", "participant"),
    ("p3", "o2", "coordinator"),
    ("p3", "o3", "associatedPartner"),
    ("p4", "o5", "coordinator"),
    ("p4", "o6", "thirdParty"),
    ("p9", "o1", "participant"),
]
QUERIES = [
    {
        "id": "q1",
        "text": "Precision machining of flanges",
        "relevant": ["o1", "o2"],
        "relevant_kind": {"o1": "PRC", "o2": "HES"},
    },
    {
        "id": "q2",
        "text": "Recycling of polyethylene and polymer waste",
        "relevant": ["o3", "o4"],
        "relevant_kind": {"o3": "REC", "o4": "PRC"},
    },
    {"id": "q3", "text": "Nothing relevant is known", "relevant": []},
]


def write_bench(directory: Path) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    with gzip.open(directory / "projects.jsonl.gz", "wt", encoding="utf-8") as f:
        for pid, title, objective, keywords in PROJECTS:
            f.write(
                json.dumps(
                    {
                        "id": pid,
                        "year": 2022,
                        "acronym": pid,
                        "title": title,
                        "objective": objective,
                        "keywords": keywords,
                        "topics": [],
                        "fields": [],
                        "funding_scheme": "X",
                    }
                )
                + "\n"
            )
    with (directory / "organizations.csv").open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["id", "name", "short_name", "kind", "sme", "country", "city"])
        for oid, kind, sme in ORGS:
            w.writerow([oid, f"Org {oid}", oid, kind, sme, "DE", "Berlin"])
    with (directory / "participations.csv").open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["project_id", "organization_id", "role"])
        w.writerows(PARTS)
    with gzip.open(directory / "queries.jsonl.gz", "wt", encoding="utf-8") as f:
        for q in QUERIES:
            f.write(
                json.dumps({**q, "year": 2023, "coordinator": (q["relevant"] or [""])[0], "n_beneficiaries": 3}) + "\n"
            )
    return directory


def test_profiles_are_built_from_past_projects(tmp_path):
    profiles = {p.id: p for p in load_profiles(write_bench(tmp_path / "bench"))}
    assert set(profiles) == {o[0] for o in ORGS}
    assert profiles["o1"].kind == "sme"
    assert profiles["o4"].kind == "large"
    assert profiles["o2"].kind == "university"
    docs = {d.id: d for d in profiles["o3"].projects}
    assert set(docs) == {"p2", "p3"}
    assert docs["p3"].weight == 0.2
    assert docs["p2"].weight == 1.0
    assert docs["p2"].title == "Polymer recycling"
    assert "recycling, polymers" in docs["p2"].text


def test_cli_prints_one_json_object_with_all_metrics(tmp_path, capsys):
    bench = write_bench(tmp_path / "bench")
    assert main([str(bench)]) == 0
    result = json.loads(capsys.readouterr().out)
    assert set(result) == set(KEYS)
    assert result["queries"] == 2  # the query without relevant organizations is left out
    assert result["recall@10"] == 1.0
    assert result["mrr"] == 1.0
    assert 0 < result["ndcg@10"] <= 1
    assert result["recall@20_prc"] == 1.0
    assert result["recall@20_hes_rec"] == 1.0
    assert isinstance(result["ms_per_query"], float)
    assert math.isfinite(result["ms_per_query"])
    assert result["ms_per_query"] > 0  # scoring a query takes far more than the 5 µs that would round to 0


def test_cli_runs_as_a_module(tmp_path):
    bench = write_bench(tmp_path / "bench")
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run(  # noqa: S603  this interpreter, the module under test, a temporary directory
        [sys.executable, "-m", "matching.evaluate", str(bench), "--queries", "first-half"],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(out.stdout)["queries"] == 1


def test_query_metrics_definitions():
    scores = np.array([0.9, 0.8, 0.7, 0.6, 0.5, 0.4])
    top = np.argsort(-scores)
    m = query_metrics(scores, top, np.array([1, 4]), ["PRC", "HES"])
    assert m["recall@10"] == 1.0
    ideal = 1 + 1 / np.log2(3)
    assert m["ndcg@10"] == pytest.approx((1 / np.log2(3) + 1 / np.log2(6)) / ideal)
    assert m["mrr"] == pytest.approx(1 / 2)
    assert m["recall@20_prc"] == 1.0
    assert m["recall@20_hes_rec"] == 1.0
    tie = query_metrics(np.zeros(3), np.arange(3), np.array([2]), ["OTH"])
    assert tie["mrr"] == pytest.approx(1 / 3)
    assert "recall@20_prc" not in tie
