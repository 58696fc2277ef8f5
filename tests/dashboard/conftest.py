"""People of every role for the dashboard tests, and a client switched between them."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from tests import factories
from tests.access_matrix import roles

ROLES = roles()


@pytest.fixture
def people(app):
    """guest (None), a registered user without organization, a user of a non-member organization,
    a user of a member organization, the cluster manager."""
    return SimpleNamespace(
        guest=None,
        registered=factories.registered(full_name="Анна Регистрова"),
        outsider=factories.outsider(name_ru="ООО «Сторонняя»"),
        member=factories.member(name_ru="ООО «Участник»", name_en="Member LLC"),
        manager=factories.manager(email="manager@cluster.test"),
    )


@pytest.fixture
def as_role(login, people):
    """``as_role("member")`` logs the client in as that person (``"guest"`` logs out); returns the user."""

    def switch(role: str):
        return login(getattr(people, role))

    return switch
