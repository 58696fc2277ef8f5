"""No index change is lost: the outbox commits with the records and is applied after the commit.

A failed or interrupted index write leaves its rows; the next write or ``flask search sync``
applies them; ``flask search check`` finds and repairs what the index has wrong.
"""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import event, func, select
from sqlalchemy.orm import Session

from marketplace.db import db
from marketplace.models import OrderStatus, Product, SearchOutbox
from marketplace.search import outbox
from marketplace.search.check import compare
from marketplace.search.documents import DocumentBuilder
from marketplace.search.engine import get_index
from marketplace.search.models import ORGANIZATION_TREE
from search_index import Document, IndexBusy, SearchIndexError
from tests import factories
from tests.conftest import create_tables, make_test_app

ROOT = Path(__file__).resolve().parents[2]


def pending() -> list[tuple[str, int]]:
    """The outbox rows, oldest first, as committed (read in a transaction of their own)."""
    with Session(db.engine) as session:
        return [
            tuple(row)
            for row in session.execute(select(SearchOutbox.doc_type, SearchOutbox.record_id).order_by(SearchOutbox.id))
        ]


@pytest.fixture
def broken_index(index, monkeypatch):
    """Makes every index write fail with the given error until ``broken_index(None)``."""
    original = type(index).update

    def set_failure(error):
        def update(self, *args, **kwargs):
            if error is not None:
                raise error
            return original(self, *args, **kwargs)

        monkeypatch.setattr(type(index), "update", update)

    # Alembic's logging.config.fileConfig (run by the migration tests) disables existing loggers.
    monkeypatch.setattr(logging.getLogger("marketplace.search.sync"), "disabled", False)
    monkeypatch.setattr(logging.getLogger("marketplace.search.outbox"), "disabled", False)
    return set_failure


# -- the outbox commits with the records ------------------------------------------------------------


def test_a_commit_writes_one_outbox_row_per_document(app, monkeypatch):
    monkeypatch.setattr("marketplace.search.sync.apply_pending", lambda **_kw: None)  # leave the rows be
    org = factories.organization()
    product = factories.product(org, name_ru="Муфта кулачковая")
    assert pending() == [("organization", org.id), ("product", product.id)]


def test_a_rollback_leaves_no_outbox_rows(app):
    org = factories.organization()
    assert pending() == []
    db.session.add(Product(organization=org, name_ru="Кронштейн", okpd2="25.99"))
    db.session.flush()
    db.session.rollback()
    assert pending() == []


def test_a_commit_failing_after_the_outbox_insert_leaves_neither_record_nor_rows(app, found):
    org = factories.organization()
    inside = []

    def fail(session):
        inside.extend(session.execute(select(SearchOutbox.doc_type)).scalars())
        raise RuntimeError("the commit fails after the outbox rows were inserted")

    event.listen(Session, "before_commit", fail)  # runs after the sync hook, registered at import
    try:
        db.session.add(Product(organization=org, name_ru="Шестерня цилиндрическая", okpd2="28.15"))
        with pytest.raises(RuntimeError):
            db.session.commit()
        db.session.rollback()
    finally:
        event.remove(Session, "before_commit", fail)
    assert inside == ["product"]  # the row was written in the transaction that failed...
    assert db.session.scalar(select(func.count(Product.id))) == 0
    assert pending() == []  # ...and went with it
    assert found("шестерня") == []


def test_after_the_commit_the_rows_are_applied_and_gone(app, found):
    org = factories.organization(name_ru="ООО «Теплотехника»")
    product = factories.product(org, name_ru="Теплообменник пластинчатый")
    assert found("теплообменники") == [("product", product.id)]
    assert found("теплотехника", types=["organization"]) == [("organization", org.id)]
    assert pending() == []


def test_a_deleted_organization_leaves_one_row_for_all_its_documents(app, found, monkeypatch):
    org = factories.organization()
    factories.product(org, name_ru="Гидроцилиндр")
    monkeypatch.setattr("marketplace.search.sync.apply_pending", lambda **_kw: None)
    db.session.delete(org)
    db.session.commit()
    assert pending() == [("organization", org.id), (ORGANIZATION_TREE, org.id)]
    outbox.apply_all()
    assert found("гидроцилиндр") == []
    assert pending() == []


# -- what the index write does not take, the next one does ------------------------------------------


def test_an_index_failure_keeps_the_rows_and_the_next_write_applies_them(app, found, broken_index, caplog):
    broken_index(SearchIndexError("disk full"))
    product = factories.product(factories.organization(), name_ru="Редуктор червячный")
    assert found("редуктор") == []
    assert ("product", product.id) in pending()
    assert "the changes wait in the outbox" in caplog.text

    broken_index(None)
    other = factories.product(factories.organization(), name_ru="Редуктор цилиндрический")
    assert set(found("редуктор")) == {("product", product.id), ("product", other.id)}
    assert pending() == []


def test_a_busy_index_keeps_the_rows(app, found, broken_index, caplog):
    broken_index(IndexBusy("locked"))
    product = factories.product(factories.organization(), name_ru="Муфта упругая")
    assert ("product", product.id) in pending()
    assert "busy" in caplog.text
    broken_index(None)
    outbox.apply_all()
    assert found("муфта") == [("product", product.id)]


def test_an_applier_waits_for_another_and_then_leaves_the_rows(app, backend, found, broken_index, caplog):
    app.config["SEARCH_LOCK_TIMEOUT"] = 0.2
    org = factories.organization()
    if backend == "postgresql":  # another process applying: it holds the advisory lock
        with db.engine.connect() as other:
            other.execute(select(func.pg_advisory_xact_lock(outbox.ADVISORY_LOCK_KEY)))
            product = factories.product(org, name_ru="Насос шестеренный")
            other.rollback()
    else:  # another thread of this process applying
        with outbox._thread_lock:
            product = factories.product(org, name_ru="Насос шестеренный")
    assert found("насос") == []
    assert pending() == [("product", product.id)]
    assert "busy" in caplog.text
    outbox.apply_all()
    assert found("насос") == [("product", product.id)]


def test_one_apply_takes_the_oldest_rows_and_its_own(app, found, broken_index):
    broken_index(SearchIndexError("down"))
    org = factories.organization()
    first = factories.product(org, name_ru="Втулка")
    second = factories.product(org, name_ru="Шайба")
    broken_index(None)
    assert outbox.apply_pending(limit=1).rows == 1  # the oldest: the organization
    assert pending() == [("product", first.id), ("product", second.id)]
    with Session(db.engine) as session:
        newest = session.scalar(select(func.max(SearchOutbox.id)))
    applied = outbox.apply_pending(also=range(newest, newest + 1), limit=0)
    assert applied.rows == 1
    assert pending() == [("product", first.id)]
    assert found("шайба") == [("product", second.id)]
    assert found("втулка") == []


def test_a_document_that_cannot_be_built_does_not_hold_up_the_others(app, found, monkeypatch, caplog):
    monkeypatch.setattr(logging.getLogger("marketplace.search.outbox"), "disabled", False)
    order = factories.order(factories.organization(), title="Поставка проката")

    def broken(self, obj):
        raise ValueError("a bug in the document builder")

    monkeypatch.setattr(DocumentBuilder, "_order", broken)
    order.title = "Поставка арматуры"
    product = factories.product(factories.organization(), name_ru="Арматура А500С")
    assert found("арматура") == [("product", product.id)]
    assert found("прокат") == [("order", order.id)]  # as the index had it
    assert "order:" in caplog.text
    assert pending() == []


# -- flask search sync ------------------------------------------------------------------------------


def test_sync_applies_every_pending_row(app, runner, found, broken_index):
    broken_index(SearchIndexError("down"))
    org = factories.organization(name_ru="ООО «Гидромаш»")
    product = factories.product(org, name_ru="Гидромотор")
    assert len(pending()) == 2

    result = runner.invoke(args=["search", "sync"])
    assert result.exit_code == 1
    assert "could not be updated" in result.output
    assert len(pending()) == 2

    broken_index(None)
    result = runner.invoke(args=["search", "sync"])
    assert result.exit_code == 0, result.output
    assert "Applied 2 pending change(s): 2 document(s) written, 0 removed." in result.output
    assert found("гидромотор") == [("product", product.id)]
    assert found("гидромаш", types=["organization"]) == [("organization", org.id)]
    assert pending() == []


def test_reindex_clears_the_rows_it_supersedes(app, runner, found, broken_index):
    broken_index(SearchIndexError("down"))
    product = factories.product(factories.organization(), name_ru="Компрессор винтовой")
    assert pending()
    broken_index(None)
    assert runner.invoke(args=["search", "reindex"]).exit_code == 0
    assert pending() == []
    assert found("компрессор") == [("product", product.id)]


# -- flask search check -----------------------------------------------------------------------------


def test_check_finds_missing_stale_and_extra_documents_and_repairs_them(app, runner, index, found):
    org = factories.organization(name_ru="ООО «Литейный двор»")
    product = factories.product(org, name_ru="Отливка чугунная")
    draft = factories.order(org, title="Заказ отливок", status=OrderStatus.DRAFT)
    draft_document = Document("order", draft.id, "Заказ отливок", fields={"status": "draft"})
    index.remove([("organization", str(org.id))])  # missing
    index.add([Document("product", product.id, "Поковка стальная")])  # stale
    index.add([Document("product", 999, "Призрачный фланец"), draft_document])  # extra: gone, not indexed
    before = index.digests()

    result = runner.invoke(args=["search", "check", "--dry-run"])
    assert result.exit_code == 1, result.output
    assert f"organization: 1 missing ({org.id})" in result.output
    assert f"product: 1 stale ({product.id}), 1 extra (999)" in result.output
    assert f"order: 1 extra ({draft.id})" in result.output
    assert "4 document(s) out of step; nothing changed (--dry-run)." in result.output
    assert index.digests() == before

    result = runner.invoke(args=["search", "check"])
    assert result.exit_code == 0, result.output
    assert "Repaired 4 document(s)." in result.output
    assert found("литейный", types=["organization"]) == [("organization", org.id)]
    assert found("отливка") == [("product", product.id)]
    assert found("поковка") == []
    assert found("призрачный") == []
    assert found("заказ") == []
    assert pending() == []

    result = runner.invoke(args=["search", "check", "--dry-run"])
    assert result.exit_code == 0, result.output
    assert "The search index is in step with the database." in result.output


# -- a writer killed between its commit and the index write ------------------------------------------


@pytest.fixture
def on_disk(tmp_path):
    """An app on a file SQLite database and an on-disk index, with the tables made; and a way to run
    a separate writer process on the same database and index."""
    url = f"sqlite:///{tmp_path / 'kill.db'}"
    index_dir = tmp_path / "index"
    parent = make_test_app(url, tmp_path / "parent", SEARCH_BACKEND="whoosh", SEARCH_INDEX_DIR=str(index_dir))

    def writer(organization_id: int, name: str, *, kill: bool) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "OUTBOX_WRITER_KILL": "1" if kill else "0"}
        command = [sys.executable, "-m", "tests.search.outbox_writer", url, str(index_dir), str(organization_id), name]
        return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False)  # noqa: S603  our own script

    with parent.app_context():
        create_tables()
        try:
            yield parent, writer
        finally:
            get_index(parent).close()
            db.session.remove()
            db.engine.dispose()


def _found_ids(app, text):
    """The ids the on-disk index finds for ``text``, as it has them now (written by any process)."""
    return [hit.id for hit in get_index(app).query(text).hits]


def test_a_writer_killed_after_its_commit_loses_nothing_sync_applies_it(on_disk):
    app, writer = on_disk
    org = factories.organization(name_ru="ООО «Теплообмен»")
    assert pending() == []

    killed = writer(org.id, "Теплообменник кожухотрубный", kill=True)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    product = db.session.scalar(select(Product).where(Product.name_ru == "Теплообменник кожухотрубный"))
    assert product is not None  # the commit happened
    assert _found_ids(app, "теплообменник") == []  # the index never heard of it
    assert pending() == [("product", product.id)]  # the outbox did

    result = app.test_cli_runner().invoke(args=["search", "sync"])
    assert result.exit_code == 0, result.output
    assert "Applied 1 pending change(s)" in result.output
    assert _found_ids(app, "теплообменник") == [str(product.id)]
    assert pending() == []


def test_a_writer_killed_after_its_commit_loses_nothing_the_next_write_applies_it(on_disk):
    app, writer = on_disk
    org = factories.organization()

    killed = writer(org.id, "Задвижка клиновая", kill=True)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    lost = db.session.scalar(select(Product).where(Product.name_ru == "Задвижка клиновая"))
    assert _found_ids(app, "задвижка") == []

    other = factories.product(org, name_ru="Задвижка шиберная")  # the next write, in another process
    assert set(_found_ids(app, "задвижка")) == {str(lost.id), str(other.id)}
    assert pending() == []


def test_documents_applied_after_a_commit_equal_those_a_check_builds(app):
    # The applier builds record by record, the check (and a reindex) with everything prefetched: the two
    # must read related names in the same order, or every record with competencies looks stale.
    org = factories.organization(name_ru="ООО «Порядок»")
    first, second, third = factories.competency(), factories.competency(), factories.competency()
    for competency in (third, first, second):  # linked out of id order
        factories.give_competency(org, competency)
    order = factories.order(org, title="Поставка фланцев")
    order.competencies = [third, first]
    db.session.commit()
    drift = compare(db.session())
    assert (drift.missing, drift.stale, drift.extra) == ([], [], [])
