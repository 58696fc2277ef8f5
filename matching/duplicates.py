"""Duplicate organizations: the same INN, or nearly the same name once legal forms are dropped.

``normalize_name('ООО «Ромашка»') == normalize_name('Ромашка ООО') == 'ромашка'``.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process

# Longer forms first so that "публичное акционерное общество" is removed before "акционерное общество".
LEGAL_FORMS = sorted(
    [
        "общество с ограниченной ответственностью",
        "публичное акционерное общество",
        "непубличное акционерное общество",
        "закрытое акционерное общество",
        "открытое акционерное общество",
        "акционерное общество",
        "индивидуальный предприниматель",
        "федеральное государственное бюджетное образовательное учреждение высшего образования",
        "федеральное государственное унитарное предприятие",
        "автономная некоммерческая организация",
        "фгбоу во",
        "фгаоу во",
        "фгбу",
        "фгуп",
        "фгбоу",
        "фгаоу",
        "ооо",
        "оао",
        "зао",
        "пао",
        "нао",
        "ао",
        "ип",
        "муп",
        "гуп",
        "ано",
        "нко",
        "тоо",
        "одо",
        "уп",
        "llc",
        "ltd",
        "limited",
        "gmbh",
        "inc",
        "incorporated",
        "corp",
        "corporation",
        "jsc",
        "pjsc",
        "cjsc",
        "llp",
        "plc",
        "ag",
        "sa",
        "s a",
        "sas",
        "sarl",
        "srl",
        "spa",
        "s p a",
        "bv",
        "b v",
        "nv",
        "oy",
        "ab",
        "company",
    ],
    key=len,
    reverse=True,
)
_QUOTES = re.compile(r"[«»\"'“”„‘’`]")
_PUNCT = re.compile(r"[^\w\s]|_")
_SPACES = re.compile(r"\s+")
_FORMS = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(f) for f in LEGAL_FORMS) + r")(?!\w)")
_NON_DIGIT = re.compile(r"\D")


def normalize_name(name: str) -> str:
    """Lowercase, ё→е, quotes, punctuation and legal forms removed, spaces collapsed."""
    text = (name or "").lower().replace("ё", "е")
    text = _QUOTES.sub(" ", text)
    text = _PUNCT.sub(" ", text)
    text = _SPACES.sub(" ", text).strip()
    stripped = _SPACES.sub(" ", _FORMS.sub(" ", text)).strip()
    return stripped or text  # a name that is only a legal form stays as it is


def normalize_inn(inn: str | None) -> str:
    return _NON_DIGIT.sub("", inn or "")


@dataclass(frozen=True)
class Duplicate:
    """A probable duplicate: ``reason`` is ``inn`` (same INN) or ``name`` (similar name, score 0..100)."""

    org_id: Hashable
    name: str
    score: float
    reason: str


def find_duplicates(
    name: str,
    inn: str | None,
    candidates: Iterable[tuple[Hashable, str, str | None]],
    *,
    threshold: float = 90.0,
    limit: int = 10,
) -> list[Duplicate]:
    """Organizations among ``candidates`` (``(id, name, inn)`` triples) that are probably ``name``/``inn``.

    Equal INNs are duplicates whatever the names (score 100). Otherwise names
    are compared after ``normalize_name`` with rapidfuzz (``token_sort_ratio``,
    so word order does not matter); pairs at or above ``threshold`` are
    returned. Two organizations that both have INNs and the INNs differ are
    different legal entities and are never reported by name. Best first.
    """
    inn_key = normalize_inn(inn)
    key = normalize_name(name)
    found: dict[Hashable, Duplicate] = {}
    by_name: list[tuple[Hashable, str, str]] = []
    for org_id, cand_name, cand_inn in candidates:
        cand_inn_key = normalize_inn(cand_inn)
        if inn_key and cand_inn_key == inn_key:
            found[org_id] = Duplicate(org_id, cand_name, 100.0, "inn")
        elif not (inn_key and cand_inn_key):
            by_name.append((org_id, cand_name, normalize_name(cand_name)))
    if key and by_name:
        hits = process.extract(
            key, [n for _, _, n in by_name], scorer=fuzz.token_sort_ratio, score_cutoff=threshold, limit=None
        )
        for _, score, i in hits:
            org_id, cand_name, _ = by_name[i]
            found.setdefault(org_id, Duplicate(org_id, cand_name, round(float(score), 1), "name"))
    return sorted(found.values(), key=lambda d: (-d.score, d.reason != "inn", str(d.org_id)))[:limit]
