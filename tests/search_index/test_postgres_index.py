"""What only the PostgreSQL backend has: connections, the writers' lock, transactions, the term table,
PostgreSQL's limits. What every backend does is in ``test_index.py``."""

from __future__ import annotations

import os
import random
import threading

import psycopg
import pytest
from psycopg import sql

from search_index import Document, IndexBusy, SearchIndexError, open_index
from search_index.postgres_backend import WRITE_LOCK, PostgresIndex, plain_dsn
from tests.search_index.conftest import doc, empty_postgres_tables


@pytest.fixture
def pg_index(postgres_search_dsn):
    empty_postgres_tables(postgres_search_dsn)
    index = open_index("postgres", dsn=postgres_search_dsn)
    yield index
    index.close()


def stored_terms(dsn):
    with psycopg.connect(dsn) as connection:
        return dict(connection.execute("SELECT term, df FROM search_term").fetchall())


def counted_terms(dsn):
    """search_term as it should be: every stem of a title, tags or body, with how many documents hold it."""
    with psycopg.connect(dsn) as connection:
        return dict(
            connection.execute(
                "SELECT lexeme, count(*) FROM search_document, unnest(tsvector_to_array(tsv)) AS lexeme"
                " WHERE left(lexeme, 1) NOT IN ('#', '~', '*') GROUP BY lexeme"
            ).fetchall()
        )


def test_open_index_needs_a_database():
    with pytest.raises(ValueError, match="dsn"):
        open_index("postgres")


def test_an_unreachable_database_is_a_search_index_error():
    with pytest.raises(SearchIndexError, match="cannot reach"):
        open_index("postgres", dsn="postgresql://postgres@127.0.0.1:1/nowhere?connect_timeout=2")


def test_sqlalchemy_urls_are_accepted():
    assert plain_dsn("postgresql+psycopg://u:p@h:5432/db?x=1") == "postgresql://u:p@h:5432/db?x=1"
    assert plain_dsn("postgresql://u@h/db") == "postgresql://u@h/db"
    assert plain_dsn("host=h dbname=db") == "host=h dbname=db"


def test_missing_tables_are_a_search_index_error_that_says_what_to_do(postgres_search_dsn):
    empty = f"search_test_empty_{os.getpid()}"
    with psycopg.connect(postgres_search_dsn, autocommit=True) as connection:
        connection.execute(sql.SQL("CREATE SCHEMA IF NOT EXISTS {}").format(sql.Identifier(empty)))
    try:
        params = psycopg.conninfo.conninfo_to_dict(postgres_search_dsn)
        dsn = psycopg.conninfo.make_conninfo(**{**params, "options": f"-c search_path={empty}"})
        with pytest.raises(SearchIndexError, match="migrations"):
            open_index("postgres", dsn=dsn)
        index = PostgresIndex(dsn)
        with pytest.raises(SearchIndexError, match="migrations"):
            index.query("фланец")
        with pytest.raises(SearchIndexError, match="migrations"):
            index.add([doc("product", 1, "Фланец")])
        index.close()
    finally:
        with psycopg.connect(postgres_search_dsn, autocommit=True) as connection:
            connection.execute(sql.SQL("DROP SCHEMA {} CASCADE").format(sql.Identifier(empty)))


def test_a_broken_connection_is_replaced(pg_index, postgres_search_dsn):
    pg_index.add([doc("product", 1, "Фланец")])
    backend_pid = pg_index._connection().info.backend_pid
    with psycopg.connect(postgres_search_dsn, autocommit=True) as connection:
        connection.execute("SELECT pg_terminate_backend(%s)", (backend_pid,))
    assert pg_index.query("фланец").total == 1  # the read is retried on a new connection
    assert pg_index._connection().info.backend_pid != backend_pid
    pg_index.add([doc("product", 2, "Фланец")])
    assert pg_index.doc_count() == 2


def test_each_thread_has_its_own_connection(pg_index):
    pids = {pg_index._connection().info.backend_pid}

    def read():
        pids.add(pg_index._connection().info.backend_pid)

    thread = threading.Thread(target=read)
    thread.start()
    thread.join()
    assert len(pids) == 2


def test_a_writer_waits_for_the_lock_then_gets_index_busy(postgres_search_dsn):
    index = open_index("postgres", dsn=postgres_search_dsn, lock_timeout=0.2)
    index.rebuild([doc("product", 1, "Фланец")])
    with psycopg.connect(postgres_search_dsn, autocommit=True) as other_writer:
        other_writer.execute("SELECT pg_advisory_lock(%s)", (WRITE_LOCK,))
        with pytest.raises(IndexBusy):
            index.add([doc("product", 2, "Фланец")])
        assert index.query("фланец").total == 1  # readers never wait
        other_writer.execute("SELECT pg_advisory_unlock(%s)", (WRITE_LOCK,))
    index.add([doc("product", 2, "Фланец")])
    assert index.query("фланец").total == 2
    index.close()


def tables_agree(dsn):
    """Each document has its row in search_document, search_content and search_completion, alike."""
    with psycopg.connect(dsn) as connection:
        return (
            connection.execute(
                "SELECT count(*) FROM search_document d FULL JOIN search_content c USING (key)"
                " FULL JOIN search_completion s USING (key)"
                " WHERE (d.type, d.type, c.ref, c.title, d.filter_values)"
                " IS DISTINCT FROM (c.type, s.type, s.ref, s.title, s.filter_values)"
            ).fetchone()[0]
            == 0
        )


def test_the_tables_follow_every_change(pg_index, postgres_search_dsn):
    rng = random.Random(7)  # noqa: S311  seeded test data
    vocabulary = ["фланец", "труба", "станок", "клапан", "насос", "корпус", "вал", "shaft", "pump", "valve"]

    def random_doc(n):
        return doc(
            "product",
            n,
            " ".join(rng.sample(vocabulary, 2)),
            " ".join(rng.choices(vocabulary, k=5)),
            tags=[rng.choice(vocabulary)],
            protected=rng.choice(vocabulary),
            fields={"group": str(n % 3)},
        )

    pg_index.rebuild(random_doc(n) for n in range(30))
    assert stored_terms(postgres_search_dsn) == counted_terms(postgres_search_dsn)
    assert tables_agree(postgres_search_dsn)
    for _ in range(20):
        pg_index.update(
            add=[random_doc(rng.randrange(40)) for _ in range(3)],
            remove=[("product", str(rng.randrange(40)))],
            remove_where=[{"group": str(rng.randrange(3))}] if rng.random() < 0.2 else [],
        )
        assert stored_terms(postgres_search_dsn) == counted_terms(postgres_search_dsn)
        assert tables_agree(postgres_search_dsn)
    pg_index.clear()
    assert stored_terms(postgres_search_dsn) == {}
    assert tables_agree(postgres_search_dsn)


def test_quotes_backslashes_and_postgresql_limits(pg_index):
    long_word = "ф" * 3000  # over PostgreSQL's 2047 bytes per lexeme
    pg_index.add(
        [
            doc("product", 1, "Заглушка 'особая'", codes=["25.62'", "a\\b1", "28.13:1", "''", "\\"]),
            doc("product", 2, "Длинное описание", " ".join(["слово"] * 20000 + ["последнее"])),
            doc("product", 3, f"Очень {long_word} длинное слово"),
        ]
    )
    assert [h.id for h in pg_index.query("особая").hits] == ["1"]
    assert [h.id for h in pg_index.query("25").hits] == ["1"]
    assert [h.id for h in pg_index.query("последнее").hits] == ["2"]  # beyond position 16383
    assert [h.id for h in pg_index.query(long_word).hits] == ["3"]
    assert pg_index.query('"очень длинное"').total == 0


def test_a_rebuild_is_seen_only_once_committed(pg_index, postgres_search_dsn):
    pg_index.rebuild([doc("product", 1, "Фланец")])
    reader = open_index("postgres", dsn=postgres_search_dsn)
    seen_meanwhile = []

    def documents():
        yield doc("product", 2, "Заглушка")
        seen_meanwhile.append((reader.query("фланец").total, reader.query("заглушка").total))
        yield doc("product", 3, "Заглушка")

    assert pg_index.rebuild(documents()) == 2
    assert seen_meanwhile == [(1, 0)]
    assert (reader.query("фланец").total, reader.query("заглушка").total) == (0, 2)
    reader.close()


def test_a_failed_rebuild_keeps_what_the_index_held(pg_index):
    pg_index.rebuild([doc("product", 1, "Фланец")])

    def documents():
        yield doc("product", 2, "Заглушка")
        raise RuntimeError("the database went away")

    with pytest.raises(RuntimeError):
        pg_index.rebuild(documents())
    with pytest.raises(SearchIndexError, match="twice"):
        pg_index.rebuild([doc("product", 2, "Заглушка"), doc("product", 2, "Заглушка")])
    assert pg_index.digests() == {("product", "1"): doc("product", 1, "Фланец").digest}
    assert pg_index.query("фланец").total == 1


def test_an_index_dropped_without_closing_closes_its_connections(postgres_search_dsn):
    index = open_index("postgres", dsn=postgres_search_dsn)
    connection = index._connection()
    del index
    assert connection.closed


def test_documents_of_any_id_type(pg_index):
    pg_index.add([Document("product", 7, "Фланец"), Document("product", "x-7", "Фланец")])
    assert sorted(h.id for h in pg_index.query("фланец").hits) == ["7", "x-7"]
