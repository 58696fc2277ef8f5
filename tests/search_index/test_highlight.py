"""Highlighting stored text by the query's stems (``search_index.highlight``)."""

from __future__ import annotations

from search_index import stem
from search_index.highlight import ELLIPSIS, highlight_fragments, highlight_whole, matches


def test_words_are_marked_by_their_stem_and_everything_is_escaped():
    text = "Фланцы & <заглушки> для фланца"
    assert highlight_whole(text, {stem("фланец")}) == (
        '<mark class="hl">Фланцы</mark> &amp; &lt;заглушки&gt; для <mark class="hl">фланца</mark>'
    )
    assert highlight_whole(text, {stem("труба")}) == ""
    assert highlight_whole("", {stem("труба")}) == ""
    assert highlight_whole(text, set()) == ""


def test_stop_words_are_never_marked():
    assert matches("фланцы из стали", {"из", stem("сталь")}) == [(10, 15)]


def test_a_short_text_is_one_passage():
    text = "Продаём фланцы стальные. Доставка."
    assert highlight_fragments(text, {stem("фланец")}) == 'Продаём <mark class="hl">фланцы</mark> стальные. Доставка.'


def test_passages_of_a_long_text_hold_the_most_matches_in_text_order():
    filler = " ".join(["слово"] * 60)
    text = f"Труба в начале. {filler} Фланец и фланцы рядом. {filler} Фланец в конце, и фланцы."
    result = highlight_fragments(text, {stem("фланец"), stem("труба")})
    passages = result.split(ELLIPSIS)
    assert len(passages) == 2
    assert "фланцы</mark>" in passages[0]
    assert passages[1].endswith('<mark class="hl">Фланец</mark> в конце, и <mark class="hl">фланцы</mark>.')
    assert "Труба" not in result  # its passage has one match, the others two
    assert all(len(p) < 220 + 2 * 70 + 60 for p in passages)


def test_passages_start_and_end_at_spaces():
    text = "абвгдежзик " * 30 + "фланец" + " абвгдежзик" * 30
    passage = highlight_fragments(text, {stem("фланец")}, surround=25)
    assert passage.startswith("абвгдежзик ")
    assert passage.endswith(" абвгдежзик")
    assert passage.count("абвгдежзик") == 4
