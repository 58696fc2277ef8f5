"""Pagination of the catalog lists (three per page here)."""

from __future__ import annotations

import pytest

from tests import factories

from .helpers import listed_ids


@pytest.fixture
def app_config():
    return {"PER_PAGE": 3}


def test_catalog_pages_keep_the_filters(client, app):
    org = factories.organization()
    ids = [factories.product(org, okpd2="25.62.10").id for _ in range(7)]
    factories.product(org, okpd2="20.30")

    first = client.get("/catalog/?code=25.62")
    second = client.get("/catalog/?code=25.62&page=2")
    third = client.get("/catalog/?code=25.62&page=3")

    seen = listed_ids(first) + listed_ids(second) + listed_ids(third)
    assert [len(listed_ids(r)) for r in (first, second, third)] == [3, 3, 1]
    assert sorted(seen) == sorted(ids)
    assert "code=25.62" in first.get_data(as_text=True).split('rel="next"')[0].rsplit("href=", 1)[1]
    assert client.get("/catalog/?code=25.62&page=4").status_code == 404


def test_code_page_is_paginated(client, app):
    org = factories.organization()
    ids = [factories.product(org, okpd2="25.62.10").id for _ in range(4)]

    first = client.get("/catalog/codes/25.62")
    second = client.get("/catalog/codes/25.62?page=2")

    assert sorted(listed_ids(first) + listed_ids(second)) == sorted(ids)
    assert len(listed_ids(first)) == 3
