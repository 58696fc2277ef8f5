"""Registration numbers for demo organizations: INN and OGRN with correct check digits.

Numbers are drawn from a seeded ``random.Random`` and never repeat within
one ``Registry``, so a demo database always satisfies the unique constraints.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from ..validators import inn10_check_digit, ogrn_check_digit


class Registry:
    """Hands out unique INN/OGRN pairs for legal entities of a region."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()

    def _unique(self, make: Callable[[], str]) -> str:
        while True:
            value = make()
            if value not in self.used:
                self.used.add(value)
                return value

    def inn(self, region_code: int) -> str:
        """10-digit INN: region, tax office, serial number, check digit."""

        def make() -> str:
            body = f"{region_code:02d}{self.rng.randint(1, 39):02d}{self.rng.randint(0, 99999):05d}"
            return body + inn10_check_digit(body)

        return self._unique(make)

    def ogrn(self, region_code: int, year: int) -> str:
        """13-digit OGRN: sign 1, year, region, tax office, record number, check digit."""

        def make() -> str:
            body = f"1{year % 100:02d}{region_code:02d}{self.rng.randint(1, 39):02d}{self.rng.randint(0, 99999):05d}"
            return body + ogrn_check_digit(body)

        return self._unique(make)
