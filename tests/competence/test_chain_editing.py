"""The manager edits chains, stages and pinned organizations; invalid input comes back with 400."""

import pytest
from sqlalchemy import select

from marketplace.competence.models import ChainStage, ChainStageMember, ValueChain
from marketplace.db import db


@pytest.fixture
def manager(client, login, world):
    login(world.users["manager"])
    return world


def _chains():
    db.session.expire_all()
    return list(db.session.scalars(select(ValueChain).order_by(ValueChain.position, ValueChain.id)))


def test_create_and_edit_a_chain(client, manager):
    assert client.post("/competence/chains/new", data={"name_ru": "", "name_en": "Paints"}).status_code == 400
    assert client.post("/competence/chains/new", data={"name_ru": "ЛКМ", "position": "-1"}).status_code == 400
    assert _chains() == []

    response = client.post(
        "/competence/chains/new",
        data={"name_ru": "Лакокрасочные материалы", "name_en": "Paints", "description_ru": "Описание"},
    )
    assert response.status_code == 302
    first = _chains()[0]
    assert response.headers["Location"].endswith(f"/competence/chains/{first.id}/edit")
    assert (first.name_en, first.description_ru, first.position) == ("Paints", "Описание", 0)
    client.post("/competence/chains/new", data={"name_ru": "Удобрения"})
    assert [chain.position for chain in _chains()] == [0, 1]  # a new chain goes last

    response = client.post(f"/competence/chains/{first.id}/edit", data={"name_ru": "ЛКМ", "position": "5"})
    assert response.status_code == 302
    assert [(chain.name_ru, chain.position) for chain in _chains()] == [("Удобрения", 1), ("ЛКМ", 5)]
    assert client.post(f"/competence/chains/{first.id}/edit", data={"name_ru": " "}).status_code == 400
    assert _chains()[1].name_ru == "ЛКМ"


def test_stages_validation_and_order(client, manager):
    chain = ValueChain(name_ru="Полимеры")
    db.session.add(chain)
    db.session.commit()
    url = f"/competence/chains/{chain.id}/stages/new"
    bad = [
        {"name_ru": ""},
        {"name_ru": "Сырьё", "okpd2_prefixes": "20.16, пластик"},
        {"name_ru": "Сырьё", "competency_codes": ["NO.SUCH"]},
        {"name_ru": "Сырьё", "position": "abc"},
    ]
    for data in bad:
        response = client.post(url, data=data)
        assert response.status_code == 400, data
    assert "Not an OKPD2 code" in client.post(url + "?lang=en", data=bad[1]).get_data(as_text=True)

    assert client.post(url, data={"name_ru": "Сбыт", "position": "5"}).status_code == 302
    assert (
        client.post(
            url, data={"name_ru": "Переработка", "competency_codes": ["A", "B1"], "okpd2_prefixes": "20.16 22.2"}
        ).status_code
        == 302
    )  # no position: last
    assert client.post(url, data={"name_ru": "Сырьё", "position": "0"}).status_code == 302
    db.session.expire_all()
    stages = db.session.get(ValueChain, chain.id).stages
    assert [(s.name_ru, s.position) for s in stages] == [("Сырьё", 0), ("Сбыт", 5), ("Переработка", 6)]
    processing = stages[2]
    assert processing.competency_codes == ["A", "B1"]
    assert processing.okpd2_prefixes == ["20.16", "22.2"]

    edit = f"/competence/stages/{processing.id}/edit"
    page = client.get(edit).get_data(as_text=True)
    assert 'value="A" selected' in page or 'selected value="A"' in page
    assert client.post(edit, data={"name_ru": "Переработка", "okpd2_prefixes": "99.x"}).status_code == 400
    db.session.expire_all()
    assert db.session.get(ChainStage, processing.id).okpd2_prefixes == ["20.16", "22.2"]
    assert (
        client.post(edit, data={"name_ru": "Полимеры", "position": "3", "competency_codes": ["A2"]}).status_code == 302
    )
    db.session.expire_all()
    processing = db.session.get(ChainStage, processing.id)
    assert (processing.name_ru, processing.position, processing.competency_codes, processing.okpd2_prefixes) == (
        "Полимеры",
        3,
        ["A2"],
        [],
    )

    assert client.post(f"/competence/stages/{processing.id}/delete").status_code == 302
    db.session.expire_all()
    assert [s.name_ru for s in db.session.get(ValueChain, chain.id).stages] == ["Сырьё", "Сбыт"]


def test_pin_and_unpin(client, manager):
    chain = ValueChain(name_ru="Полимеры", stages=[ChainStage(name_ru="Сбыт")])
    db.session.add(chain)
    db.session.commit()
    stage = chain.stages[0]
    url = f"/competence/stages/{stage.id}/pins"
    outsider = manager.orgs["outsider"]
    assert client.post(url, data={"organization": ""}).status_code == 400
    assert client.post(url, data={"organization": "999999"}).status_code == 400
    assert client.post(url, data={"organization": outsider.id, "note": "x" * 2001}).status_code == 400
    assert client.post(url, data={"organization": outsider.id, "note": "Дилер"}).status_code == 302
    duplicate = client.post(url + "?lang=en", data={"organization": outsider.id})
    assert duplicate.status_code == 400
    assert "already pinned" in duplicate.get_data(as_text=True)
    db.session.expire_all()
    pins = list(db.session.scalars(select(ChainStageMember)))
    assert [(p.organization_id, p.note, p.added_by_id) for p in pins] == [
        (outsider.id, "Дилер", manager.users["manager"].id)
    ]

    page = client.get(f"/competence/stages/{stage.id}/edit").get_data(as_text=True)
    assert f'data-testid="pinned" data-org="{outsider.id}"' in page
    assert client.post(f"/competence/stages/{stage.id}/pins/{outsider.id}/delete").status_code == 302
    assert client.post(f"/competence/stages/{stage.id}/pins/{outsider.id}/delete").status_code == 404
    db.session.expire_all()
    assert db.session.scalar(select(ChainStageMember)) is None


def test_deleting_a_chain_deletes_its_stages_and_pins(client, manager):
    chain = ValueChain(name_ru="Полимеры", stages=[ChainStage(name_ru="Сбыт")])
    chain.stages[0].members.append(ChainStageMember(organization=manager.orgs["sme"]))
    db.session.add(chain)
    db.session.commit()
    assert client.post(f"/competence/chains/{chain.id}/delete").status_code == 302
    db.session.expire_all()
    assert _chains() == []
    assert db.session.scalar(select(ChainStage)) is None
    assert db.session.scalar(select(ChainStageMember)) is None
