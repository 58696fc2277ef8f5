"""Production chains: who is at each stage (by competency subtree, by products' OKPD2 prefix, pinned), weak links."""

import re

import pytest

from marketplace.competence.chains import chain_views, load_chains, prefix_matches
from marketplace.competence.models import ChainStage, ChainStageMember, ValueChain
from marketplace.db import db
from tests import factories


@pytest.fixture
def chain(world):
    """Raw materials (competency area A) → Plastics (OKPD2 20.16 and 22.2) → Testing (nobody) → Sales (pinned)."""
    chain = ValueChain(name_ru="Полимеры и изделия из пластмасс", name_en="Polymers and plastic products")
    chain.stages = [
        ChainStage(position=0, name_ru="Сырьё", name_en="Raw materials", competency_codes=["A"]),
        ChainStage(position=1, name_ru="Пластмассы", name_en="Plastics", okpd2_prefixes=["20.16", "22.2"]),
        ChainStage(
            position=2,
            name_ru="Испытания",
            name_en="Testing",
            competency_codes=["NO.SUCH.CODE"],
            okpd2_prefixes=["71.20"],
        ),
        ChainStage(position=3, name_ru="Сбыт", name_en="Sales", competency_codes=["B1"]),
    ]
    chain.stages[3].members.append(ChainStageMember(organization=world.orgs["outsider"], note="Дилер в Ростове"))
    db.session.add(chain)
    factories.product(world.orgs["sme"], okpd2="20.16.10.111")
    factories.product(world.orgs["uni"], okpd2="22.21.21.121")
    factories.product(world.orgs["large"], okpd2="20.30.22.110")  # paints: not a plastic
    factories.product(world.orgs["outsider"], okpd2="20.16.51.111")  # not a member: not derived
    db.session.commit()
    return chain


def _stages(chain):
    view = chain_views(load_chains())[0]
    return {stage.stage.name_en: {item.org.id: item for item in stage.orgs} for stage in view.stages}, view


def test_membership_by_competency_subtree(world, chain):
    stages, _ = _stages(chain)
    raw = stages["Raw materials"]
    assert set(raw) == {world.orgs[key].id for key in ("sme", "large", "uni")}  # A1, A2X, A2: all under A
    assert raw[world.orgs["large"].id].reasons == {"competency"}
    assert raw[world.orgs["large"].id].competencies == ["A1", "A2X"]


def test_membership_by_okpd2_prefix(world, chain):
    stages, _ = _stages(chain)
    plastics = stages["Plastics"]
    assert set(plastics) == {world.orgs["sme"].id, world.orgs["uni"].id}
    assert plastics[world.orgs["sme"].id].reasons == {"product"}
    assert plastics[world.orgs["uni"].id].okpd2 == ["22.21.21.121"]
    assert prefix_matches("20.16.10.111", ["20.16", "20.3"]) == ["20.16"]
    assert prefix_matches("20.30", ["20.3", "20.30"]) == ["20.3", "20.30"]
    assert prefix_matches("22.21", ["20"]) == []


def test_pinned_members_and_weak_links(world, chain):
    stages, view = _stages(chain)
    sales = stages["Sales"]
    assert set(sales) == {world.orgs["sme"].id, world.orgs["outsider"].id}
    pinned = sales[world.orgs["outsider"].id]
    assert pinned.pinned
    assert pinned.reasons == {"pinned"}
    assert pinned.note == "Дилер в Ростове"
    assert not pinned.org.is_member  # the manager may pin a partner that is not a member yet
    assert stages["Testing"] == {}
    assert [stage.stage.name_en for stage in view.weak_stages] == ["Testing"]
    assert view.organizations == 4


def test_chains_page_draws_the_flow(client, login, world, chain):
    login(world.users["member"])
    html = client.get("/competence/chains?lang=en").get_data(as_text=True)
    counts = re.findall(r'data-testid="chain-stage"\s+data-stage="\d+" data-count="(\d+)"( data-weak)?', html)
    assert counts == [("3", ""), ("2", ""), ("0", " data-weak"), ("2", "")]
    assert "Weak link" in html
    assert "1 weak link" in html
    assert html.index("Raw materials") < html.index("Plastics") < html.index("Testing") < html.index("Sales")
    assert 'data-reasons="pinned"' in html
    assert "Дилер в Ростове" in html
    assert 'data-testid="new-chain"' not in html
    assert 'data-testid="edit-chain"' not in html

    login(world.users["manager"])
    html = client.get("/competence/chains?lang=en").get_data(as_text=True)
    assert 'data-testid="new-chain"' in html
    assert 'data-testid="edit-chain"' in html
    detail = client.get(f"/competence/chains/{chain.id}?lang=en").get_data(as_text=True)
    assert detail.count('data-testid="stage-org"') == 7


def test_no_chains_yet(client, login, world):
    login(world.users["member"])
    assert "No production chains" in client.get("/competence/chains?lang=en").get_data(as_text=True)
