"""Full-text search over the cluster's records: a small adapter and its backends.

A plain library: it knows nothing of Flask or of the marketplace's models.
The application turns its records into ``Document`` objects, keeps the index
in step with its database, and asks ``query`` for ranked ``(type, id)`` hits.

    index = open_memory_index()          # or open_directory_index(path), open_index("postgres", dsn=...)
    index.add([Document("product", 7, "Фланец стальной", body="...")])
    index.query("фланцы").hits           # [Hit(type="product", id="7", ...)]
"""

from __future__ import annotations

from .analysis import analyze, stem
from .base import Document, Filters, Hit, IndexBusy, Key, SearchIndex, SearchIndexError, SearchResult, Suggestion
from .whoosh_backend import WhooshIndex, open_directory_index, open_memory_index

__all__ = [
    "Document",
    "Filters",
    "Hit",
    "IndexBusy",
    "Key",
    "SearchIndex",
    "SearchIndexError",
    "SearchResult",
    "Suggestion",
    "WhooshIndex",
    "analyze",
    "open_directory_index",
    "open_index",
    "open_memory_index",
    "stem",
]


def open_index(
    backend: str, path: str | None = None, *, dsn: str | None = None, lock_timeout: float = 10.0
) -> SearchIndex:
    """Open an index by name: ``"whoosh"`` (files in ``path``), ``"memory"`` or ``"postgres"`` (the
    database at ``dsn``, whose tables the app's migrations or ``postgres_backend.create_schema`` made)."""
    if backend == "postgres":
        if not dsn:
            raise ValueError("the postgres search backend needs a database (dsn)")
        from .postgres_backend import open_postgres_index  # noqa: PLC0415  psycopg only when asked for

        return open_postgres_index(dsn, lock_timeout=lock_timeout)
    if backend == "memory":
        return open_memory_index(lock_timeout=lock_timeout)
    if backend == "whoosh":
        if not path:
            raise ValueError("the whoosh search backend needs a directory")
        return open_directory_index(path, lock_timeout=lock_timeout)
    raise ValueError(f"unknown search backend {backend!r} (expected 'whoosh', 'memory' or 'postgres')")
