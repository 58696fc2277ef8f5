"""The contract of ``SearchIndex``: every test runs against every backend (memory, Whoosh files,
PostgreSQL; see ``conftest.py``), so that both backends find the same documents for the same query,
filter, count, facet, sort, page, highlight, suggest and respell alike (no Flask involved).

Allowed differences, which these tests therefore do not pin down:

- scores: Whoosh ranks with BM25F, PostgreSQL with ``ts_rank`` (no inverse document frequency, no
  length normalisation, a thesaurus alternative weighing as much as the word typed). Ranking is
  asserted only where both must agree: a title match above a body match, more of the words above
  fewer, and in ties, a stable order across pages;
- which of many completions of a short prefix come first in suggestions;
- highlight markup: ``<mark class="hl ...">`` with Whoosh's per-term class on Whoosh, and where a
  passage of a long body starts and ends (both cut at word boundaries around the matches);
- document frequencies after a removal (Whoosh counts deleted documents until its segments merge;
  PostgreSQL's are exact, ``test_postgres_index.py``).

See the module docstring of ``search_index.postgres_backend`` for the reasons.
"""

from __future__ import annotations

import re
import threading
from datetime import datetime

import pytest

from search_index import stem
from tests.search_index.conftest import SAMPLE, doc


def keys(result):
    return [(h.type, h.id) for h in result.hits]


def marked(html):
    """The words a highlight marked."""
    return re.findall(r'<mark class="hl[^"]*">(.*?)</mark>', html)


# -- words ---------------------------------------------------------------------------------------


def test_russian_word_forms_find_each_other(index):
    assert keys(index.query("фланцы")) == [("product", "1")]
    assert keys(index.query("фланцами")) == [("product", "1")]
    assert keys(index.query("корпус насоса")) == [("order", "3")]


def test_english_word_forms_find_each_other(index):
    assert keys(index.query("machining")) == [("product", "2")]
    assert keys(index.query("shaft")) == [("product", "2")]


def test_yo_is_the_same_letter_as_ye(index):
    assert keys(index.query("литье")) == [("order", "3")]
    assert keys(index.query("ЛИТЬЁ")) == [("order", "3")]


def test_mixed_language_document_is_found_in_both_languages(index):
    assert keys(index.query("полимерные краски")) == [("organization", "4")]
    assert keys(index.query("polymer paint")) == [("organization", "4")]
    assert keys(index.query("лакокрасочный")) == [("organization", "4")]  # through its tags


def test_all_words_must_match_unless_any_is_asked(index):
    assert index.query("фланцы shafts").total == 0
    assert set(keys(index.query("фланцы shafts", match="any"))) == {("product", "1"), ("product", "2")}


def test_any_still_excludes_what_is_excluded(index):
    assert keys(index.query("фланцы shafts NOT cnc", match="any")) == [("product", "1")]


@pytest.mark.parametrize(
    ("with_stop_words", "plain"),
    [
        ("фланцы из стали", "фланцы стали"),
        ("корпуса и насосы", "корпуса насосы"),
        ("shafts on CNC", "shafts CNC"),
        ("изготовление корпусов для насосов", "изготовление корпусов насосов"),
    ],
)
def test_stop_words_are_never_required_in_any_field(index, with_stop_words, plain):
    expected = keys(index.query(plain))
    assert expected
    assert keys(index.query(with_stop_words)) == expected
    assert keys(index.query(f'"{with_stop_words}"')) == keys(index.query(f'"{plain}"'))


def test_only_stop_words_find_nothing(index):
    assert index.query("и в на the of").total == 0


# -- ranking where every backend agrees ----------------------------------------------------------


def test_title_match_ranks_above_body_match(empty_index):
    empty_index.add(
        [
            doc("product", 1, "Корпус редуктора", "Изготавливаем также насосы по чертежам."),
            doc("product", 2, "Насос центробежный", "Корпус из чугуна."),
        ]
    )
    assert keys(empty_index.query("насос")) == [("product", "2"), ("product", "1")]


def test_more_matching_words_rank_higher(empty_index):
    empty_index.add(
        [
            doc("offer", 1, "Токарная обработка", "Детали до 500 мм."),
            doc("offer", 2, "Токарная и фрезерная обработка", "Детали из нержавеющей стали до 500 мм."),
            doc("offer", 3, "Покраска", "Порошковая покраска металлоконструкций."),
        ]
    )
    result = empty_index.query("фрезерная обработка нержавеющей стали", match="any")
    assert keys(result)[0] == ("offer", "2")
    assert ("offer", "3") not in keys(result)
    empty_index.add(
        [
            doc("product", 4, "Клапан стальной", "Для воды."),
            doc("product", 5, "Клапан латунный муфтовый", "Для воды."),
            doc("product", 6, "Клапан латунный", "Для воды."),
        ]
    )
    result = empty_index.query("клапан латунный муфтовый", match="any")
    assert keys(result) == [("product", "5"), ("product", "6"), ("product", "4")]
    assert result.hits[0].score > result.hits[1].score > result.hits[2].score


# -- codes ---------------------------------------------------------------------------------------


def test_codes_match_whole_and_by_parent(index):
    assert keys(index.query("25.62.10")) == [("product", "1")]
    assert keys(index.query("25.62")) == [("product", "1")]
    assert keys(index.query("25")) == [("product", "1")]
    assert index.query("25.62.11").total == 0
    assert index.query("25.6").total == 0  # a parent is a whole part of the code, not a prefix


def test_a_code_goes_with_words(index):
    assert keys(index.query("фланец 25.62")) == [("product", "1")]
    assert index.query("насос 25.62").total == 0


# -- filters, types, counts, facets --------------------------------------------------------------


def test_filters_mapping_list_and_empty(index):
    members_only = {"visibility": "members"}
    assert keys(index.query("корпусов", filters=members_only)) == [("order", "3")]
    assert index.query("корпусов", filters={"visibility": "public"}).total == 0
    either = [{"visibility": "public"}, {"organization_id": "1"}]
    assert keys(index.query("корпусов", filters=either)) == [("order", "3")]
    assert index.query("корпусов", filters=[{"visibility": "public"}, {"organization_id": "2"}]).total == 0
    assert index.query("корпусов", filters={"visibility": ["public", "members"], "status": "open"}).total == 1
    assert index.query("корпусов", filters={"organization_id": 1}).total == 1  # values compare as text
    assert index.query("корпусов", filters={}).total == 1
    assert index.query("корпусов", filters={"visibility": []}).total == 0
    assert index.query("корпусов", filters=[]).total == 0
    assert index.query("корпусов", filters={"no_such_field": "x"}).total == 0


def test_a_field_of_several_values_matches_any_of_them(empty_index):
    empty_index.add(
        [
            doc("product", 1, "Фланец", fields={"section": ["C", "F"], "region": "26"}),
            doc("product", 2, "Фланец", fields={"section": "C", "region": "77"}),
            doc("product", 3, "Фланец", fields={"section": [], "region": "26"}),
        ]
    )
    assert sorted(h.id for h in empty_index.query("фланец", filters={"section": "F"}).hits) == ["1"]
    assert sorted(h.id for h in empty_index.query("фланец", filters={"section": "C"}).hits) == ["1", "2"]
    assert sorted(h.id for h in empty_index.query("фланец", filters={"section": ["F", "X"], "region": "26"}).hits) == [
        "1"
    ]
    empty_index.remove_where({"section": "F"})
    assert sorted(h.id for h in empty_index.query("фланец").hits) == ["2", "3"]


def test_types_and_counts(index):
    result = index.query("фланцы OR корпусов", types=["order"], counts=True)
    assert keys(result) == [("order", "3")]
    assert result.total == 1
    assert result.counts == {"product": 1, "order": 1}
    assert index.query("фланцы OR корпусов", types=[]).total == 0
    assert index.query("фланцы OR корпусов").counts == {}  # only when asked


def test_counts_come_after_the_filters(index):
    result = index.query("фланцы OR корпусов", filters={"visibility": "public"}, counts=True)
    assert result.counts == {"product": 1}


def test_facets_count_each_value_of_the_matches(empty_index):
    empty_index.add(
        [
            doc("product", 1, "Фланец", fields={"section": ["C", "F"], "region": "26", "visibility": "public"}),
            doc("product", 2, "Фланец", fields={"section": "C", "region": "77", "visibility": "public"}),
            doc("order", 3, "Фланец", fields={"section": "F", "region": "26", "visibility": "public"}),
            doc("product", 4, "Заглушка", fields={"section": "C", "region": "26", "visibility": "public"}),
        ]
    )
    result = empty_index.query("фланец", facets=["section", "region", "absent"])
    assert result.facets == {"section": {"C": 2, "F": 2}, "region": {"26": 2, "77": 1}, "absent": {}}
    # After the type restriction and the filters.
    result = empty_index.query("фланец", types=["product"], filters={"region": "26"}, facets=["section"])
    assert result.facets == {"section": {"C": 1, "F": 1}}
    assert empty_index.query("фланец").facets == {}


def test_hit_carries_its_fields(index, empty_index):
    hit = index.query("корпусов").hits[0]
    assert hit.fields == {"visibility": "members", "organization_id": "1", "status": "open"}
    index.add([doc("product", 9, "Заглушка", fields={"section": ["C", "F"], "kind": 3})])
    assert index.query("заглушка").hits[0].fields == {"section": "C,F", "kind": "3"}


# -- order and pages ------------------------------------------------------------------------------


def test_sort_by_date_puts_the_newest_first(empty_index):
    empty_index.add(
        [
            doc("order", 1, "Фланец", date=datetime(2026, 1, 10)),
            doc("order", 2, "Фланец фланец фланец", "Фланцы", date=datetime(2025, 5, 1)),
            doc("order", 3, "Фланец", date=datetime(2026, 3, 1)),
            doc("order", 4, "Фланец"),  # no date: last
        ]
    )
    assert [h.id for h in empty_index.query("фланец", sort="date").hits] == ["3", "1", "2", "4"]
    assert [h.id for h in empty_index.query("фланец", sort="date", limit=2, offset=1).hits] == ["1", "2"]


def test_paging(empty_index):
    empty_index.add([doc("product", i, f"Фланец {i}") for i in range(1, 26)])
    first, last = empty_index.query("фланец", limit=10), empty_index.query("фланец", limit=10, offset=20)
    assert first.total == last.total == 25
    assert len(first.hits) == 10
    assert len(last.hits) == 5
    pages = [h.id for offset in (0, 10, 20) for h in empty_index.query("фланец", limit=10, offset=offset).hits]
    assert sorted(pages, key=int) == [str(i) for i in range(1, 26)]  # every one once
    assert empty_index.query("фланец", limit=0).total == 25
    assert empty_index.query("фланец", limit=0).hits == []
    assert empty_index.query("фланец", offset=30).hits == []


# -- what is searched ----------------------------------------------------------------------------


def test_protected_text_is_searched_only_when_asked(index):
    assert index.query("ISO 9001").total == 0
    assert keys(index.query("ISO 9001", search_protected=True)) == [("organization", "4")]
    # Each word may be found in any searched field, protected text included.
    assert keys(index.query("полимерные ISO", search_protected=True)) == [("organization", "4")]
    hit = index.query("ISO", search_protected=True).hits[0]
    assert "9001" not in str(hit.highlights)
    assert "9001" not in str(hit.fields)


def test_field_syntax_reaches_neither_protected_nor_filter_fields(index):
    assert index.query("protected:iso").total == 0
    assert index.query("f_visibility:members").total == 0
    assert index.query("type:order").total == 0
    assert index.query("visibility:members").total == 0
    assert index.query("title:фланец").total == 0  # "title" is a word the document lacks
    assert keys(index.query("title:фланец", match="any")) == [("product", "1")]


def test_query_syntax(index):
    assert keys(index.query('"приварные из стали"')) == [("product", "1")]
    assert keys(index.query("«приварные стали»")) == [("product", "1")]
    assert index.query('"стали из приварные"').total == 0
    assert index.query('"фланцы плоский"').total == 0  # both in the document, not next to each other
    assert keys(index.query("фланцы NOT ГОСТ")) == []
    assert keys(index.query("фланцы -ГОСТ")) == []
    assert keys(index.query("фланцы НЕ насос")) == [("product", "1")]
    assert set(keys(index.query("фланцы OR shafts"))) == {("product", "1"), ("product", "2")}
    assert set(keys(index.query("фланцы ИЛИ shafts"))) == {("product", "1"), ("product", "2")}
    assert keys(index.query("(фланцы OR shafts) NOT cnc")) == [("product", "1")]
    assert keys(index.query("(фланцы OR насосов) AND корпусов")) == [("order", "3")]


def test_a_phrase_never_spans_two_fields(empty_index):
    empty_index.add([doc("product", 1, "Корпус насоса", "Фланец стальной", tags=["Литьё"])])
    assert empty_index.query('"насоса фланец"').total == 0
    assert empty_index.query('"фланец литье"').total == 0
    assert empty_index.query('"насоса литье"').total == 0
    assert empty_index.query("насоса фланец литье").total == 1


def test_unbalanced_quotes_and_operators_are_words(index):
    assert keys(index.query('"фланцы приварные')) == [("product", "1")]
    assert keys(index.query("фланцы приварные)")) == [("product", "1")]
    assert keys(index.query("(фланцы OR")) == [("product", "1")]
    assert keys(index.query("фланцы NOT")) == [("product", "1")]
    # Without syntax, quotes and operators are words like any other.
    assert keys(index.query('фланцы "NOT" (ГОСТ', match="any", syntax=False)) == [("product", "1")]


@pytest.mark.parametrize(
    "text", ["", "   ", "(((", '"', "AND OR NOT", "и в на", "*", "^2", "::", "-", "\x00", "NOT фланцы", "'", "\\"]
)
def test_garbage_queries_find_nothing_and_do_not_fail(index, text):
    assert index.query(text).total == 0
    assert index.query(text, spelling=True).total == 0
    assert index.suggest(text, types=["equipment"]) == []


@pytest.mark.parametrize("text", ["", "   ", "(((", '"', "*", "^2", "::", "-", "\x00", "'", "\\", "ф"])
def test_garbage_completes_nothing(index, text):
    assert index.suggest(text) == []


def test_odd_characters_are_not_syntax(index):
    for text in ["фланцы'", "фланцы\\", "фланцы:*", "фланцы & | ! <->", "фланцы\x00", "фланцы ' OR '1'='1"]:
        assert keys(index.query(text, match="any")) == [("product", "1")], text


def test_a_very_long_query_does_not_fail(index):
    assert index.query("фланцы " * 800).total == 1
    assert index.query("фланцы " + "абв" * 2000).total == 0


# -- highlights ----------------------------------------------------------------------------------


def test_highlights_mark_matched_words_and_escape_html(empty_index):
    empty_index.add([doc("product", 1, "Фланец <b>", "Продаём фланцы <script>alert(1)</script> недорого.")])
    hit = empty_index.query("фланец").hits[0]
    assert marked(hit.highlights["title"]) == ["Фланец"]
    assert marked(hit.highlights["body"]) == ["фланцы"]
    assert "<script>" not in hit.highlights["body"]
    assert "&lt;script&gt;" in hit.highlights["body"]
    assert "&lt;b&gt;" in hit.highlights["title"]


def test_highlights_are_empty_where_nothing_matched(index):
    hit = index.query("корпус насоса 28.13").hits[0]
    assert marked(hit.highlights["title"]) == ["корпусов", "насосов"]
    assert marked(hit.highlights["body"]) == ["корпусов"]
    hit = index.query("литье").hits[0]
    assert hit.highlights["title"] == ""
    assert not index.query("литье", highlight=False).hits[0].highlights


def test_a_long_body_is_highlighted_in_passages(empty_index):
    body = " ".join(["Фланцы стальные."] + ["Прочий текст описания."] * 40 + ["Ещё фланцы."] + ["Слова."] * 40)
    empty_index.add([doc("product", 1, "Изделие", body)])
    highlight = empty_index.query("фланцы").hits[0].highlights["body"]
    assert marked(highlight) == ["Фланцы", "фланцы"]
    assert len(highlight) < len(body) / 2
    assert "..." in highlight


# -- writing -------------------------------------------------------------------------------------


def test_add_replaces_a_document_with_the_same_key(index):
    index.add([doc("product", 1, "Заглушка стальная")])
    assert index.query("фланец").total == 0
    assert keys(index.query("заглушка")) == [("product", "1")]
    assert index.doc_count() == 4


def test_the_last_of_one_key_in_one_call_wins(empty_index):
    empty_index.add([doc("product", 1, "Фланец"), doc("product", 1, "Заглушка")])
    assert empty_index.doc_count() == 1
    assert keys(empty_index.query("заглушка")) == [("product", "1")]


def test_remove_and_remove_where(index):
    index.remove([("product", "1"), ("product", "999")])
    assert index.query("фланец").total == 0
    assert index.doc_count() == 3
    index.remove_where({"organization_id": "1"})
    assert index.query("корпусов").total == 0
    assert index.doc_count() == 2
    index.remove_where([{"organization_id": "2"}, {"organization_id": "4"}])
    assert index.doc_count() == 0


def test_update_applies_removals_then_additions(index):
    index.update(add=[doc("product", 1, "Фланец новый")], remove=[("product", "1")])
    assert keys(index.query("фланец")) == [("product", "1")]
    index.update(
        add=[doc("order", 3, "Корпус", fields={"organization_id": "1"})], remove_where=[{"organization_id": "1"}]
    )
    assert keys(index.query("корпус")) == [("order", "3")]
    assert index.doc_count() == 4
    index.update(
        add=[doc("order", 5, "Корпус", fields={"organization_id": "1"})], remove_where=[{"organization_id": "1"}]
    )
    assert keys(index.query("корпус")) == [("order", "5")]
    assert index.doc_count() == 4


def test_rebuild_replaces_everything_and_clear_empties(index):
    assert index.rebuild(doc("equipment", i, f"Хроматограф газовый {i}") for i in range(3)) == 3
    assert index.doc_count() == 3
    assert index.query("фланец").total == 0
    assert index.query("хроматографы").total == 3
    index.clear()
    assert index.doc_count() == 0
    assert index.query("хроматографы").total == 0
    assert index.digests() == {}


def test_digests_tell_what_the_index_holds(index):
    assert index.digests() == {d.key: d.digest for d in SAMPLE}
    changed = doc("product", 1, "Фланец стальной плоский", "Другое описание.")
    index.add([changed])
    index.remove([("order", "3")])
    digests = index.digests()
    assert digests[("product", "1")] == changed.digest
    assert ("order", "3") not in digests


def test_another_index_object_sees_the_changes(open_test_index):
    # Two objects on one index stand for two processes (or hosts) sharing it.
    first, second = open_test_index(), open_test_index()
    first.add([doc("product", 1, "Фланец")])
    second.add([doc("product", 2, "Фланец большой")])
    assert first.query("фланец").total == second.query("фланец").total == 2
    second.remove([("product", "1")])
    assert [h.id for h in first.query("фланец").hits] == ["2"]


def test_threads_share_an_index(index):
    errors, totals = [], []

    def work(n):
        try:
            for i in range(5):
                index.add([doc("product", 100 + n * 10 + i, f"Заглушка {n}")])
                totals.append(index.query("фланец").total)
        except Exception as exc:  # noqa: BLE001 (collected and asserted below)
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert set(totals) == {1}
    assert index.query("заглушка").total == 20


# -- spelling, suggestions, names, synonyms ----------------------------------------------------


def test_a_typo_is_respelled_when_the_typed_word_finds_nothing(empty_index):
    empty_index.add(
        [
            doc("offer", 1, "Фрезеровка деталей", "Фрезеровка на станках с ЧПУ."),
            doc("offer", 2, "Фрезеровка корпусов"),
        ]
    )
    result = empty_index.query("фрезировка", spelling=True)
    assert result.corrected == "фрезеровка"
    assert result.respelled
    assert {h.id for h in result.hits} == {"1", "2"}
    assert empty_index.query("фрезировка").total == 0  # only when asked
    assert empty_index.query("фрезеровка", spelling=True).corrected is None


def test_typo_candidates_and_frequencies(empty_index):
    empty_index.add([doc("offer", i, "Фрезеровка деталей", "Токарная обработка") for i in range(3)])
    empty_index.add([doc("offer", 9, "Шлифовка")])
    frequencies = empty_index.term_frequencies([stem("фрезеровка"), stem("деталь"), stem("шлифовка"), "нет"])
    assert frequencies == {stem("фрезеровка"): 3, stem("деталь"): 3, stem("шлифовка"): 1, "нет": 0}
    similar = dict(empty_index.similar_terms(stem("фрезировка"), 2))
    assert similar.get(stem("фрезеровка")) == 3


def test_suggestions_complete_titles_as_typed(empty_index):
    empty_index.add(
        [
            doc("product", 1, "Фланец стальной", codes=["25.62.10"]),
            doc("product", 2, "Фланцевое соединение", fields={"visibility": "members"}),
            doc("organization", 3, "Флагман Групп"),
            doc("product", 4, "Труба стальная"),
        ]
    )
    assert {s.id for s in empty_index.suggest("фла")} == {"1", "2", "3"}
    assert {s.id for s in empty_index.suggest("Фланц")} == {"1", "2"}
    assert {s.id for s in empty_index.suggest("фланцы")} == {"1"}  # a whole word: its stem
    assert {s.id for s in empty_index.suggest("стальной фл")} == {"1"}
    assert {s.id for s in empty_index.suggest("труба из ст")} == {"4"}  # stop words are not required
    assert {s.id for s in empty_index.suggest("25.6")} == {"1"}
    assert {s.id for s in empty_index.suggest("фланец 25.62")} == {"1"}
    assert {s.id for s in empty_index.suggest("фла", types=["organization"])} == {"3"}
    assert {s.id for s in empty_index.suggest("фла", filters={"visibility": "public"})} == {"1", "3"}
    assert len(empty_index.suggest("фла", limit=2)) == 2
    assert empty_index.suggest("фла", limit=0) == []
    assert empty_index.suggest("ф") == []  # one letter completes nothing yet
    assert empty_index.suggest("хром") == []
    suggestion = empty_index.suggest("труб")[0]
    assert (suggestion.text, suggestion.type, suggestion.id) == ("Труба стальная", "product", "4")


def test_names_are_found_by_their_transliteration(empty_index):
    empty_index.add(
        [
            doc("organization", 1, "ПАО «Роснефть»", names=["Роснефть"]),
            doc("organization", 2, "Gazprom Neft", names=["Gazprom Neft"]),
        ]
    )
    assert keys(empty_index.query("Rosneft")) == [("organization", "1")]
    assert keys(empty_index.query("Газпром")) == [("organization", "2")]


def test_synonyms_find_what_was_meant(empty_index):
    empty_index.add(
        [
            doc("product", 1, "Лист из нержавеющей стали"),
            doc("offer", 2, "Фрезерная обработка деталей"),
            doc("product", 3, "Лист оцинкованный"),
        ]
    )
    assert keys(empty_index.query("нержавейка")) == [("product", "1")]
    assert keys(empty_index.query("лист нержавейка")) == [("product", "1")]
    assert keys(empty_index.query("фрезеровка")) == [("offer", "2")]
