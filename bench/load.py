"""Pages under load: the marketplace served by gunicorn, as a ratio to a bare Flask app under the same settings.

    .venv/bin/python bench/load.py                              # 4 workers; c = 1, 8, 32; 5 s per cell
    .venv/bin/python bench/load.py --workers 2 --json load-2w.json
    .venv/bin/python bench/load.py --database-url postgresql://postgres@127.0.0.1:5432/loadbench

1. Prepares a database: by default a throw-away SQLite file in a temporary directory, seeded as
   ``make run`` does (``flask db upgrade``, ``flask reference load``, ``flask seed-demo``), with the
   search index, the matcher's snapshots and the uploads in the same directory; with
   ``--database-url`` an existing database, migrated and seeded the same way when it is empty.
   Then ``flask search reindex`` and ``flask match refit`` (a deployed instance has a snapshot).
2. Starts gunicorn twice with the same settings: ``wsgi:app`` (a generated ``SECRET_KEY``) and
   ``bench/hello_app.py``; logs in as the demo buyer and finds one of its open orders.
3. Warms every worker on every page (the matcher and the search index open on first use per process).
4. For each concurrency and each page, hello first, runs that many clients for a fixed time: a small
   asyncio HTTP/1.1 client (connections are kept alive where the server keeps them; gunicorn's sync
   workers close them after each answer). Prints req/s, p50/p95 latency, non-2xx answers, the ratio to
   hello at the same concurrency, the servers' CPU per request, and the RSS/PSS of the gunicorn workers.

Only 127.0.0.1 is contacted; every cell is bounded in time (about 2 minutes in all with the defaults).
The client shares the machine with the servers: its CPU share is printed with each cell.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import re
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import asdict, dataclass, field
from importlib.metadata import version
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

ROOT = Path(__file__).resolve().parents[1]
BENCH = Path(__file__).resolve().parent
HOST = "127.0.0.1"
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")

BUYER_EMAIL = "buyer@cluster.demo"
BUYER_PASSWORD = "demo12345"  # noqa: S105  the demo cluster's published password
SEARCH_TEXT = "фланцы из нержавеющей стали"


@dataclass(frozen=True)
class Page:
    name: str
    path: str
    login: bool = False  # requested with the buyer's session cookie


HELLO = Page("hello", "/")
PAGES = (
    Page("home", "/"),
    Page("catalog", "/catalog/"),
    Page("order", "/orders/{order_id}", login=True),  # the customer's view: suggested suppliers
    Page("search_ru", "/search/?q=" + quote(SEARCH_TEXT)),
    Page("api_products", "/api/v1/products"),
)


# -- a minimal HTTP/1.1 client ----------------------------------------------------------------------------


class HTTPError(Exception):
    """The server's answer could not be read as HTTP/1.1."""


@dataclass
class Answer:
    status: int
    headers: list[tuple[str, str]]  # names in lower case, in order
    body: bytes

    def header(self, name: str) -> str | None:
        return next((value for key, value in self.headers if key == name), None)

    def cookies(self) -> dict[str, str]:
        found = {}
        for key, value in self.headers:
            if key == "set-cookie":
                name, _, rest = value.partition("=")
                found[name.strip()] = rest.split(";", 1)[0]
        return found


class Connection:
    """One client connection: requests in sequence, reconnecting when the server closes it."""

    def __init__(self, port: int, timeout: float) -> None:
        self.port = port
        self.timeout = timeout
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def request(
        self, method: str, target: str, headers: dict[str, str] | None = None, body: bytes = b""
    ) -> Answer:
        reused = self.writer is not None
        try:
            return await asyncio.wait_for(self._exchange(method, target, headers or {}, body), self.timeout)
        except (OSError, asyncio.IncompleteReadError, HTTPError):
            await self.close()
            if not reused:
                raise
        # a kept-alive connection the server had closed meanwhile: once more on a new one
        return await asyncio.wait_for(self._exchange(method, target, headers or {}, body), self.timeout)

    async def _exchange(self, method: str, target: str, headers: dict[str, str], body: bytes) -> Answer:
        if self.reader is None or self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(HOST, self.port)
        lines = [f"{method} {target} HTTP/1.1", f"Host: {HOST}:{self.port}", "User-Agent: bench-load/1"]
        lines += [f"{name}: {value}" for name, value in headers.items()]
        if body or method == "POST":
            lines.append(f"Content-Length: {len(body)}")
        self.writer.write(("\r\n".join(lines) + "\r\n\r\n").encode("ascii") + body)
        await self.writer.drain()
        answer, keep = await _read_answer(self.reader)
        if not keep:
            await self.close()
        return answer

    async def close(self) -> None:
        writer, self.reader, self.writer = self.writer, None, None
        if writer is not None:
            writer.close()
            with suppress(OSError):
                await writer.wait_closed()


async def _read_answer(reader: asyncio.StreamReader) -> tuple[Answer, bool]:
    """The answer and whether the connection stays open."""
    head = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1").split("\r\n")
    match = re.fullmatch(r"HTTP/1\.([01]) (\d{3})(?: .*)?", head[0])
    if match is None:
        raise HTTPError(head[0])
    headers = []
    for line in head[1:]:
        if line:
            name, _, value = line.partition(":")
            headers.append((name.strip().lower(), value.strip()))
    answer = Answer(int(match[2]), headers, b"")
    keep = match[1] == "1" and (answer.header("connection") or "").lower() != "close"
    if (answer.header("transfer-encoding") or "").lower() == "chunked":
        answer.body = await _read_chunked(reader)
    elif (length := answer.header("content-length")) is not None:
        answer.body = await reader.readexactly(int(length))
    elif answer.status not in (204, 304):
        answer.body, keep = await reader.read(), False
    return answer, keep


async def _read_chunked(reader: asyncio.StreamReader) -> bytes:
    parts = []
    while size := int((await reader.readuntil(b"\r\n")).split(b";")[0], 16):
        parts.append(await reader.readexactly(size))
        await reader.readexactly(2)
    while await reader.readuntil(b"\r\n") != b"\r\n":  # trailers
        pass
    return b"".join(parts)


# -- gunicorn -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Settings:
    """What both gunicorn instances share."""

    workers: int
    threads: int
    worker_class: str | None  # None: gunicorn's choice (sync; gthread when threads > 1)

    def arguments(self) -> list[str]:
        found = ["--workers", str(self.workers), "--threads", str(self.threads)]
        found += ["--worker-class", self.worker_class] if self.worker_class else []
        return [*found, "--backlog", "2048", "--timeout", "120", "--keep-alive", "5", "--log-level", "warning"]


@dataclass
class Server:
    name: str
    process: subprocess.Popen[bytes]
    port: int
    log: Path

    def worker_pids(self) -> list[int]:
        return sorted(pid for pid in _pids() if _parent_of(pid) == self.process.pid)

    def cpu_seconds(self) -> float:
        """User + system CPU of the master and its workers (the workers alive now)."""
        return sum(_cpu_seconds(pid) for pid in [self.process.pid, *self.worker_pids()])

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def start_server(name: str, app: str, settings: Settings, env: dict[str, str], workdir: Path) -> Server:
    port = _free_port()
    log = workdir / f"gunicorn-{name}.log"
    command = [sys.executable, "-m", "gunicorn", *settings.arguments(), "--bind", f"{HOST}:{port}"]
    command += ["--pythonpath", str(BENCH), app]
    with log.open("wb") as out:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)  # noqa: S603
    return Server(name, process, port, log)


async def wait_ready(server: Server, path: str, workers: int, within: float = 90.0) -> None:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"gunicorn ({server.name}) exited:\n{server.log.read_text()[-3000:]}")
        connection = Connection(server.port, 10.0)
        try:
            answer = await connection.request("GET", path)
            if answer.status == 200 and len(server.worker_pids()) == workers:
                return
        except OSError:
            pass
        finally:
            await connection.close()
        await asyncio.sleep(0.2)
    raise RuntimeError(f"gunicorn ({server.name}) not ready after {within:.0f} s:\n{server.log.read_text()[-3000:]}")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        port: int = probe.getsockname()[1]
        return port


def _pids() -> Iterator[int]:
    return (int(entry.name) for entry in Path("/proc").iterdir() if entry.name.isdigit())


def _stat_fields(pid: int) -> list[str]:
    """Fields of /proc/PID/stat after the command name (field 3 on), or [] once the process is gone."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return []
    return text.rpartition(")")[2].split()


def _parent_of(pid: int) -> int | None:
    fields = _stat_fields(pid)
    return int(fields[1]) if fields else None


def _cpu_seconds(pid: int) -> float:
    fields = _stat_fields(pid)
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS if fields else 0.0


def _machine_cpu_seconds() -> tuple[float, float]:
    """(busy, all) CPU seconds of the whole machine since boot, over every core (/proc/stat)."""
    ticks = [int(n) for n in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = ticks[3] + ticks[4]  # idle + iowait
    total = sum(ticks[:8])  # guest time is already counted in user
    return (total - idle) / CLOCK_TICKS, total / CLOCK_TICKS


def _memory_kib(pid: int, path: str, key: str) -> int:
    """A ``key: N kB`` line of /proc/PID/PATH (or /proc/PATH without a PID), 0 when absent."""
    try:
        for line in Path(f"/proc/{pid}/{path}" if pid else f"/proc/{path}").read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


@dataclass
class Memory:
    """Resident memory of one gunicorn instance, in MiB."""

    workers: int
    worker_rss_mean: float
    worker_rss_max: float
    workers_rss_total: float
    workers_pss_total: float  # proportional: pages shared between workers counted once
    master_rss: float


def memory_of(server: Server) -> Memory:
    pids = server.worker_pids()
    rss = [_memory_kib(pid, "status", "VmRSS") / 1024 for pid in pids]
    pss = [_memory_kib(pid, "smaps_rollup", "Pss") / 1024 for pid in pids]
    return Memory(
        workers=len(pids),
        worker_rss_mean=round(sum(rss) / max(len(rss), 1), 1),
        worker_rss_max=round(max(rss, default=0.0), 1),
        workers_rss_total=round(sum(rss), 1),
        workers_pss_total=round(sum(pss), 1),
        master_rss=round(_memory_kib(server.process.pid, "status", "VmRSS") / 1024, 1),
    )


# -- the database ---------------------------------------------------------------------------------------


def app_environment(workdir: Path, database_url: str | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"MARKETPLACE_DEV", "FLASK_DEBUG", "MAIL_SERVER"}}
    env.update(
        SECRET_KEY=secrets.token_hex(32),
        PUBLIC_URL=f"http://{HOST}",  # production mode: absolute links and the trusted host
        DATABASE_URL=database_url or f"sqlite:///{workdir / 'marketplace.db'}",
        SEARCH_INDEX_DIR=str(workdir / "search-index"),
        MATCHER_DIR=str(workdir / "matcher"),
        UPLOAD_DIR=str(workdir / "uploads"),
        PYTHONUNBUFFERED="1",
    )
    return env


def prepare_database(env: dict[str, str]) -> None:
    """Migrate and seed as ``make run`` does, then index and fit as a deployed instance has."""
    for command in (
        ["db", "upgrade"],
        ["reference", "load"],
        ["seed-demo", "--if-empty"],
        ["search", "reindex"],
        ["match", "refit"],
    ):
        started = time.perf_counter()
        done = subprocess.run(  # noqa: S603
            [sys.executable, "-m", "flask", "--app", "wsgi", *command],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode:
            raise RuntimeError(f"flask {' '.join(command)} failed:\n{done.stdout}\n{done.stderr}")
        last = (done.stdout.strip().splitlines() or [""])[-1]
        print(f"  flask {' '.join(command)} ({time.perf_counter() - started:.1f} s) {last[:100]}")


# -- load -----------------------------------------------------------------------------------------------


@dataclass
class Target:
    """A page resolved for one server: its path and the headers to send."""

    server: Server
    page: Page
    path: str
    headers: dict[str, str]


@dataclass
class Budget:
    """When the clients stop: at a deadline, or after a number of requests."""

    deadline: float | None = None
    remaining: int | None = None

    def take(self) -> bool:
        if self.deadline is not None:
            return time.perf_counter() < self.deadline
        assert self.remaining is not None  # noqa: S101  one of the two is always set
        self.remaining -= 1
        return self.remaining >= 0


@dataclass
class Tally:
    latencies: list[float] = field(default_factory=list)
    statuses: Counter[int] = field(default_factory=Counter)
    failures: Counter[str] = field(default_factory=Counter)  # no answer: connection errors, time-outs
    body_bytes: int = 0


async def drive(target: Target, concurrency: int, budget: Budget, request_timeout: float) -> Tally:
    tally = Tally()

    async def client() -> None:
        connection = Connection(target.server.port, request_timeout)
        try:
            while budget.take():
                started = time.perf_counter()
                try:
                    answer = await connection.request("GET", target.path, target.headers)
                except (OSError, TimeoutError, asyncio.IncompleteReadError, HTTPError) as error:
                    tally.failures[type(error).__name__] += 1
                    await asyncio.sleep(0.05)
                    continue
                tally.latencies.append(time.perf_counter() - started)
                tally.statuses[answer.status] += 1
                tally.body_bytes = len(answer.body)
        finally:
            await connection.close()

    await asyncio.gather(*(client() for _ in range(concurrency)))
    return tally


@dataclass
class Cell:
    page: str
    concurrency: int
    requests: int
    seconds: float
    req_per_s: float
    p50_ms: float
    p95_ms: float
    errors: int  # non-2xx answers plus requests without an answer
    statuses: dict[str, int]
    body_bytes: int
    server_cpu_ms_per_req: float  # CPU of the gunicorn master and workers per answered request
    client_cpu_share: float  # the load script's own CPU time / wall time (of one core)
    other_cpu_share: float  # the rest of the machine's busy CPU time / wall time: other processes, the kernel
    ratio_to_hello: float | None = None


async def wait_idle(limit: float, threshold: float = 0.15) -> float:
    """Wait up to ``limit`` seconds for a second in which the machine's busy CPU stays below ``threshold`` cores.

    Returns the busy cores of the last second sampled (the servers idle meanwhile: other processes).
    """
    deadline = time.monotonic() + limit
    while True:
        before = _machine_cpu_seconds()[0]
        await asyncio.sleep(1.0)
        busy = _machine_cpu_seconds()[0] - before
        if busy < threshold or time.monotonic() >= deadline:
            return busy


def _percentile(values: Sequence[float], fraction: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


async def measure(target: Target, concurrency: int, seconds: float, request_timeout: float) -> Cell:
    cpu_before, server_before = time.process_time(), target.server.cpu_seconds()
    machine_before = _machine_cpu_seconds()[0]
    started = time.perf_counter()
    tally = await drive(target, concurrency, Budget(deadline=started + seconds), request_timeout)
    elapsed = time.perf_counter() - started
    server_cpu = target.server.cpu_seconds() - server_before
    client_cpu = time.process_time() - cpu_before
    machine_cpu = _machine_cpu_seconds()[0] - machine_before
    answered = len(tally.latencies)
    errors = sum(n for status, n in tally.statuses.items() if not 200 <= status < 300)
    return Cell(
        page=target.page.name,
        concurrency=concurrency,
        requests=answered,
        seconds=round(elapsed, 2),
        req_per_s=round(answered / elapsed, 1),
        p50_ms=round(_percentile(tally.latencies, 0.50) * 1000, 1),
        p95_ms=round(_percentile(tally.latencies, 0.95) * 1000, 1),
        errors=errors + sum(tally.failures.values()),
        statuses={str(k): v for k, v in sorted(tally.statuses.items())} | dict(tally.failures),
        body_bytes=tally.body_bytes,
        server_cpu_ms_per_req=round(server_cpu * 1000 / max(answered, 1), 2),
        client_cpu_share=round(client_cpu / elapsed, 2),
        other_cpu_share=round(max(machine_cpu - server_cpu - client_cpu, 0.0) / elapsed, 2),
    )


async def warm_up(targets: Sequence[Target], workers: int, per_worker: int, request_timeout: float) -> None:
    """``per_worker`` requests per worker on every page, ``2 x workers`` at a time, so each worker gets some."""
    for target in targets:
        before = {pid: _cpu_seconds(pid) for pid in target.server.worker_pids()}
        started = time.perf_counter()
        tally = await drive(target, 2 * workers, Budget(remaining=per_worker * workers), request_timeout)
        spent = [_cpu_seconds(pid) - cpu for pid, cpu in before.items()]
        bad = {str(k): v for k, v in tally.statuses.items() if not 200 <= k < 300} | dict(tally.failures)
        print(
            f"  warm-up {target.server.name}:{target.page.name:<13} {len(tally.latencies):4d} requests "
            f"in {time.perf_counter() - started:5.1f} s; CPU s per worker "
            + " ".join(f"{s:.2f}" for s in spent)
            + (f"; NOT 2xx: {bad}" if bad else "")
        )


# -- the session of the buyer ---------------------------------------------------------------------------


async def buyer_session(port: int) -> tuple[str, int]:
    """(Cookie header of the logged-in demo buyer, id of one of its open orders)."""
    connection = Connection(port, 30.0)
    try:
        form = await connection.request("GET", "/account/login")
        cookies = form.cookies()
        token = re.search(rb'name="csrf_token" type="hidden" value="([^"]+)"', form.body)
        if token is None:
            raise RuntimeError("no CSRF token on the login page")
        body = urlencode({"csrf_token": token[1].decode(), "email": BUYER_EMAIL, "password": BUYER_PASSWORD}).encode()
        headers = {"Content-Type": "application/x-www-form-urlencoded", "Cookie": _cookie_header(cookies)}
        answer = await connection.request("POST", "/account/login", headers, body)
        if answer.status != 302:
            raise RuntimeError(f"login as {BUYER_EMAIL} answered {answer.status}")
        cookies |= answer.cookies()
        mine = await connection.request("GET", "/orders/mine?status=open", {"Cookie": _cookie_header(cookies)})
        found = re.search(rb'href="/orders/(\d+)"', mine.body)
        if mine.status != 200 or found is None:
            raise RuntimeError(f"no open order of {BUYER_EMAIL} (status {mine.status})")
        return _cookie_header(cookies), int(found[1])
    finally:
        await connection.close()


def _cookie_header(cookies: dict[str, str]) -> str:
    return "; ".join(f"{name}={value}" for name, value in cookies.items())


async def check_pages(targets: Sequence[Target]) -> None:
    """Each page answers 200 once; the order page shows suggested suppliers, the search page hits."""
    for target in targets:
        connection = Connection(target.server.port, 60.0)
        try:
            answer = await connection.request("GET", target.path, target.headers)
        finally:
            await connection.close()
        if answer.status != 200:
            raise RuntimeError(f"{target.page.name}: {target.path} answered {answer.status}")
        note = f"{len(answer.body):,} bytes"
        if target.page.name == "order":
            suppliers = answer.body.count(b'data-testid="supplier"')
            if not suppliers:
                raise RuntimeError("the order page shows no suggested supplier")
            note += f", {suppliers} suggested suppliers"
        print(f"  {target.page.name:<13} {target.path}: 200, {note}")


# -- the run --------------------------------------------------------------------------------------------


def machine() -> dict[str, Any]:
    model = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    memory = _memory_kib(0, "meminfo", "MemTotal")
    return {
        "cpu": model,
        "cores": os.cpu_count(),
        "memory_gib": round(memory / 1024 / 1024, 1),
        "python": platform.python_version(),
        "flask": version("flask"),
        "gunicorn": version("gunicorn"),
    }


@contextmanager
def servers(settings: Settings, env: dict[str, str], workdir: Path) -> Iterator[tuple[Server, Server]]:
    hello_env = {k: v for k, v in env.items() if k != "DATABASE_URL"}
    started: list[Server] = []
    try:
        started.append(start_server("hello", "hello_app:app", settings, hello_env, workdir))
        started.append(start_server("app", "wsgi:app", settings, env, workdir))
        yield started[0], started[1]
    finally:
        for server in started:
            server.stop()


async def run(args: argparse.Namespace, env: dict[str, str], workdir: Path) -> dict[str, Any]:
    settings = Settings(args.workers, args.threads, args.worker_class)
    chosen = [page for page in PAGES if not args.pages or page.name in args.pages]
    with servers(settings, env, workdir) as (hello, app):
        await wait_ready(hello, "/", args.workers)
        await wait_ready(app, "/health", args.workers)
        cookie, order_id = await buyer_session(app.port)
        targets = [Target(hello, HELLO, HELLO.path, {})] + [
            Target(app, page, page.path.format(order_id=order_id), {"Cookie": cookie} if page.login else {})
            for page in chosen
        ]
        print(f"Pages (gunicorn {' '.join(settings.arguments())}):")
        await check_pages(targets)
        await warm_up(targets, args.workers, args.warmup, args.timeout)
        memory_warm = {server.name: memory_of(server) for server in (hello, app)}
        load_before = os.getloadavg()
        print(f"Measuring: {args.duration:g} s per cell; load average before {load_before[0]:.2f}")
        cells: list[Cell] = []
        for concurrency in args.concurrency:
            hello_cell: Cell | None = None
            for target in targets:
                if args.wait_idle:
                    await wait_idle(args.wait_idle)
                cell = await measure(target, concurrency, args.duration, args.timeout)
                if target.page is HELLO:
                    hello_cell = cell
                elif hello_cell is not None and hello_cell.req_per_s:
                    cell.ratio_to_hello = round(cell.req_per_s / hello_cell.req_per_s, 4)
                print_cell(cell, first=not cells)
                cells.append(cell)
        load_after = os.getloadavg()
        memory_end = {server.name: memory_of(server) for server in (hello, app)}
    print(f"Load average: before {load_before[0]:.2f}, after {load_after[0]:.2f} (1-minute)")
    print_memory(memory_warm, memory_end)
    return {
        "machine": machine(),
        "gunicorn": settings.arguments(),
        "database": "sqlite (throw-away, demo cluster)" if not args.database_url else _redacted(args.database_url),
        "order_id": order_id,
        "duration_s": args.duration,
        "load_average_before": load_before,
        "load_average_after": load_after,
        "cells": [asdict(cell) for cell in cells],
        "memory_after_warm_up_mib": {name: asdict(m) for name, m in memory_warm.items()},
        "memory_at_end_mib": {name: asdict(m) for name, m in memory_end.items()},
    }


def _redacted(url: str) -> str:
    return re.sub(r"//([^:/@]+):[^@]*@", r"//\1:***@", url)


HEADER = (
    f"{'page':<13} {'c':>3} {'req/s':>8} {'× hello':>8} {'p50 ms':>8} {'p95 ms':>8} {'errors':>6} "
    f"{'srv CPU ms/req':>14} {'client CPU':>10} {'other CPU':>9} {'bytes':>8}"
)


def print_cell(cell: Cell, *, first: bool) -> None:
    if first:
        print(HEADER)
    ratio = f"{cell.ratio_to_hello:.3f}" if cell.ratio_to_hello is not None else "1"
    print(
        f"{cell.page:<13} {cell.concurrency:>3} {cell.req_per_s:>8,.1f} {ratio:>8} {cell.p50_ms:>8.1f} "
        f"{cell.p95_ms:>8.1f} {cell.errors:>6} {cell.server_cpu_ms_per_req:>14.2f} "
        f"{cell.client_cpu_share:>10.0%} {cell.other_cpu_share:>9.0%} {cell.body_bytes:>8,}",
        flush=True,
    )


def print_memory(warm: dict[str, Memory], end: dict[str, Memory]) -> None:
    print("Memory of the gunicorn workers, MiB (after warm-up → at the end):")
    for name, memory in end.items():
        before = warm[name]
        print(
            f"  {name:<6} {memory.workers} workers: RSS per worker {before.worker_rss_mean:.0f} → "
            f"{memory.worker_rss_mean:.0f} (max {memory.worker_rss_max:.0f}), RSS total "
            f"{memory.workers_rss_total:.0f}, PSS total {memory.workers_pss_total:.0f}; master {memory.master_rss:.0f}"
        )


def parse_arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workers", type=int, default=4, help="gunicorn --workers (both servers); default 4")
    parser.add_argument("--threads", type=int, default=1, help="gunicorn --threads; default 1 (sync workers)")
    parser.add_argument("--worker-class", help="gunicorn --worker-class; default: gunicorn's choice")
    parser.add_argument(
        "--concurrency",
        type=lambda text: [int(n) for n in text.split(",")],
        default=[1, 8, 32],
        help="comma-separated client counts; default 1,8,32",
    )
    parser.add_argument("--duration", type=float, default=5.0, help="seconds per (page, concurrency); default 5")
    parser.add_argument("--warmup", type=int, default=10, help="warm-up requests per worker and page; default 10")
    parser.add_argument(
        "--wait-idle",
        type=float,
        default=0.0,
        metavar="SECONDS",
        help="before each cell, wait up to this long for the other processes to leave the CPU idle; default 0",
    )
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds before a request counts as failed")
    parser.add_argument("--pages", nargs="*", choices=[page.name for page in PAGES], help="a subset of the pages")
    parser.add_argument(
        "--database-url",
        help="an existing database (migrated and seeded when empty) instead of a throw-away SQLite file",
    )
    parser.add_argument("--keep", type=Path, help="prepare the files in this directory and keep them")
    parser.add_argument("--json", type=Path, help="also write the results as JSON to this file")
    return parser.parse_args()


def main() -> int:
    args = parse_arguments()
    with tempfile.TemporaryDirectory(prefix="marketplace-load-") as temporary:
        workdir = args.keep or Path(temporary)
        workdir.mkdir(parents=True, exist_ok=True)
        env = app_environment(workdir, args.database_url)
        print(f"Database: {_redacted(env['DATABASE_URL'])}; files in {workdir}")
        prepare_database(env)
        result = asyncio.run(run(args, env, workdir))
    if args.json:
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n")
        print(f"Written: {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
