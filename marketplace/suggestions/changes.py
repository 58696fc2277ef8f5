"""The matcher's change log: which organizations' profiles a transaction changed.

Like ``search/sync.py``, three session hooks:

1. ``after_flush`` notes what the flushed changes touch: an organization
   (new, deleted, or a profile column changed), its competency links,
   products, offers, equipment, a response that became (or stopped being)
   ACCEPTED, an order that became awarded or completed, a renamed competency,
   a consortium membership that is (or was) accepted, a project whose text
   or status changed (resolved to its accepted members).
2. ``do_orm_execute`` does the same for ORM ``UPDATE``/``DELETE`` statements
   (the award is one): it selects the rows the statement will touch.
   Updates that only rewrite a column with itself (``organizations.services.
   lock_organization``) or bump ``lock_version`` (``db.lock_row``) are ignored.
3. ``before_commit`` (outermost transaction only) resolves orders and
   competencies to organizations and inserts one ``MatcherChange`` row per
   organization **in the same transaction**: the log is atomic with the data.

Each worker process reads the log (``engine.py``) and rebuilds just those
profiles. The rows carry no profile data: the worker reads the committed
state itself, so the order in which workers see changes does not matter.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from flask import current_app, has_app_context
from sqlalchemy import ColumnElement, Delete, Executable, Update, event, insert, inspect, select
from sqlalchemy.orm import InstrumentedAttribute, ORMExecuteState, Session, SessionTransaction, UOWTransaction
from sqlalchemy.orm.attributes import History
from sqlalchemy.orm.base import NO_VALUE

from .. import signals
from ..catalog.models import Product
from ..db import db, utcnow
from ..equipment.models import Equipment
from ..orders.models import Offer, Order, OrderStatus, Response, ResponseStatus
from ..organizations.models import Competency, Organization, OrganizationCompetency
from ..projects.models import ConsortiumMember, ConsortiumStatus, Project
from .models import MatcherChange

_PENDING = "marketplace.suggestions.pending"

#: Organization columns that feed its profile (contacts, INN, confidentiality... do not).
PROFILE_COLUMNS = ("name_ru", "name_en", "kind", "region", "membership_status", "description_ru", "description_en")
#: Records whose every change changes their organization's profile.
OWNED = (Product, Offer, Equipment, OrganizationCompetency)
WON = (OrderStatus.AWARDED, OrderStatus.COMPLETED)
#: Models whose bulk UPDATE or DELETE statements can change a profile.
BULK_MODELS = (Organization, Response, Order, ConsortiumMember, Project, *OWNED)


@dataclass
class _Pending:
    organizations: set[int] = field(default_factory=set)
    orders: set[int] = field(default_factory=set)  # resolved to their winners before the commit
    competencies: set[int] = field(default_factory=set)  # renamed: resolved to their holders
    projects: set[int] = field(default_factory=set)  # edited: resolved to their accepted members

    def add_organizations(self, organization_ids: Iterable[int | None]) -> None:
        """Note organizations by id; a missing (NULL) id is no organization."""
        self.organizations.update(i for i in organization_ids if i is not None)


def pending(session: Session) -> _Pending:
    value = session.info.get(_PENDING)
    if value is None:
        value = session.info[_PENDING] = _Pending()
    return value


def note_organizations(session: Session, organization_ids: Iterable[int | None]) -> None:
    """Record organizations whose profiles a service changed in ways the hooks cannot see."""
    pending(session).add_organizations(organization_ids)


@signals.organizations_merged.connect
def _organizations_merged(_sender: object, *, keep_id: int, drop_id: int) -> None:
    """A merge moves records with bulk statements: both organizations' profiles change."""
    note_organizations(db.session(), (keep_id, drop_id))


# -- flushed objects -------------------------------------------------------------------------------------


def _history(obj: object, name: str) -> History:
    return inspect(obj).attrs[name].history


def _values(obj: object, name: str) -> set[Any]:
    """Current and previous values of an attribute within this flush, without loading anything."""
    attr = inspect(obj).attrs[name]
    history = attr.history
    values = set(history.added or ()) | set(history.deleted or ()) | set(history.unchanged or ())
    if not values and attr.loaded_value is not NO_VALUE:
        values = {attr.loaded_value}
    if not values and name == "id" and inspect(obj).identity:
        values = {inspect(obj).identity[0]}
    if not values and not inspect(obj).deleted and not inspect(obj).was_deleted:
        values = {getattr(obj, name, None)}  # expired since the last commit: load it (a live row)
    return {v for v in values if v is not None}


def _changed(obj: object, names: Iterable[str]) -> bool:
    return any(_history(obj, name).has_changes() for name in names)


def _won_order_changed(order: Order, *, added_or_removed: bool) -> bool:
    """An order that is (or was) awarded or completed was added, removed, re-awarded or retitled."""
    return bool(set(WON) & _values(order, "status")) and (
        added_or_removed or _changed(order, ("status", "title", "description"))
    )


def _is_or_was_accepted(obj: object) -> bool:
    """A response that won (or had won) its order, or an accepted (or formerly accepted) consortium membership."""
    if isinstance(obj, Response):
        return ResponseStatus.ACCEPTED in _values(obj, "status")
    if isinstance(obj, ConsortiumMember):
        return ConsortiumStatus.ACCEPTED in _values(obj, "status")
    return False


def _note_flushed(obj: object, found: _Pending, *, is_new: bool, is_deleted: bool) -> None:
    """Note what one new, changed or deleted object touches.

    The kinds are distinct classes: at most one branch applies to an object.
    """
    added_or_removed = is_new or is_deleted
    if isinstance(obj, Organization) and (added_or_removed or _changed(obj, PROFILE_COLUMNS)):
        found.organizations.update(_values(obj, "id"))
    elif isinstance(obj, OWNED) or _is_or_was_accepted(obj):
        found.organizations.update(_values(obj, "organization_id"))
    elif isinstance(obj, Order) and _won_order_changed(obj, added_or_removed=added_or_removed):
        found.orders.update(_values(obj, "id"))
    elif isinstance(obj, Competency) and not added_or_removed and _changed(obj, ("name_ru", "name_en", "code")):
        found.competencies.add(obj.id)
    elif isinstance(obj, Project) and not is_new and (is_deleted or _changed(obj, ("title", "description", "status"))):
        found.projects.update(_values(obj, "id"))


def _collect(session: Session, found: _Pending) -> None:
    for obj in (*session.new, *session.dirty, *session.deleted):
        is_new, is_deleted = obj in session.new, obj in session.deleted
        if is_new or is_deleted or session.is_modified(obj):
            _note_flushed(obj, found, is_new=is_new, is_deleted=is_deleted)


@event.listens_for(Session, "after_flush")
def _after_flush(session: Session, _flush_context: UOWTransaction) -> None:
    _collect(session, pending(session))


# -- bulk statements -------------------------------------------------------------------------------------


def _set_clause(statement: Executable) -> dict[str, Any]:
    # ``_values`` is the statement's SET clause; there is no public accessor for it.
    values = getattr(statement, "_values", None) or {}
    return {getattr(column, "key", column): value for column, value in values.items()}


def _literal(value: Any) -> Any:
    return getattr(value, "value", value)  # a bound parameter's value, or the value itself


def _meaningful(set_clause: dict[str, Any], model: type[Any]) -> dict[str, Any]:
    """The SET entries that change something: not ``col = col`` nor the lock counter."""
    table = model.__table__
    out = {}
    for name, value in set_clause.items():
        if name == "lock_version":
            continue
        column = table.c.get(name)
        if column is not None and getattr(value, "compare", None) and value.compare(column):
            continue
        out[name] = value
    return out


@dataclass(frozen=True)
class _Bulk:
    """An ORM UPDATE or DELETE about to run: what it sets that matters, and which rows it touches."""

    session: Session
    where: ColumnElement[Any] | None
    changes: dict[str, Any]  # the meaningful SET entries (none for a DELETE)
    is_delete: bool

    def touches(self, names: Iterable[str]) -> bool:
        """A DELETE, or an UPDATE that sets one of ``names``."""
        return self.is_delete or bool(set(self.changes) & set(names))

    def rows(self, column: InstrumentedAttribute[Any], *extra: ColumnElement[bool]) -> Sequence[Any]:
        """``column`` of the rows the statement touches (those matching ``extra`` too), read before it runs."""
        stmt = select(column)
        if self.where is not None:
            stmt = stmt.where(self.where)
        return self.session.execute(stmt.where(*extra)).scalars().all()

    def moved_to(self) -> list[Any]:
        """The organization an UPDATE moves the rows to (a merge), if it sets one."""
        return [_literal(self.changes["organization_id"])] if "organization_id" in self.changes else []


def _note_bulk(model: type[Any], bulk: _Bulk, found: _Pending) -> None:
    """Note what a bulk statement on ``model`` touches (models are compared by identity: one branch applies)."""
    if model is Organization and bulk.touches(PROFILE_COLUMNS):
        found.add_organizations(bulk.rows(Organization.id))
    elif model in OWNED:
        found.add_organizations(bulk.rows(model.organization_id))
        found.add_organizations(bulk.moved_to())
    elif model is Response and bulk.touches(("status", "organization_id")):
        becomes_accepted = _literal(bulk.changes.get("status")) == ResponseStatus.ACCEPTED
        extra = () if becomes_accepted else (Response.status == ResponseStatus.ACCEPTED,)
        found.add_organizations(bulk.rows(Response.organization_id, *extra))
        found.add_organizations(bulk.moved_to())
    elif model is Order and bulk.touches(("status", "title", "description")):
        found.orders.update(bulk.rows(Order.id))
    elif model is ConsortiumMember and bulk.touches(("status", "organization_id")):  # an answer to an invitation
        found.add_organizations(bulk.rows(ConsortiumMember.organization_id))
        found.add_organizations(bulk.moved_to())
    elif model is Project and bulk.touches(("status", "title", "description")):
        found.projects.update(bulk.rows(Project.id))


@event.listens_for(Session, "do_orm_execute")
def _bulk_statement(state: ORMExecuteState) -> None:
    statement = state.statement
    if not (state.is_update or state.is_delete) or state.bind_mapper is None:
        return
    model = state.bind_mapper.class_
    if model not in BULK_MODELS or not isinstance(statement, Update | Delete):
        return
    changes = _meaningful(_set_clause(statement), model) if state.is_update else {}
    if state.is_update and not changes:
        return
    bulk = _Bulk(session=state.session, where=statement.whereclause, changes=changes, is_delete=state.is_delete)
    _note_bulk(model, bulk, pending(state.session))


@event.listens_for(Session, "before_commit")
def _before_commit(session: Session) -> None:
    if session.in_nested_transaction():
        return
    if not has_app_context() or "suggestions" not in current_app.blueprints:
        session.info.pop(_PENDING, None)
        return
    session.flush()  # collect the changes of the commit's own final flush now
    found: _Pending | None = session.info.pop(_PENDING, None)
    if found is None:
        return
    organizations = set(found.organizations)
    if found.orders:
        organizations.update(
            session.execute(
                select(Response.organization_id)
                .join(Order, Order.id == Response.order_id)
                .where(Response.order_id.in_(sorted(found.orders)), Response.status == ResponseStatus.ACCEPTED)
            ).scalars()
        )
    if found.projects:
        organizations.update(
            session.execute(
                select(ConsortiumMember.organization_id).where(
                    ConsortiumMember.project_id.in_(sorted(found.projects)),
                    ConsortiumMember.status == ConsortiumStatus.ACCEPTED,
                )
            ).scalars()
        )
    if found.competencies:
        organizations.update(
            session.execute(
                select(OrganizationCompetency.organization_id).where(
                    OrganizationCompetency.competency_id.in_(sorted(found.competencies))
                )
            ).scalars()
        )
    organizations.discard(None)
    if organizations:
        now = utcnow()
        session.execute(
            insert(MatcherChange),
            [{"organization_id": int(org_id), "created_at": now} for org_id in sorted(organizations)],
        )
    session.info.pop(_PENDING, None)  # the flush above must not leave anything for the next transaction


@event.listens_for(Session, "after_transaction_end")
def _after_transaction_end(session: Session, transaction: SessionTransaction) -> None:
    if transaction.parent is None and not transaction.nested:
        session.info.pop(_PENDING, None)  # a rollback: nothing was changed
