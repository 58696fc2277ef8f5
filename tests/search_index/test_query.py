"""What a typed query means (search_index.query), before any backend sees it."""

from __future__ import annotations

import pytest

from search_index.query import AllOf, AnyOf, Not, Phrase, Word, parse, respelled_text, typed_words


def stems(node):
    """A readable shape of a parsed query: stems, with thesaurus alternatives left out."""
    if node is None:
        return None
    if isinstance(node, Word):
        return node.stem
    if isinstance(node, Phrase):
        return ("phrase", *[w.stem for w in node.words])
    if isinstance(node, Not):
        return ("not", stems(node.part))
    typed = [p for p in node.parts if any(True for _ in typed_words(p)) or isinstance(p, Not)]
    if isinstance(node, AnyOf) and len(typed) == 1 and not isinstance(typed[0], Word | Phrase | Not):
        return stems(typed[0])
    kind = "any" if isinstance(node, AnyOf) else "all"
    parts = [stems(p) for p in typed]
    return parts[0] if len(parts) == 1 else (kind, *parts)


@pytest.mark.parametrize(
    ("text", "shape"),
    [
        ("фланцы из стали", ("all", "фланц", "стал")),
        ("из и для", None),  # only stop words: nothing to search for
        ("NOT фланцы", None),  # only an exclusion: nothing to search for
        ("фрезерная и токарная обработка", ("all", ("any", "фрезерн", "токарн"), "обработк")),
        ("фланцы И заглушки", ("all", "фланц", "заглушк")),  # "И" in capitals is "and"
        ("фланцы -ГОСТ", ("all", "фланц", ("not", "гост"))),
        ('"фланцы из стали" 09Г2С', ("all", ("phrase", "фланц", "стал"), "09г2с")),
        ("title:фланцы *", ("all", "titl", "фланц")),  # field prefixes and wildcards are words, not syntax
        ('"фланцы', "фланц"),  # an unbalanced quote is nothing
        ("(фланцы OR", "фланц"),
    ],
)
def test_parsed_shape(text, shape):
    assert stems(parse(text)) == shape


def test_the_thesaurus_adds_alternatives_to_what_was_typed():
    node = parse("нержавейка")
    assert isinstance(node, AnyOf)
    alternatives = {tuple(w.stem for w in typed_words(p)) or p for p in node.parts}
    assert ("нержавейк",) in alternatives
    assert any(isinstance(p, AllOf | Word) and p != node.parts[0] for p in node.parts)
    # Alternatives weigh less than the words typed.
    assert all(w.boost < 1 for p in node.parts[1:] for w in ([p] if isinstance(p, Word) else p.parts))


def test_words_carry_codes_and_transliteration_keys():
    node = parse("Rosneft 25.62")
    assert isinstance(node, AllOf)
    rosneft, code = node.parts
    assert isinstance(rosneft, Word)
    assert rosneft.key == parse("Роснефть").key  # type: ignore[union-attr]
    assert isinstance(code, Word)
    assert code.code == "25.62"


@pytest.mark.parametrize(
    ("typed", "corrections", "shown"),
    [
        ("фрезировка деталей", {"фрезировк": "фрезеровк"}, "фрезеровка деталей"),
        ("Флянец стальной", {"флянц": "фланц"}, "фланец стальной"),
        ("stainles steel", {"stainl": "stainless"}, "stainless steel"),
    ],
)
def test_a_respelled_query_keeps_the_typed_endings(typed, corrections, shown):
    assert respelled_text(typed, parse(typed), corrections).lower() == shown
