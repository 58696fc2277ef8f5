"""The shared analyzer: stems by script, stop words, folding; the search index and the matcher read alike."""

from __future__ import annotations

import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import pytest

from matching.text import Analyzer
from text_analysis import STOP_WORDS, latin_words, stem, terms as analyze, words
from text_analysis.core import english_stem, russian_stem


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


def test_stop_words_never_become_positions():
    # "фланцы из стали" and "фланцы стали" hold their words at the same positions (phrases agree).
    assert [(w.text, w.position) for w in words("фланцы из стали")] == [("фланцы", 0), ("стали", 1)]
    assert [(w.text, w.position) for w in words("фланцы стали")] == [("фланцы", 0), ("стали", 1)]


def test_the_search_index_and_the_matcher_read_text_alike():
    text = "Фланцы из нержавеющей стали 09Г2С для Rosneft; CNC machining, токарная обработка деталей узлов"
    search_terms = [t for t in analyze(text) if not t.isdigit()]
    assert Analyzer().stems(text) == search_terms
    assert "из" in STOP_WORDS
    assert "для" in STOP_WORDS


def test_the_libraries_import_no_flask():
    code = (
        "import sys, text_analysis, search_index, matching;"
        "print(sorted(m for m in sys.modules if m.startswith('flask')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)  # noqa: S603 (our code)
    assert out.stdout.strip() == "[]"


def test_threads_stem_alike():
    # A Snowball stemmer keeps the word it works on in its own state: shared between threads (a threaded
    # server), it garbles words or raises. A tiny switch interval makes the threads interleave inside it.
    interval = sys.getswitchinterval()
    words_and_stemmers = [(f"internationalization{i}nesses", english_stem) for i in range(1500)]
    words_and_stemmers += [(f"обработками{i}шлифований", russian_stem) for i in range(1500)]
    expected = [stemmer(word) for word, stemmer in words_and_stemmers]
    sys.setswitchinterval(1e-6)
    try:
        with ThreadPoolExecutor(8) as pool:
            for _ in range(3):
                assert list(pool.map(lambda pair: pair[1](pair[0]), words_and_stemmers)) == expected
    finally:
        sys.setswitchinterval(interval)


def test_latin_words_are_the_brands_of_a_russian_name():
    assert latin_words("Хроматограф Agilent 1260 Infinity II") == "Agilent Infinity II"
    assert latin_words("Фланец стальной 09Г2С") == ""
