"""The on-disk index: shared by several writers (processes), locks, schema versions."""

from __future__ import annotations

import logging
import threading

import pytest
from whoosh.fields import ID, Schema
from whoosh.filedb.filestore import FileStorage

from search_index import Document, IndexBusy, open_directory_index, open_index


def test_created_on_first_open_and_reopened(tmp_path):
    path = tmp_path / "index"
    ix = open_directory_index(path)
    ix.add([Document("product", 1, "Фланец")])
    ix.close()
    assert open_directory_index(path).query("фланцы").total == 1


def test_two_writers_see_each_others_commits(tmp_path):
    # Two index objects on one directory stand for two worker processes.
    first, second = open_directory_index(tmp_path), open_directory_index(tmp_path)
    first.add([Document("product", 1, "Фланец")])
    second.add([Document("product", 2, "Фланец большой")])
    assert first.query("фланец").total == second.query("фланец").total == 2
    second.remove([("product", "1")])
    assert [h.id for h in first.query("фланец").hits] == ["2"]


def test_a_held_lock_refuses_the_write_and_keeps_nothing_back(tmp_path):
    # The caller (the application's outbox) keeps the change and sends it again; a change kept here
    # could overwrite a newer one that another process writes meanwhile.
    ix = open_directory_index(tmp_path, lock_timeout=0.2)
    ix.add([Document("product", 1, "Фланец")])
    other_process = open_directory_index(tmp_path)
    writer = other_process._ix.writer()  # holds the lock as another process's writer would
    try:
        with pytest.raises(IndexBusy):
            ix.add([Document("product", 1, "Фланец старый")])
    finally:
        writer.cancel()
    other_process.add([Document("product", 1, "Фланец новый")])  # a newer version, written elsewhere
    ix.add([Document("product", 2, "Заглушка")])
    ix.flush()
    assert [h.id for h in ix.query("новый").hits] == ["1"]
    assert ix.query("старый").total == 0
    assert ix.query("заглушка").total == 1


def test_concurrent_writers_wait_for_the_lock(tmp_path):
    # Each thread opens the index itself, as a worker process would, while others already write.
    errors = []

    def write(n):
        try:
            ix = open_directory_index(tmp_path, lock_timeout=30)
            for i in range(5):
                ix.add([Document("product", n * 100 + i, f"Фланец {n} {i}")])
        except Exception as exc:  # noqa: BLE001 (collected and asserted below)
            errors.append(exc)

    stop = threading.Event()

    def read():
        try:
            ix = open_directory_index(tmp_path)
            while not stop.is_set():
                ix.query("фланец")
        except Exception as exc:  # noqa: BLE001
            errors.append(exc)

    writers = [threading.Thread(target=write, args=(n,)) for n in range(4)]
    reader = threading.Thread(target=read)
    for t in [*writers, reader]:
        t.start()
    for t in writers:
        t.join()
    stop.set()
    reader.join()
    assert errors == []
    assert open_directory_index(tmp_path).query("фланец").total == 20


def test_an_index_of_another_schema_is_recreated_empty(tmp_path, caplog, monkeypatch):
    # Alembic's logging.config.fileConfig (run by the migration tests) disables existing loggers.
    monkeypatch.setattr(logging.getLogger("search_index.whoosh_backend"), "disabled", False)
    FileStorage(str(tmp_path)).create_index(Schema(key=ID(stored=True)))
    ix = open_directory_index(tmp_path)
    assert ix.doc_count() == 0
    ix.add([Document("product", 1, "Фланец")])
    assert ix.query("фланец").total == 1
    assert "older schema" in caplog.text


def test_open_index_by_backend_name(tmp_path):
    assert open_index("memory").doc_count() == 0
    assert open_index("whoosh", str(tmp_path)).doc_count() == 0
    with pytest.raises(ValueError):
        open_index("whoosh")
    with pytest.raises(ValueError):
        open_index("elastic")
