"""The bilingual analyzer: stems by script, stop words, folding (no Flask involved)."""

from __future__ import annotations

import pytest

from search_index import analyze, stem


@pytest.mark.parametrize(
    "forms",
    [
        ("фланец", "фланцы", "фланцев", "фланцами"),
        ("станок", "станки", "станков"),
        ("деталь", "детали", "деталей"),
        ("клапан", "клапаны", "клапанов"),
        ("узел", "узлы"),
        ("обработка", "обработки", "обработкой"),
        ("испытание", "испытания", "испытаний"),
        ("machining", "machined", "machine"),
        ("flange", "flanges"),
        ("testing", "tests", "tested"),
    ],
)
def test_word_forms_share_a_stem(forms):
    stems = {stem(form) for form in forms}
    assert len(stems) == 1, dict(zip(forms, map(stem, forms), strict=True))


def test_different_words_keep_different_stems():
    assert stem("фланец") != stem("флакон")
    assert stem("сталь") != stem("станок")
    assert stem("machining") != stem("marketing")


def test_script_picks_the_stemmer():
    # English rules would leave the Cyrillic word alone, Russian rules the Latin one.
    assert stem("фланцы") == stem("фланец")
    assert stem("flanges") == "flang"
    assert analyze("Фланцы flanges") == [stem("фланцы"), stem("flanges")]


def test_lowercase_and_yo_folding():
    assert analyze("ЁМКОСТЬ") == analyze("емкость") == analyze("ёмкость")


def test_stop_words_of_both_languages_are_dropped():
    assert analyze("и в на для the of and with") == []
    assert analyze("изготовление фланцев для the pump") == [stem("изготовление"), stem("фланцев"), "pump"]


def test_tokens_with_digits_stay_whole():
    assert analyze("Сталь 09Г2С, ГОСТ 33259-2015, код 25.62.10") == [
        stem("сталь"),
        "09г2с",
        "гост",
        "33259",
        "2015",
        "код",
        "25.62.10",
    ]


def test_mixed_language_text():
    terms = analyze("Токарная обработка деталей / CNC turning of parts")
    assert terms == [stem("токарная"), stem("обработка"), stem("деталей"), "cnc", "turn", "part"]
