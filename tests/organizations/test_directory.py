"""The member directory: who is listed, filters, pagination."""

from __future__ import annotations

import re

import pytest

from marketplace.models import MembershipStatus, OrgKind
from tests import factories


@pytest.fixture
def app_config():
    return {"PER_PAGE": 3}


def card_ids(client, query: str = "") -> set[int]:
    response = client.get(f"/organizations/?lang=en&{query}")
    assert response.status_code == 200
    return {
        int(n)
        for n in re.findall(r'class="stretched-link" href="/organizations/(\d+)"', response.get_data(as_text=True))
    }


@pytest.fixture
def orgs(app):
    return {
        "gazprom": factories.organization(
            name_ru="Газпром нефтехим Салават",
            name_en="Gazprom Neftekhim Salavat",
            kind=OrgKind.LARGE,
            region="Республика Башкортостан",
        ),
        "polymer": factories.organization(name_ru="Полимер-Юг", name_en="Polymer-South", kind=OrgKind.SME),
        "university": factories.organization(
            name_ru="СКФУ", name_en="North Caucasus Federal University", kind=OrgKind.UNIVERSITY
        ),
        "newcomer": factories.organization(
            name_ru="Новичок Газ", name_en="Newcomer Gas", membership_status=MembershipStatus.NONE, member_since=None
        ),
        "applied": factories.organization(
            name_ru="Заявитель", name_en="Applicant", membership_status=MembershipStatus.APPLIED, member_since=None
        ),
    }


def ids(orgs, *names) -> set[int]:
    return {orgs[name].id for name in names}


def test_guests_see_members_only_even_when_asking_for_all(client, orgs):
    assert card_ids(client) == ids(orgs, "gazprom", "polymer", "university")
    assert card_ids(client, "membership=all&q=Газ") == ids(orgs, "gazprom")


def test_registered_users_may_list_non_members(client, orgs, login):
    login(factories.registered())
    assert card_ids(client, "membership=other") == ids(orgs, "newcomer", "applied")
    assert card_ids(client, "membership=all&q=газ") == ids(orgs, "gazprom", "newcomer")
    assert card_ids(client, "q=газ") == ids(orgs, "gazprom")  # members by default


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("q=газпром", {"gazprom"}),
        ("q=ГАЗПРОМ", {"gazprom"}),
        ("q=polymer", {"polymer"}),
        ("q=SOUTH", {"polymer"}),
        ("q=100%25", set()),  # LIKE wildcards are literal
        ("kind=university", {"university"}),
        ("region=Республика Башкортостан", {"gazprom"}),
        ("kind=large&region=Ставропольский край", set()),
    ],
)
def test_filters(client, orgs, query, expected):
    assert card_ids(client, query) == ids(orgs, *expected)


def test_competency_filter_includes_the_subtree(client, orgs):
    chemistry = factories.competency(name_en="Chemistry")
    polymers = factories.competency(parent=chemistry, name_en="Polymers")
    pipes = factories.competency(parent=polymers, name_en="Pipes")
    machining = factories.competency(name_en="Machining")
    factories.give_competency(orgs["polymer"], pipes)
    factories.give_competency(orgs["gazprom"], chemistry)
    factories.give_competency(orgs["university"], machining)
    assert card_ids(client, f"competency={chemistry.id}") == ids(orgs, "polymer", "gazprom")
    assert card_ids(client, f"competency={polymers.id}") == ids(orgs, "polymer")
    assert card_ids(client, f"competency={machining.id}") == ids(orgs, "university")


def test_invalid_filters_are_ignored(client, orgs):
    assert card_ids(client) == ids(orgs, "gazprom", "polymer", "university")
    assert card_ids(client, "kind=pirate&competency=abc&region=Атлантида") == card_ids(client)


def test_pagination(client, orgs):
    factories.organization(name_ru="Я последний", name_en="Last one")
    first, second = card_ids(client, "page=1"), card_ids(client, "page=2")
    assert len(first) == 3
    assert len(second) == 1
    assert not first & second
    assert client.get("/organizations/?page=9").status_code == 404


def test_cards_show_top_competencies_and_public_fields(client, orgs):
    comps = [factories.competency(name_en=f"Skill {n}") for n in range(4)]
    for level, comp in zip((1, 3, 2, 3), comps, strict=True):
        factories.give_competency(orgs["polymer"], comp, level=level)
    html = client.get("/organizations/?lang=en&q=polymer").get_data(as_text=True)
    html = html[html.index('data-testid="org-card"') :]  # the cards, not the filter's select
    assert "Skill 1" in html
    assert "Skill 3" in html
    assert "Skill 2" in html
    assert "Skill 0" not in html  # only the three strongest
    assert "Small or medium enterprise" in html
    assert "Stavropol Krai" in html
