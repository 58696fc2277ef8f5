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

from collections.abc import Iterable
from dataclasses import dataclass, field

from flask import current_app, has_app_context
from sqlalchemy import event, insert, inspect, select
from sqlalchemy.orm import ORMExecuteState, Session
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


@dataclass
class _Pending:
    organizations: set[int] = field(default_factory=set)
    orders: set[int] = field(default_factory=set)  # resolved to their winners before the commit
    competencies: set[int] = field(default_factory=set)  # renamed: resolved to their holders
    projects: set[int] = field(default_factory=set)  # edited: resolved to their accepted members


def pending(session: Session) -> _Pending:
    value = session.info.get(_PENDING)
    if value is None:
        value = session.info[_PENDING] = _Pending()
    return value


def note_organizations(session: Session, organization_ids: Iterable[int]) -> None:
    """Record organizations whose profiles a service changed in ways the hooks cannot see."""
    pending(session).organizations.update(i for i in organization_ids if i is not None)


@signals.organizations_merged.connect
def _organizations_merged(_sender: object, *, keep_id: int, drop_id: int) -> None:
    """A merge moves records with bulk statements: both organizations' profiles change."""
    note_organizations(db.session, (keep_id, drop_id))


def _history(obj, name: str):
    return inspect(obj).attrs[name].history


def _values(obj, name: str) -> set:
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


def _changed(obj, names: Iterable[str]) -> bool:
    return any(_history(obj, name).has_changes() for name in names)


def _collect(session: Session, found: _Pending) -> None:
    for obj in (*session.new, *session.dirty, *session.deleted):
        is_new, is_deleted = obj in session.new, obj in session.deleted
        if not (is_new or is_deleted) and not session.is_modified(obj):
            continue
        if isinstance(obj, Organization):
            if is_new or is_deleted or _changed(obj, PROFILE_COLUMNS):
                found.organizations.update(_values(obj, "id"))
        elif isinstance(obj, OWNED):
            found.organizations.update(_values(obj, "organization_id"))
        elif isinstance(obj, Response):
            if ResponseStatus.ACCEPTED in _values(obj, "status"):
                found.organizations.update(_values(obj, "organization_id"))
        elif isinstance(obj, Order):
            if set(WON) & _values(obj, "status") and (
                is_new or is_deleted or _changed(obj, ("status", "title", "description"))
            ):
                found.orders.update(_values(obj, "id"))
        elif isinstance(obj, Competency) and not is_new and not is_deleted:
            if _changed(obj, ("name_ru", "name_en", "code")):
                found.competencies.add(obj.id)
        elif isinstance(obj, ConsortiumMember):
            if ConsortiumStatus.ACCEPTED in _values(obj, "status"):
                found.organizations.update(_values(obj, "organization_id"))
        elif isinstance(obj, Project) and not is_new:
            if is_deleted or _changed(obj, ("title", "description", "status")):
                found.projects.update(_values(obj, "id"))


@event.listens_for(Session, "after_flush")
def _after_flush(session: Session, flush_context) -> None:
    _collect(session, pending(session))


def _set_clause(statement) -> dict:
    # ``_values`` is the statement's SET clause; there is no public accessor for it.
    values = getattr(statement, "_values", None) or {}
    return {getattr(column, "key", column): value for column, value in values.items()}


def _literal(value):
    return getattr(value, "value", value)  # a bound parameter's value, or the value itself


def _meaningful(set_clause: dict, model) -> dict:
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


@event.listens_for(Session, "do_orm_execute")
def _bulk_statement(state: ORMExecuteState) -> None:
    if not (state.is_update or state.is_delete) or state.bind_mapper is None:
        return
    model = state.bind_mapper.class_
    if model not in (Organization, Response, Order, ConsortiumMember, Project, *OWNED):
        return
    changes = _meaningful(_set_clause(state.statement), model) if state.is_update else {}
    if state.is_update and not changes:
        return
    where = state.statement.whereclause
    found = pending(state.session)

    def rows(column, *extra):
        stmt = select(column)
        if where is not None:
            stmt = stmt.where(where)
        return state.session.execute(stmt.where(*extra)).scalars().all()

    if model is Organization:
        if state.is_delete or set(changes) & set(PROFILE_COLUMNS):
            found.organizations.update(rows(Organization.id))
    elif model in OWNED:
        found.organizations.update(rows(model.organization_id))
        if "organization_id" in changes:  # moved to another organization (a merge)
            found.organizations.add(_literal(changes["organization_id"]))
    elif model is Response:
        if state.is_delete or "status" in changes or "organization_id" in changes:
            becomes_accepted = _literal(changes.get("status")) == ResponseStatus.ACCEPTED
            extra = () if becomes_accepted else (Response.status == ResponseStatus.ACCEPTED,)
            found.organizations.update(rows(Response.organization_id, *extra))
            if "organization_id" in changes:
                found.organizations.add(_literal(changes["organization_id"]))
    elif model is Order:
        if state.is_delete or set(changes) & {"status", "title", "description"}:
            found.orders.update(rows(Order.id))
    elif model is ConsortiumMember:  # an answer to an invitation is one conditional UPDATE
        if state.is_delete or set(changes) & {"status", "organization_id"}:
            found.organizations.update(rows(ConsortiumMember.organization_id))
            if "organization_id" in changes:
                found.organizations.add(_literal(changes["organization_id"]))
    elif model is Project:
        if state.is_delete or set(changes) & {"status", "title", "description"}:
            found.projects.update(rows(Project.id))
    found.organizations.discard(None)


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
def _after_transaction_end(session: Session, transaction) -> None:
    if transaction.parent is None and not transaction.nested:
        session.info.pop(_PENDING, None)  # a rollback: nothing was changed
