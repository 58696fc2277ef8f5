"""Edge cases of the matching pages: empty profiles, an empty matcher, clashing records in a merge."""

from __future__ import annotations

from sqlalchemy import select

from marketplace.db import db
from marketplace.models import OrderInvitation, OrgKind
from tests import factories
from tests.projects import helpers
from tests.suggestions.conftest import page


def test_dashboard_of_an_organization_without_any_text(client, login, cluster, flange_order):
    blank = factories.member(name_ru="ООО «Пустой профиль»", name_en="", description_ru="", description_en="")
    login(blank)
    html = page(client, "/matches/orders")
    assert "No open orders fit your organization right now" in html or 'data-testid="matching-order"' in html


def test_proposal_before_anyone_described_itself(client, login):
    factories.member(description_ru="", description_en="")
    project = helpers.project(title="Проект в пустом кластере")
    helpers.need(project, title="Испытания материалов", org_kind=OrgKind.UNIVERSITY)
    login(factories.manager())
    html = page(client, f"/projects/{project.id}")
    assert 'data-testid="project-proposal"' in html
    assert "No proposal yet" in html
    assert 'data-testid="invite-proposed"' not in html


def test_merge_keeps_one_invitation_per_order(client, login, cluster, flange_order):
    twin = factories.member(name_ru="Фланцевый завод, ООО", name_en="")
    for org in (cluster.flanges, twin.organization):
        db.session.add(
            OrderInvitation(
                order_id=flange_order.id, organization_id=org.id, invited_by_id=cluster.users["customer"].id
            )
        )
    db.session.commit()
    login(cluster.manager)
    response = client.post(f"/organizations/merge/{cluster.flanges.id}/{twin.organization_id}", data={"confirm": "y"})
    assert response.status_code == 302
    db.session.expire_all()
    assert [(i.order_id, i.organization_id) for i in db.session.scalars(select(OrderInvitation))] == [
        (flange_order.id, cluster.flanges.id)
    ]
