"""Where the time of each page of ``bench/load.py`` goes: in-process, through Flask's test client.

    .venv/bin/python bench/profile_pages.py                       # a throw-away seeded SQLite database
    .venv/bin/python bench/profile_pages.py --requests 100 --out profiles
    .venv/bin/python bench/profile_pages.py --dir load-files     # the files of ``load.py --keep load-files``

Prepares the database exactly as ``bench/load.py`` does (or reuses its directory), builds the app
in this process (production settings: a generated ``SECRET_KEY``, no debug), logs in as the demo buyer,
warms each page, then runs three passes of ``--requests`` requests per page:

1. plain: wall and CPU time per request, no instrument attached (the reference figure);
2. counted: SQL statements (number, time in the driver, how many run while a template renders, i.e.
   lazy loads), template rendering (``render_template`` start to end, SQL inside included), and the
   matcher / search service calls, timed by wrappers;
3. cProfile: own time grouped by where the code lives (SQLAlchemy, the driver, Jinja and the compiled
   templates, Babel, WTForms, Flask/Werkzeug, the matcher, search, the app), and the functions with the
   most own and cumulative time. cProfile slows Python code, so read its shares, not its milliseconds.

``--out DIR`` also writes one ``.pstats`` file per page (``python -m pstats``, snakeviz).
"""

from __future__ import annotations

import argparse
import cProfile
import functools
import gc
import importlib
import os
import pstats
import re
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from load import BUYER_EMAIL, BUYER_PASSWORD, HOST, PAGES, Page, app_environment, prepare_database

#: The service calls timed separately: (module, attribute the view calls through), label.
TIMED_CALLS = (
    ("marketplace.suggestions.services", "suggest_suppliers", "matcher: suggest_suppliers"),
    ("marketplace.search.views", "search_records", "search: search_records"),
)

#: Where own time is counted: the first pattern found in "file:function" names the group.
GROUPS = (
    ("DB driver (sqlite3 / psycopg)", ("sqlite3.", "/psycopg")),
    ("SQLAlchemy", ("/sqlalchemy/",)),
    ("search (Whoosh, search_index)", ("/whoosh/", "/search_index/")),
    ("templates (compiled Jinja code)", (".html:",)),
    ("Jinja2 runtime, MarkupSafe", ("/jinja2/", "/markupsafe/", "markupsafe.")),
    ("Babel (dates, numbers, gettext)", ("/babel/", "/flask_babel/", "gettext.py")),
    ("WTForms, Flask-WTF (CSRF)", ("/wtforms/", "/flask_wtf/", "/itsdangerous/", "hmac", "hashlib")),
    ("Flask, Werkzeug, Flask-Login", ("/flask/", "/werkzeug/", "/flask_login/", "/flask_sqlalchemy/")),
    ("matcher (matching, numpy, scipy)", ("/matching/", "/numpy/", "/scipy/", "/sklearn/", "numpy.")),
    ("stemming (snowballstemmer)", ("/snowballstemmer/", "Stemmer")),
    ("app code (marketplace/)", ("/marketplace/",)),
)
OTHER = "other (stdlib, builtins)"


# -- the counted pass ------------------------------------------------------------------------------------


@dataclass
class Counts:
    requests: int = 0
    sql: int = 0
    sql_seconds: float = 0.0
    sql_in_render: int = 0
    render_seconds: float = 0.0
    gc_seconds: float = 0.0  # the cyclic garbage collector, during the requests
    gc_runs: Counter[int] = field(default_factory=Counter)  # collections per generation
    calls: defaultdict[str, float] = field(default_factory=lambda: defaultdict(float))  # seconds per timed call
    statements: Counter[str] = field(default_factory=Counter)
    _render_depth: int = 0
    _render_started: float = 0.0
    _sql_started: list[float] = field(default_factory=list)
    _gc_started: float = 0.0


class Instruments:
    """SQLAlchemy events, Flask's template signals and wrappers around the service calls."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.counts = Counts()

    @contextmanager
    def attached(self) -> Iterator[Counts]:
        from flask import before_render_template, template_rendered  # noqa: PLC0415  after sys.path is set
        from sqlalchemy import event  # noqa: PLC0415

        with self.app.app_context():
            from marketplace.db import db  # noqa: PLC0415

            engine = db.engine
        event.listen(engine, "before_cursor_execute", self._before_sql)
        event.listen(engine, "after_cursor_execute", self._after_sql)
        before_render_template.connect(self._before_render, self.app)
        template_rendered.connect(self._after_render, self.app)
        gc.callbacks.append(self._collecting)
        originals = []
        for module_name, attribute, label in TIMED_CALLS:
            module = importlib.import_module(module_name)
            original = getattr(module, attribute)
            originals.append((module, attribute, original))
            setattr(module, attribute, self._timed(original, label))
        try:
            yield self.counts
        finally:
            for module, attribute, original in originals:
                setattr(module, attribute, original)
            gc.callbacks.remove(self._collecting)
            template_rendered.disconnect(self._after_render, self.app)
            before_render_template.disconnect(self._before_render, self.app)
            event.remove(engine, "after_cursor_execute", self._after_sql)
            event.remove(engine, "before_cursor_execute", self._before_sql)

    def _timed(self, function: Callable[..., Any], label: str) -> Callable[..., Any]:
        @functools.wraps(function)
        def timed(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                self.counts.calls[label] += time.perf_counter() - started

        return timed

    def _collecting(self, phase: str, info: dict[str, int]) -> None:
        counts = self.counts
        if phase == "start":
            counts._gc_started = time.perf_counter()  # noqa: SLF001
        else:
            counts.gc_seconds += time.perf_counter() - counts._gc_started  # noqa: SLF001
            counts.gc_runs[info["generation"]] += 1

    def _before_sql(self, *_args: Any, **_kwargs: Any) -> None:
        self.counts._sql_started.append(time.perf_counter())  # noqa: SLF001  the instrument's own state

    def _after_sql(self, _conn: Any, _cursor: Any, statement: str, *_args: Any, **_kwargs: Any) -> None:
        counts = self.counts
        counts.sql_seconds += time.perf_counter() - counts._sql_started.pop()  # noqa: SLF001
        counts.sql += 1
        counts.sql_in_render += counts._render_depth > 0  # noqa: SLF001
        counts.statements[" ".join(statement.split())[:160]] += 1

    def _before_render(self, *_args: Any, **_kwargs: Any) -> None:
        counts = self.counts
        if counts._render_depth == 0:  # noqa: SLF001
            counts._render_started = time.perf_counter()  # noqa: SLF001
        counts._render_depth += 1  # noqa: SLF001

    def _after_render(self, *_args: Any, **_kwargs: Any) -> None:
        counts = self.counts
        counts._render_depth -= 1  # noqa: SLF001
        if counts._render_depth == 0:  # noqa: SLF001
            counts.render_seconds += time.perf_counter() - counts._render_started  # noqa: SLF001


# -- the client ------------------------------------------------------------------------------------------


class Visitor:
    """A test client speaking to the trusted host, optionally logged in as the demo buyer."""

    def __init__(self, app: Any) -> None:
        self.client = app.test_client()

    def get(self, path: str) -> Any:
        return self.client.get(path, base_url=f"http://{HOST}")

    def log_in(self) -> int:
        """Log in as the buyer; the id of one of its open orders."""
        form = self.get("/account/login").get_data()
        token = re.search(rb'name="csrf_token" type="hidden" value="([^"]+)"', form)
        if token is None:
            raise RuntimeError("no CSRF token on the login page")
        answer = self.client.post(
            "/account/login",
            base_url=f"http://{HOST}",
            data={"csrf_token": token[1].decode(), "email": BUYER_EMAIL, "password": BUYER_PASSWORD},
        )
        if answer.status_code != 302:
            raise RuntimeError(f"login answered {answer.status_code}")
        found = re.search(rb'href="/orders/(\d+)"', self.get("/orders/mine?status=open").get_data())
        if found is None:
            raise RuntimeError("no open order of the buyer")
        return int(found[1])


def request_n(visitor: Visitor, path: str, n: int) -> None:
    for _ in range(n):
        answer = visitor.get(path)
        answer.get_data()
        if answer.status_code != 200:
            raise RuntimeError(f"{path} answered {answer.status_code}")


# -- cProfile summaries ----------------------------------------------------------------------------------


def _where(key: tuple[str, int, str]) -> str:
    filename, _line, name = key
    return f"{filename}:{name}"


def group_of(key: tuple[str, int, str]) -> str:
    where = _where(key)
    return next((group for group, patterns in GROUPS if any(p in where for p in patterns)), OTHER)


def _short(key: tuple[str, int, str]) -> str:
    filename, line, name = key
    if filename == "~":
        return name
    for marker in ("site-packages/", str(Path(__file__).resolve().parents[1]) + "/"):
        if marker in filename:
            filename = filename.split(marker, 1)[1]
    return f"{filename}:{line}({name})"


def summarize(stats: pstats.Stats, top: int) -> tuple[dict[str, float], list[str], list[str]]:
    """(own-time share per group, top functions by own time, top app functions by cumulative time)."""
    entries: dict[tuple[str, int, str], tuple[int, int, float, float, Any]] = stats.stats  # type: ignore[attr-defined]
    total = sum(entry[2] for entry in entries.values()) or 1.0
    shares: defaultdict[str, float] = defaultdict(float)
    for key, entry in entries.items():
        shares[group_of(key)] += entry[2] / total
    by_own = sorted(entries.items(), key=lambda item: item[1][2], reverse=True)[:top]
    own = [f"{entry[2] / total:6.1%} own  {entry[1]:>7,} calls  {_short(key)}" for key, entry in by_own]
    app_keys = [
        (key, entry)
        for key, entry in entries.items()
        if ("/marketplace/" in key[0] or key[0].endswith(".html")) and not key[0].endswith("views.py")
    ]
    by_cumulative = sorted(app_keys, key=lambda item: item[1][3], reverse=True)[:top]
    cumulative = [f"{entry[3] / total:6.1%} cum  {entry[1]:>7,} calls  {_short(key)}" for key, entry in by_cumulative]
    return dict(sorted(shares.items(), key=lambda item: -item[1])), own, cumulative


def named_calls(stats: pstats.Stats) -> dict[str, tuple[int, float]]:
    """Calls and cumulative share of a few functions whose count tells a story (url_for, gettext, ...)."""
    entries: dict[tuple[str, int, str], tuple[int, int, float, float, Any]] = stats.stats  # type: ignore[attr-defined]
    total = sum(entry[2] for entry in entries.values()) or 1.0
    wanted = {
        "url_for": ("flask/helpers.py", "url_for"),
        "gettext": ("flask_babel/__init__.py", "gettext"),
        "format_datetime (Babel)": ("flask_babel/__init__.py", "format_datetime"),
        "ORM object loads": ("sqlalchemy/orm/loading.py", "_instance"),
        "lazy loads": ("sqlalchemy/orm/strategies.py", "_load_for_state"),
        "Jinja macro calls": ("jinja2/runtime.py", "_invoke"),
        "compile SQL": ("sqlalchemy/sql/compiler.py", "__init__"),
    }
    found: dict[str, tuple[int, float]] = {}
    for label, (file_part, name) in wanted.items():
        calls, cumulative = 0, 0.0
        for (filename, _line, function), entry in entries.items():
            if function == name and filename.endswith(file_part):
                calls += entry[1]
                cumulative += entry[3]
        found[label] = (calls, cumulative / total)
    return found


# -- the run ---------------------------------------------------------------------------------------------


@dataclass
class PageReport:
    page: Page
    path: str
    wall_ms: float
    cpu_ms: float
    counts: Counts
    shares: dict[str, float]
    own: list[str]
    cumulative: list[str]
    named: dict[str, tuple[int, float]]


def profile_page(app: Any, visitor: Visitor, page: Page, path: str, args: argparse.Namespace) -> PageReport:
    n = args.requests
    request_n(visitor, path, args.warmup)
    started_wall, started_cpu = time.perf_counter(), time.process_time()
    request_n(visitor, path, n)
    wall, cpu = time.perf_counter() - started_wall, time.process_time() - started_cpu
    instruments = Instruments(app)
    with instruments.attached() as counts:
        request_n(visitor, path, n)
    counts.requests = n
    profiler = cProfile.Profile()
    profiler.enable()
    request_n(visitor, path, n)
    profiler.disable()
    stats = pstats.Stats(profiler)
    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
        stats.dump_stats(str(args.out / f"{page.name}.pstats"))
    shares, own, cumulative = summarize(stats, args.top)
    return PageReport(page, path, wall * 1000 / n, cpu * 1000 / n, counts, shares, own, cumulative, named_calls(stats))


def print_report(report: PageReport, top_statements: int) -> None:
    c, n = report.counts, report.counts.requests
    print(f"\n== {report.page.name}: GET {report.path}")
    print(
        f"plain: {report.wall_ms:.2f} ms wall, {report.cpu_ms:.2f} ms CPU per request "
        f"(≤ {1000 / report.cpu_ms:.0f} req/s per core)"
    )
    calls = ", ".join(f"{label} {seconds * 1000 / n:.2f} ms" for label, seconds in c.calls.items())
    print(
        f"counted: {c.sql / n:.1f} SQL statements ({c.sql_in_render / n:.1f} while rendering), "
        f"{c.sql_seconds * 1000 / n:.2f} ms in the driver; rendering {c.render_seconds * 1000 / n:.2f} ms "
        f"(SQL inside included)" + (f"; {calls}" if calls else "")
    )
    runs = ", ".join(f"gen {generation} × {times}" for generation, times in sorted(c.gc_runs.items()))
    print(f"garbage collector: {c.gc_seconds * 1000 / n:.2f} ms per request ({runs or 'no run'} in {n} requests)")
    print("repeated statements (per request):")
    for statement, times in c.statements.most_common(top_statements):
        print(f"  {times / n:5.1f} × {statement}")
    print("own time by group (cProfile):")
    for group, share in report.shares.items():
        if share >= 0.005:
            print(f"  {share:6.1%}  {group}")
    print(
        "per request: "
        + ", ".join(
            f"{label} {calls / n:.0f} calls ({share:.0%} cum)"
            for label, (calls, share) in report.named.items()
            if calls
        )
    )
    print("top own time:")
    for line in report.own:
        print("  " + line)
    print("top app functions and templates by cumulative time:")
    for line in report.cumulative:
        print("  " + line)


def parse_arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=50, help="requests per page and pass; default 50")
    parser.add_argument("--warmup", type=int, default=5, help="warm-up requests per page; default 5")
    parser.add_argument("--top", type=int, default=15, help="functions listed per page; default 15")
    parser.add_argument("--statements", type=int, default=6, help="repeated SQL statements listed; default 6")
    parser.add_argument("--pages", nargs="*", choices=[page.name for page in PAGES], help="a subset of the pages")
    parser.add_argument("--database-url", help="an existing database instead of a throw-away SQLite file")
    parser.add_argument("--dir", type=Path, help="prepare the files in this directory (or reuse them)")
    parser.add_argument("--out", type=Path, help="write one .pstats file per page into this directory")
    return parser.parse_args()


def main() -> int:
    args = parse_arguments()
    with tempfile.TemporaryDirectory(prefix="marketplace-profile-") as temporary:
        workdir = args.dir or Path(temporary)
        workdir.mkdir(parents=True, exist_ok=True)
        env = app_environment(workdir, args.database_url)
        prepare_database(env)
        os.environ.clear()
        os.environ.update(env)
        from marketplace import create_app  # noqa: PLC0415  configured from the environment just set

        app = create_app()
        buyer, guest = Visitor(app), Visitor(app)
        order_id = buyer.log_in()
        for page in PAGES:
            if args.pages and page.name not in args.pages:
                continue
            path = page.path.format(order_id=order_id)
            report = profile_page(app, buyer if page.login else guest, page, path, args)
            print_report(report, args.statements)
    return 0


if __name__ == "__main__":
    sys.exit(main())
