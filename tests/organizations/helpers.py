"""Helpers of the organizations tests: valid registration numbers, form data, fresh reads."""

from __future__ import annotations

import itertools

from marketplace.db import db

_INN10_WEIGHTS = (2, 4, 10, 3, 5, 9, 4, 6, 8)
_numbers = itertools.count(1)


def make_inn() -> str:
    """A fresh 10-digit INN with a correct check digit."""
    body = f"77{next(_numbers):07d}"
    check = sum(int(d) * w for d, w in zip(body, _INN10_WEIGHTS)) % 11 % 10
    return body + str(check)


def make_ogrn() -> str:
    """A fresh 13-digit OGRN with a correct check digit."""
    body = f"10277{next(_numbers):07d}"
    return body + str(int(body) % 11 % 10)


def broken(number: str) -> str:
    """The same number with a wrong check digit."""
    return number[:-1] + str((int(number[-1]) + 1) % 10)


ROLES = ("guest", "registered", "outsider", "member", "other_member", "manager")


def profile_data(**overrides) -> dict:
    """A valid submission of the organization profile form."""
    data = {
        "name_ru": "ООО «Полимер-Юг»",
        "name_en": "Polymer-South LLC",
        "kind": "sme",
        "inn": make_inn(),
        "ogrn": make_ogrn(),
        "region": "Ставропольский край",
        "city": "Невинномысск",
        "address": "ул. Низяева, 1",
        "website": "polymer-south.example",
        "contact_email": "info@polymer-south.example.com",
        "phone": "+7 (86554) 7-00-00",
        "description_ru": "Производство полимерных труб.",
        "description_en": "Polymer pipe production.",
        "staff_size": "120",
        "certifications": "ISO 9001:2015\n\n  ГОСТ Р 54475  \n",
        "capacity": "Три экструзионные линии, 500 т в месяц.",
        "confidential_fields": ["phone", "capacity"],
    }
    data.update(overrides)
    return data


def refreshed(obj):
    """``obj`` as stored now (after a request changed it in another session)."""
    db.session.expire_all()
    return db.session.get(type(obj), obj.id)
