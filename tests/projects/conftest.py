"""People and a small world for the projects tests.

Roles: ``guest``; ``registered`` (no organization); ``outsider`` (a non-member
organization); ``member`` (a member organization outside the consortium);
``consortium`` (a user of an organization *accepted* into the project's
consortium); ``invited`` (a user of an organization invited, not yet answered);
``manager`` (the cluster manager). ``as_role(name)`` logs the client in.
"""

from __future__ import annotations

from decimal import Decimal
from types import SimpleNamespace

import pytest

from marketplace.models import ConsortiumStatus, ProjectStatus, Visibility
from tests import factories
from tests.access_matrix import roles

from . import helpers

#: The members-only project's confidential budget: only the manager and accepted members may see it.
SECRET_BUDGET = "4321987"

ROLES = roles("consortium", "invited")


@pytest.fixture
def people(app):
    consortium = factories.member(name_ru="ООО «Участник консорциума»", name_en="Consortium Member LLC")
    invited = factories.member(name_ru="АО «Приглашённый»", name_en="Invited JSC")
    return SimpleNamespace(
        manager=factories.manager(email="manager@cluster.test"),
        manager2=factories.manager(full_name="Пётр Кластеров", email="manager2@cluster.test"),
        consortium=consortium,
        colleague=factories.user(organization=consortium.organization),
        invited=invited,
        member=factories.member(name_ru="ООО «Другой участник»", name_en="Other Member LLC"),
        outsider=factories.outsider(),
        registered=factories.registered(),
    )


@pytest.fixture
def as_role(login, people):
    def log_in(role: str):
        return login(None if role == "guest" else getattr(people, role))

    return log_in


@pytest.fixture
def world(people):
    """A members-only planned project with two needs, an accepted and an invited member;
    a public one, an idea (draft) and a cancelled one."""
    project = helpers.project(
        title="Пилотная установка ПЭТ",
        manager=people.manager,
        created_by=people.manager,
        visibility=Visibility.MEMBERS,
        budget=Decimal(SECRET_BUDGET),
        budget_confidential=True,
    )
    recipe = helpers.need(project, title="Разработка рецептуры")
    machining = helpers.need(project, title="Механообработка корпусов", partners_needed=2)
    accepted = helpers.consortium_member(
        project, people.consortium.organization, needs=[recipe], role="Головной исполнитель", invited_by=people.manager
    )
    invitation = helpers.consortium_member(
        project,
        people.invited.organization,
        status=ConsortiumStatus.INVITED,
        needs=[machining],
        role="Механообработка",
        invited_by=people.manager,
        message="Приглашаем присоединиться",
    )
    public = helpers.project(
        title="Совместная закупка пропилена", visibility=Visibility.PUBLIC, budget_confidential=False
    )
    idea = helpers.project(title="Идея: ЦКП испытаний ЛКМ", status=ProjectStatus.IDEA)
    cancelled = helpers.project(title="Отменённая заявка", status=ProjectStatus.CANCELLED, visibility=Visibility.PUBLIC)
    return SimpleNamespace(
        project=project.id,
        recipe=recipe.id,
        machining=machining.id,
        accepted=accepted.id,
        invitation=invitation.id,
        public=public.id,
        idea=idea.id,
        cancelled=cancelled.id,
        member_org=people.member.organization_id,
    )
