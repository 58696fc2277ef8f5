"""The Whoosh adapter: stemming search, ranking, filters, removal, rebuild (no Flask involved)."""

from __future__ import annotations

import pytest
from whoosh.filedb.filestore import FileStorage

from search_index import Document, open_memory_index


def doc(type_, id_, title, body="", **kw):
    kw.setdefault("fields", {"visibility": "public"})
    return Document(type_, id_, title, body=body, **kw)


@pytest.fixture
def index():
    ix = open_memory_index()
    ix.add(
        [
            doc(
                "product",
                1,
                "Фланец стальной плоский",
                "Фланцы приварные из стали 09Г2С по ГОСТ 33259.",
                codes=["25.62.10"],
                fields={"visibility": "public", "organization_id": "1"},
            ),
            doc(
                "product",
                2,
                "Machined shafts",
                "Shafts machined on 5-axis CNC centres.",
                fields={"visibility": "public", "organization_id": "2"},
            ),
            doc(
                "order",
                3,
                "Изготовление корпусов насосов",
                "Литьё и механическая обработка корпусов.",
                codes=["28.13"],
                fields={"visibility": "members", "organization_id": "1", "status": "open"},
            ),
            doc(
                "organization",
                4,
                "ООО «Полимер-Юг» / Polymer South LLC",
                "Производство полимерных красок. We make polymer paints and coatings.",
                tags=["Лакокрасочные материалы", "Paints and varnishes"],
                protected="ISO 9001:2015",
                fields={"visibility": "public", "organization_id": "4"},
            ),
        ]
    )
    return ix


def keys(result):
    return [(h.type, h.id) for h in result.hits]


def test_russian_stemming_finds_other_word_forms(index):
    assert keys(index.query("фланцы")) == [("product", "1")]
    assert keys(index.query("фланцами")) == [("product", "1")]
    assert keys(index.query("корпус насоса")) == [("order", "3")]


def test_english_stemming_finds_other_word_forms(index):
    assert keys(index.query("machining")) == [("product", "2")]
    assert keys(index.query("shaft")) == [("product", "2")]


def test_yo_is_the_same_letter_as_ye(index):
    assert keys(index.query("литье")) == [("order", "3")]


def test_mixed_language_document_is_found_in_both_languages(index):
    assert keys(index.query("полимерные краски")) == [("organization", "4")]
    assert keys(index.query("polymer paint")) == [("organization", "4")]
    assert keys(index.query("лакокрасочный")) == [("organization", "4")]  # through its tags


def test_all_words_must_match_unless_any_is_asked(index):
    assert index.query("фланцы shafts").total == 0
    assert set(keys(index.query("фланцы shafts", match="any"))) == {("product", "1"), ("product", "2")}


def test_title_match_ranks_above_body_match():
    ix = open_memory_index()
    ix.add(
        [
            doc("product", 1, "Корпус редуктора", "Изготавливаем также насосы по чертежам."),
            doc("product", 2, "Насос центробежный", "Корпус из чугуна."),
        ]
    )
    assert keys(ix.query("насос")) == [("product", "2"), ("product", "1")]


def test_more_matching_words_rank_higher():
    ix = open_memory_index()
    ix.add(
        [
            doc("offer", 1, "Токарная обработка", "Детали до 500 мм."),
            doc("offer", 2, "Токарная и фрезерная обработка", "Детали из нержавеющей стали до 500 мм."),
            doc("offer", 3, "Покраска", "Порошковая покраска металлоконструкций."),
        ]
    )
    result = ix.query("фрезерная обработка нержавеющей стали", match="any")
    assert keys(result)[0] == ("offer", "2")
    assert ("offer", "3") not in keys(result)


def test_codes_match_whole_and_by_parent(index):
    assert keys(index.query("25.62.10")) == [("product", "1")]
    assert keys(index.query("25.62")) == [("product", "1")]
    assert index.query("25.62.11").total == 0


def test_filters_mapping_list_and_empty(index):
    members_only = {"visibility": "members"}
    assert keys(index.query("корпусов", filters=members_only)) == [("order", "3")]
    assert index.query("корпусов", filters={"visibility": "public"}).total == 0
    either = [{"visibility": "public"}, {"organization_id": "1"}]
    assert keys(index.query("корпусов", filters=either)) == [("order", "3")]
    assert index.query("корпусов", filters=[{"visibility": "public"}, {"organization_id": "2"}]).total == 0
    assert index.query("корпусов", filters={"visibility": ["public", "members"], "status": "open"}).total == 1
    assert index.query("корпусов", filters={"visibility": []}).total == 0
    assert index.query("корпусов", filters=[]).total == 0


def test_types_and_counts(index):
    result = index.query("фланцы OR корпусов", types=["order"], counts=True)
    assert keys(result) == [("order", "3")]
    assert result.counts == {"product": 1, "order": 1}


def test_protected_text_is_searched_only_when_asked(index):
    assert index.query("ISO 9001").total == 0
    assert keys(index.query("ISO 9001", search_protected=True)) == [("organization", "4")]


def test_field_syntax_reaches_neither_protected_nor_filter_fields(index):
    assert index.query("protected:iso").total == 0
    assert index.query("f_visibility:members").total == 0
    assert index.query("type:order").total == 0


def test_query_syntax_and_plain_text(index):
    assert keys(index.query('"приварные из стали"')) == [("product", "1")]
    assert index.query('"стали из приварные"').total == 0
    assert keys(index.query("фланцы NOT ГОСТ")) == []
    # Without syntax, quotes and operators are words like any other.
    assert keys(index.query('фланцы "NOT" (ГОСТ', match="any", syntax=False)) == [("product", "1")]


def test_garbage_queries_do_not_fail(index):
    for text in ["", "   ", "(((", '"', "AND OR NOT", "и в на", "*", "^2", "::", "-"]:
        assert index.query(text).total == 0


def test_paging(index):
    ix = open_memory_index()
    ix.add([doc("product", i, f"Фланец {i}") for i in range(1, 26)])
    first, last = ix.query("фланец", limit=10), ix.query("фланец", limit=10, offset=20)
    assert first.total == last.total == 25
    assert len(first.hits) == 10
    assert len(last.hits) == 5
    assert not {h.id for h in first.hits} & {h.id for h in last.hits}


def test_highlights_mark_matched_words_and_escape_html():
    ix = open_memory_index()
    ix.add([doc("product", 1, "Фланец <b>", "Продаём фланцы <script>alert(1)</script> недорого.")])
    hit = ix.query("фланец").hits[0]
    assert '<mark class="hl t0">Фланец</mark>' in hit.highlights["title"]
    assert "<mark" in hit.highlights["body"]
    assert "фланцы</mark>" in hit.highlights["body"]
    assert "<script>" not in hit.highlights["body"]
    assert "&lt;script&gt;" in hit.highlights["body"]
    assert "&lt;b&gt;" in hit.highlights["title"]


def test_hit_carries_its_fields(index):
    hit = index.query("корпусов").hits[0]
    assert hit.fields == {"visibility": "members", "organization_id": "1", "status": "open"}


def test_add_replaces_a_document_with_the_same_key(index):
    index.add([doc("product", 1, "Заглушка стальная")])
    assert index.query("фланец").total == 0
    assert keys(index.query("заглушка")) == [("product", "1")]
    assert index.doc_count() == 4


def test_remove_and_remove_where(index):
    index.remove([("product", "1"), ("product", "999")])
    assert index.query("фланец").total == 0
    assert index.doc_count() == 3
    index.remove_where({"organization_id": "1"})
    assert index.query("корпусов").total == 0
    assert index.doc_count() == 2


def test_update_applies_removals_then_additions(index):
    index.update(add=[doc("product", 1, "Фланец новый")], remove=[("product", "1")])
    assert keys(index.query("фланец")) == [("product", "1")]


def test_rebuild_replaces_everything_and_clear_empties(index):
    assert index.rebuild([doc("equipment", 9, "Хроматограф газовый")]) == 1
    assert index.doc_count() == 1
    assert keys(index.query("хроматографы")) == [("equipment", "9")]
    index.clear()
    assert index.doc_count() == 0


def test_memory_indexes_write_nothing_to_disk(monkeypatch):
    # Whoosh's RamStorage writes temporary files to <tmp>/MAIN.tmp, shared by every process.
    def no_files(self, *args, **kwargs):
        raise AssertionError(f"a memory index created files in {self.folder}")

    monkeypatch.setattr(FileStorage, "create", no_files)
    ix = open_memory_index()
    ix.add([doc("product", i, f"Фланец {i}", "Фланцы " * 50) for i in range(50)])
    ix.remove([("product", "3")])
    assert ix.query("фланец").total == 49


def test_changes_to_one_key_between_writes_are_folded():
    # The memory index writes on the next read, so a whole sequence reaches one Whoosh writer.
    ix = open_memory_index()
    ix.add([doc("product", 1, "Фланец")])
    ix.add([doc("product", 1, "Фланец новый")])
    ix.add([doc("product", 2, "Фланец", fields={"organization_id": "7"})])
    ix.remove_where({"organization_id": "7"})
    ix.add([doc("product", 3, "Фланец", fields={"organization_id": "7"})])  # after the removal: kept
    ix.remove([("product", "4")])
    ix.add([doc("product", 4, "Фланец")])
    assert sorted(h.id for h in ix.query("фланец").hits) == ["1", "3", "4"]
    assert keys(ix.query("новый")) == [("product", "1")]
    ix.add([doc("product", 5, "Фланец")])
    ix.remove([("product", "5")])
    assert ix.doc_count() == 3


@pytest.mark.parametrize(
    ("with_stop_words", "plain"),
    [("фланцы из стали", "фланцы стали"), ("корпуса и насосы", "корпуса насосы"), ("shafts on CNC", "shafts CNC")],
)
def test_stop_words_are_never_required_in_any_field(index, with_stop_words, plain):
    """A preposition or conjunction is no code either: the codes field must not make it a required term."""
    expected = keys(index.query(plain))
    assert expected
    assert keys(index.query(with_stop_words)) == expected
    assert "из" not in str(index._parse("фланцы из стали", match="all", search_protected=False, syntax=True))


def test_a_code_is_still_found_in_the_codes_field(index):
    assert keys(index.query("25.62")) == [("product", "1")]
    assert keys(index.query("фланец 25.62")) == [("product", "1")]
