"""Fixtures of the organizations tests: one user of every kind."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from tests import factories


@pytest.fixture
def actors(app):
    """One user per role. ``member`` administers the member organization ``org``;
    ``colleague`` is a non-admin user of the same organization."""
    member = factories.member()
    colleague = factories.user(organization=member.organization)
    other_member = factories.member()
    outsider = factories.outsider()
    registered = factories.registered()
    manager = factories.manager()
    return SimpleNamespace(
        guest=None,
        registered=registered,
        outsider=outsider,
        member=member,
        colleague=colleague,
        other_member=other_member,
        manager=manager,
        org=member.organization,
        other_org=other_member.organization,
        outsider_org=outsider.organization,
    )


@pytest.fixture
def as_role(actors, login):
    """``as_role("member")`` logs the client in as that actor (``"guest"`` logs out) and returns it."""

    def do(role: str):
        return login(getattr(actors, role))

    return do
