"""Fixtures of the API tests: one user of each role, and JSON requests."""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest

from tests import factories
from tests.access_matrix import roles

ROLES = roles("owner")


@pytest.fixture
def people(app):
    """``owner`` administers the member organization ``org``; ``member`` belongs to another member
    organization; ``outsider`` to a non-member one; ``registered`` has no organization."""
    owner = factories.member(name_ru="ООО «Владелец»", name_en="Owner LLC")
    return SimpleNamespace(
        guest=None,
        registered=factories.registered(),
        outsider=factories.outsider(name_ru="ООО «Посторонний»", name_en="Outsider LLC"),
        member=factories.member(name_ru="ООО «Участник»", name_en="Fellow Member LLC"),
        owner=owner,
        org=owner.organization,
        manager=factories.manager(),
    )


@pytest.fixture
def as_role(people, login):
    """``as_role("member")`` logs the client in as that person (``"guest"`` logs out)."""

    def do(role: str):
        return login(getattr(people, role))

    return do


@pytest.fixture
def get_json(client):
    """GET ``url``, check the status and that the answer is JSON, return the response."""

    def do(url: str, status: int = 200):
        response = client.get(url)
        assert response.status_code == status, response.get_data(as_text=True)
        assert response.mimetype == "application/json", response.get_data(as_text=True)[:200]
        return response

    return do


def body_texts(response) -> tuple[str, str]:
    """The raw body, and the same JSON with non-ASCII characters unescaped."""
    raw = response.get_data(as_text=True)
    return raw, json.dumps(response.get_json(), ensure_ascii=False)


def assert_absent(response, *values: str) -> None:
    for text in body_texts(response):
        for value in values:
            assert value not in text, f"{value!r} leaked into the response"


def assert_present(response, *values: str) -> None:
    unescaped = body_texts(response)[1]
    for value in values:
        assert value in unescaped, f"{value!r} missing from the response"


def ids(response) -> set[int]:
    return {item["id"] for item in response.json["items"]}


def assert_error(response, status: int, *words: str) -> None:
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.mimetype == "application/json"
    error = response.json["error"]
    assert set(error) == {"code", "message"}
    for word in words:
        assert word in error["message"]
