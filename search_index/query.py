"""What a typed query means, independent of any backend.

``parse`` turns the text a user typed into a small tree that every backend
compiles into its own query language, so both backends agree on what is
required, excluded or alternative:

- words, analysed by ``text_analysis`` (stop words dropped, never required); a conjunction
  between two words ("фрезерная и токарная обработка") makes them alternatives;
- ``"quoted phrases"`` (also «…»), ``a OR b`` (also ИЛИ), ``NOT a`` (also НЕ, or ``-a``),
  parentheses; ``AND``/``И`` are accepted and change nothing;
- anything else that looks like syntax (``field:``, ``*``, ``^2``, an unbalanced
  quote or parenthesis) is read as plain words: users type words, not syntax.

Then runs of plain words are expanded with the thesaurus (``фрезеровка`` also
searches ``фрезерная обработка``) and each word carries its transliteration
key, so "Rosneft" finds «Роснефть».
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeAlias

from rapidfuzz.distance import Levenshtein

from text_analysis import Word as TextWord, has_digit, words
from text_analysis.synonyms import Thesaurus, default_thesaurus

from .analysis import name_key

#: How much an alternative from the thesaurus counts against the words typed.
SYNONYM_BOOST = 0.7


@dataclass(frozen=True)
class Word:
    """One query word: its folded form, stem, the code it may be (a word with a digit, matched whole or by
    parent in classifier codes), its transliteration key, and where it stood in the typed text."""

    text: str
    stem: str
    code: str | None = None
    key: str | None = None
    boost: float = 1.0
    start: int = -1
    end: int = -1


@dataclass(frozen=True)
class Phrase:
    """Words that must stand next to each other (stop words between them ignored)."""

    words: tuple[Word, ...]


@dataclass(frozen=True)
class AllOf:
    parts: tuple[Node, ...]


@dataclass(frozen=True)
class AnyOf:
    parts: tuple[Node, ...]


@dataclass(frozen=True)
class Not:
    part: Node


Node: TypeAlias = Word | Phrase | AllOf | AnyOf | Not

_LEXEME = re.compile(r'"[^"]*"|«[^»]*»|\(|\)|[^\s"«»()]+|["«»]')
_OR = {"OR", "ИЛИ", "|"}
_NOT = {"NOT", "НЕ"}
_AND = {"AND", "И", "&"}
#: A conjunction between two words makes them alternatives: "фрезерная и токарная обработка" is
#: "фрезерная обработка" or "токарная обработка", "фланцы и заглушки" either product.
_CONJUNCTIONS = {"и", "или", "либо", "and", "or"}


def _word(found: TextWord, offset: int, *, boost: float = 1.0) -> Word:
    return Word(
        text=found.text,
        stem=found.stem,
        code=found.text if has_digit(found.text) else None,
        key=name_key(found.text),
        boost=boost,
        start=offset + found.start,
        end=offset + found.end,
    )


def _words_of(text: str, offset: int) -> list[Word]:
    return [_word(found, offset) for found in words(text)]


def parse(text: str, *, syntax: bool = True, thesaurus: Thesaurus | None = None) -> Node | None:
    """The meaning of ``text`` with every word required; ``None`` when no word is left (empty, only stop
    words). With ``syntax=False`` every word is just a word (for texts that are not typed queries)."""
    if thesaurus is None:
        thesaurus = default_thesaurus()
    if not syntax:
        clauses: list[Node] = list(_words_of(text, 0))
    else:
        lexemes = [(m.group(), m.start()) for m in _LEXEME.finditer(text)]
        clauses, _ = _clauses(lexemes, 0, 0)
    clauses = _expand(clauses, thesaurus)
    return _all_of(clauses)


def _all_of(clauses: Sequence[Node]) -> Node | None:
    positive = [c for c in clauses if not isinstance(c, Not)]
    if not positive:  # only exclusions, or nothing: nothing to search for
        return None
    return clauses[0] if len(clauses) == 1 else AllOf(tuple(clauses))


def _clauses(lexemes: list[tuple[str, int]], at: int, depth: int) -> tuple[list[Node], int]:  # noqa: C901
    """Clauses from ``lexemes[at:]`` up to a closing parenthesis at this ``depth``; returns where it stopped."""
    clauses: list[Node] = []
    negate = pending_or = False
    while at < len(lexemes):
        lexeme, offset = lexemes[at]
        at += 1
        nodes: list[Node]
        if lexeme == ")":
            if depth:
                break
            continue  # an unbalanced ")" is nothing
        if lexeme in _OR or (lexeme in _CONJUNCTIONS and clauses and isinstance(clauses[-1], Word | AnyOf)):
            pending_or = bool(clauses)
            continue
        if lexeme in _NOT:
            negate = True
            continue
        if lexeme in _AND:
            continue
        if lexeme == "(":
            inner, at = _clauses(lexemes, at, depth + 1)
            group = _all_of(inner)
            nodes = [group] if group is not None else []
        elif len(lexeme) > 1 and lexeme[0] in '"«' and lexeme[-1] in '"»':
            phrase_words = _words_of(lexeme[1:-1], offset + 1)
            nodes = [Phrase(tuple(phrase_words)) if len(phrase_words) > 1 else w for w in phrase_words[:1]]
        else:
            if lexeme.startswith("-") and len(lexeme) > 1:
                negate = True
            nodes = list(_words_of(lexeme, offset))
        for node in nodes:
            if negate:
                clauses.append(Not(node))
            elif pending_or and clauses and not isinstance(clauses[-1], Not):
                previous = clauses[-1]
                left = previous.parts if isinstance(previous, AnyOf) else (previous,)
                clauses[-1] = AnyOf((*left, node))
            else:
                clauses.append(node)
            negate = pending_or = False
    return clauses, at


def _expand(clauses: list[Node], thesaurus: Thesaurus) -> list[Node]:
    """Runs of plain words, each span the thesaurus knows replaced by "the span, or any alternative"."""
    out: list[Node] = []
    run: list[Word] = []

    def close_run() -> None:
        if not run:
            return
        spans = {e.start: e for e in thesaurus.expansions([w.stem for w in run])}
        position = 0
        while position < len(run):
            expansion = spans.get(position)
            if expansion is None:
                out.append(run[position])
                position += 1
                continue
            typed = run[expansion.start : expansion.end]
            alternatives: list[Node] = [typed[0] if len(typed) == 1 else AllOf(tuple(typed))]
            for stems in expansion.alternatives:
                alt = [Word(text=s, stem=s, boost=SYNONYM_BOOST) for s in stems]
                alternatives.append(alt[0] if len(alt) == 1 else AllOf(tuple(alt)))
            out.append(AnyOf(tuple(alternatives)))
            position = expansion.end
        run.clear()

    for clause in clauses:
        if isinstance(clause, Word) and clause.code is None:
            run.append(clause)
        elif isinstance(clause, AnyOf):  # alternatives typed: each word with its own synonyms
            close_run()
            parts: list[Node] = []
            for part in clause.parts:
                parts.extend(_expand([part], thesaurus) if isinstance(part, Word) else [part])
            out.append(AnyOf(tuple(parts)))
        else:
            close_run()
            out.append(clause)
    close_run()
    return out


def positive_words(node: Node | None) -> Iterator[Word]:
    """Every word the query looks for (thesaurus alternatives included, excluded words not)."""
    if isinstance(node, Word):
        yield node
    elif isinstance(node, Phrase):
        yield from node.words
    elif isinstance(node, AllOf | AnyOf):
        for part in node.parts:
            yield from positive_words(part)


def typed_words(node: Node | None) -> Iterator[Word]:
    """The words the user typed that the query looks for (not excluded ones, not thesaurus alternatives)."""
    if node is None:
        return
    if isinstance(node, Word):
        if node.start >= 0:
            yield node
    elif isinstance(node, Phrase):
        yield from (w for w in node.words if w.start >= 0)
    elif isinstance(node, AllOf | AnyOf):
        for part in node.parts:
            yield from typed_words(part)


def respelled_text(text: str, node: Node, corrections: Mapping[str, str]) -> str:
    """``text`` with each corrected word rewritten: the new stem plus the ending the user typed."""
    pieces = []
    last = 0
    for word in sorted(typed_words(node), key=lambda w: w.start):
        new = corrections.get(word.stem)
        if new is None:
            continue
        pieces += [text[last : word.start], _respelled_word(word.text, word.stem, new)]
        last = word.end
    pieces.append(text[last:])
    return "".join(pieces)


def _respelled_word(typed: str, old_stem: str, new_stem: str) -> str:
    """The typed word with the edits that turn its stem into ``new_stem``, its ending kept:
    "фрезировка" (stem "фрезировк") → "фрезеровка"; "флянец" (stem "флянц") → "фланец"."""
    same = next(
        (i for i, (a, b) in enumerate(zip(typed, old_stem, strict=False)) if a != b), min(len(typed), len(old_stem))
    )
    operations = Levenshtein.editops(old_stem, new_stem)
    if not all(op.src_pos < min(same, len(old_stem)) for op in operations):
        return new_stem  # the edit falls where the stem is not the typed word's beginning
    chars = list(typed)
    for op in reversed(list(operations)):
        if op.tag == "replace":
            chars[op.src_pos] = new_stem[op.dest_pos]
        elif op.tag == "delete":
            del chars[op.src_pos]
        else:
            chars.insert(op.src_pos, new_stem[op.dest_pos])
    return "".join(chars)
