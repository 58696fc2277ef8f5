"""People of every role and an event organized by a member company."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from marketplace.db import db
from marketplace.models import OutboxMessage
from tests import factories
from tests.access_matrix import roles

from . import helpers

ROLES = roles("organizer")


@pytest.fixture
def people(app):
    """guest (None), a registered user without organization, a user of a non-member organization,
    a user of another member company, a user of the organizing member company, the manager."""
    organizer = factories.member(name_ru="АО «Организатор»", name_en="Organizer JSC")
    return SimpleNamespace(
        guest=None,
        registered=factories.registered(full_name="Анна Регистрова", email="anna@registered.test"),
        outsider=factories.outsider(name_en="Outsider Trading LLC"),
        member=factories.member(name_ru="ООО «Участник»", name_en="Member Machining LLC"),
        organizer=organizer,
        colleague=factories.user(organization=organizer.organization),
        manager=factories.manager(email="manager@cluster.test"),
    )


@pytest.fixture
def event(people):
    return helpers.event(people.organizer.organization)


@pytest.fixture
def as_role(login, people):
    """``as_role("member")`` logs the client in as that person (``"guest"`` logs out); returns the user."""

    def switch(role: str):
        return login(getattr(people, role))

    return switch


@pytest.fixture
def outbox(app):
    """``outbox()`` → the mail recorded so far, oldest first."""

    def read():
        db.session.expire_all()
        return list(db.session.scalars(db.select(OutboxMessage).order_by(OutboxMessage.id)))

    return read
