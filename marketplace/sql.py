"""Case-insensitive text matching that works for Cyrillic on SQLite too.

SQLite's built-in ``lower()`` and ``LIKE`` fold ASCII letters only, so
"фланец" would not find "Фланец". ``unicode_lower(expr)`` compiles to
``lower()`` on PostgreSQL (which folds Unicode under a UTF-8 locale) and to a
Python-backed ``py_lower()`` on SQLite, registered on every new connection.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from sqlalchemy import ColumnElement, String, event, or_
from sqlalchemy.engine import Engine
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import QueryableAttribute
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement

#: A text column: a model attribute (``Order.title``) or any SQL expression of text.
TextColumn = ColumnElement[str] | QueryableAttribute[str]

#: What SQLite hands a Python function for an SQL value.
SQLiteValue = str | bytes | int | float | None


class unicode_lower(FunctionElement[str]):  # noqa: N801 - reads like the SQL function it stands for
    """``lower(expr)`` with Unicode case folding on every backend."""

    type = String()
    name = "unicode_lower"
    inherit_cache = True


@compiles(unicode_lower)
def _compile_lower(element: unicode_lower, compiler: SQLCompiler, **kw: Any) -> str:
    return f"lower({compiler.process(element.clauses, **kw)})"


@compiles(unicode_lower, "sqlite")
def _compile_lower_sqlite(element: unicode_lower, compiler: SQLCompiler, **kw: Any) -> str:
    return f"py_lower({compiler.process(element.clauses, **kw)})"


def _py_lower(value: SQLiteValue) -> SQLiteValue:
    return value.lower() if isinstance(value, str) else value


@event.listens_for(Engine, "connect")
def _register_sqlite_lower(dbapi_connection: object, _connection_record: object) -> None:
    if isinstance(dbapi_connection, sqlite3.Connection):
        dbapi_connection.create_function("py_lower", 1, _py_lower, deterministic=True)


def contains_text(column: TextColumn, needle: str) -> ColumnElement[bool]:
    """A case-insensitive ``column LIKE %needle%`` (wildcards in ``needle`` are literal)."""
    return unicode_lower(column).contains(needle.lower(), autoescape=True)


def text_in_any(needle: str, *columns: TextColumn) -> ColumnElement[bool]:
    """``needle`` occurs, ignoring case, in at least one of ``columns``."""
    return or_(*(contains_text(column, needle) for column in columns))


class month_bucket(FunctionElement[str]):  # noqa: N801 - reads like the SQL function it stands for
    """The calendar month of a date or datetime column as ``'YYYY-MM'`` text, for ``GROUP BY``.

    ``to_char(expr, 'YYYY-MM')`` on PostgreSQL, ``strftime('%Y-%m', expr)`` on SQLite (which
    stores dates and naive datetimes as ISO text). Datetimes are naive UTC, so months are UTC months.
    """

    type = String()
    name = "month_bucket"
    inherit_cache = True


@compiles(month_bucket)
def _compile_month(element: month_bucket, compiler: SQLCompiler, **kw: Any) -> str:
    return f"to_char({compiler.process(element.clauses, **kw)}, 'YYYY-MM')"


@compiles(month_bucket, "sqlite")
def _compile_month_sqlite(element: month_bucket, compiler: SQLCompiler, **kw: Any) -> str:
    return f"strftime('%Y-%m', {compiler.process(element.clauses, **kw)})"
