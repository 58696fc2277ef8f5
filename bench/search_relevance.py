"""Ranking quality of a search backend: the relevance set of ``tests/search/relevance_set.py`` on the demo cluster.

    .venv/bin/python bench/search_relevance.py                      # the in-memory index, a throw-away SQLite file
    .venv/bin/python bench/search_relevance.py --backend whoosh
    .venv/bin/python bench/search_relevance.py --backend postgres \\
        --database-url postgresql://postgres@127.0.0.1:5432/relevance --search-dsn postgresql://…
    .venv/bin/python bench/search_relevance.py --all               # every query, not only those that miss

Builds the app in this process (``SEARCH_BACKEND`` from ``--backend``, ``SEARCH_DSN`` from ``--search-dsn``),
on a throw-away SQLite database in a temporary directory (which also holds a Whoosh index), or on
``--database-url``: its tables are created if missing and the demo cluster is seeded when it holds no
organization (otherwise its data is taken as the demo cluster). Then ``reindex()`` and every query of the
set through ``search_records`` as the demo's cluster manager (who sees every indexed record), ten results each.

Prints mean recall@5, nDCG@10 and MRR over the whole set, per kind of query and per language, then
the queries whose precise records are not all among the first five results (the issue's queries
marked ``*``), with what they missed and what came first.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from flask import Flask

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from marketplace import create_app
from marketplace.config import normalize_database_url
from marketplace.db import db
from marketplace.demo.seed import has_organizations, seed_demo
from marketplace.search.services import reindex
from search_index.evaluate import Summary, score
from tests.search.relevance_set import KINDS, MUST_FIND, MUST_FIND_TOP, Outcome, manager, run_set

SHOWN_RESULTS = 3  # results printed for a query that misses


def build_app(workdir: Path, args: argparse.Namespace) -> Flask:
    config: dict[str, object] = {
        "TESTING": True,
        "SECRET_KEY": "bench-relevance",
        "SQLALCHEMY_DATABASE_URI": normalize_database_url(args.database_url or f"sqlite:///{workdir / 'relevance.db'}"),
        "SEARCH_BACKEND": args.backend,
        "SEARCH_INDEX_DIR": str(workdir / "search-index"),
        "UPLOAD_DIR": str(workdir / "uploads"),
        "MATCHER_DIR": str(workdir / "matcher"),
        "MAIL_SERVER": None,
    }
    if args.search_dsn:
        config["SEARCH_DSN"] = args.search_dsn
    return create_app(config)


def line(label: str, summary: Summary) -> str:
    return f"  {label:<20} {summary.queries:>4} {summary.recall:>9.3f} {summary.ndcg:>9.3f} {summary.mrr:>7.3f}"


def print_figures(outcomes: Sequence[Outcome]) -> None:
    print(f"  {'queries':<20} {'n':>4} {'recall@5':>9} {'nDCG@10':>9} {'MRR':>7}")
    print(line("all", score(o.run for o in outcomes)))
    for language in ("ru", "en"):
        print(line(f"language {language}", score(o.run for o in outcomes if o.query.language == language)))
    for kind in KINDS:
        print(line(kind, score(o.run for o in outcomes if o.query.kind == kind)))
    print(line("issue (MUST_FIND)", score(o.run for o in outcomes if o.query.text in MUST_FIND)))


def print_queries(outcomes: Sequence[Outcome], *, every: bool) -> None:
    missing = [o for o in outcomes if o.missed()]
    print(f"\nQueries missing a precise record in the first {MUST_FIND_TOP}: {len(missing)} of {len(outcomes)}")
    for outcome in outcomes if every else missing:
        summary = score([outcome.run])
        mark = "*" if outcome.query.text in MUST_FIND else " "
        print(
            f"{mark} {outcome.query.text!r} ({outcome.query.kind}, {outcome.query.language}): "
            f"recall@5 {summary.recall:.2f}, nDCG@10 {summary.ndcg:.2f}, {len(outcome.ranked)} results"
        )
        for record in outcome.missed():
            print(f"      missed  {record.type}: {record.name}")
        grades = outcome.grades
        for rank, (key, name) in enumerate(zip(outcome.ranked, outcome.names, strict=True), start=1):
            if rank > SHOWN_RESULTS and not every:
                break
            print(f"      {rank:>2}. [{grades.get(key, 0)}] {key[0]}: {name}")
    unresolved = sorted({record for o in outcomes for record in o.unresolved()}, key=str)
    if unresolved:
        print(f"\nJudged records not in the database ({len(unresolved)}): the set or the data changed")
        for record in unresolved:
            print(f"  {record.type}: {record.name}")


def parse_arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--backend", default="memory", help="SEARCH_BACKEND: memory (default), whoosh or postgres")
    parser.add_argument("--database-url", help="a database to use instead of a throw-away SQLite file")
    parser.add_argument("--search-dsn", help="SEARCH_DSN, for the postgres search backend")
    parser.add_argument("--all", action="store_true", help="list every query with its first results")
    return parser.parse_args()


def main() -> int:
    args = parse_arguments()
    with tempfile.TemporaryDirectory(prefix="marketplace-relevance-") as temporary:
        app = build_app(Path(temporary), args)
        with app.app_context():
            started = time.perf_counter()
            db.create_all()
            if has_organizations():
                print("The database holds organizations: taken as the demo cluster, not seeded")
            else:
                seed_demo()
                db.session.commit()
            counts = reindex()
            print(
                f"Search backend {args.backend!r}: {sum(counts.values())} documents indexed "
                f"({time.perf_counter() - started:.1f} s)"
            )
            started = time.perf_counter()
            outcomes = run_set(manager())
            print(f"{len(outcomes)} queries in {time.perf_counter() - started:.1f} s\n")
            print_figures(outcomes)
            print_queries(outcomes, every=args.all)
            db.session.remove()
            db.engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
