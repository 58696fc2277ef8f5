"""The application on the PostgreSQL search backend (``SEARCH_BACKEND=postgres``): committed records
reach the shared index, the search page and the commands work as on Whoosh.

The search tables live in the library tests' schema (``tests/search_index/conftest.py``), whichever
database the app itself runs on; skipped without TEST_DATABASE_URL.
"""

from __future__ import annotations

import re

import pytest

from marketplace.db import db
from marketplace.search.engine import get_index, search_dsn
from search_index.postgres_backend import PostgresIndex
from tests import factories
from tests.search_index.conftest import empty_postgres_tables, postgres_search_dsn  # noqa: F401  (a fixture)


@pytest.fixture
def app_config(request) -> dict:
    dsn = request.getfixturevalue("postgres_search_dsn")
    empty_postgres_tables(dsn)
    return {"SEARCH_BACKEND": "postgres", "SEARCH_DSN": dsn}


def results(response) -> list[tuple[str, int]]:
    html = response.get_data(as_text=True)
    return [(t, int(i)) for t, i in re.findall(r'class="search-result[^"]*" data-type="(\w+)" data-id="(\d+)"', html)]


def test_the_app_opens_the_postgres_index(app):
    assert isinstance(get_index(app), PostgresIndex)


def test_search_dsn_defaults_to_a_postgresql_database_of_the_app(app):
    app.config["SEARCH_DSN"] = None
    app.config["SQLALCHEMY_DATABASE_URI"] = "postgresql+psycopg://u@h/db"
    assert search_dsn(app) == "postgresql+psycopg://u@h/db"
    app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite:///x.db"
    assert search_dsn(app) is None
    app.config["SEARCH_DSN"] = "postgresql://other/search"
    assert search_dsn(app) == "postgresql://other/search"


def test_committed_records_are_found_on_the_page(app, client):
    org = factories.organization(name_ru="ООО «Уральские фланцы»", name_en="Ural Flanges LLC")
    product = factories.product(org, name_ru="Фланец воротниковый", name_en="Weld neck flange")
    assert results(client.get("/search/", query_string={"q": "фланцы из стали OR воротниковые"})) == [
        ("product", product.id)
    ]
    product.name_ru = "Шестерня коническая"
    db.session.commit()
    assert results(client.get("/search/", query_string={"q": "шестерни"})) == [("product", product.id)]
    db.session.delete(product)
    db.session.commit()
    assert results(client.get("/search/", query_string={"q": "шестерни"})) == []


def test_reindex_and_check(app, runner):
    org = factories.organization(name_ru="ООО «Термопласт»")
    factories.product(org, name_ru="Труба полиэтиленовая")
    index = get_index(app)
    assert runner.invoke(args=["search", "clear"]).exit_code == 0
    assert index.doc_count() == 0
    result = runner.invoke(args=["search", "reindex"])
    assert result.exit_code == 0, result.output
    assert index.query("трубы").total == 1
    result = runner.invoke(args=["search", "check"])
    assert result.exit_code == 0, result.output
