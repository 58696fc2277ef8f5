"""The analyzer and the TF-IDF model: Russian and English, stemming, stop words, codes."""

from __future__ import annotations

import numpy as np
import pytest

from matching import MatcherConfig
from matching.text import Analyzer, normalize
from matching.vectorizer import TextModel


def test_normalize_folds_yo_and_case():
    assert normalize("ЁЛКА Ёж") == "елка еж"


def test_russian_and_english_tokens_are_stemmed_by_script():
    a = Analyzer()
    terms = a.terms("Механическая обработка фланцев; machining of flanges")
    assert "обработк" in terms
    assert "machin" in terms
    assert "flang" in terms


def test_fleeting_vowel_forms_share_a_stem():
    a = Analyzer()
    assert a.terms("фланец") == a.terms("фланцев") == a.terms("фланца")
    assert a.terms("станок") == a.terms("станков")


def test_stop_words_and_numbers_are_dropped_but_grades_kept():
    a = Analyzer()
    terms = a.terms("и для 200 штук the of из стали 09Г2С и 12Х18Н10Т")
    assert "09г2с" in terms
    assert "12х18н10т" in terms
    assert not {"и", "для", "the", "of", "из", "200"} & set(terms)


def test_bigrams_of_adjacent_kept_terms():
    a = Analyzer(bigrams=True)
    assert "токарн обработк" in a.terms("токарная и обработка")  # the stop word between is skipped


def test_script_wins_over_the_language_hint():
    a = Analyzer()
    assert a.terms("обработка", "en") == a.terms("обработка") == ["обработк"]
    assert a.terms("processing", "ru") == a.terms("processing") == ["process"]


def test_surface_forms_show_the_most_frequent_word():
    model = TextModel(MatcherConfig(bigrams=False))
    model.fit_transform([("фланец фланец фланцев", "auto"), ("фланец плоский", "auto")])
    assert model.readable("фланц") == "фланец"


@pytest.mark.parametrize("bigrams", [True, False])
def test_query_vector_equals_the_transformed_row(bigrams):
    model = TextModel(MatcherConfig(bigrams=bigrams, bigram_min_df=1))
    docs = [
        ("токарная обработка фланцев из стали", "auto"),
        ("литье стали и чугуна", "auto"),
        ("токарная обработка валов", "auto"),
    ]
    model.fit_transform(docs)
    text = "токарная обработка стальных фланцев, фланцы"
    row = model.transform([(text, "auto")])
    cols, weights = model.query_vector(text)
    dense = np.zeros(len(model.vocabulary), dtype=np.float32)
    dense[cols] = weights
    np.testing.assert_allclose(dense, row.toarray().ravel(), rtol=1e-5, atol=1e-7)


def test_min_df_keeps_rare_unigrams_and_drops_rare_bigrams():
    model = TextModel(MatcherConfig(bigrams=True, min_df=1, bigram_min_df=2))
    model.fit_transform([("красный фланец", "auto"), ("красный фланец", "auto"), ("синий вал", "auto")])
    assert "син" in model.index or "синий" in model.index
    assert "красн фланц" in model.index
    assert not any(" " in t and t.startswith("син") for t in model.vocabulary)
