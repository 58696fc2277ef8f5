"""The SQLAlchemy base, column aliases shared by all models, and row locking."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated, Any, cast

from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import (
    CursorResult,
    DateTime,
    Delete,
    Enum,
    MetaData,
    Numeric,
    String,
    Text,
    Update,
    event,
    func,
    update,
)
from sqlalchemy.orm import DeclarativeBase, Session, SessionTransaction, mapped_column, registry

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> dt.datetime:
    """Now, as a naive UTC datetime: every DateTime column stores naive UTC.

    Naive UTC behaves the same on SQLite and PostgreSQL; forms convert the
    user's wall time with ``flask_babel.to_utc`` and templates show it back
    with ``format_datetime``.
    """
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    registry = registry(
        metadata=MetaData(naming_convention=NAMING_CONVENTION),
        type_annotation_map={
            dt.datetime: DateTime(),
            # Enums are stored by value in a VARCHAR with a CHECK, portable everywhere.
            enum.Enum: Enum(
                enum.Enum,
                native_enum=False,
                length=20,
                validate_strings=True,
                values_callable=lambda members: [m.value for m in members],
            ),
        },
    )


db = SQLAlchemy(model_class=Base)

# Every model subclasses ``Model``: Flask-SQLAlchemy's ``db.Model`` (our ``Base`` plus its bookkeeping),
# which mypy cannot see through, so for the type checker it is ``Base`` itself.
if TYPE_CHECKING:
    Model = Base
else:
    Model = db.Model

# Column aliases: one definition per repeated kind of column.
intpk = Annotated[int, mapped_column(primary_key=True)]
created_at = Annotated[dt.datetime, mapped_column(default=utcnow, server_default=func.now())]
updated_at = Annotated[dt.datetime, mapped_column(default=utcnow, onupdate=utcnow, server_default=func.now())]
str20 = Annotated[str, mapped_column(String(20))]
str40 = Annotated[str, mapped_column(String(40))]
str120 = Annotated[str, mapped_column(String(120))]
str255 = Annotated[str, mapped_column(String(255))]
text = Annotated[str, mapped_column(Text, default="", server_default="")]
money = Annotated[Decimal, mapped_column(Numeric(14, 2))]


def lock_row(model: Any, pk: int) -> None:
    """Serialize writers on one row of ``model`` (a model with a ``lock_version`` column) until the transaction ends.

    A no-op UPDATE takes a row lock on PostgreSQL and the database write lock
    on SQLite, so a check-then-write sequence after it cannot interleave with
    another transaction doing the same on the same row. Portable where
    ``SELECT ... FOR UPDATE`` is not (SQLite ignores it).
    """
    db.session.execute(update(model).where(model.id == pk).values(lock_version=model.lock_version + 1))


def changed_rows(statement: Update | Delete) -> int:
    """Execute a bulk UPDATE or DELETE in the session; the number of rows it matched.

    The condition of a conditional UPDATE (``... WHERE status = 'open'``) decides races in the
    database: 1 means this transaction won, 0 that another got there first.
    """
    result = db.session.execute(statement)
    return cast("CursorResult[Any]", result).rowcount  # a DML statement's result is a CursorResult


def after_commit(callback: Callable[[], None]) -> None:
    """Run ``callback`` once the current transaction commits; drop it if it rolls back."""
    db.session.info.setdefault(_AFTER_COMMIT, []).append(callback)


def after_rollback(callback: Callable[[], None]) -> None:
    """Run ``callback`` if the current transaction ends without committing."""
    db.session.info.setdefault(_AFTER_ROLLBACK, []).append(callback)


_AFTER_COMMIT = "marketplace.after_commit"
_AFTER_ROLLBACK = "marketplace.after_rollback"


@event.listens_for(Session, "after_commit")
def _run_after_commit(session: Session) -> None:
    if session.in_nested_transaction():  # a SAVEPOINT released: the real commit is still to come
        return
    session.info.pop(_AFTER_ROLLBACK, None)
    for callback in session.info.pop(_AFTER_COMMIT, []):
        callback()


@event.listens_for(Session, "after_transaction_end")
def _run_after_rollback(session: Session, transaction: SessionTransaction) -> None:
    if transaction.parent is not None or transaction.nested:
        return
    # Reached without after_commit having emptied the lists: the transaction did not commit.
    session.info.pop(_AFTER_COMMIT, None)
    for callback in session.info.pop(_AFTER_ROLLBACK, []):
        callback()
