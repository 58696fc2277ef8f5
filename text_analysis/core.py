"""Words, stop words and stems of Russian and English text.

One analyzer serves both languages because the cluster's records mix them
freely ("Фланцы DN 50 для Rosneft", "CNC machining, ЧПУ"). A word is a run of
letters and digits, dots kept inside ("25.62.10"); it is lowercased and "ё"
is folded to "е"; stop words of both languages (``data/stop_words.txt``) are
dropped; each kept word is stemmed by its own script, Cyrillic with the
Russian Snowball stemmer and Latin with the English one. Words with a digit
("09г2с", "25.62", "dn50") and words mixing both scripts stay whole.

The Russian stemmer is Snowball's with two adjustments that matter for a
catalog of nouns:

- verb and perfective-gerund endings are not stripped, because they misfire
  on nouns ("детали" → "дета" but "деталь" → "детал"; "клапан" → "клапа");
- a fleeting vowel before the final ц/к/л/н of a stem is dropped, so that
  "фланец" and "фланцы", "станок" and "станки", "узел" and "узлы" meet.

Positions count kept words only (a stop word leaves no gap), so a phrase
"фланцы из стали" and a text "фланцы стали" agree.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple, Protocol

import snowballstemmer
from snowballstemmer.russian_stemmer import RussianStemmer

DATA_DIR = Path(__file__).parent / "data"

#: A word: letters and digits, dots kept inside ("25.62.10").
WORD = re.compile(r"[^\W_]+(?:\.[^\W_]+)*")
_CYRILLIC = re.compile("[а-яё]")
_LATIN = re.compile("[a-z]")
_DIGIT = re.compile(r"\d")
_FLEETING_VOWEL = re.compile("(?<=[бвгджзклмнпрстфхцчшщ])[ео](?=[цклн]$)")


def _read_words(path: Path) -> frozenset[str]:
    words = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        word = line.split("#", 1)[0].strip()
        if word:
            words.add(fold(word))
    return frozenset(words)


def fold(text: str) -> str:
    """Lowercase and fold "ё" to "е" (the form every term takes)."""
    return text.lower().replace("ё", "е")


#: Words too common to be worth indexing or requiring, in both languages.
STOP_WORDS = _read_words(DATA_DIR / "stop_words.txt")


def is_stop(word: str) -> bool:
    """Whether a folded word is a stop word."""
    return word in STOP_WORDS


class _Stemmer(Protocol):
    """A Snowball stemmer (the package ships no types)."""

    def stemWord(self, word: str) -> str: ...  # noqa: N802  snowballstemmer's method name


class _NounRussianStemmer(RussianStemmer):  # type: ignore[misc]  # snowballstemmer ships no types
    """Snowball's Russian stemmer without its verb and gerund steps (see the module docstring).

    Overrides name-mangled private steps of the generated stemmer; ``_make_russian_stemmer``
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


class _Stemmers(threading.local):
    """One pair of stemmers per thread: a Snowball stemmer keeps its word in its own state, so two
    threads sharing one garble each other's words."""

    def __init__(self) -> None:
        self.russian = _make_russian_stemmer()
        self.english: _Stemmer = snowballstemmer.stemmer("english")


_stemmers = _Stemmers()


def russian_stem(word: str) -> str:
    stem = _stemmers.russian.stemWord(word)
    if len(stem) >= 4:
        stem = _FLEETING_VOWEL.sub("", stem)
    return stem


def english_stem(word: str) -> str:
    return _stemmers.english.stemWord(word)


@lru_cache(maxsize=200_000)
def stem(word: str, lang: str | None = None) -> str:
    """The stem of one folded word, by its script.

    Words with a digit or of both scripts stay whole. ``lang`` ("ru"/"en")
    decides only for words of neither script (Latin with diacritics, say).
    """
    if _DIGIT.search(word):
        return word
    cyrillic = _CYRILLIC.search(word) is not None
    latin = _LATIN.search(word) is not None
    if cyrillic and latin:
        return word
    if cyrillic or (lang == "ru" and not latin):
        return russian_stem(word)
    if latin or lang == "en":
        return english_stem(word)
    return word


def has_digit(word: str) -> bool:
    return _DIGIT.search(word) is not None


def script(word: str) -> str:
    """ "cyrillic", "latin", "mixed" (both, or a digit) or "other"."""
    if _DIGIT.search(word):
        return "mixed"
    cyrillic = _CYRILLIC.search(word) is not None
    latin = _LATIN.search(word) is not None
    if cyrillic and latin:
        return "mixed"
    return "cyrillic" if cyrillic else "latin" if latin else "other"


class Word(NamedTuple):
    """One word of a text: its folded form, its stem (``""`` for a stop word), its position among the
    kept words, and where it stands in the original text."""

    text: str
    stem: str
    position: int
    start: int
    end: int


def words(text: str, *, keep_stops: bool = False) -> list[Word]:
    """The words of ``text`` in order. Stop words are left out unless ``keep_stops`` (then with an
    empty stem and the position of the next kept word)."""
    out: list[Word] = []
    position = 0
    for match in WORD.finditer(text):
        folded = fold(match.group())
        if folded in STOP_WORDS:
            if keep_stops:
                out.append(Word(folded, "", position, match.start(), match.end()))
            continue
        out.append(Word(folded, stem(folded), position, match.start(), match.end()))
        position += 1
    return out


def latin_words(text: str) -> str:
    """The words of ``text`` written in Latin letters, space-separated: the brands and models of a Russian
    name ("Хроматограф Agilent 1260" → "Agilent")."""
    return " ".join(match for match in WORD.findall(text) if script(fold(match)) == "latin")


def tokens(text: str) -> list[str]:
    """Folded words of ``text`` with stop words, no stems (what a spelling or prefix index keeps)."""
    return [fold(match) for match in WORD.findall(text)]


def terms(text: str) -> list[str]:
    """The stems ``text`` is indexed as, in order, stop words left out."""
    out = []
    for match in WORD.findall(text):
        folded = fold(match)
        if folded not in STOP_WORDS:
            out.append(stem(folded))
    return out
