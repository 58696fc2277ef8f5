"""find_duplicates: INN first, then names without legal forms and quotes."""

from __future__ import annotations

import pytest

from matching import find_duplicates, normalize_name

CANDIDATES = [
    (1, "Ромашка ООО", None),
    (2, 'АО "Ромашка"', "7701234567"),
    (3, "ООО «Василёк»", "7709999999"),
    (4, "Romashka LLC", None),
    (5, "ПАО «Ромашка-Агро»", None),
]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("ООО «Ромашка»", "ромашка"),
        ("Ромашка ООО", "ромашка"),
        ('АО "Ромашка"', "ромашка"),
        ("ФГБОУ ВО «Смоленский университет»", "смоленский университет"),
        ("Общество с ограниченной ответственностью 'Ромашка'", "ромашка"),
        ("Acme GmbH", "acme"),
        ("Acme, Ltd.", "acme"),
        ("ООО", "ооо"),
        ("Ёлка ЗАО", "елка"),
    ],
)
def test_normalize_name(name, expected):
    assert normalize_name(name) == expected


def test_same_names_under_different_legal_forms_are_duplicates():
    found = find_duplicates("ООО «Ромашка»", None, CANDIDATES)
    assert [d.org_id for d in found[:2]] == [1, 2] or [d.org_id for d in found[:2]] == [2, 1]
    assert all(d.reason == "name" and d.score == 100.0 for d in found[:2])
    assert 3 not in [d.org_id for d in found]


def test_equal_inn_wins_whatever_the_name():
    found = find_duplicates("Совсем другое название", "77 0999 9999", CANDIDATES)
    assert [(d.org_id, d.reason, d.score) for d in found] == [(3, "inn", 100.0)]


def test_different_inns_are_different_organizations():
    found = find_duplicates("ООО «Ромашка»", "7700000000", CANDIDATES)
    assert 2 not in [d.org_id for d in found]  # same name, another INN
    assert 1 in [d.org_id for d in found]  # no INN to compare: the name decides


def test_threshold_controls_fuzzy_matches():
    loose = find_duplicates("Ромашка Агропром", None, CANDIDATES, threshold=80)
    assert 5 in [d.org_id for d in loose]
    strict = find_duplicates("Ромашка Агропром", None, CANDIDATES, threshold=99)
    assert 5 not in [d.org_id for d in strict]
