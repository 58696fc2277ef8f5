"""Fixtures of the search library's tests: the same tests run against every backend.

``index`` (and ``empty_index``) is an index of each backend in turn: "memory" and "whoosh" (files
in a temporary directory) always, "postgres" when TEST_DATABASE_URL names a PostgreSQL database
(skipped with the reason otherwise; a failure with MARKETPLACE_REQUIRE_POSTGRES=1). The PostgreSQL
index lives in a schema of its own, made for the test session and dropped after it, so it never
meets the application's tables nor another run's; its tables are emptied before each test.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator

import psycopg
import pytest
from psycopg import sql

from search_index import Document, SearchIndex, open_directory_index, open_index, open_memory_index
from search_index.postgres_backend import TABLES, create_schema, plain_dsn

BACKENDS = ("memory", "whoosh", "postgres")


def postgres_url() -> str | None:
    """The test database as a libpq URL, or None (skip, or fail when PostgreSQL is required)."""
    url = os.environ.get("TEST_DATABASE_URL")
    if url:
        return plain_dsn(url)
    if os.environ.get("MARKETPLACE_REQUIRE_POSTGRES") == "1":
        pytest.fail("MARKETPLACE_REQUIRE_POSTGRES=1 but TEST_DATABASE_URL is not set")
    pytest.skip(
        "PostgreSQL search backend skipped: set TEST_DATABASE_URL (e.g. postgresql://postgres@127.0.0.1:5432/test)"
    )
    return None  # pragma: no cover (skip raises)


@pytest.fixture(scope="session")
def postgres_search_dsn() -> Iterator[str]:
    """A connection string whose ``search_path`` leads to a fresh schema holding the search tables."""
    url = postgres_url()
    assert url is not None
    schema = f"search_test_{os.getpid()}"
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(schema)))
        connection.execute(sql.SQL("CREATE SCHEMA {}").format(sql.Identifier(schema)))
        connection.execute(sql.SQL("SET search_path = {}, public").format(sql.Identifier(schema)))
        create_schema(connection)
    try:
        yield psycopg.conninfo.make_conninfo(url, options=f"-c search_path={schema},public")
    finally:
        with psycopg.connect(url, autocommit=True) as connection:
            connection.execute(sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(schema)))


def empty_postgres_tables(dsn: str) -> None:
    with psycopg.connect(dsn, autocommit=True) as connection:
        for table in TABLES:
            connection.execute(sql.SQL("DELETE FROM {}").format(sql.Identifier(table)))


@pytest.fixture(params=BACKENDS)
def index_backend(request) -> str:
    return request.param


@pytest.fixture
def open_test_index(index_backend, tmp_path, request) -> Iterator[Callable[[], SearchIndex]]:
    """Opens indexes of the backend under test; all see the same content, as several processes would
    (for "memory": one index, the only way it can be shared)."""
    opened: list[SearchIndex] = []
    dsn = request.getfixturevalue("postgres_search_dsn") if index_backend == "postgres" else None
    if dsn is not None:
        empty_postgres_tables(dsn)

    def open_one() -> SearchIndex:
        if index_backend == "memory":
            if opened:
                return opened[0]
            ix: SearchIndex = open_memory_index()
        elif index_backend == "whoosh":
            ix = open_directory_index(tmp_path / "index")
        else:
            ix = open_index("postgres", dsn=dsn)
        opened.append(ix)
        return ix

    yield open_one
    for ix in opened:
        ix.close()


@pytest.fixture
def empty_index(open_test_index) -> SearchIndex:
    return open_test_index()


def doc(type_, id_, title, body="", **kw) -> Document:
    kw.setdefault("fields", {"visibility": "public"})
    return Document(type_, id_, title, body=body, **kw)


SAMPLE = [
    doc(
        "product",
        1,
        "Фланец стальной плоский",
        "Фланцы приварные из стали 09Г2С по ГОСТ 33259.",
        codes=["25.62.10"],
        fields={"visibility": "public", "organization_id": "1"},
    ),
    doc(
        "product",
        2,
        "Machined shafts",
        "Shafts machined on 5-axis CNC centres.",
        fields={"visibility": "public", "organization_id": "2"},
    ),
    doc(
        "order",
        3,
        "Изготовление корпусов насосов",
        "Литьё и механическая обработка корпусов.",
        codes=["28.13"],
        fields={"visibility": "members", "organization_id": "1", "status": "open"},
    ),
    doc(
        "organization",
        4,
        "ООО «Полимер-Юг» / Polymer South LLC",
        "Производство полимерных красок. We make polymer paints and coatings.",
        tags=["Лакокрасочные материалы", "Paints and varnishes"],
        protected="ISO 9001:2015",
        names=["Полимер-Юг", "Polymer South"],
        fields={"visibility": "public", "organization_id": "4"},
    ),
]


@pytest.fixture
def index(empty_index) -> SearchIndex:
    empty_index.add(SAMPLE)
    return empty_index
