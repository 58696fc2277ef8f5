"""Keep the search index in step with committed changes.

1. ``after_flush``: note which documents the flushed changes affect — the
   indexed records themselves, an organization whose competency links
   changed, the products, equipment, orders and offers of a renamed
   organization, the records of a renamed competency.
2. ``before_commit`` (outermost transaction only): flush what is left, then
   read the affected records back *inside the transaction* and build their
   documents (a record gone or no longer indexable becomes a removal).
3. ``after_commit``: write those changes to the index. A rollback — or a
   commit that fails — drops them, so the index never shows uncommitted data.

The database stays the source of truth: an index write that fails (lock
held too long, disk trouble) is logged, never turned into a failed request,
and ``flask search reindex`` repairs any drift.

ORM-enabled ``UPDATE``/``DELETE`` statements on indexed models
(``session.execute(update(Order).where(...))``) bypass the unit of work, so
``do_orm_execute`` notes the rows they will touch (a SELECT with the same
WHERE clause) — except updates that only bump ``lock_version``
(``db.lock_row``). Plain Core statements on tables are not seen.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import cast

from flask import Flask, current_app, has_app_context
from sqlalchemy import Delete, Update, event, inspect, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import ORMExecuteState, Session, SessionTransaction

from search_index import Document, IndexBusy, Key, SearchIndexError

from ..organizations.models import Competency, Organization, OrganizationCompetency
from ..utils import app_object
from .documents import MODELS, TYPE_OF, DocumentBuilder, dependent_keys
from .engine import get_index

log = logging.getLogger(__name__)

_PENDING = "marketplace.search.pending"
_READY = "marketplace.search.ready"


@dataclass
class _Pending:
    keys: set[tuple[str, int]] = field(default_factory=set)
    deleted_organizations: set[int] = field(default_factory=set)
    renamed_organizations: set[int] = field(default_factory=set)
    renamed_competencies: set[int] = field(default_factory=set)


@dataclass
class _Changes:
    add: list[Document]
    remove: list[Key]
    remove_where: list[dict[str, str]]


def _record_id(obj: object) -> int | None:
    identity = inspect(obj).identity
    if identity:
        return identity[0]
    return getattr(obj, "id", None)


def _name_changed(obj: object) -> bool:
    state = inspect(obj)
    return any(state.attrs[name].history.has_changes() for name in ("name_ru", "name_en"))


def _collect(session: Session, pending: _Pending) -> None:
    for obj in (*session.new, *session.dirty, *session.deleted):
        deleted = obj in session.deleted
        doc_type = TYPE_OF.get(type(obj))
        if doc_type is not None:
            record_id = _record_id(obj)
            if record_id is None:
                continue
            pending.keys.add((doc_type, record_id))
            if isinstance(obj, Organization):
                if deleted:
                    pending.deleted_organizations.add(record_id)
                elif obj not in session.new and _name_changed(obj):
                    pending.renamed_organizations.add(record_id)
        elif isinstance(obj, OrganizationCompetency):
            identity = inspect(obj).identity
            org_id = identity[0] if identity else obj.organization_id
            if org_id is not None:
                pending.keys.add(("organization", org_id))
        elif isinstance(obj, Competency) and not deleted and obj not in session.new and _name_changed(obj):
            pending.renamed_competencies.add(obj.id)


@event.listens_for(Session, "after_flush")
def _after_flush(session: Session, _flush_context: object) -> None:
    # The new/dirty/deleted collections still describe what this flush wrote.
    _collect(session, session_pending(session))


@event.listens_for(Session, "do_orm_execute")
def _before_bulk_statement(state: ORMExecuteState) -> None:
    if not (state.is_update or state.is_delete) or state.bind_mapper is None:
        return
    statement = cast("Update | Delete", state.statement)  # what is_update / is_delete say it is
    model = state.bind_mapper.class_
    doc_type = TYPE_OF.get(model)
    if doc_type is None or _only_bumps_lock_version(statement):
        return
    where = statement.whereclause
    stmt = select(model.id) if where is None else select(model.id).where(where)
    ids = state.session.execute(stmt).scalars().all()
    pending = session_pending(state.session)
    pending.keys.update((doc_type, i) for i in ids)
    if model is Organization and state.is_delete:
        pending.deleted_organizations.update(ids)
    elif model is Organization:
        pending.renamed_organizations.update(ids)  # cheap enough to refresh its records


def _only_bumps_lock_version(statement: Update | Delete) -> bool:
    # ``_values`` is the statement's SET clause; there is no public accessor for it.
    values = getattr(statement, "_values", None) or {}
    names = {getattr(column, "key", column) for column in values}
    return bool(names) and names <= {"lock_version"}


def session_pending(session: Session) -> _Pending:
    pending = session.info.get(_PENDING)
    if pending is None:
        pending = session.info[_PENDING] = _Pending()
    return pending


@event.listens_for(Session, "before_commit")
def _before_commit(session: Session) -> None:
    if session.in_nested_transaction():
        return
    if not has_app_context() or "search" not in current_app.blueprints:
        session.info.pop(_PENDING, None)
        return
    session.flush()  # the commit's own final flush comes after this hook: collect its changes now
    pending: _Pending | None = session.info.pop(_PENDING, None)
    if pending is None:
        return
    try:
        changes = _build_changes(session, pending)
    except SQLAlchemyError:
        raise  # the transaction itself is broken: the commit must fail
    except Exception:
        # A record the document builder cannot handle must not stop the database
        # from saving it: the index, a derived copy, is repaired by a reindex.
        log.exception("Could not prepare search index changes; run `flask search reindex`.")
        return
    if changes.add or changes.remove or changes.remove_where:
        app = app_object()
        session.info[_READY] = (app, changes)


def _build_changes(session: Session, pending: _Pending) -> _Changes:
    keys = set(pending.keys)
    live_renamed = pending.renamed_organizations - pending.deleted_organizations
    keys |= dependent_keys(session, organizations=live_renamed, competencies=pending.renamed_competencies)
    builder = DocumentBuilder(session)
    add: list[Document] = []
    remove: list[Key] = []
    # Products, equipment, orders and offers go with their organization (ON DELETE CASCADE,
    # unseen by the ORM): drop every document the organization owned.
    remove_where = [{"organization_id": str(org_id)} for org_id in sorted(pending.deleted_organizations)]
    for doc_type, record_id in sorted(keys):
        # populate_existing: a bulk UPDATE may have left the identity map behind.
        obj = session.get(MODELS[doc_type], record_id, populate_existing=True)
        document = builder.build(obj) if obj is not None else None
        if document is None:
            remove.append((doc_type, str(record_id)))
        else:
            add.append(document)
    return _Changes(add=add, remove=remove, remove_where=remove_where)


@event.listens_for(Session, "after_commit")
def _after_commit(session: Session) -> None:
    ready = session.info.pop(_READY, None)
    if ready is not None:
        app, changes = ready
        apply_changes(app, changes)


@event.listens_for(Session, "after_transaction_end")
def _after_transaction_end(session: Session, transaction: SessionTransaction) -> None:
    if transaction.parent is None and not transaction.nested:
        # Whatever is left was never committed.
        session.info.pop(_PENDING, None)
        session.info.pop(_READY, None)


def apply_changes(app: Flask, changes: _Changes) -> None:
    """Write committed changes to the index; failures are logged, not raised (see module doc)."""
    try:
        get_index(app).update(add=changes.add, remove=changes.remove, remove_where=changes.remove_where)
    except IndexBusy:
        log.warning(
            "Search index busy: %d change(s) kept back until the next index write.",
            len(changes.add) + len(changes.remove) + len(changes.remove_where),
        )
    except SearchIndexError:
        log.exception("Search index update failed; run `flask search reindex` to repair it.")
