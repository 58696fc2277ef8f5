"""The password policy for every password a person chooses (registration, change, reset).

At least ``MIN_PASSWORD_LENGTH`` characters, at most ``MAX_PASSWORD_LENGTH`` (what the forms accept), and not
one of the most common passwords (``common_passwords.txt``, sources in ``common_passwords.md``), compared
without regard to letter case and to the keyboard layout: ``йцукенгшщз`` is ``qwertyuiop`` typed with the
Russian layout on. Accounts created directly (demo data, tests' factories) are not checked.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

MIN_PASSWORD_LENGTH = 10
MAX_PASSWORD_LENGTH = 128
COMMON_PASSWORDS_FILE = Path(__file__).with_name("common_passwords.txt")

#: The Russian ЙЦУКЕН layout -> the keys of the QWERTY layout under the same fingers.
_RUSSIAN_LAYOUT = str.maketrans("йцукенгшщзхъфывапролджэячсмитьбюё", "qwertyuiop[]asdfghjkl;'zxcvbnm,.`")


@lru_cache(maxsize=1)
def common_passwords() -> frozenset[str]:
    """The refused passwords, lower-cased; read once per process."""
    with COMMON_PASSWORDS_FILE.open(encoding="utf-8") as lines:
        return frozenset(word for line in lines if (word := line.strip().lower()))


def is_common_password(password: str) -> bool:
    folded = password.strip().lower()
    return not {folded, folded.translate(_RUSSIAN_LAYOUT)}.isdisjoint(common_passwords())
