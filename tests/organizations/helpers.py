"""Helpers of the organizations tests: valid registration numbers, form data, fresh reads."""

from __future__ import annotations

from marketplace.db import db
from tests.factories import stored_rows, valid_inn, valid_ogrn

ROLES = ("guest", "registered", "outsider", "member", "other_member", "manager")


def profile_data(**overrides) -> dict:
    """A valid submission of the organization profile form."""
    data = {
        "name_ru": "ООО «Полимер-Юг»",
        "name_en": "Polymer-South LLC",
        "kind": "sme",
        "inn": valid_inn(),
        "ogrn": valid_ogrn(),
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


#: What joining an organization can change: its users, their organizations and roles, invitations, notices, mail.
JOINING_TABLES = ("organization", "user_account", "organization_invitation", "notification", "outbox_message")


def joining_rows(tables: tuple[str, ...] = JOINING_TABLES) -> dict[str, list[tuple]]:
    """``stored_rows()`` of ``tables`` only: for checks that log several users in between
    (each login opens a session record of its own)."""
    return {name: rows for name, rows in stored_rows().items() if name in tables}


def assert_joining_unchanged(before: dict[str, list[tuple]]) -> None:
    assert joining_rows(tuple(before)) == before, "a refused request changed what it must not"
