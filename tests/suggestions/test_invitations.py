"""Inviting a proposed supplier to respond: who may, the mail, no duplicates, what the supplier sees."""

from __future__ import annotations

import pytest
from flask_babel import force_locale, gettext as _
from sqlalchemy import select

from marketplace.db import db
from marketplace.models import OrderInvitation, OrderStatus, OutboxMessage, Visibility
from tests import factories
from tests.suggestions.conftest import page


def invite(client, order, organization_id):
    return client.post(f"/orders/{order.id}/invite", data={"organization_id": str(organization_id)})


def invitations() -> list[tuple[int, int]]:
    return [(i.order_id, i.organization_id) for i in db.session.scalars(select(OrderInvitation))]


def mails() -> list[OutboxMessage]:
    return list(db.session.scalars(select(OutboxMessage).order_by(OutboxMessage.id)))


def test_customer_invites_a_proposed_supplier(client, login, cluster, flange_order):
    factories.user(organization=cluster.flanges, email="engineer@flanges.test", locale="en")
    login(cluster.users["customer"])
    response = invite(client, flange_order, cluster.flanges.id)
    assert response.status_code == 302
    assert response.headers["Location"].endswith("#suggested-suppliers")
    db.session.expire_all()
    assert invitations() == [(flange_order.id, cluster.flanges.id)]
    invitation = db.session.scalar(select(OrderInvitation))
    assert invitation.invited_by_id == cluster.users["customer"].id
    sent = {m.recipient: m for m in mails()}
    assert set(sent) == {cluster.users["flanges"].email, "engineer@flanges.test"}  # every user of the supplier
    russian, english = sent[cluster.users["flanges"].email], sent["engineer@flanges.test"]
    with force_locale("ru"):  # each recipient gets the mail in their own language (catalog by the lead)
        russian_subject = _("Invitation to respond to an order: %(title)s", title=flange_order.title)
    assert russian.subject == russian_subject
    assert flange_order.title in russian.subject
    assert english.subject == f"Invitation to respond to an order: {flange_order.title}"
    assert f"/orders/{flange_order.id}" in russian.body  # the link to the order
    assert "ПАО «Нефтехимзавод»" in russian.body
    panel = page(client, f"/orders/{flange_order.id}")
    supplier = panel[panel.index(f'data-org-id="{cluster.flanges.id}"') :]
    supplier = supplier[: supplier.index("</li>")]
    assert 'data-testid="supplier-invited"' in supplier
    assert 'data-testid="invite-supplier"' not in supplier


def test_a_second_invitation_is_refused(client, login, cluster, flange_order):
    login(cluster.users["customer"])
    assert invite(client, flange_order, cluster.flanges.id).status_code == 302
    count = len(mails())
    login(cluster.colleague)
    response = client.post(
        f"/orders/{flange_order.id}/invite?lang=en", data={"organization_id": str(cluster.flanges.id)}
    )
    assert response.status_code == 409
    assert "already been invited" in response.get_data(as_text=True)
    db.session.expire_all()
    assert len(invitations()) == 1
    assert len(mails()) == count


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("guest", 302),
        ("registered", 404),
        ("outsider", 404),
        ("flanges", 403),
        ("manager", 403),
    ],
)
def test_only_the_customers_users_invite(client, login, cluster, flange_order, who, expected):
    user = None if who == "guest" else cluster.users.get(who) or getattr(cluster, who)
    login(user)
    response = invite(client, flange_order, cluster.paints.id)
    assert response.status_code == expected
    if expected == 302:
        assert "/login" in response.headers["Location"]
    db.session.expire_all()
    assert invitations() == []
    assert mails() == []


def test_public_order_outsider_gets_403(client, login, cluster):

    order = factories.order(cluster.customer, visibility=Visibility.PUBLIC)
    login(cluster.users["outsider"])
    assert invite(client, order, cluster.paints.id).status_code == 403


@pytest.mark.parametrize(("target", "expected"), [("customer", 400), ("outsider", 400), ("missing", 404)])
def test_invalid_suppliers_are_refused(client, login, cluster, flange_order, target, expected):
    login(cluster.users["customer"])
    org_id = 999999 if target == "missing" else getattr(cluster, target).id
    assert invite(client, flange_order, org_id).status_code == expected
    db.session.expire_all()
    assert invitations() == []


@pytest.mark.parametrize("value", ["", "abc", "-1", "99999999999"])
def test_bad_form_is_400(client, login, cluster, flange_order, value):
    login(cluster.users["customer"])
    assert invite(client, flange_order, value).status_code == 400


@pytest.mark.parametrize("status", [OrderStatus.AWARDED, OrderStatus.COMPLETED, OrderStatus.CANCELLED])
def test_only_open_orders(client, login, cluster, flange_order, status):
    flange_order.status = status
    db.session.commit()
    login(cluster.users["customer"])
    assert invite(client, flange_order, cluster.flanges.id).status_code == 409
    html = page(client, f"/orders/{flange_order.id}")
    assert 'data-testid="invite-supplier"' not in html


def test_draft_orders_cannot_invite(client, login, cluster, flange_order):
    flange_order.status = OrderStatus.DRAFT
    db.session.commit()
    login(cluster.users["customer"])
    assert invite(client, flange_order, cluster.flanges.id).status_code == 409
    login(cluster.users["flanges"])
    assert invite(client, flange_order, cluster.flanges.id).status_code == 404  # a draft is invisible


def test_a_supplier_that_responded_is_not_invited(client, login, cluster, flange_order):
    factories.response(flange_order, cluster.flanges)
    login(cluster.users["customer"])
    assert invite(client, flange_order, cluster.flanges.id).status_code == 409
    html = page(client, f"/orders/{flange_order.id}")
    supplier = html[html.index(f'data-org-id="{cluster.flanges.id}"') :]
    assert 'data-testid="supplier-responded"' in supplier[: supplier.index("</li>")]


def test_the_invited_supplier_sees_the_invitation(client, login, cluster, flange_order):
    login(cluster.users["customer"])
    invite(client, flange_order, cluster.flanges.id)
    login(cluster.users["flanges"])
    html = page(client, f"/orders/{flange_order.id}")
    assert 'data-testid="order-invitation"' in html
    assert "invited your organization" in html
    listing = page(client, "/orders/invitations")
    assert flange_order.title in listing
    assert 'data-testid="invitation"' in listing
    login(cluster.users["paints"])  # not invited
    assert 'data-testid="order-invitation"' not in page(client, f"/orders/{flange_order.id}")
    assert flange_order.title not in page(client, "/orders/invitations")


def test_invitations_page_needs_an_organization(client, login, cluster):
    login(None)
    assert client.get("/orders/invitations").status_code == 302
    login(cluster.registered)
    assert client.get("/orders/invitations").status_code == 403
