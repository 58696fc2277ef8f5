"""People of every role for the audit tests, a client with a known address, and reading the trail back."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from tests import factories
from tests.access_matrix import roles

ROLES = roles()

#: The address every request of the audit tests comes from (``request.remote_addr``).
ADDRESS = "203.0.113.7"


@pytest.fixture
def client(app):
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = ADDRESS
    return client


@pytest.fixture
def people(app):
    """guest; a registered user without organization; the administrator of a non-member organization;
    the administrator (``admin``) and an ordinary user (``colleague``) of a member organization; the manager."""
    admin = factories.member(name_ru="ООО «Альфа»", name_en="Alpha LLC")
    return SimpleNamespace(
        guest=None,
        registered=factories.registered(full_name="Пётр Свободный", email="petr@example.test"),
        outsider=factories.outsider(name_ru="ООО «Сторонняя»"),
        admin=admin,
        member=admin,
        colleague=factories.user(organization=admin.organization, full_name="Ольга Коллегова"),
        manager=factories.manager(email="manager@cluster.test"),
        org=admin.organization,
    )


@pytest.fixture
def as_role(login, people):
    """``as_role("member")`` logs the client in as that person (``"guest"`` logs out); returns the user."""

    def switch(role: str):
        return login(getattr(people, role))

    return switch
