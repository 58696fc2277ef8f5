"""Whoosh's view of the shared text analysis (``text_analysis``): the analyzers of the index's fields.

- ``text_analyzer``: words → stems, stop words out (title, body, tags, protected);
- ``code_analyzer``: classifier codes (OKPD2, HS, UNSPSC) whole, plus their parents when indexed;
- ``translit_analyzer``: transliteration keys of a name's words ("Роснефть" → the key of "Rosneft").

Each analyzer is one tokenizer over ``text_analysis`` rather than a chain of Whoosh filters:
the analysis is the same as the matcher's and the PostgreSQL backend's, and a single pass is
what makes indexing 100,000 documents take seconds rather than minutes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from whoosh.analysis import Token, Tokenizer

from text_analysis import fold, has_digit, script, stem, terms, words
from text_analysis.translit import latin_key

#: Words from this many letters get a transliteration key (shorter ones meet too often).
MIN_TRANSLIT_LENGTH = 3
#: Suggestions as you type start from this many characters of the word being typed.
MIN_PREFIX = 2

_CODE = re.compile(r"[^\s,;]+")


def analyze(text: str) -> list[str]:
    """The terms ``text`` is indexed as (handy for tests and debugging)."""
    return terms(text)


class _Analyzer(Tokenizer):  # type: ignore[misc]  # whoosh ships no types
    """A Whoosh analyzer yielding ``(text, start, end, position, stopped)`` items of ``_items``."""

    def _items(self, value: str, mode: str) -> Iterator[tuple[str, int, int, int, bool]]:
        raise NotImplementedError

    def __call__(
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,  # noqa: ARG002  Whoosh's protocol
        mode: str = "",
        **kwargs: Any,
    ) -> Iterator[Token]:
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        for text, start, end, position, stopped in self._items(value, mode):
            if stopped and removestops:
                continue
            token.text = text
            token.stopped = stopped
            token.boost = 1.0
            if keeporiginal:
                token.original = text
            if positions:
                token.pos = start_pos + position
            if chars:
                token.startchar = start_char + start
                token.endchar = start_char + end
            yield token


class TextAnalyzer(_Analyzer):
    """Stems of the words, stop words left out (kept as stopped tokens for the highlighter)."""

    def _items(self, value: str, mode: str) -> Iterator[tuple[str, int, int, int, bool]]:  # noqa: ARG002
        for word in words(value, keep_stops=True):
            yield (word.stem or word.text, word.start, word.end, word.position, not word.stem)


class CodeAnalyzer(_Analyzer):
    """Whole codes (tokens with a digit: a query's other words are never code terms), and when
    indexing also their parents: "25.62.10" → 25.62.10, 25.62, 25; so "25.62" finds its children."""

    def _items(self, value: str, mode: str) -> Iterator[tuple[str, int, int, int, bool]]:
        position = 0
        for match in _CODE.finditer(value):
            code = fold(match.group()).strip(".")
            if not has_digit(code):
                continue
            yield (code, match.start(), match.end(), position, False)
            position += 1
            if mode == "index":
                parts = code.split(".")
                for end in range(len(parts) - 1, 0, -1):
                    yield (".".join(parts[:end]), match.start(), match.end(), position, False)
                    position += 1


def name_key(word: str) -> str | None:
    """The transliteration key a folded word of a name is indexed and looked up by, if it gets one:
    Cyrillic or Latin words of ``MIN_TRANSLIT_LENGTH`` letters or more."""
    if len(word) < MIN_TRANSLIT_LENGTH or script(word) not in {"cyrillic", "latin"}:
        return None
    return latin_key(word) or None


class TranslitAnalyzer(_Analyzer):
    """The transliteration key of each Cyrillic or Latin word of a name."""

    def _items(self, value: str, mode: str) -> Iterator[tuple[str, int, int, int, bool]]:  # noqa: ARG002
        for word in words(value):
            key = name_key(word.text)
            if key:
                yield (key, word.start, word.end, word.position, False)


def text_analyzer() -> TextAnalyzer:
    """The analyzer of every full-text field (index and query time alike)."""
    return TextAnalyzer()


def code_analyzer() -> CodeAnalyzer:
    return CodeAnalyzer()


def translit_analyzer() -> TranslitAnalyzer:
    return TranslitAnalyzer()


__all__ = [
    "analyze",
    "code_analyzer",
    "stem",
    "text_analyzer",
    "translit_analyzer",
]
