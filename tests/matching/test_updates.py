"""Incremental updates: add_or_update / remove without a refit, version stamps, merging."""

from __future__ import annotations

import numpy as np
import pytest

from matching import (
    Matcher,
    MatcherConfig,
    MatchQuery,
    OrganizationProfile,
    ProfileDocument,
    UnknownOrganizationError,
)

from .conftest import JOINT, make_profiles

WELDER = OrganizationProfile(
    id=99,
    name="ООО «Сварщик»",
    kind="sme",
    region="Тверская область",
    description="Токарная обработка фланцев под приварку.",
    okpd2_codes=["25.11"],
)


def test_add_a_new_organization_without_refit(matcher):
    vocabulary, version = list(matcher.model_.vocabulary), matcher.version_
    matcher.add_or_update(WELDER)
    assert matcher.version_ != version
    assert matcher.model_.vocabulary == vocabulary  # fitted vocabulary and idf are kept
    assert 99 in matcher
    assert matcher.n_organizations_ == 8
    matches = matcher.match_suppliers(MatchQuery("обработка фланцев", regions=["Тверская область"]))
    assert [m.org_id for m in matches] == [99]
    assert matches[0].reasons.documents[0].kind == "description"


def test_update_replaces_the_profile(matcher):
    updated = OrganizationProfile(
        id=7, name="Управление экологии", kind="public", description="Литье стали и отливки чугуна"
    )
    matcher.add_or_update(updated)
    assert 7 not in [m.org_id for m in matcher.match_suppliers(MatchQuery("очистка сточных вод"))]
    assert 7 in [m.org_id for m in matcher.match_suppliers(MatchQuery("отливки чугуна"))]


def test_remove_forgets_the_organization_but_keeps_shared_documents(matcher):
    version = matcher.version_
    matcher.remove(4)
    assert matcher.version_ != version
    assert 4 not in matcher
    ids = [m.org_id for m in matcher.match_suppliers(MatchQuery("pyrolysis of mixed plastic waste"))]
    assert 4 not in ids
    assert 3 in ids


def test_remove_unknown_id_raises(matcher):
    with pytest.raises(UnknownOrganizationError):
        matcher.remove(12345)


def test_incremental_state_equals_a_merged_index(matcher):
    matcher.add_or_update(WELDER)
    matcher.add_or_update(
        OrganizationProfile(
            id=3,
            name="Политех",
            kind="university",
            description="Сварка и испытания сварных соединений",
            projects=[JOINT],
        )
    )
    matcher.remove(2)
    queries = [MatchQuery(t) for t in ("обработка фланцев", "pyrolysis plastic waste", "литье стали", "испытания")]
    before = [matcher.score_query(q).scores for q in queries]
    matcher.index_.merge()
    after = [matcher.score_query(q).scores for q in queries]
    for a, b in zip(before, after, strict=True):
        np.testing.assert_allclose(a, b, rtol=1e-5, atol=1e-6)


def test_delta_is_merged_past_the_threshold():
    m = Matcher(MatcherConfig(delta_merge_docs=2, delta_merge_fraction=0.0)).fit(make_profiles())
    m.add_or_update(
        OrganizationProfile(
            id=50, description="отливки чугуна", region="Тверская область", products=["корпуса насосов", "арматура"]
        )
    )
    assert m.index_.n_delta_docs == 0  # merged
    assert [x.org_id for x in m.match_suppliers(MatchQuery("отливки насосов", regions=["Тверская область"]))] == [50]


def test_shared_documents_are_indexed_once(profiles):
    m = Matcher().fit(profiles)
    assert m.index_.doc_keys.count("joint-1") == 1
    m.add_or_update(OrganizationProfile(id=60, kind="sme", projects=[JOINT]))
    assert m.index_.doc_keys.count("joint-1") == 1
    ids = [x.org_id for x in m.match_suppliers(MatchQuery("pyrolysis pilot plant"))]
    assert {3, 4, 60} <= set(ids)


def test_new_words_are_ignored_until_refit(matcher):
    matcher.add_or_update(OrganizationProfile(id=70, description="квазикристаллы"))
    assert matcher.match_suppliers(MatchQuery("квазикристаллы")) == []
    refit = Matcher().fit([*make_profiles(), OrganizationProfile(id=70, description="квазикристаллы")])
    assert [m.org_id for m in refit.match_suppliers(MatchQuery("квазикристаллы"))] == [70]


def test_save_after_updates_round_trips(matcher, tmp_path):
    matcher.add_or_update(WELDER)
    matcher.remove(5)
    q = MatchQuery("сварка и литье стали")
    expected = matcher.match_suppliers(q)
    loaded = Matcher.load(matcher.save(tmp_path / "m.npz"))
    assert loaded.match_suppliers(q) == expected
    assert 5 not in loaded
    assert 99 in loaded
    loaded.add_or_update(
        OrganizationProfile(id=5, kind="large", products=[ProfileDocument("polyethylene", kind="product")])
    )
    assert 5 in [x.org_id for x in loaded.match_suppliers(MatchQuery("polyethylene"))][:2]


def test_a_repeated_question_is_answered_from_memory_until_the_version_changes(matcher, monkeypatch):
    query = MatchQuery("токарная обработка фланцев", okpd2_codes=("25.62",))
    first = matcher.match_suppliers(query)
    scored = []
    original = matcher.score_query
    monkeypatch.setattr(matcher, "score_query", lambda q: scored.append(q) or original(q))
    assert matcher.match_suppliers(query) == first
    assert matcher.match_suppliers(MatchQuery("токарная обработка фланцев", okpd2_codes=("25.62",))) == first
    assert scored == []  # the same question, asked twice more: no scoring
    matcher.match_suppliers(query, top_k=3)  # another question
    assert len(scored) == 1
    matcher.add_or_update(WELDER)  # a new version: asked anew, and the new organization is found
    assert 99 in [m.org_id for m in matcher.match_suppliers(query)]
    assert len(scored) == 2
    listed = MatchQuery("токарная обработка фланцев", okpd2_codes=["25.62"])  # a list: not remembered
    assert matcher.match_suppliers(listed) == matcher.match_suppliers(listed)
    assert len(scored) == 4
