"""The application's search index: opened lazily, one per app, on ``app.extensions["search"]``."""

from __future__ import annotations

import threading

from flask import Flask, current_app

from search_index import SearchIndex, open_index

_opening = threading.Lock()


def get_index(app: Flask | None = None) -> SearchIndex:
    """The app's index, opened on first use from ``SEARCH_BACKEND`` / ``SEARCH_INDEX_DIR``.

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
                    lock_timeout=float(app.config.get("SEARCH_LOCK_TIMEOUT", 10.0)),
                )
                app.extensions["search"] = index
    return index
