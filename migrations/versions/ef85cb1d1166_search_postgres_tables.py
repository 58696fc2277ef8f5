"""search tables of the PostgreSQL search backend

The index of ``SEARCH_BACKEND=postgres`` (``search_index/postgres_backend.py``): what queries match
(the tsvectors), what hits show, what suggestions read, and the terms with their document
frequencies under a trigram index (typo candidates).

The tables belong to the search library, not to the models; ``tests/core/test_migrations.py``
checks that they equal what ``search_index.postgres_backend.create_schema`` builds. Nothing on
SQLite, which has no such backend. The downgrade leaves the ``pg_trgm`` extension in place: other
objects of the database may use it.

Revision ID: ef85cb1d1166
Revises: fb475e6f1d83
Create Date: 2026-12-08 03:10:00

"""
from alembic import op


# revision identifiers, used by Alembic.
revision = 'ef85cb1d1166'
down_revision = 'fb475e6f1d83'
branch_labels = None
depends_on = None


UPGRADE = (
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    """CREATE TABLE search_document (
        key text NOT NULL,
        type text NOT NULL,
        date bigint NOT NULL,
        filter_values text[] NOT NULL,
        tsv tsvector NOT NULL,
        CONSTRAINT pk_search_document PRIMARY KEY (key)
    )""",
    "CREATE INDEX ix_search_document_tsv ON search_document USING gin (tsv)",
    "CREATE INDEX ix_search_document_filter_values ON search_document USING gin (filter_values)",
    """CREATE TABLE search_content (
        key text NOT NULL,
        type text NOT NULL,
        ref text NOT NULL,
        title text NOT NULL,
        body text NOT NULL,
        fields jsonb NOT NULL,
        digest text NOT NULL,
        CONSTRAINT pk_search_content PRIMARY KEY (key)
    )""",
    """CREATE TABLE search_completion (
        key text NOT NULL,
        type text NOT NULL,
        ref text NOT NULL,
        title text NOT NULL,
        filter_values text[] NOT NULL,
        complete tsvector NOT NULL,
        CONSTRAINT pk_search_completion PRIMARY KEY (key)
    )""",
    "CREATE INDEX ix_search_completion_complete ON search_completion USING gin (complete)",
    """CREATE TABLE search_term (
        term text NOT NULL,
        df integer NOT NULL,
        CONSTRAINT pk_search_term PRIMARY KEY (term)
    )""",
    "CREATE INDEX ix_search_term_trgm ON search_term USING gist (term gist_trgm_ops)",
)


def upgrade():
    if op.get_bind().dialect.name != "postgresql":
        return
    for statement in UPGRADE:
        op.execute(statement)


def downgrade():
    if op.get_bind().dialect.name != "postgresql":
        return
    for table in ("search_term", "search_completion", "search_content", "search_document"):
        op.execute(f"DROP TABLE IF EXISTS {table}")
