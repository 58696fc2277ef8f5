"""The thesaurus: the shipped synonyms file, its format, and how queries are expanded."""

from __future__ import annotations

import itertools
import time
from collections import Counter

import pytest
from hypothesis import given, settings, strategies as st

from text_analysis import Expansion, SynonymsFormatError, Thesaurus, default_thesaurus, terms
from text_analysis.core import DATA_DIR

SHIPPED = DATA_DIR / "synonyms.txt"

# Equivalence lines that share a phrase are merged into one set. None is meant today: a shared
# phrase is almost always two English words with one stem. List a merge here when it is meant.
MEANT_MERGES: frozenset[tuple[str, ...]] = frozenset()


def expands_to(thesaurus: Thesaurus, query: str, other: str) -> bool:
    """Whether the whole of ``query`` is one entry phrase that may also be searched as ``other``."""
    stems = terms(query)
    found = thesaurus.expansions(stems)
    return len(found) == 1 and found[0][:2] == (0, len(stems)) and tuple(terms(other)) in found[0].alternatives


@pytest.fixture(scope="module")
def shipped() -> Thesaurus:
    return default_thesaurus()


# --- the shipped file ---------------------------------------------------------------------------


def test_the_shipped_file_parses_into_enough_entries(shipped):
    assert len(shipped) >= 200
    assert default_thesaurus() is shipped  # read once


def test_every_phrase_has_terms_and_every_equivalence_two_phrases(shipped):
    for entry in shipped:
        assert all(entry.phrases), entry.text
        assert all(entry.targets), entry.text
        if not entry.one_way:
            assert len(entry.phrases) >= 2, entry.text


def test_entries_are_grouped_by_industry():
    lines = SHIPPED.read_text(encoding="utf-8").splitlines()
    sections: Counter[str] = Counter()
    section = None
    for number, line in enumerate(lines):
        ruled = 0 < number < len(lines) - 1 and lines[number - 1].startswith("# ---")
        if ruled and lines[number + 1].startswith("# ---"):
            section = line.removeprefix("# ").split(":")[0]
        elif line.strip() and not line.lstrip().startswith("#"):
            assert section, f"an entry before the first section: {line}"
            sections[section] += 1
    industries = (
        "Metalworking",
        "Metals, alloys and grades",
        "Pipes, fittings and valves",
        "Polymers, plastics and rubber",
        "Chemistry",
        "Equipment and machinery",
        "Instrumentation, automation and electrical",
        "Electronics",
        "Energy and utilities",
        "Construction",
        "IT and software",
        "R&D, testing, certification and quality",
        "Documents, standards and abbreviations",
        "Logistics and packaging",
    )
    for industry in industries:
        assert sections[industry] >= 10, industry


def test_equivalence_lines_do_not_share_phrases(shipped):
    lines_of: dict[tuple[str, ...], set[int]] = {}
    for entry in shipped:
        if not entry.one_way:
            for phrase in entry.phrases:
                lines_of.setdefault(phrase, set()).add(entry.line)
    shared = {phrase: lines for phrase, lines in lines_of.items() if len(lines) > 1}
    assert set(shared) <= MEANT_MERGES, shared


# --- the examples -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("фрезеровка", "фрезерная обработка"),
        ("фрезеровка", "фрезерование"),
        ("фрезеровка", "milling"),
        ("токарка", "токарная обработка"),
        ("токарка", "turning"),
        ("точение металла", "токарная обработка"),
        ("ЧПУ", "CNC"),
        ("ЧПУ", "числовое программное управление"),
        ("нержавейка", "нержавеющая сталь"),
        ("нержавейка", "stainless steel"),
        ("ПНД", "полиэтилен низкого давления"),
        ("ПНД", "HDPE"),
        ("ПВД", "LDPE"),
        ("ПВХ", "поливинилхлорид"),
        ("ПВХ", "PVC"),
        ("сварка", "welding"),
        ("чермет", "чёрные металлы"),
        ("цветмет", "non-ferrous metals"),
        ("КИП", "контрольно-измерительные приборы"),
        ("КИПиА", "контрольно-измерительные приборы"),
        ("ПЛИС", "FPGA"),
        ("печатная плата", "PCB"),
        ("программное обеспечение", "software"),
        ("НИОКР", "R&D"),
        ("КД", "конструкторская документация"),
        ("3D-печать", "аддитивные технологии"),
        ("ГОСТ", "GOST"),
        ("ОТК", "отдел технического контроля"),
        ("09Г2С", "09G2S"),
        ("ПЭ100", "PE100"),
        ("солярка", "дизельное топливо"),
        ("частотник", "преобразователь частоты"),
    ],
)
def test_equivalents_find_each_other(shipped, one, other):
    assert expands_to(shipped, one, other)
    assert expands_to(shipped, other, one)


def test_a_broad_word_finds_its_kinds_but_not_the_reverse(shipped):
    for kind in ("фрезерная обработка", "токарная обработка", "сварка", "ковка", "гибка металла"):
        assert expands_to(shipped, "металлообработка", kind)
        assert not expands_to(shipped, kind, "металлообработка")
    # the broad word's equivalents find the kinds, and the kinds' equivalents are found too
    assert expands_to(shipped, "metalworking", "фрезерная обработка")
    assert expands_to(shipped, "металлообработка", "milling")


def test_an_ambiguous_abbreviation_finds_each_meaning_one_way(shipped):
    for meaning in ("полипропилен рандом-сополимер", "PPR", "планово-предупредительный ремонт"):
        assert expands_to(shipped, "ППР", meaning)
    assert not expands_to(shipped, "PPR", "планово-предупредительный ремонт")


@pytest.mark.parametrize(
    ("form", "other"),
    [
        ("фрезеровки", "фрезерная обработка"),
        ("фрезеровку", "milling"),
        ("нержавейку", "нержавеющая сталь"),
        ("нержавеющей стали", "нержавейка"),
        ("фрезерной обработкой", "фрезеровка"),
        ("полиэтилена низкого давления", "ПНД"),
        ("задвижки", "gate valve"),
        ("фланцев", "flange"),
    ],
)
def test_word_forms_meet(shipped, form, other):
    assert expands_to(shipped, form, other)


@pytest.mark.parametrize(
    "word",
    [
        "точные",  # "точение" stems alike, so it is entered only in longer phrases
        "гибкий",  # "гибка" likewise
        "machine",  # "machining" likewise
        "services",  # "servicing" likewise
        "composition",  # "composite" likewise
        "additional",  # "additive" likewise
        "вес",  # "весы" likewise
        "узкий",  # "УЗК" likewise
        "паз",  # "ПАЗ" (противоаварийная защита) is a slot to a machinist
        "Фурье",  # "фура" stems alike
        "связи",  # "связующее" stems alike
        "oil",  # "масло" or "нефть"
        "coolant",  # cutting fluid or antifreeze
    ],
)
def test_words_that_would_meet_unrelated_entries_are_not_entries(shipped, word):
    assert shipped.expansions(terms(word)) == []


def test_paint_does_not_meet_painting_services(shipped):
    assert not expands_to(shipped, "краска", "покраска")
    assert expands_to(shipped, "краска", "paint")
    assert expands_to(shipped, "покраска", "окраска")


# --- matching: longest match, no overlaps -------------------------------------------------------


def test_the_longest_phrase_at_a_position_wins():
    thesaurus = Thesaurus.from_text("сталь, steel\nнержавеющая сталь, stainless steel\nнержавеющий, stainless\n")
    stems = terms("нержавеющая сталь")
    assert thesaurus.expansions(stems) == [Expansion(0, 2, (tuple(terms("stainless steel")),))]


def test_spans_follow_each_other_without_overlapping(shipped):
    stems = terms("фрезерная обработка нержавеющей стали на станках с ЧПУ и сварка TIG, литьё под давлением")
    spans = shipped.expansions(stems)
    assert [(e.start, e.end) for e in spans] == sorted((e.start, e.end) for e in spans)
    assert all(a.end <= b.start for a, b in itertools.pairwise(spans))
    covered = {" ".join(stems[e.start : e.end]) for e in spans}
    assert {" ".join(terms(p)) for p in ("фрезерная обработка", "нержавеющая сталь", "ЧПУ", "сварка")} <= covered


def test_a_span_is_never_its_own_alternative(shipped):
    for entry in shipped:
        for phrase in entry.phrases:
            assert phrase not in shipped.alternatives(phrase)


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_expansions_are_entry_phrases_in_order(data):
    shipped = default_thesaurus()
    vocabulary = sorted({stem for entry in shipped for phrase in entry.phrases for stem in phrase} | {"xyz"})
    stems = data.draw(st.lists(st.sampled_from(vocabulary), max_size=12))
    position = 0
    for expansion in shipped.expansions(stems):
        assert position <= expansion.start < expansion.end <= len(stems)
        span = tuple(stems[expansion.start : expansion.end])
        assert expansion.alternatives == shipped.alternatives(span) != ()
        assert span not in expansion.alternatives
        position = expansion.end


def test_expansion_is_fast(shipped):
    stems = terms("Требуется механическая обработка 200 фланцев из нержавеющей стали 12Х18Н10Т на станках с ЧПУ")
    started = time.perf_counter()
    for _ in range(2000):
        shipped.expansions(stems)
    assert time.perf_counter() - started < 1.0  # well under a millisecond a query


def test_expand_terms_adds_the_alternatives_stems_once(shipped):
    stems = terms("фрезеровка деталей")
    expanded = shipped.expand_terms(stems)
    assert expanded[: len(stems)] == stems
    assert {"фрезерн", "обработк", "фрезерован", "mill"} <= set(expanded[len(stems) :])
    assert len(expanded[len(stems) :]) == len(set(expanded[len(stems) :]))
    assert "детал" not in expanded[len(stems) :]
    assert shipped.expand_terms([]) == []
    assert shipped.expand_terms(["xyz"]) == ["xyz"]


# --- the format ---------------------------------------------------------------------------------


def test_equivalences_sharing_a_phrase_merge():
    thesaurus = Thesaurus.from_text("фланец, flange\nflange, фланцевое изделие\n")
    assert expands_to(thesaurus, "фланец", "фланцевое изделие")


def test_one_way_entries_apply_to_equivalents_and_are_not_chained():
    thesaurus = Thesaurus.from_text(
        "металлообработка, metalworking\nметаллообработка => сварка\nсварка, welding\nсварка => аргонодуговая сварка\n"
    )
    assert expands_to(thesaurus, "metalworking", "welding")
    assert not expands_to(thesaurus, "metalworking", "аргонодуговая сварка")
    assert not expands_to(thesaurus, "welding", "metalworking")


def test_one_way_entries_both_ways_make_equivalents():
    thesaurus = Thesaurus.from_text("насос => pump\npump => насос\n")
    assert expands_to(thesaurus, "насос", "pump")
    assert expands_to(thesaurus, "pump", "насос")


def test_duplicated_entries_count_once():
    thesaurus = Thesaurus.from_text("насос, pump\n\npump, насосы  # the same entry in other words\n")
    assert len(thesaurus) == 1
    assert [entry.line for entry in thesaurus] == [1]


def test_comments_and_blank_lines_are_skipped():
    thesaurus = Thesaurus.from_text("# a comment\n   # an indented comment\n\nнасос, pump # inline\nC#, си шарп\n")
    assert len(thesaurus) == 2
    assert expands_to(thesaurus, "насос", "pump")
    assert expands_to(thesaurus, "си шарп", "C#")


@pytest.mark.parametrize(
    ("text", "line", "problem"),
    [
        ("насос, pump\nПО, программное обеспечение\n", 2, "only stop words"),
        ("насос, , pump\n", 1, "empty phrase"),
        ("# comment\n\nнасос, pump,\n", 3, "empty phrase"),
        ("насос => pump => компрессор\n", 1, "more than one '=>'"),
        ("насос\n", 1, "two different phrases"),
        ("насос, насосы\n", 1, "two different phrases"),
        ("насос => насосы\n", 1, "only to themselves"),
        ("=> pump\n", 1, "empty phrase"),
        ("насос =>\n", 1, "empty phrase"),
    ],
)
def test_a_malformed_line_is_an_error_naming_it(text, line, problem):
    with pytest.raises(SynonymsFormatError) as caught:
        Thesaurus.from_text(text, "test.txt")
    assert caught.value.line == line
    assert problem in str(caught.value)
    assert f"test.txt, line {line}:" in str(caught.value)


def test_load_names_the_file_in_errors(tmp_path):
    path = tmp_path / "synonyms.txt"
    path.write_text("насос, pump\nи, или\n", encoding="utf-8")
    with pytest.raises(SynonymsFormatError, match=r"synonyms\.txt, line 2"):
        Thesaurus.load(path)
    path.write_text("насос, pump\n", encoding="utf-8")
    assert len(Thesaurus.load(path)) == 1
