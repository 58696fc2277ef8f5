"""Text analysis shared by fitting and querying: Russian + English.

``Analyzer`` turns a text into index terms with the analysis the search index
uses too (``text_analysis``: the same words, stop words and stems — Russian
for Cyrillic words, English for Latin ones; the field's language hint decides
only for words of neither script), drops pure numbers and words shorter than
``min_len``, and optionally adds word bigrams of adjacent kept words.

Stemming is cached per surface token, which makes analysis of a large corpus
cost little more than the regular expression. The analyzer is a plain object
configured by a few values so that a saved matcher can rebuild it exactly.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterable

import text_analysis
from text_analysis import STOP_WORDS, fold, script

_STOPPED = ""
LANGUAGES = ("ru", "en", "auto")


def normalize(text: str) -> str:
    """Lowercase and fold ё to е (the same word is typed both ways)."""
    return fold(text)


def tokenize(text: str) -> list[str]:
    """The folded words of ``text`` (``text_analysis.tokens``: dotted codes stay one word)."""
    return text_analysis.tokens(text)


class Analyzer:
    """Callable text → list of terms, usable as scikit-learn's ``analyzer``.

    ``bigrams`` adds "stem1 stem2" terms for adjacent kept tokens. ``min_len``
    drops shorter tokens. Surface forms seen while ``record_surfaces`` is on are
    counted so that ``surface_forms()`` can show a stem as a readable word.
    """

    def __init__(self, *, bigrams: bool = False, min_len: int = 2) -> None:
        self.bigrams = bigrams
        self.min_len = min_len
        self._cache: dict[tuple[str, str], str] = {}
        self._auto: dict[str, str] = {}
        self._ambiguous: set[str] = set()
        self.record_surfaces = False
        self.surface_budget = 3_000_000  # tokens counted for surface forms (a sample is enough)
        self._surfaces: Counter[str] = Counter()
        self._counted = 0

    def stem(self, token: str, lang: str = "auto") -> str:
        """The term of one normalized token ('' for a stop word or a dropped token)."""
        if lang == "auto":
            cached = self._auto.get(token)
            if cached is None:
                cached = self._auto[token] = self._stem(token, "auto")
            return cached
        key = (token, lang)
        cached = self._cache.get(key)
        if cached is None:
            cached = self._cache[key] = self._stem(token, lang)
        return cached

    def _stem(self, token: str, lang: str) -> str:
        if len(token) < self.min_len or token in STOP_WORDS or token.replace(".", "").isdigit():
            return _STOPPED
        if script(token) == "other" and lang not in {"ru", "en"}:
            self._ambiguous.add(token)
            return token
        # codes and grades (09г2с, m12, 3d, 25.62) stay whole; words stem by their script
        return text_analysis.stem(token, lang if lang in {"ru", "en"} else None)

    @property
    def ambiguous(self) -> set[str]:
        """Tokens of neither script seen so far (the language hint decides their stemmer)."""
        return self._ambiguous

    def record(self, tokens: list[str]) -> None:
        """Count surface forms while recording (up to ``surface_budget`` tokens)."""
        if self.record_surfaces and self._counted < self.surface_budget:
            self._surfaces.update(tokens)
            self._counted += len(tokens)

    def terms(self, text: str | tuple[str, str], lang: str = "auto") -> list[str]:
        """Index terms of ``text`` in order (unigrams, then bigrams if enabled).

        ``text`` may be a ``(text, lang)`` pair, which is how documents with a
        language hint pass through scikit-learn's vectorizers.
        """
        if isinstance(text, tuple):
            text, lang = text
        tokens = tokenize(text)
        self.record(tokens)
        stems = self._stems(tokens, lang)
        if self.bigrams and len(stems) > 1:
            stems = stems + [f"{a} {b}" for a, b in itertools.pairwise(stems)]
        return stems

    __call__ = terms

    def stems(self, text: str, lang: str = "auto") -> list[str]:
        """The stems of ``text`` in order: the unigrams of ``terms`` (surface forms not recorded)."""
        return self._stems(tokenize(text), lang)

    def _stems(self, tokens: list[str], lang: str) -> list[str]:
        got = list(map(self._auto.get, tokens))
        if None in got:  # cache misses: stem once, then they are cached
            got = [g if g is not None else self.stem(t) for g, t in zip(got, tokens, strict=True)]
        if lang != "auto" and self._ambiguous:
            # tokens of neither script (e.g. Latin with diacritics) follow the field's language
            ambiguous = self._ambiguous
            got = [self.stem(t, lang) if t in ambiguous else g for g, t in zip(got, tokens, strict=True)]
        return [g for g in got if g]

    def surface_forms(self, vocabulary: Iterable[str]) -> dict[str, str]:
        """For each unigram term of ``vocabulary``, its most frequent surface word seen.

        Frequencies come from the first ``surface_budget`` tokens analysed
        while recording; a term not seen there shows the first word that
        produced it.
        """
        wanted = set(vocabulary)
        best: dict[str, tuple[int, str]] = {}
        for token, count in self._surfaces.items():
            term = self.stem(token)
            if term in wanted:
                current = best.get(term)
                if current is None or count > current[0] or (count == current[0] and token < current[1]):
                    best[term] = (count, token)
        out = {term: token for term, (_, token) in best.items()}
        for token, term in self._auto.items():
            if term in wanted and term not in out:
                out[term] = token
        return out

    def export_cache(self) -> dict[str, list[str]]:
        """The stem cache as JSON-friendly lists (stemming is the slow part of analysis)."""
        return {"tokens": list(self._auto), "stems": list(self._auto.values()), "ambiguous": sorted(self._ambiguous)}

    def import_cache(self, data: dict[str, list[str]]) -> None:
        tokens, stems = data.get("tokens", []), data.get("stems", [])
        if len(tokens) != len(stems):
            raise ValueError("stem cache: tokens and stems differ in length")
        self._auto.update(zip(tokens, stems, strict=True))
        self._ambiguous.update(data.get("ambiguous", []))

    def clear_surfaces(self) -> None:
        self._surfaces.clear()
        self._counted = 0
