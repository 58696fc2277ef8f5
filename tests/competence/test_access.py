"""Who may open the competence map: members and the manager; the manager alone edits the chains."""

import pytest

from marketplace.competence.models import ChainStage, ValueChain
from marketplace.db import db

MEMBER_PAGES = [
    "/competence/",
    "/competence/print",
    "/competence/export.csv",
    "/competence/export.csv?layout=wide",
    "/competence/gaps",
    "/competence/gaps.csv",
    "/competence/chains",
    "/competence/chains/{chain}",
    "/competence/competencies/{competency}",
]
MANAGER_PAGES = [
    "/competence/chains/new",
    "/competence/chains/{chain}/edit",
    "/competence/chains/{chain}/stages/new",
    "/competence/stages/{stage}/edit",
]


@pytest.fixture
def chain(world):
    chain = ValueChain(name_ru="Полимеры", name_en="Polymers")
    chain.stages.append(ChainStage(name_ru="Сырьё", competency_codes=["A"]))
    db.session.add(chain)
    db.session.commit()
    return chain


def _urls(pages, world, chain):
    return [page.format(chain=chain.id, stage=chain.stages[0].id, competency=world.comps["A"].id) for page in pages]


@pytest.mark.parametrize(
    ("role", "expected"), [("guest", 302), ("registered", 403), ("outsider", 403), ("member", 200), ("manager", 200)]
)
def test_member_pages(client, login, world, chain, role, expected):
    login(world.users[role])
    for url in _urls(MEMBER_PAGES, world, chain):
        response = client.get(url)
        assert response.status_code == expected, (url, role)
        if expected == 302:
            assert "/account/login" in response.headers["Location"]


@pytest.mark.parametrize(
    ("role", "expected"), [("guest", 302), ("registered", 403), ("outsider", 403), ("member", 403), ("manager", 200)]
)
def test_manager_pages(client, login, world, chain, role, expected):
    login(world.users[role])
    for url in _urls(MANAGER_PAGES, world, chain):
        assert client.get(url).status_code == expected, (url, role)


@pytest.mark.parametrize("role", ["guest", "registered", "member"])
def test_only_the_manager_changes_chains(client, login, world, chain, role):
    login(world.users[role])
    stage = chain.stages[0]
    posts = [
        ("/competence/chains/new", {"name_ru": "Новая"}),
        (f"/competence/chains/{chain.id}/edit", {"name_ru": "Другое имя"}),
        (f"/competence/chains/{chain.id}/stages/new", {"name_ru": "Сбыт"}),
        (f"/competence/stages/{stage.id}/edit", {"name_ru": "Другое"}),
        (f"/competence/stages/{stage.id}/pins", {"organization": world.orgs["sme"].id}),
        (f"/competence/stages/{stage.id}/delete", {}),
        (f"/competence/chains/{chain.id}/delete", {}),
    ]
    for url, data in posts:
        assert client.post(url, data=data).status_code == (302 if role == "guest" else 403), url
    db.session.expire_all()
    assert [c.name_ru for c in db.session.scalars(db.select(ValueChain))] == ["Полимеры"]
    assert [s.name_ru for s in chain.stages] == ["Сырьё"]
    assert not chain.stages[0].members


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
