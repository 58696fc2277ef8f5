"""Who may open the competence map: members and the manager; the manager alone edits the chains."""

import pytest

from marketplace.competence.models import ChainStage, ValueChain
from marketplace.db import db
from tests.access_matrix import FORBIDDEN, LOGIN, OK, REDIRECT, AccessMatrix, Route, roles, statuses_for

ROLES = roles()
expect = statuses_for(ROLES)

MEMBER_PAGE = expect(LOGIN, FORBIDDEN, FORBIDDEN, OK, OK)
MANAGER_PAGE = expect(LOGIN, FORBIDDEN, FORBIDDEN, FORBIDDEN, OK)
MANAGER_ACTION = expect(LOGIN, FORBIDDEN, FORBIDDEN, FORBIDDEN, REDIRECT)


def page(url: str, expected) -> Route:
    return Route.get(url, url, expected)


MATRIX = AccessMatrix(
    ROLES,
    page("/competence/", MEMBER_PAGE),
    page("/competence/print", MEMBER_PAGE),
    page("/competence/export.csv", MEMBER_PAGE),
    page("/competence/export.csv?layout=wide", MEMBER_PAGE),
    page("/competence/gaps", MEMBER_PAGE),
    page("/competence/gaps.csv", MEMBER_PAGE),
    page("/competence/chains", MEMBER_PAGE),
    page("/competence/chains/{chain}", MEMBER_PAGE),
    page("/competence/competencies/{competency}", MEMBER_PAGE),
    page("/competence/chains/new", MANAGER_PAGE),
    page("/competence/chains/{chain}/edit", MANAGER_PAGE),
    page("/competence/chains/{chain}/stages/new", MANAGER_PAGE),
    page("/competence/stages/{stage}/edit", MANAGER_PAGE),
    Route.post("new chain", "/competence/chains/new", {"name_ru": "Новая"}, MANAGER_ACTION),
    Route.post("rename chain", "/competence/chains/{chain}/edit", {"name_ru": "Другое имя"}, MANAGER_ACTION),
    Route.post("new stage", "/competence/chains/{chain}/stages/new", {"name_ru": "Сбыт"}, MANAGER_ACTION),
    Route.post("rename stage", "/competence/stages/{stage}/edit", {"name_ru": "Другое"}, MANAGER_ACTION),
    Route.post("pin", "/competence/stages/{stage}/pins", {"organization": "{sme}"}, MANAGER_ACTION),
    Route.post("delete stage", "/competence/stages/{stage}/delete", {}, MANAGER_ACTION),
    Route.post("delete chain", "/competence/chains/{chain}/delete", {}, MANAGER_ACTION),
)


@pytest.fixture
def chain(world):
    chain = ValueChain(name_ru="Полимеры", name_en="Polymers")
    chain.stages.append(ChainStage(name_ru="Сырьё", competency_codes=["A"]))
    db.session.add(chain)
    db.session.commit()
    return chain


@pytest.fixture
def ids(world, chain):
    return {
        "chain": chain.id,
        "stage": chain.stages[0].id,
        "competency": world.comps["A"].id,
        "sme": world.orgs["sme"].id,
    }


@pytest.fixture
def as_role(login, world):
    return lambda role: login(world.users[role])


@MATRIX.reads
def test_read_permissions(client, ids, as_role, route):
    MATRIX.check_read(client, as_role, route, ids)


@MATRIX.writes
def test_only_the_manager_changes_chains(client, ids, as_role, route, role):
    """A refused change stores nothing: the chain, its stage and its pins stay as they were."""
    MATRIX.check_role(client, as_role, route, role, ids)


def test_unknown_records_are_404(client, login, world):
    login(world.users["manager"])
    for url in (
        "/competence/competencies/999999",
        "/competence/chains/999999",
        "/competence/chains/999999/edit",
        "/competence/stages/999999/edit",
    ):
        assert client.get(url).status_code == 404, url
    assert client.post("/competence/stages/999999/delete").status_code == 404
