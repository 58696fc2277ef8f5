"""Text analysis for Russian and English: tokens, stop words, Snowball stems.

One analyzer serves both languages because the cluster's records mix them
freely ("Фланцы DN 50 для Rosneft", "CNC machining, ЧПУ"). Each token is
lowercased, "ё" is folded to "е", stop words of both languages are dropped,
and the token is stemmed by its own script: Cyrillic with the Russian
stemmer, Latin with the English one; tokens with digits (grades, codes:
"09г2с", "25.62") are kept whole.

The Russian stemmer is Snowball's with two adjustments that matter for a
catalog of nouns:

- verb and perfective-gerund endings are not stripped, because they misfire
  on nouns ("детали" → "дета" but "деталь" → "детал"; "клапан" → "клапа");
- a fleeting vowel before the final ц/к/л/н of a stem is dropped, so that
  "фланец" and "фланцы", "станок" and "станки", "узел" and "узлы" meet.

Both changes apply equally at index and query time, so they only ever make
more word forms meet.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Protocol

import snowballstemmer
from snowballstemmer.russian_stemmer import RussianStemmer
from whoosh.analysis import Analyzer, Filter, LowercaseFilter, RegexTokenizer, StopFilter, Token
from whoosh.lang.stopwords import stoplists

#: Words too common to be worth indexing, in both languages ("ё" folded).
EXTRA_STOP_WORDS = {
    # Russian words that fill every description without telling anything.
    "также",
    "либо",
    "этот",
    "эта",
    "это",
    "эти",
    "который",
    "которая",
    "которые",
    "которых",
    "весь",
    "вся",
    "всё",
    "свой",
    "своих",
    "наш",
    "наша",
    "наши",
    "ваш",
    "ваша",
    "ваши",
    "их",
    "ооо",
    "оао",
    "зао",
    "пао",
    "ао",
    "ип",
    # English fillers missing from Whoosh's list.
    "also",
    "etc",
    "ltd",
    "llc",
    "jsc",
    "inc",
    "co",
}
STOP_WORDS = frozenset(
    word.replace("ё", "е") for word in set(stoplists["ru"]) | set(stoplists["en"]) | EXTRA_STOP_WORDS
)

_CYRILLIC = re.compile("[а-яё]")
_LATIN = re.compile("[a-z]")
_DIGIT = re.compile(r"\d")
_FLEETING_VOWEL = re.compile("(?<=[бвгджзклмнпрстфхцчшщ])[ео](?=[цклн]$)")


class _Stemmer(Protocol):
    """A Snowball stemmer (the package ships no types)."""

    def stemWord(self, word: str) -> str: ...  # noqa: N802  snowballstemmer's method name


class _NounRussianStemmer(RussianStemmer):  # type: ignore[misc]  # snowballstemmer ships no types
    """Snowball's Russian stemmer without its verb and gerund steps (see the module docstring).

    Overrides name-mangled private steps of the generated stemmer; `russian_stem`
    checks that they still exist and falls back to the plain stemmer otherwise.
    """

    def _RussianStemmer__r_verb(self) -> bool:  # noqa: N802 (the generated name)
        return False

    def _RussianStemmer__r_perfective_gerund(self) -> bool:  # noqa: N802
        return False


def _make_russian_stemmer() -> _Stemmer:
    if hasattr(RussianStemmer, "_RussianStemmer__r_verb") and hasattr(
        RussianStemmer, "_RussianStemmer__r_perfective_gerund"
    ):
        return _NounRussianStemmer()
    plain: _Stemmer = snowballstemmer.stemmer("russian")  # pragma: no cover (another snowballstemmer layout)
    return plain  # pragma: no cover


_russian = _make_russian_stemmer()
_english: _Stemmer = snowballstemmer.stemmer("english")


@lru_cache(maxsize=100_000)
def russian_stem(word: str) -> str:
    stem = _russian.stemWord(word)
    if len(stem) >= 4:
        stem = _FLEETING_VOWEL.sub("", stem)
    return stem


@lru_cache(maxsize=100_000)
def english_stem(word: str) -> str:
    return _english.stemWord(word)


def stem(token: str) -> str:
    """The stem of one lowercased, "ё"-folded token, by its script; tokens with digits stay whole."""
    if _DIGIT.search(token):
        return token
    if _CYRILLIC.search(token):
        return russian_stem(token)
    if _LATIN.search(token):
        return english_stem(token)
    return token


def fold(text: str) -> str:
    """Lowercase and fold "ё" to "е" (the form every index and query term takes)."""
    return text.lower().replace("ё", "е")


class YoFilter(Filter):  # type: ignore[misc]  # whoosh ships no types
    """Folds "ё" to "е": Russian texts write either, and readers treat them as one letter."""

    def __call__(self, tokens: Iterable[Token]) -> Iterator[Token]:
        for token in tokens:
            if "ё" in token.text:
                token.text = token.text.replace("ё", "е")
            yield token


class BilingualStemFilter(Filter):  # type: ignore[misc]  # whoosh ships no types
    """Stems each token with the Russian or the English stemmer, chosen by its script."""

    def __call__(self, tokens: Iterable[Token]) -> Iterator[Token]:
        for token in tokens:
            if not token.stopped:
                token.text = stem(token.text)
            yield token


class CodeTokenFilter(Filter):  # type: ignore[misc]  # whoosh ships no types
    """Keeps only tokens with a digit: every classifier code has one, while a query's words ("фланцы из
    стали") searched in the codes field would otherwise become required terms that no code holds."""

    def __call__(self, tokens: Iterable[Token]) -> Iterator[Token]:
        for token in tokens:
            if _DIGIT.search(token.text):
                yield token


class CodePrefixFilter(Filter):  # type: ignore[misc]  # whoosh ships no types
    """Indexes a dotted classifier code with its parents: "25.62.10" → 25.62.10, 25.62, 25.

    Only at index time, so that a query for "25.62" finds everything under it,
    while a query for "25.62.10" does not find its siblings.
    """

    def __call__(self, tokens: Iterable[Token]) -> Iterator[Token]:
        for token in tokens:
            yield token
            if token.mode != "index" or "." not in token.text:
                continue
            original = token.text
            parts = original.split(".")
            for end in range(len(parts) - 1, 0, -1):
                token.text = ".".join(parts[:end])
                yield token
            token.text = original


#: Words: letters and digits, dots and hyphens kept inside ("25.62.10", "09г2с").
_WORD = r"\w+(?:[.]\w+)*"


def text_analyzer() -> Analyzer:
    """The analyzer of every full-text field (index and query time alike)."""
    return (
        RegexTokenizer(_WORD)
        | LowercaseFilter()
        | YoFilter()
        | StopFilter(stoplist=STOP_WORDS, minsize=1)
        | BilingualStemFilter()
    )


def code_analyzer() -> Analyzer:
    """Classifier codes (OKPD2, HS, UNSPSC): whole tokens with a digit, plus their parents when indexed."""
    return RegexTokenizer(r"[^\s,;]+") | LowercaseFilter() | YoFilter() | CodeTokenFilter() | CodePrefixFilter()


def analyze(text: str) -> list[str]:
    """The terms ``text`` is indexed as (handy for tests and debugging)."""
    return [token.text for token in text_analyzer()(text)]
