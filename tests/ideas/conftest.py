"""People of every role and an idea posted by a member company's user."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from marketplace.db import db
from marketplace.models import OutboxMessage
from tests import factories
from tests.access_matrix import roles

from . import helpers

ROLES = roles("author")


@pytest.fixture
def people(app):
    """guest (None), a registered user without organization, a user of a non-member organization,
    a user of a member company, the author of the ideas (a user of another member company), the manager."""
    author = factories.member(name_ru="АО «Автор идей»", name_en="Idea Author JSC")
    return SimpleNamespace(
        guest=None,
        registered=factories.registered(full_name="Анна Регистрова"),
        outsider=factories.outsider(name_en="Outsider Trading LLC"),
        member=factories.member(name_ru="ООО «Участник»", name_en="Member Machining LLC"),
        author=author,
        colleague=factories.user(organization=author.organization),
        manager=factories.manager(email="manager@cluster.test"),
    )


@pytest.fixture
def idea(people):
    return helpers.idea(people.author)


@pytest.fixture
def as_role(login, people):
    def switch(role: str):
        return login(getattr(people, role))

    return switch


@pytest.fixture
def outbox(app):
    def read():
        db.session.expire_all()
        return list(db.session.scalars(db.select(OutboxMessage).order_by(OutboxMessage.id)))

    return read
