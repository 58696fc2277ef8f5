"""The text analysis shared by search and matching: one place for words, stop words, stems,
synonyms and transliteration, so that the search index and the matcher read text alike.

A plain library: no Flask, no Whoosh, no scikit-learn.
"""

from __future__ import annotations

from .core import STOP_WORDS, Word, fold, has_digit, is_stop, latin_words, script, stem, terms, tokens, words
from .synonyms import Entry, Expansion, SynonymsFormatError, Thesaurus, default_thesaurus
from .translit import latin_key, to_latin

__all__ = [
    "STOP_WORDS",
    "Entry",
    "Expansion",
    "SynonymsFormatError",
    "Thesaurus",
    "Word",
    "default_thesaurus",
    "fold",
    "has_digit",
    "is_stop",
    "latin_key",
    "latin_words",
    "script",
    "stem",
    "terms",
    "to_latin",
    "tokens",
    "words",
]
