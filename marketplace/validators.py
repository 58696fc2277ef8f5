"""Checks of Russian registration numbers and classification codes.

Pure functions returning bool; forms wrap them into WTForms validators.
"""

from __future__ import annotations

import re

_INN10_WEIGHTS = (2, 4, 10, 3, 5, 9, 4, 6, 8)
_INN12_WEIGHTS_1 = (7, 2, 4, 10, 3, 5, 9, 4, 6, 8)
_INN12_WEIGHTS_2 = (3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8)


def _inn_digit(digits: str, weights: tuple[int, ...]) -> int:
    return sum(int(d) * w for d, w in zip(digits[: len(weights)], weights, strict=True)) % 11 % 10


def inn10_check_digit(first_nine: str) -> str:
    """The check digit that completes the first nine digits of a legal entity's INN."""
    return str(_inn_digit(first_nine, _INN10_WEIGHTS))


def ogrn_check_digit(first_twelve: str) -> str:
    """The check digit that completes the first twelve digits of an OGRN."""
    return str(int(first_twelve) % 11 % 10)


def is_valid_inn(value: str) -> bool:
    """INN of a legal entity (10 digits) or an individual (12), with check digits."""
    if not value.isdigit() or not value.isascii():
        return False
    if len(value) == 10:
        return inn10_check_digit(value[:9]) == value[9]
    if len(value) == 12:
        return _inn_digit(value, _INN12_WEIGHTS_1) == int(value[10]) and _inn_digit(value, _INN12_WEIGHTS_2) == int(
            value[11]
        )
    return False


def is_valid_ogrn(value: str) -> bool:
    """OGRN (13 digits, check mod 11) or OGRNIP (15 digits, check mod 13)."""
    if not value.isdigit() or not value.isascii():
        return False
    if len(value) == 13:
        return ogrn_check_digit(value[:12]) == value[12]
    if len(value) == 15:
        return int(value[:14]) % 13 % 10 == int(value[14])
    return False


# OKPD2 (OK 034-2014): "25", "25.6", "25.62", "25.62.1", "25.62.10", "25.62.10.110"
_OKPD2_STRICT = re.compile(r"^\d{2}(\.\d(\d(\.\d(\d(\.\d{3})?)?)?)?)?$")


def is_valid_okpd2(value: str) -> bool:
    """An OKPD2 code: class XX, subclass XX.X, group XX.XX, subgroup XX.XX.X,
    type XX.XX.XX, category XX.XX.XX.XXX."""
    return bool(_OKPD2_STRICT.match(value))


def okpd2_parent(code: str) -> str | None:
    """The code one level up: 25.62.10 -> 25.62.1 -> 25.62 -> 25.6 -> 25 -> None."""
    if "." not in code:
        return None
    head, _, last = code.rpartition(".")
    if len(last) == 3:  # category -> type
        return head
    if len(last) == 2:
        return f"{head}.{last[0]}"
    return head


def is_valid_hs(value: str) -> bool:
    """HS / TN VED code: 6 (international), 8 or 10 (EAEU TN VED) digits."""
    return value.isdigit() and value.isascii() and len(value) in (6, 8, 10)


def is_valid_unspsc(value: str) -> bool:
    """UNSPSC commodity code: 8 digits, segment first two not 00."""
    return value.isdigit() and value.isascii() and len(value) == 8 and value[:2] != "00"
