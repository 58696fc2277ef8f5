"""assemble_consortium: coverage of needs, the kind mix, gaps, no duplicates, the size cap."""

from __future__ import annotations

import pytest

from matching import ConsortiumQuery, Need

NEEDS = [
    Need("machining", "токарная обработка фланцев"),
    Need("casting", "литье стали, отливки"),
    Need("catalysts", "разработка катализатора полимеризации"),
    Need("space", "орбитальная ракета-носитель"),  # nobody does this
]


def test_each_need_is_covered_by_a_member_and_gaps_are_named(matcher):
    proposal = matcher.assemble_consortium(ConsortiumQuery(NEEDS, max_size=4))
    by_need = {n.label: n for n in proposal.needs}
    assert by_need["machining"].org_ids[0] == 1
    assert by_need["casting"].org_ids[0] == 2
    assert by_need["catalysts"].org_ids[0] in (3, 4)
    assert proposal.gaps == ("space",)
    assert "space" in proposal.uncovered
    assert not by_need["space"].covered
    assert by_need["space"].best_strength < 0.1
    ids = proposal.org_ids
    assert len(ids) == len(set(ids)) <= 4
    member = {m.org_id: m for m in proposal.members}
    assert "machining" in member[1].covers
    assert member[1].coverage["machining"] > 0.1
    assert member[1].reasons.terms


def test_kind_mix_is_respected(matcher):
    proposal = matcher.assemble_consortium(ConsortiumQuery(NEEDS[:3], kind_mix={"university": 1, "sme": 2}, max_size=3))
    kinds = sorted(m.kind for m in proposal.members)
    assert kinds == ["sme", "sme", "university"]
    assert proposal.unmet_kinds == {}
    assert 2 not in proposal.org_ids  # the mix takes all slots: the large foundry has none left


def test_unfillable_kind_mix_is_reported(matcher):
    # one research organization has evidence for these needs; the second slot cannot be filled
    proposal = matcher.assemble_consortium(
        ConsortiumQuery([NEEDS[0], Need("recycling", "polymer recycling")], kind_mix={"research": 2}, max_size=3)
    )
    assert proposal.unmet_kinds == {"research": 1}
    assert sum(m.kind == "research" for m in proposal.members) == 1


def test_size_cap_and_exclusions(matcher):
    proposal = matcher.assemble_consortium(ConsortiumQuery(NEEDS[:3], max_size=1, exclude_ids=[1]))
    assert len(proposal.members) == 1
    assert 1 not in proposal.org_ids


def test_members_are_not_added_without_gain(matcher):
    proposal = matcher.assemble_consortium(ConsortiumQuery([Need("casting", "литье стали")], max_size=5))
    assert proposal.org_ids == [2]


def test_codes_alone_can_cover_a_need(matcher):
    proposal = matcher.assemble_consortium(ConsortiumQuery([Need("polymers", competency_codes=["05.01"])], max_size=2))
    assert proposal.org_ids == [3]
    assert proposal.gaps == ()


def test_the_project_text_does_not_cover_a_need_made_of_unknown_words(matcher):
    # the project's text (mixed into every need to rank candidates) fits the machining shop well; a need of
    # words nobody has ever used must stay a gap rather than be "covered" by whoever fits the project
    query = ConsortiumQuery(
        [Need("machining", "токарная обработка фланцев"), Need("unknown", "квазиглюонный")],
        text="токарная обработка фланцев",
        context_weight=1.0,
        max_size=3,
    )
    proposal = matcher.assemble_consortium(query)
    by_need = {n.label: n for n in proposal.needs}
    assert by_need["machining"].covered
    assert by_need["machining"].org_ids[0] == 1
    assert not by_need["unknown"].covered
    assert by_need["unknown"].org_ids == ()
    assert by_need["unknown"].best_strength == 0.0
    assert proposal.gaps == ("unknown",)
    assert "unknown" in proposal.uncovered
    assert all("unknown" not in m.covers for m in proposal.members)


def test_bad_queries_are_refused(matcher):
    with pytest.raises(ValueError):
        matcher.assemble_consortium(ConsortiumQuery([]))
    with pytest.raises(ValueError):
        matcher.assemble_consortium(ConsortiumQuery([Need("a", "x"), Need("a", "y")]))
