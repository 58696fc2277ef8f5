"""Helpers for the search feature's tests: the app's (in-memory) index and quick look-ups."""

from __future__ import annotations

import pytest

from marketplace.search.engine import get_index


@pytest.fixture
def index(app):
    return get_index(app)


@pytest.fixture
def found(index):
    """``found(text, **query_options)`` → the ``(type, id)`` pairs the index returns, ids as ints."""

    def run(text, **options):
        options.setdefault("limit", 100)
        return [(hit.type, int(hit.id)) for hit in index.query(text, **options).hits]

    return run
