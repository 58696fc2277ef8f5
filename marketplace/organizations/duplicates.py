"""Likely duplicate organizations: the same INN, or nearly the same name once legal forms are dropped.

The rule is ``matching.find_duplicates`` (equal INNs always; otherwise names
compared after ``normalize_name`` at ``THRESHOLD``, never between two
organizations whose known INNs differ). Names are compared in Russian and in
English.

``duplicate_pairs`` lists every pair in the directory for the manager. It
does not call ``find_duplicates`` n² times: rapidfuzz's ``cdist`` compares
all normalized names in C (in blocks of ``BLOCK`` rows, so memory stays
small) to find the candidate pairs, and each candidate is confirmed with
``find_duplicates`` itself, so the rule stays in one place.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import cast

import numpy as np
from rapidfuzz import fuzz, process
from sqlalchemy import select

from matching import find_duplicates, normalize_name

from ..db import db
from .models import Organization

THRESHOLD = 90.0
BLOCK = 500

#: ``(id, name_ru, name_en, inn)`` of one organization.
OrgRow = tuple[int, str, str, str | None]


@dataclass
class DuplicateCandidate:
    organization: Organization
    score: float
    reason: str  # "inn" or "name"


@dataclass
class DuplicatePair:
    first: Organization
    second: Organization
    score: float
    reason: str


def _digits(value: str | None) -> str:
    return "".join(ch for ch in (value or "") if ch.isdigit())


def _rows(exclude_id: int | None = None) -> list[OrgRow]:
    statement = select(Organization.id, Organization.name_ru, Organization.name_en, Organization.inn).order_by(
        Organization.id
    )
    if exclude_id is not None:
        statement = statement.where(Organization.id != exclude_id)
    return [(org_id, name_ru, name_en, inn) for org_id, name_ru, name_en, inn in db.session.execute(statement)]


def _name(row: OrgRow, english: bool) -> str:
    """The name compared: Russian, or English (Russian when there is no English one)."""
    return (row[2] or row[1]) if english else row[1]


def find_duplicate_organizations(
    name_ru: str, name_en: str = "", inn: str | None = None, *, exclude_id: int | None = None, limit: int = 5
) -> list[DuplicateCandidate]:
    """Registered organizations that are probably the one being entered, best first."""
    rows = _rows(exclude_id)
    best: dict[int, tuple[float, str]] = {}
    for name, english in ((name_ru, False), (name_en, True)):
        if not (name or "").strip() and not inn:
            continue
        candidates = [(row[0], _name(row, english), row[3]) for row in rows]
        for found in find_duplicates(name or "", inn, candidates, threshold=THRESHOLD, limit=limit):
            org_id = cast(int, found.org_id)  # the candidates' ids, which are ints
            if org_id not in best or found.score > best[org_id][0]:
                best[org_id] = (found.score, found.reason)
    ranked = sorted(best.items(), key=lambda item: (-item[1][0], item[1][1] != "inn", item[0]))[:limit]
    organizations = (
        {
            o.id: o
            for o in db.session.scalars(
                select(Organization).where(Organization.id.in_([org_id for org_id, _ in ranked]))
            )
        }
        if ranked
        else {}
    )
    return [
        DuplicateCandidate(organizations[org_id], score, reason)
        for org_id, (score, reason) in ranked
        if org_id in organizations
    ]


def _name_candidates(ids: Sequence[int], names: Sequence[str]) -> set[tuple[int, int]]:
    keys = [normalize_name(n) if n else "" for n in names]
    present = [i for i, k in enumerate(keys) if k]
    found: set[tuple[int, int]] = set()
    if len(present) < 2:
        return found
    texts = [keys[i] for i in present]
    for start in range(0, len(texts), BLOCK):
        scores = process.cdist(
            texts[start : start + BLOCK],
            texts,
            scorer=fuzz.token_sort_ratio,
            score_cutoff=THRESHOLD,
            dtype=np.uint8,
            workers=1,
        )
        for a, b in zip(*np.nonzero(scores), strict=True):
            i, j = present[start + int(a)], present[int(b)]
            if i < j:
                found.add((ids[i], ids[j]))
    return found


def duplicate_pairs() -> list[DuplicatePair]:
    """Every pair of likely duplicates in the directory, most certain first."""
    rows = _rows()
    by_id = {row[0]: row for row in rows}
    ids = [row[0] for row in rows]
    candidates: set[tuple[int, int]] = set()
    by_inn: dict[str, list[int]] = defaultdict(list)
    for org_id, _, _, inn in rows:
        if _digits(inn):
            by_inn[_digits(inn)].append(org_id)
    for same in by_inn.values():
        candidates.update((a, b) for i, a in enumerate(same) for b in same[i + 1 :])
    candidates |= _name_candidates(ids, [row[1] for row in rows])
    candidates |= _name_candidates(ids, [row[2] for row in rows])
    confirmed: dict[tuple[int, int], tuple[float, str]] = {}
    for a, b in candidates:
        first, second = by_id[a], by_id[b]
        for english in (False, True):
            if english and not first[2]:
                continue
            hits = find_duplicates(
                _name(first, english), first[3], [(b, _name(second, english), second[3])], threshold=THRESHOLD
            )
            if hits and ((a, b) not in confirmed or hits[0].score > confirmed[(a, b)][0]):
                confirmed[(a, b)] = (hits[0].score, hits[0].reason)
    if not confirmed:
        return []
    organizations = {
        o.id: o
        for o in db.session.scalars(
            select(Organization).where(Organization.id.in_({i for pair in confirmed for i in pair}))
        )
    }
    pairs = [
        DuplicatePair(organizations[a], organizations[b], score, reason)
        for (a, b), (score, reason) in confirmed.items()
    ]
    return sorted(pairs, key=lambda p: (p.reason != "inn", -p.score, p.first.id, p.second.id))
