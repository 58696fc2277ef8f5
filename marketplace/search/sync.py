"""Keep the search index in step with committed changes.

1. ``after_flush``: note which documents the flushed changes affect — the
   indexed records themselves, an organization whose competency links
   changed, the products, equipment, orders and offers of a renamed
   organization (or one whose region, kind or membership changed: their
   documents carry those as facets), the records of a renamed competency.
2. ``before_commit`` (outermost transaction only): flush what is left, add
   the records that show a renamed organization's or competency's name, and
   insert one ``SearchOutbox`` row per affected document (one per deleted
   organization for all its documents) *in the same transaction*: the rows
   commit with the records, or roll back with them.
3. ``after_commit``: apply the outbox (``outbox.apply_pending``): the
   documents are built from the committed database and written to the index,
   then their rows are deleted. A rollback — or a commit that fails — leaves
   no rows, so the index never shows uncommitted data.

The database stays the source of truth: an apply that fails (process killed,
lock held too long, backend down) leaves its rows for the next commit's apply
or ``flask search sync``; it is logged, never turned into a failed request.

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

from flask import current_app, has_app_context
from sqlalchemy import Delete, Update, event, inspect, select
from sqlalchemy.orm import ORMExecuteState, Session, SessionTransaction

from search_index import IndexBusy

from ..organizations.models import Competency, Organization, OrganizationCompetency
from .documents import OWNER_ATTRIBUTES, TYPE_OF, dependent_keys
from .outbox import APPLIER, apply_pending, enqueue

log = logging.getLogger(__name__)

_PENDING = "marketplace.search.pending"
_READY = "marketplace.search.ready"


@dataclass
class _Pending:
    keys: set[tuple[str, int]] = field(default_factory=set)
    deleted_organizations: set[int] = field(default_factory=set)
    renamed_organizations: set[int] = field(default_factory=set)
    renamed_competencies: set[int] = field(default_factory=set)


def _record_id(obj: object) -> int | None:
    identity = inspect(obj).identity
    if identity:
        return identity[0]
    return getattr(obj, "id", None)


def _name_changed(obj: object, names: tuple[str, ...] = ("name_ru", "name_en")) -> bool:
    state = inspect(obj)
    return any(state.attrs[name].history.has_changes() for name in names)


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
                elif obj not in session.new and _name_changed(obj, OWNER_ATTRIBUTES):
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
    if session.in_nested_transaction() or session.info.get(APPLIER):
        return
    if not has_app_context() or "search" not in current_app.blueprints:
        session.info.pop(_PENDING, None)
        return
    session.flush()  # the commit's own final flush comes after this hook: collect its changes now
    pending: _Pending | None = session.info.pop(_PENDING, None)
    if pending is None:
        return
    live_renamed = pending.renamed_organizations - pending.deleted_organizations
    keys = pending.keys | dependent_keys(session, organizations=live_renamed, competencies=pending.renamed_competencies)
    # Products, equipment, orders, offers and events go with their organization (ON DELETE
    # CASCADE, unseen by the ORM): one row stands for every document the organization owned.
    written = enqueue(session, sorted(keys), sorted(pending.deleted_organizations))
    if written:
        session.info[_READY] = written


@event.listens_for(Session, "after_commit")
def _after_commit(session: Session) -> None:
    written = session.info.pop(_READY, None)
    if written is not None:
        apply_after_commit(written)


@event.listens_for(Session, "after_transaction_end")
def _after_transaction_end(session: Session, transaction: SessionTransaction) -> None:
    if transaction.parent is None and not transaction.nested:
        # Whatever is left was never committed.
        session.info.pop(_PENDING, None)
        session.info.pop(_READY, None)


def apply_after_commit(written: range) -> None:
    """Apply the outbox rows just committed (ids in ``written``) and the oldest pending ones.

    Failures are logged, never raised: the commit has happened, and the rows stay for the
    next apply or ``flask search sync`` (see the module doc).
    """
    try:
        apply_pending(also=written)
    except IndexBusy as exc:
        log.warning("Search index busy; the changes wait in the outbox for the next write: %s", exc)
    except Exception:  # the commit has happened: nothing here may turn it into a failed request
        log.exception("Search index update failed; the changes wait in the outbox (`flask search sync`).")
