"""The search outbox: index changes committed with their records, applied after the commit.

``sync.py`` writes one ``SearchOutbox`` row per affected document in the
transaction that changes the records (``enqueue``). After the commit the
process applies them (``apply_pending``):

1. in a session of its own (committed data only), under the applier lock;
2. it takes the oldest ``BATCH`` pending rows, plus the rows the commit just
   wrote, so a backlog never hides a user's own change and never makes one
   request apply thousands of rows;
3. it builds each named document from the database as it is now (a record gone
   or no longer indexed becomes a removal) and writes them all in one
   ``SearchIndex.update``;
4. only then it deletes those rows, and commits.

A process killed, an index lock held too long, a backend down: the rows stay,
and the next apply (any later commit that changes indexed records, or
``flask search sync``) applies them. Applying a row twice rebuilds the same
document, so a crash between the index write and the row deletion only
repeats work.

The applier lock makes appliers take turns: a thread lock within a process
and, on PostgreSQL, a transaction-level advisory lock across processes, both
waited for up to ``SEARCH_LOCK_TIMEOUT`` seconds. Without it two appliers
could build one document from two database states and write the older one
last. (SQLite databases are for one process; several processes on one
SQLite file are serialized within each process only, and ``flask search
check`` repairs what such a race could leave.)
"""

from __future__ import annotations

import logging
import threading
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import cast

from flask import current_app
from sqlalchemy import ScalarResult, delete, func, insert, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from search_index import Document, IndexBusy, Key

from ..db import db, utcnow
from .documents import MODELS, DocumentBuilder, IndexedRecord, dependent_keys
from .engine import get_index
from .models import ORGANIZATION_TREE, SearchOutbox

log = logging.getLogger(__name__)

#: Rows applied per call (besides the rows of the commit being applied).
BATCH = 500
#: Ids per ``IN (...)`` list when deleting applied rows.
_CHUNK = 500
#: The PostgreSQL advisory lock key of the applier (any constant no other feature uses).
ADVISORY_LOCK_KEY = 0x5EA7C4
#: ``Session.info`` mark of an applier's own session (the sync hooks leave it alone).
APPLIER = "marketplace.search.applier"

_thread_lock = threading.Lock()


class OutboxBusy(IndexBusy):
    """Another applier held the applier lock past ``SEARCH_LOCK_TIMEOUT``; the rows stay pending."""


class DocumentFailed(Exception):
    """Building one document raised (a bug, not the database): the index keeps what it has of it."""


@dataclass(frozen=True)
class Applied:
    """What one apply did: outbox rows applied (and deleted), documents written and removed."""

    rows: int = 0
    written: int = 0
    removed: int = 0
    failed: tuple[Key, ...] = ()


def enqueue(session: Session, keys: Iterable[tuple[str, int]], deleted_organizations: Iterable[int] = ()) -> range:
    """Insert rows for ``keys`` and for the documents of ``deleted_organizations`` in ``session``'s transaction.

    Returns the span of the new rows' ids (empty when there was nothing to insert): they commit
    or roll back with the records.
    """
    now = utcnow()
    rows = [{"doc_type": doc_type, "record_id": int(record_id), "created_at": now} for doc_type, record_id in keys]
    rows += [
        {"doc_type": ORGANIZATION_TREE, "record_id": int(org_id), "created_at": now} for org_id in deleted_organizations
    ]
    if not rows:
        return range(0)
    ids = session.scalars(insert(SearchOutbox).returning(SearchOutbox.id), rows).all()
    return range(min(ids), max(ids) + 1)


def pending_count(session: Session) -> int:
    """How many rows wait to be applied."""
    return session.scalar(select(func.count(SearchOutbox.id))) or 0


def pending_ids(session: Session) -> list[int]:
    """The ids of every row committed so far (those a full rebuild that reads the database next supersedes)."""
    return list(session.scalars(select(SearchOutbox.id)))


def discard(ids: Collection[int]) -> None:
    """Delete rows by id in a transaction of their own (after a full rebuild made them moot)."""
    if not ids:
        return
    with Session(db.engine, info={APPLIER: True}) as session:
        _delete_rows(session, sorted(ids))
        session.commit()


def apply_pending(*, also: range = range(0), up_to: int | None = None, limit: int = BATCH) -> Applied:
    """Apply the oldest ``limit`` pending rows (only those with ``id <= up_to``, when given) and the
    rows whose ids are in ``also``; needs an application context.

    Raises ``OutboxBusy`` when another applier keeps the lock, ``SearchIndexError`` when the index
    cannot be written and ``SQLAlchemyError`` when the database fails: the rows stay pending then.
    A document whose building raises (a bug) is left out and its rows deleted (``Applied.failed``):
    retrying would fail the same way; ``flask search check`` repairs it once the bug is fixed.
    """
    with _applier_session() as session:
        oldest = select(SearchOutbox.doc_type, SearchOutbox.record_id, SearchOutbox.id)
        if up_to is not None:
            oldest = oldest.where(SearchOutbox.id <= up_to)
        rows = {
            row.id: (row.doc_type, row.record_id)
            for row in session.execute(oldest.order_by(SearchOutbox.id).limit(limit))
        }
        if also:
            own = select(SearchOutbox.doc_type, SearchOutbox.record_id, SearchOutbox.id).where(
                SearchOutbox.id.between(also.start, also.stop - 1)
            )
            rows.update({row.id: (row.doc_type, row.record_id) for row in session.execute(own)})
        if not rows:
            return Applied()
        add, remove, remove_where, failed = _changes(session, set(rows.values()))
        get_index().update(add=add, remove=remove, remove_where=remove_where)
        _delete_rows(session, sorted(rows))
        session.commit()
        return Applied(rows=len(rows), written=len(add), removed=len(remove) + len(remove_where), failed=failed)


def apply_all() -> Applied:
    """Apply every row committed before the call (``flask search sync``); raises as ``apply_pending``."""
    with Session(db.engine, info={APPLIER: True}) as session:
        newest = session.scalar(select(func.max(SearchOutbox.id)))
    total = Applied()
    if newest is None:
        return total
    while True:
        applied = apply_pending(up_to=newest)
        if not applied.rows:
            return total
        total = Applied(
            rows=total.rows + applied.rows,
            written=total.written + applied.written,
            removed=total.removed + applied.removed,
            failed=total.failed + applied.failed,
        )


@contextmanager
def _applier_session() -> Iterator[Session]:
    """A session of its own, holding the applier lock (see the module doc) until it ends."""
    timeout = float(current_app.config.get("SEARCH_LOCK_TIMEOUT", 10.0))
    if not _thread_lock.acquire(timeout=timeout):
        raise OutboxBusy(f"another thread kept the search outbox for {timeout} s")
    try:
        with Session(db.engine, info={APPLIER: True}) as session:
            if session.get_bind().dialect.name == "postgresql":
                session.execute(select(func.set_config("lock_timeout", f"{int(timeout * 1000)}ms", True)))
                try:
                    session.execute(select(func.pg_advisory_xact_lock(ADVISORY_LOCK_KEY)))
                except SQLAlchemyError as exc:
                    raise OutboxBusy(f"another process kept the search outbox for {timeout} s") from exc
            yield session
    finally:
        _thread_lock.release()


def _delete_rows(session: Session, ids: list[int]) -> None:
    for start in range(0, len(ids), _CHUNK):
        session.execute(delete(SearchOutbox).where(SearchOutbox.id.in_(ids[start : start + _CHUNK])))


def _changes(
    session: Session, rows: set[tuple[str, int]]
) -> tuple[list[Document], list[Key], list[dict[str, str]], tuple[Key, ...]]:
    """The index changes that bring the rows' documents in step with the database: (add, remove,
    remove_where, failed)."""
    trees = sorted(record_id for doc_type, record_id in rows if doc_type == ORGANIZATION_TREE)
    keys = {(doc_type, record_id) for doc_type, record_id in rows if doc_type != ORGANIZATION_TREE}
    # Whatever still carries a deleted organization's id (an id SQLite gave again) is rebuilt after
    # the removal: update() removes first, then adds.
    keys |= {("organization", org_id) for org_id in trees} | dependent_keys(session, organizations=trees)
    by_type: defaultdict[str, list[int]] = defaultdict(list)
    remove: list[Key] = []
    for doc_type, record_id in sorted(keys):
        if doc_type in MODELS:
            by_type[doc_type].append(record_id)
        else:  # a type no longer indexed
            remove.append((doc_type, str(record_id)))
    builder = DocumentBuilder(session)
    add: list[Document] = []
    failed: list[Key] = []
    for doc_type, ids in by_type.items():
        records = {record.id: record for record in _load(session, doc_type, ids)}
        for record_id in ids:
            key = (doc_type, str(record_id))
            try:
                document = _build(builder, records.get(record_id))
            except DocumentFailed:
                log.exception("Could not build the search document %s:%s; `flask search check` repairs it.", *key)
                failed.append(key)
                continue
            if document is None:
                remove.append(key)
            else:
                add.append(document)
    remove_where = [{"organization_id": str(org_id)} for org_id in trees]
    return add, remove, remove_where, tuple(failed)


def _load(session: Session, doc_type: str, ids: list[int]) -> Iterator[IndexedRecord]:
    model = MODELS[doc_type]
    for start in range(0, len(ids), _CHUNK):
        statement = select(model).where(model.id.in_(ids[start : start + _CHUNK]))
        yield from cast("ScalarResult[IndexedRecord]", session.scalars(statement))  # rows of ``model``


def _build(builder: DocumentBuilder, record: IndexedRecord | None) -> Document | None:
    """The record's document; ``None`` for a record gone or not indexed; ``DocumentFailed`` for a bug."""
    if record is None:
        return None
    try:
        return builder.build(record)
    except SQLAlchemyError:
        raise  # the database failed: the whole apply fails and the rows stay
    except Exception as exc:
        raise DocumentFailed from exc
