"""match_suppliers: Russian and English orders, filters, the customer excluded, boosts, reasons."""

from __future__ import annotations

import numpy as np
import pytest

from matching import (
    Matcher,
    MatcherConfig,
    MatchQuery,
    OrganizationProfile,
    ProfileDocument,
    Reasons,
    explain,
)

from .conftest import make_profiles

FLANGES = "Механическая обработка фланцев из стали 09Г2С"


def ids(matches):
    return [m.org_id for m in matches]


def test_russian_order_finds_the_machining_company(matcher):
    matches = matcher.match_suppliers(MatchQuery(FLANGES), top_k=3)
    assert matches[0].org_id == 1
    assert 6 in ids(matches)  # the other machining shop ("механическая обработка")
    assert matches[0].score >= matches[1].score


def test_english_order_finds_the_polymer_organizations(matcher):
    matches = matcher.match_suppliers(MatchQuery("Recycling of polyethylene plastic waste", lang="en"))
    assert ids(matches)[:1] == [4]
    assert 5 in ids(matches)


def test_only_organizations_with_evidence_are_proposed(matcher):
    matches = matcher.match_suppliers(MatchQuery("очистка сточных вод"), top_k=10)
    assert ids(matches) == [7]
    assert matcher.match_suppliers(MatchQuery("квантовая телепортация")) == []


def test_filters_by_kind_region_and_membership(matcher):
    q = {"text": FLANGES}
    assert set(ids(matcher.match_suppliers(MatchQuery(**q, kinds=["large", "university"])))) <= {2, 3}
    by_region = matcher.match_suppliers(MatchQuery(**q, regions=["смоленская область"]))
    assert by_region
    assert all(m.region == "Смоленская область" for m in by_region)
    members = matcher.match_suppliers(MatchQuery(**q, members_only=True))
    assert 6 not in ids(members)
    assert all(m.is_member for m in members)
    assert matcher.match_suppliers(MatchQuery(**q, regions=["Нигде"])) == []


def test_cordis_kinds_are_accepted_in_filters(matcher):
    assert ids(matcher.match_suppliers(MatchQuery("polymer recycling", kinds=["REC"]))) == [4]


def test_the_customer_itself_is_excluded(matcher):
    matches = matcher.match_suppliers(MatchQuery(FLANGES, exclude_ids=[1]))
    assert 1 not in ids(matches)
    assert matches[0].org_id == 6


def test_okpd2_codes_boost_prefix_aware():
    m = Matcher(MatcherConfig(kind_balance=0.0)).fit(make_profiles())
    plain = m.score_query(MatchQuery("изготовление деталей")).scores
    boosted = m.score_query(MatchQuery("изготовление деталей", okpd2_codes=["25.62.20.110"])).scores
    row6, row1, row2 = m.org_row_[6], m.org_row_[1], m.org_row_[2]
    gain6, gain1 = boosted[row6] - plain[row6], boosted[row1] - plain[row1]
    assert gain6 > gain1 > 0  # 25.62.20 shares more of the code than 25.62
    assert boosted[row2] == pytest.approx(plain[row2])  # 24.51 shares no level with 25.62.20.110


def test_competency_codes_boost_and_match_children(matcher):
    q = MatchQuery("испытания", competency_codes=["02.01"])
    matches = matcher.match_suppliers(q, top_k=5)
    by_id = {m.org_id: m for m in matches}
    assert {1, 6} <= set(by_id)
    assert by_id[1].reasons.competencies[0].org_code == "02.01"
    assert by_id[1].reasons.competencies[0].name == "Механическая обработка металлов"
    # 02.01.03 is a child of 02.01: the university matches the whole query code
    assert by_id[3].reasons.competencies[0].match == 1.0


def test_reasons_have_readable_words_documents_and_codes(matcher):
    top = matcher.match_suppliers(MatchQuery(FLANGES, okpd2_codes=["25.62.10"]), top_k=1)[0]
    assert "фланец" in top.reasons.terms
    assert any("обработка" in t for t in top.reasons.terms)
    assert "09г2с" in top.reasons.terms
    assert top.reasons.okpd2[0].org_code == "25.62"
    assert top.reasons.okpd2[0].match == pytest.approx(4 / 6, 1e-3)
    titles = [d.title for d in top.reasons.documents]
    assert "Фланцы стальные" in titles
    assert top.best_document_similarity > 0
    assert top.text_similarity > 0


def test_explain_builds_sentences_in_both_languages(matcher):
    top = matcher.match_suppliers(MatchQuery(FLANGES, okpd2_codes=["25.62"]), top_k=1)[0]
    ru, en = top.explain("ru"), explain(top.reasons, "en")
    assert ru.startswith("Совпадают слова: ")
    assert "фланец" in ru
    assert "коды ОКПД2: 25.62" in ru
    assert "«" in ru
    assert en.startswith("Matching words: ")
    assert "OKPD2 codes: 25.62" in en
    assert explain(Reasons(), "ru") == "Явных совпадений нет."


def test_kind_balance_lets_small_profiles_compete():
    profiles = make_profiles()
    q = MatchQuery("катализатор полимеризации этилена")
    plain = Matcher(MatcherConfig(kind_balance=0.0)).fit(profiles).score_query(q).scores
    balanced = Matcher(MatcherConfig(kind_balance=0.5)).fit(profiles).score_query(q).scores
    assert plain.max() == pytest.approx(balanced.max())  # the best kind is not moved
    assert (balanced >= plain - 1e-9).all()


def test_score_query_covers_every_organization(matcher):
    scored = matcher.score_query(MatchQuery(FLANGES, exclude_ids=[2]))
    assert scored.scores.shape == (len(matcher.org_ids_),)
    assert scored.scores[matcher.org_row_[2]] == float("-inf")


def _twins():
    """Four organizations of different kinds with the same past project (same text, same activity)."""
    text = "Очистка сточных вод мембранными биореакторами на предприятиях пищевой промышленности"
    kinds = {"sme-1": "sme", "uni-1": "university", "pub-1": "public", "oth-1": "other"}
    profiles = [
        OrganizationProfile(
            id=oid, name=oid, kind=kind, projects=[ProfileDocument(text, title="Мембраны", id=f"p-{oid}")]
        )
        for oid, kind in kinds.items()
    ]
    profiles.append(
        OrganizationProfile(
            id="sme-2",
            name="sme-2",
            kind="sme",
            description="Производство металлических фланцев и деталей трубопроводов",
        )
    )
    return profiles


def test_kind_offsets_calibrate_kinds_onto_one_scale():
    profiles = _twins()
    q = MatchQuery("мембранная очистка сточных вод пищевых предприятий")
    assert MatcherConfig().kind_offsets == {"public": -3.0, "other": -3.0}
    default = Matcher(MatcherConfig(head_size=0)).fit(profiles)  # the head (tested below) aside
    scores = dict(zip(default.org_ids_, default.score_query(q).scores, strict=True))
    # same document, same activity: the kinds' offsets alone separate them (kind balance moves each
    # kind's best by 28% of its gap, so a -3 offset costs 2.16 in the end)
    assert scores["sme-1"] == pytest.approx(scores["uni-1"])
    assert scores["sme-1"] - scores["pub-1"] == pytest.approx(2.16, abs=1e-4)
    assert scores["pub-1"] == pytest.approx(scores["oth-1"])
    assert ids(default.match_suppliers(q, top_k=4))[2:] in (["pub-1", "oth-1"], ["oth-1", "pub-1"])
    # without offsets the four twins tie; without balance the offset is the whole gap
    flat = Matcher(MatcherConfig(kind_offsets={})).fit(profiles).score_query(q).scores
    assert np.ptp(flat[:4]) == pytest.approx(0.0, abs=1e-5)
    raw = Matcher(MatcherConfig(kind_balance=0.0, kind_offsets={"university": 0.5}, head_size=0)).fit(profiles)
    raw_scores = dict(zip(raw.org_ids_, raw.score_query(q).scores, strict=True))
    assert raw_scores["uni-1"] - raw_scores["sme-1"] == pytest.approx(0.5, abs=1e-5)
    assert ids(raw.match_suppliers(q, top_k=1)) == ["uni-1"]
    # a kind filter still finds the offset kinds
    assert ids(default.match_suppliers(MatchQuery(q.text, kinds=["public"]))) == ["pub-1"]


def test_the_head_keeps_the_closest_fits_first_whatever_their_kind():
    text = "Очистка сточных вод мембранными биореакторами на предприятиях пищевой промышленности"
    profiles = [
        OrganizationProfile(id="pub", name="pub", kind="public", projects=[ProfileDocument(text, id="a")]),
        OrganizationProfile(
            id="sme",
            name="sme",
            kind="sme",
            projects=[ProfileDocument("Очистка сточных вод мембранными биореакторами на предприятиях", id="b")],
        ),
        OrganizationProfile(
            id="uni",
            name="uni",
            kind="university",
            projects=[
                ProfileDocument("Очистка сточных вод биореакторами на предприятиях пищевой промышленности", id="c")
            ],
        ),
        OrganizationProfile(
            id="far", name="far", kind="large", description="Производство фланцев; очистка поверхностей перед окраской"
        ),
    ]
    q = MatchQuery(text)
    # the public body has the very text, but its kind's offset and the balance put two others first
    plain = Matcher(MatcherConfig(head_size=0)).fit(profiles)
    assert ids(plain.match_suppliers(q, top_k=4)).index("pub") >= 1
    headed = Matcher(MatcherConfig(head_size=2)).fit(profiles)
    assert ids(headed.match_suppliers(q, top_k=4))[0] == "pub"
    scored = headed.score_query(q)
    rows, floors = scored.head()
    fit = scored._head_values()[np.searchsorted(scored.strong, rows)]
    assert next(headed.org_ids_[r] for r in rows) == "pub"
    assert fit[0] > fit[1]
    # the second fit keeps its distance to the first; every other organization keeps its balanced score
    assert floors[1] - scored.scores[rows[0]] == pytest.approx(fit[1] - fit[0], abs=1e-6)
    balanced = plain.score_query(q).scores
    others = np.setdiff1d(np.arange(len(profiles)), rows)
    np.testing.assert_array_equal(scored.scores[others], balanced[others])
    assert scored.scores[rows[1]] == max(balanced[rows[1]], floors[1])


def test_kind_offsets_are_validated_and_saved(tmp_path):
    with pytest.raises(ValueError, match="unknown kinds"):
        MatcherConfig(kind_offsets={"PRC": 1.0})
    with pytest.raises(ValueError, match="finite"):
        MatcherConfig(kind_offsets={"sme": float("nan")})
    m = Matcher(MatcherConfig(kind_offsets={"large": -1.0})).fit(_twins())
    loaded = Matcher.load(m.save(tmp_path / "m.npz"))
    assert loaded.config.kind_offsets == {"large": -1.0}


def test_related_past_projects_count_in_the_score():
    text = "Литьё алюминиевых корпусов насосов под давлением"
    close = [
        "Литьё алюминиевых корпусов под давлением для насосных станций",
        "Литьё под давлением алюминиевых корпусов редукторов",
    ]
    profiles = [
        OrganizationProfile(id="one", name="one", kind="sme", projects=[ProfileDocument(text, id="a")]),
        OrganizationProfile(
            id="three",
            name="three",
            kind="sme",
            projects=[ProfileDocument(text, id="b"), *(ProfileDocument(t, id=f"c{i}") for i, t in enumerate(close))],
        ),
        OrganizationProfile(
            id="other", name="other", kind="sme", projects=[ProfileDocument("Пошив рабочей одежды и спецобуви", id="d")]
        ),
    ]
    q = MatchQuery(text)
    with_count = Matcher(MatcherConfig(head_size=0)).fit(profiles)
    without = Matcher(MatcherConfig(head_size=0, related_weight=0.0)).fit(profiles)
    scored = with_count.score_query(q)
    # the related projects: documents above 40% of the best similarity (weights 1)
    assert scored.related.tolist() == [1.0, 3.0, 0.0]
    assert without.score_query(q).related is None
    gap_with = scored.scores[1] - scored.scores[0]
    gap_without = without.score_query(q).scores[1] - without.score_query(q).scores[0]
    assert gap_with - gap_without == pytest.approx(0.5 * (np.log(4) - np.log(2)), abs=1e-6)
    with pytest.raises(ValueError):
        MatcherConfig(related_floor=0.1)  # below the floor of the documents looked at


def test_a_query_naming_an_organizations_region_or_city_prefers_it():
    text = "Токарная обработка фланцев из стали на станках с ЧПУ"
    profiles = [
        OrganizationProfile(id="smolensk", name="a", kind="sme", region="Смоленская область", description=text),
        OrganizationProfile(
            id="kuban", name="b", kind="sme", region="Краснодарский край", places=["Армавир"], description=text
        ),
        OrganizationProfile(id="far", name="c", kind="sme", region="Томская область", description="Пошив одежды"),
    ]
    matcher = Matcher(MatcherConfig(head_size=0)).fit(profiles)
    plain = matcher.score_query(MatchQuery(text)).scores
    assert plain[0] == pytest.approx(plain[1])  # the same text: a tie
    smolensk = matcher.score_query(MatchQuery(f"{text} для завода в Смоленской области"))
    assert smolensk.places.tolist() == [1.0, 0.0, 0.0]
    found = matcher.match_suppliers(MatchQuery(f"{text} для завода в Смоленской области"))
    assert ids(found) == ["smolensk", "kuban"]
    assert found[0].reasons.places == ("Смоленская область",)
    assert found[1].reasons.places == ()
    assert "указано место: Смоленская область" in found[0].explain("ru")
    assert "named place: Смоленская область" in found[0].explain("en")
    assert matcher.places_named("Поставка в Армавир").tolist() == [0.0, 1.0, 0.0]  # a place given besides the region
    # generic words name no place; a named place is a preference, not evidence
    assert matcher.places_named("поставка в любую область или край") is None
    assert ids(matcher.match_suppliers(MatchQuery("Пошив одежды в Смоленской области"))) == ["far"]
    assert Matcher(MatcherConfig(place_weight=0)).fit(profiles).places_named("Смоленская область") is None


def test_places_survive_save_load_and_updates(tmp_path):
    profiles = [
        OrganizationProfile(id=1, name="a", kind="sme", region="Смоленская область", description="Фланцы"),
        OrganizationProfile(id=2, name="b", kind="sme", region="Тверская область", description="Фланцы"),
    ]
    matcher = Matcher().fit(profiles)
    loaded = Matcher.load(matcher.save(tmp_path / "m.npz"))
    assert loaded.places_named("фланцы для Тверской области").tolist() == [0.0, 1.0]
    loaded.add_or_update(
        OrganizationProfile(
            id=3, name="c", kind="sme", region="Тверская область", places=["Ржев"], description="Фланцы"
        )
    )
    assert loaded.places_named("фланцы, Ржев").tolist() == [0.0, 0.0, 1.0]
    assert loaded.places_named("Тверская область").tolist() == [0.0, 1.0, 1.0]
