"""Transliteration of names: a readable Latin spelling, and a Latin key on which renderings meet.

Company and place names reach the portal in Cyrillic and in several Latin renderings
("Роснефть", "Rosneft", "Rosneft'"; "Яндекс", "Yandex", "Jandeks"). :func:`latin_key` reduces
any of them to one skeleton, so that an index of keys finds a name however it was typed:

1. the word is lowercased ("ё" as "е") and Cyrillic letters are transliterated
   (passport-style: х kh, ц ts, ч ch, ш sh, щ shch, й y, я ya, ю yu; ь and ъ dropped);
   diacritics are stripped and everything but Latin letters and digits is dropped;
2. the Latin text is read left to right, longest spelling first, into one symbol per sound:
   shch/sch/shh and sh → w (ш, щ); ch/tch → q (ч); zh → j (ж); kh and h → h (х);
   ts/tz/cz, and c before e, i, y → c (ц); c elsewhere, ck, q → k; ph → f; w → v; x → ks;
   y and j → i; "ye"/"je" at the start or after a vowel → e (Yevraz, Евраз) and "yo"/"jo"
   after a consonant → e (Fyodor, Фёдор); the Greek "ch" of chem/chim/chr/tech → h
   (Uralchem, Уралхим; Chromatec, Хроматэк); eu/au → ev/av (EuroChem, Еврохим);
   Italian "gli" before a vowel → li (Togliatti, Тольятти);
3. doubled symbols are collapsed (Rossiyskiy, Российский) and a final "gas" is read "gaz"
   (Surgutneftegas).

Renderings that spell a different sound do not meet: "Rostec" (c for х) does not meet
"Ростех" (the spellings "Rostekh" and "Rostech" do); GOST 7.79-B's "c" for ц before a
consonant or at the end ("Kuznecov") is read as k; German "tsch" for ч is not read.
The skeleton is a key, not a spelling: show :func:`to_latin` to people.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .core import fold

# Cyrillic (Russian, with the Belarusian and Ukrainian letters) to Latin, lowercase.
_LETTERS = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "д": "d",
    "е": "e",
    "ё": "e",
    "ж": "zh",
    "з": "z",
    "и": "i",
    "й": "y",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ъ": "",
    "ы": "y",
    "ь": "",
    "э": "e",
    "ю": "yu",
    "я": "ya",
    "і": "i",
    "ї": "yi",
    "є": "ye",
    "ґ": "g",
    "ў": "u",
}
_DIPHTHONG_VOWELS = "аоу"  # ай, ой, уй are written ai, oi, ui

_SOUNDS = (
    # Longest spellings first: the first alternative that matches at a position wins.
    ("shch", "w"),
    ("sch", "w"),
    ("shh", "w"),
    ("sh", "w"),
    ("tch", "q"),
    ("chem", "him"),
    ("chim", "him"),
    ("chr", "hr"),
    ("tech", "teh"),
    ("ch", "q"),
    ("kh", "h"),
    ("zh", "j"),
    ("ts", "c"),
    ("tz", "c"),
    ("cz", "c"),
    ("ck", "k"),
    ("ph", "f"),
    ("th", "t"),
    ("qu", "kv"),
    ("eu", "ev"),
    ("au", "av"),
)
_CONSONANT = "(?<=[bcdfghklmnpqrstvwxz])"
_CONSONANTS = frozenset("бвгджзклмнпрстфхцчшщ")
_TOKEN = re.compile(
    "|".join(
        [
            *(f"(?P<s{i}>{spelling})" for i, (spelling, _) in enumerate(_SOUNDS)),
            r"(?P<ye>(?:^|(?<=[aeiouy]))[yj]e)",
            rf"(?P<yo>{_CONSONANT}[yj]o)",
            r"(?P<gli>gli(?=[aeiou]))",
            r"(?P<soft_c>c(?=[eiy]))",
            r"(?P<other>.)",
        ]
    )
)
_SINGLE = {"c": "k", "q": "k", "w": "v", "x": "ks", "y": "i", "j": "i"}
_NOT_KEY = re.compile("[^a-z0-9]+")
_DOUBLED = re.compile(r"(.)\1+")


def _cyrillic_to_latin(text: str) -> str:
    return "".join(_LETTERS.get(char, char) for char in text)


def _ascii(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return _NOT_KEY.sub("", "".join(char for char in decomposed if not unicodedata.combining(char)))


def _sound(match: re.Match[str]) -> str:
    kind = match.lastgroup
    if kind is not None and kind.startswith("s") and kind[1:].isdigit():
        return _SOUNDS[int(kind[1:])][1]
    if kind in {"ye", "yo"}:
        return "e"
    if kind == "gli":
        return "li"
    if kind == "soft_c":
        return "c"
    char = match.group()
    return _SINGLE.get(char, char)


@lru_cache(maxsize=50_000)
def latin_key(word: str) -> str:
    """One Latin skeleton for a Cyrillic or Latin spelling of a name (see the module docstring).

    Роснефть, Rosneft and Rosneft' give the same key; so do Яндекс, Yandex and Jandeks.
    Spaces and punctuation are dropped ("Газпром нефть" and "Gazprom Neft" meet); ``""`` when
    nothing is left.
    """
    latin = _ascii(_cyrillic_to_latin(fold(word)))
    skeleton = _TOKEN.sub(_sound, latin)
    skeleton = _DOUBLED.sub(r"\1", skeleton)
    if skeleton.endswith("gas"):
        skeleton = skeleton[:-1] + "z"
    return skeleton


def _letter(text: str, index: int) -> str:
    char = text[index]
    lower = char.lower()
    if lower == "й":
        # "i" after а, о, у and before a consonant (Лукойл → Lukoil, Байкал → Baikal), "y" elsewhere.
        before = text[index - 1].lower() if index else ""
        after = text[index + 1].lower() if index + 1 < len(text) else ""
        latin = "i" if before and before in _DIPHTHONG_VOWELS and after in _CONSONANTS else "y"
    elif lower in _LETTERS:
        latin = _LETTERS[lower]
    else:
        return char
    return latin.capitalize() if char != lower else latin


@lru_cache(maxsize=50_000)
def to_latin(text: str) -> str:
    """A readable Latin spelling of Cyrillic ``text`` for display (other characters kept).

    Passport letters (х kh, ц ts, щ shch, ё e, ь and ъ dropped) with ya, yu and y for я, ю, й;
    a capital stays capital, and a word in capitals stays in capitals: "Щёкиноазот" →
    "Shchekinoazot", "ООО" → "OOO".
    """
    out = []
    for match in re.finditer(r"\w+|\W+", text):
        word = match.group()
        latin = "".join(_letter(word, index) for index in range(len(word)))
        out.append(latin.upper() if len(word) > 1 and word.isupper() else latin)
    return "".join(out)
