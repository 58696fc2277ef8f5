"""Ablations of the default ``MatcherConfig`` on the CORDIS benchmark, exact library figures.

    .venv/bin/python bench/cordis_ablations.py [DIR] [--queries all|first-half|second-half]

``DIR`` is the benchmark directory, by default ``../shared/bench/cordis``
next to the repository. Fits the product's ``Matcher`` once per variant (the
default with one setting changed) and prints one JSON line per variant with
the metrics of ``python -m matching.evaluate``. About 30 s per variant on the
machine of docs/benchmarks.md. Source: CORDIS / European Union.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from matching import Matcher, MatcherConfig
from matching.evaluate import evaluate, load_profiles, load_queries, split

#: The CORDIS benchmark data: ``../shared/bench/cordis`` next to the repository.
DEFAULT_DIRECTORY = Path(__file__).resolve().parents[1].parent / "shared" / "bench" / "cordis"

VARIANTS: dict[str, dict[str, float]] = {
    "default": {},
    "no place term (place_weight=0)": {"place_weight": 0.0},
    "no head (head_size=0)": {"head_size": 0},
    "head of 2": {"head_size": 2},
    "no related-projects term (related_weight=0)": {"related_weight": 0.0},
    "all documents in the kernel (doc_top=0)": {"doc_top": 0},
    "kind balance 0.25": {"kind_balance": 0.25},
    "no kind balance": {"kind_balance": 0.0},
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "directory",
        type=Path,
        nargs="?",
        default=DEFAULT_DIRECTORY,
        help="benchmark directory (CORDIS layout); default: ../shared/bench/cordis next to the repository",
    )
    parser.add_argument("--queries", default="all", choices=("all", "first-half", "second-half"))
    args = parser.parse_args()
    profiles = load_profiles(args.directory)
    queries = split(load_queries(args.directory), args.queries)
    for name, changes in VARIANTS.items():
        matcher = Matcher(MatcherConfig.from_dict(changes)).fit(profiles)
        print(json.dumps({"variant": name, **evaluate(matcher, queries)}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
