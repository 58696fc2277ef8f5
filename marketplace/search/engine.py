"""The application's search index: opened lazily, one per app, on ``app.extensions["search"]``."""

from __future__ import annotations

import threading

from flask import Flask, current_app

from search_index import SearchIndex, open_index

_opening = threading.Lock()


def search_dsn(app: Flask) -> str | None:
    """The database of the PostgreSQL search backend: ``SEARCH_DSN``, else the app's own database when it
    is PostgreSQL (its migrations made the search tables), else None."""
    dsn: str | None = app.config.get("SEARCH_DSN")
    if dsn:
        return dsn
    url = str(app.config.get("SQLALCHEMY_DATABASE_URI") or "")
    return url if url.startswith(("postgresql", "postgres:")) else None


def get_index(app: Flask | None = None) -> SearchIndex:
    """The app's index, opened on first use from ``SEARCH_BACKEND`` / ``SEARCH_INDEX_DIR`` (whoosh) or
    ``search_dsn`` (postgres).

    ``create_app`` never calls this: the index is touched only when a request,
    a commit or a command needs it.
    """
    if app is None:
        app = current_app
    index = app.extensions.get("search")
    if index is None:
        with _opening:
            index = app.extensions.get("search")
            if index is None:
                index = open_index(
                    app.config["SEARCH_BACKEND"],
                    app.config.get("SEARCH_INDEX_DIR"),
                    dsn=search_dsn(app) if app.config["SEARCH_BACKEND"] == "postgres" else None,
                    lock_timeout=float(app.config.get("SEARCH_LOCK_TIMEOUT", 10.0)),
                )
                app.extensions["search"] = index
    return index
