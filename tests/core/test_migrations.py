"""The Alembic migrations build exactly the schema the models describe, on SQLite and PostgreSQL.

The feature tests run on tables made by ``create_all``; these tests prove that a database built
by the migrations is the same: every table, column, key, index and CHECK constraint, read back
from the database itself, so that what ``compare_metadata`` does not look at (CHECK constraints)
cannot drift either.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade
from sqlalchemy import Engine, create_engine, inspect, make_url, text

from marketplace.config import normalize_database_url
from marketplace.db import db
from search_index.postgres_backend import TABLES as SEARCH_TABLES, create_schema, plain_dsn
from tests.conftest import create_tables, make_test_app

#: Tables no model describes: the PostgreSQL search backend's, made by a migration of their own and left
#: out of the comparison with the models (``test_migrated_search_tables_are_those_of_the_library`` checks them).
NOT_IN_MODELS = frozenset(SEARCH_TABLES)


@pytest.fixture
def new_database(backend: str, tmp_path: Path) -> Iterator[Callable[[str], str]]:
    """Makes empty databases named by the test (SQLite files, or PostgreSQL databases dropped afterwards)."""
    made: list[str] = []
    base = make_url(normalize_database_url(os.environ.get("TEST_DATABASE_URL", "sqlite://")))
    admin = create_engine(base, isolation_level="AUTOCOMMIT") if backend == "postgresql" else None

    def make(suffix: str) -> str:
        if admin is None:
            return f"sqlite:///{tmp_path / f'{suffix}.db'}"
        name = f"{base.database}_{suffix}"
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        made.append(name)
        return base.set(database=name).render_as_string(hide_password=False)

    yield make
    if admin is not None:
        with admin.connect() as connection:
            for name in made:
                connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


#: Spellings the database treats as the same thing (PostgreSQL: ``CURRENT_TIMESTAMP`` is ``now()``).
SAME_SQL = {"CURRENT_TIMESTAMP": "now()"}


def _sql(value: object) -> str | None:
    """An SQL text as the database reports it, with spacing and redundant parentheses evened out."""
    if value is None:
        return None
    squeezed = re.sub(r"\s+", " ", str(value)).strip()
    squeezed = SAME_SQL.get(squeezed.strip("()"), squeezed)
    while squeezed.startswith("(") and squeezed.endswith(")") and _balanced(squeezed[1:-1]):
        squeezed = squeezed[1:-1].strip()
    return squeezed


def _balanced(sql: str) -> bool:
    depth = 0
    for char in sql:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth < 0:
            return False
    return depth == 0


def schema_of(engine: Engine) -> dict[str, dict[str, Any]]:
    """Every table's columns, keys, indexes and CHECK constraints, as reflected from the database."""
    inspector = inspect(engine)
    schema: dict[str, dict[str, Any]] = {}
    for table in sorted(set(inspector.get_table_names()) - {"alembic_version"} - NOT_IN_MODELS):
        schema[table] = {
            "columns": sorted(
                (column["name"], str(column["type"]), column["nullable"], _sql(column.get("default")))
                for column in inspector.get_columns(table)
            ),
            "primary_key": inspector.get_pk_constraint(table)["constrained_columns"],
            "foreign_keys": sorted(
                (
                    key["name"],
                    tuple(key["constrained_columns"]),
                    key["referred_table"],
                    tuple(key["referred_columns"]),
                    (key.get("options") or {}).get("ondelete"),
                )
                for key in inspector.get_foreign_keys(table)
            ),
            "unique": sorted(
                (constraint["name"], tuple(constraint["column_names"]))
                for constraint in inspector.get_unique_constraints(table)
            ),
            "indexes": sorted(
                (index["name"], tuple(index["column_names"]), bool(index["unique"]))
                for index in inspector.get_indexes(table)
            ),
            "checks": sorted(
                (check["name"], _sql(check["sqltext"])) for check in inspector.get_check_constraints(table)
            ),
        }
    return schema


def test_migrations_build_the_schema_of_the_models_constraints_included(new_database, tmp_path):
    migrated_app = make_test_app(new_database("migrated"), tmp_path / "migrated")
    with migrated_app.app_context():
        upgrade()
        migrated = schema_of(db.engine)
        db.engine.dispose()
    created_app = make_test_app(new_database("created"), tmp_path / "created")
    with created_app.app_context():
        create_tables()
        created = schema_of(db.engine)
        db.engine.dispose()
    assert set(migrated) == set(created)
    for table, described in created.items():
        for part, value in described.items():
            assert migrated[table][part] == value, f"{table}.{part}: the migrations differ from the models"


def test_migrations_match_models_and_go_back_down(new_database, tmp_path):
    app = make_test_app(new_database("migrations"), tmp_path)
    with app.app_context():
        upgrade()
        with db.engine.connect() as connection:
            context = MigrationContext.configure(
                connection,
                opts={"compare_type": True, "include_name": lambda name, _kind, _parents: name not in NOT_IN_MODELS},
            )
            differences = compare_metadata(context, db.metadata)
        assert differences == [], "models and migrations differ; run `flask db migrate`"
        downgrade(revision="base")
        with db.engine.connect() as connection:
            remaining = set(db.inspect(connection).get_table_names()) - {"alembic_version"}
        assert remaining == set()
        db.engine.dispose()


def search_schema_of(dsn: str) -> dict[str, Any]:
    """The search tables' columns, constraints and indexes, and whether pg_trgm is installed, from the catalog."""
    with psycopg.connect(dsn) as connection:
        columns = connection.execute(
            "SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,"
            " pg_get_expr(d.adbin, d.adrelid)"
            " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
            " LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
            " WHERE c.relname = ANY(%s) AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped"
            " ORDER BY 1, a.attnum",
            (list(SEARCH_TABLES),),
        ).fetchall()
        constraints = connection.execute(
            "SELECT c.relname, k.conname, pg_get_constraintdef(k.oid) FROM pg_constraint k"
            " JOIN pg_class c ON c.oid = k.conrelid WHERE c.relname = ANY(%s) ORDER BY 1, 2",
            (list(SEARCH_TABLES),),
        ).fetchall()
        indexes = connection.execute(
            "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE tablename = ANY(%s) ORDER BY 1, 2",
            (list(SEARCH_TABLES),),
        ).fetchall()
        extensions = connection.execute("SELECT extname FROM pg_extension WHERE extname = 'pg_trgm'").fetchall()
    return {"columns": columns, "constraints": constraints, "indexes": indexes, "extensions": extensions}


def test_migrated_search_tables_are_those_of_the_library(backend, new_database, tmp_path):
    """The migration makes on PostgreSQL exactly what ``search_index.postgres_backend.create_schema`` makes
    (the library's tests and the bench use the latter), and nothing on SQLite."""
    app = make_test_app(new_database("search_migrated"), tmp_path)
    with app.app_context():
        upgrade()
        url = db.engine.url.render_as_string(hide_password=False)
        tables = set(inspect(db.engine).get_table_names())
        db.engine.dispose()
    if backend == "sqlite":
        assert not tables & NOT_IN_MODELS
        return
    assert tables >= NOT_IN_MODELS
    created = plain_dsn(new_database("search_created"))
    with psycopg.connect(created) as connection:
        create_schema(connection)
    migrated_schema, created_schema = search_schema_of(plain_dsn(url)), search_schema_of(created)
    assert migrated_schema["extensions"] == [("pg_trgm",)]
    assert {row[0] for row in migrated_schema["columns"]} == NOT_IN_MODELS
    for part, value in created_schema.items():
        assert migrated_schema[part] == value, f"{part}: the migration differs from create_schema"
