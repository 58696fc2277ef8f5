"""The HTTP/1.1 client of ``bench/load.py`` against a scripted server on 127.0.0.1 (no app, no gunicorn)."""

from __future__ import annotations

import asyncio
import importlib.util
import sys
from pathlib import Path

import pytest

_PATH = Path(__file__).resolve().parents[2] / "bench" / "load.py"


@pytest.fixture(scope="module")
def load():
    spec = importlib.util.spec_from_file_location("bench_load", _PATH)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    yield module
    del sys.modules[spec.name]


class Scripted:
    """Answers each request with the next canned answer; counts connections and requests."""

    def __init__(self, answers: list[bytes], close_after: int | None = None) -> None:
        self.answers = list(answers)
        self.close_after = close_after  # close every connection after this many answers
        self.connections = 0
        self.requests: list[bytes] = []

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections += 1
        served = 0
        try:
            while self.answers:
                head = await reader.readuntil(b"\r\n\r\n")
                length = next(
                    (
                        int(line.split(b":")[1])
                        for line in head.split(b"\r\n")
                        if line.lower().startswith(b"content-length")
                    ),
                    0,
                )
                self.requests.append(head + await reader.readexactly(length))
                writer.write(self.answers.pop(0))
                await writer.drain()
                served += 1
                if self.close_after is not None and served >= self.close_after:
                    break
        except asyncio.IncompleteReadError:
            pass
        finally:
            writer.close()


def run(load, server: Scripted, client) -> object:
    async def main() -> object:
        listening = await asyncio.start_server(server.handle, "127.0.0.1", 0)
        port = listening.sockets[0].getsockname()[1]
        connection = load.Connection(port, 5.0)
        try:
            return await client(connection)
        finally:
            await connection.close()
            listening.close()
            await listening.wait_closed()

    return asyncio.run(main())


OK = b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\nSet-Cookie: session=abc; HttpOnly; Path=/\r\n\r\nhello"
CLOSE = b"HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nhi"
CHUNKED = (
    b"HTTP/1.1 404 NOT FOUND\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2;x=y\r\nde\r\n0\r\nTrailer: t\r\n\r\n"
)


def test_keep_alive_reuses_the_connection(load):
    server = Scripted([OK, OK])

    async def client(connection):
        return [await connection.request("GET", "/") for _ in range(2)]

    answers = run(load, server, client)
    assert [a.body for a in answers] == [b"hello", b"hello"]
    assert answers[0].cookies() == {"session": "abc"}
    assert server.connections == 1


def test_connection_close_and_chunked_bodies(load):
    server = Scripted([CLOSE, CHUNKED, CLOSE], close_after=1)

    async def client(connection):
        return [await connection.request("GET", "/") for _ in range(3)]

    answers = run(load, server, client)
    assert [(a.status, a.body) for a in answers] == [(200, b"hi"), (404, b"abcde"), (200, b"hi")]
    assert server.connections == 3


def test_a_kept_alive_connection_closed_by_the_server_is_retried_once(load):
    server = Scripted([OK, OK], close_after=1)  # answers keep-alive, then hangs up

    async def client(connection):
        first = await connection.request("GET", "/")
        await asyncio.sleep(0.05)  # the server has closed its side meanwhile
        second = await connection.request("POST", "/login", {"Cookie": "a=b"}, b"x=1")
        return first, second

    first, second = run(load, server, client)
    assert (first.status, second.status) == (200, 200)
    assert server.connections == 2
    assert server.requests[-1].startswith(b"POST /login HTTP/1.1\r\n")
    assert b"Cookie: a=b\r\n" in server.requests[-1]
    assert server.requests[-1].endswith(b"Content-Length: 3\r\n\r\nx=1")


def test_percentiles_and_budget(load):
    assert load._percentile([5.0, 1.0, 3.0, 2.0, 4.0], 0.5) == 3.0
    assert load._percentile([1.0] * 19 + [100.0], 0.95) == 1.0
    budget = load.Budget(remaining=2)
    assert [budget.take() for _ in range(3)] == [True, True, False]
