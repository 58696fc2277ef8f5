"""Each action notifies the right users of the right kind, and never the one who acted."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from marketplace.db import db
from marketplace.equipment import services as equipment
from marketplace.models import (
    ApplicationStatus,
    MembershipApplication,
    MembershipStatus,
    NotificationKind,
    OrderStatus,
    Visibility,
)
from marketplace.notifications.services import save_preferences
from marketplace.orders import response_services, services as orders
from marketplace.orders.invitations import invite_supplier
from marketplace.organizations import membership
from marketplace.projects import consortium
from tests import factories
from tests.projects import helpers as project_factories
from tests.suggestions.conftest import FLANGE_ORDER, cluster  # noqa: F401 — the matching cluster fixture

from .conftest import mailed, notices, notified


def test_a_new_response_tells_the_customers_users(app):
    customer = factories.member()
    colleague = factories.user(organization=customer.organization, locale="en")
    supplier = factories.member()
    supplier_colleague = factories.user(organization=supplier.organization)
    order = factories.order(customer.organization, created_by=customer, title="Валы")
    response_services.save_response(order, supplier, price=Decimal(100), lead_time_days=5, message="Можем")
    db.session.commit()
    assert notified(NotificationKind.ORDER_RESPONSE) == {customer.id, colleague.id}
    assert not notified() & {supplier.id, supplier_colleague.id}
    english = next(n for n in notices() if n.user_id == colleague.id)
    assert english.title == "New response to your order: Валы"
    assert english.link == f"/orders/{order.id}"
    assert "100" not in english.body  # never the price


def test_the_award_tells_the_winner_its_users_and_the_other_responders(app):
    customer = factories.member()
    winner, loser = factories.member(), factories.member()
    winner_colleague = factories.user(organization=winner.organization)
    loser_colleague = factories.user(organization=loser.organization)
    order = factories.order(customer.organization, created_by=customer)
    won = factories.response(order, winner.organization, created_by=winner)
    factories.response(order, loser.organization, created_by=loser)
    orders.award_order(order, won.id, customer)
    db.session.commit()
    assert notified(NotificationKind.RESPONSE_AWARDED) == {winner.id, winner_colleague.id}
    assert notified(NotificationKind.RESPONSE_DECLINED) == {loser.id}  # the responder, not the whole company
    assert loser_colleague.id not in notified()
    assert customer.id not in notified()


def test_a_rolled_back_award_notifies_nobody(app):
    customer, supplier = factories.member(), factories.member()
    order = factories.order(customer.organization, created_by=customer)
    won = factories.response(order, supplier.organization, created_by=supplier)
    orders.award_order(order, won.id, customer)
    db.session.rollback()
    assert notices() == []
    assert mailed() == []


def test_booking_decisions_tell_the_requester(app):
    owner, requester = factories.member(), factories.member()
    requester_colleague = factories.user(organization=requester.organization)
    item = factories.equipment(owner.organization)
    start = dt.datetime(2030, 3, 1, 9, 0)
    approved = factories.booking(item, requester.organization, start, requested_by_id=requester.id)
    rejected = factories.booking(
        item, requester.organization, start + dt.timedelta(days=1), requested_by_id=requester.id
    )
    equipment.approve_booking(approved, decided_by=owner)
    equipment.reject_booking(rejected, decided_by=owner, note="Калибровка")
    db.session.commit()
    decisions = notices(NotificationKind.BOOKING_DECISION)
    assert [n.user_id for n in decisions] == [requester.id, requester.id]
    assert "Калибровка" in decisions[1].body
    assert decisions[0].link == "/equipment/bookings/mine"
    assert owner.id not in notified()
    assert requester_colleague.id not in notified()


def test_membership_decisions_tell_the_applicant(app):
    manager = factories.manager()
    applicant = factories.outsider()
    application = membership.apply_for_membership(applicant.organization, applicant, "Примите нас")
    db.session.commit()
    assert notified(NotificationKind.MEMBERSHIP_REQUEST) == {manager.id}
    membership.reject_application(application, manager, "Нет площадки")
    db.session.commit()
    [decision] = notices(NotificationKind.MEMBERSHIP_DECISION)
    assert decision.user_id == applicant.id
    assert "Нет площадки" in decision.body
    assert decision.link == f"/organizations/{applicant.organization_id}"
    again = MembershipApplication(
        organization=applicant.organization, applicant=applicant, status=ApplicationStatus.PENDING
    )
    applicant.organization.membership_status = MembershipStatus.APPLIED
    db.session.add(again)
    db.session.commit()
    membership.approve_application(again, manager)
    db.session.commit()
    assert [n.user_id for n in notices(NotificationKind.MEMBERSHIP_DECISION)] == [applicant.id, applicant.id]
    assert manager.id not in notified(NotificationKind.MEMBERSHIP_DECISION)


def test_a_consortium_invitation_tells_the_organizations_users(app):
    manager = factories.manager()
    invited = factories.member()
    colleague = factories.user(organization=invited.organization)
    project = project_factories.project(manager=manager)
    consortium.invite_to_consortium(project, invited.organization, role="Поставщик", actor=manager)
    db.session.commit()
    assert notified(NotificationKind.CONSORTIUM_INVITE) == {invited.id, colleague.id}
    assert manager.id not in notified()
    assert sorted(mailed()) == sorted([invited.email, colleague.email])  # one mail each, not two


def test_preferences_apply_to_consortium_invitations(app):
    manager = factories.manager()
    invited = factories.member()
    save_preferences(invited.id, {NotificationKind.CONSORTIUM_INVITE: (True, False)})
    project = project_factories.project(manager=manager)
    consortium.invite_to_consortium(project, invited.organization, role="Поставщик", actor=manager)
    db.session.commit()
    assert notified(NotificationKind.CONSORTIUM_INVITE) == {invited.id}
    assert mailed() == []


def test_an_order_invitation_tells_the_invited_organization(app):
    customer = factories.member()
    customer_colleague = factories.user(organization=customer.organization)
    supplier = factories.member()
    order = factories.order(customer.organization, created_by=customer)
    invite_supplier(order, supplier.organization, customer)
    db.session.commit()
    assert notified(NotificationKind.ORDER_INVITATION) == {supplier.id}
    assert not notified() & {customer.id, customer_colleague.id}


def test_a_published_order_tells_the_matching_member_organizations(app, cluster):  # noqa: F811
    customer = cluster.users["customer"]
    order = factories.order(
        cluster.customer,
        title=FLANGE_ORDER,
        status=OrderStatus.DRAFT,
        created_by=customer,
        description="Требуется обработать 200 фланцев Ду 300 из стали 09Г2С по чертежу.",
        okpd2_codes=["25.62"],
        visibility=Visibility.MEMBERS,
    )
    order.competencies = [cluster.machining]
    db.session.commit()
    orders.publish_order(order, customer)
    assert notices() == []  # not before the commit
    db.session.commit()  # the matcher runs after the commit
    told = notified(NotificationKind.ORDER_MATCH)
    assert cluster.users["flanges"].id in told
    assert not told & {customer.id, cluster.colleague.id, cluster.users["outsider"].id}  # never the customer
    assert all(n.link == f"/orders/{order.id}" for n in notices(NotificationKind.ORDER_MATCH))


def test_the_number_of_matched_organizations_is_configurable(app, cluster):  # noqa: F811
    app.config["NOTIFY_MATCHED_SUPPLIERS"] = 0
    customer = cluster.users["customer"]
    order = factories.order(cluster.customer, title=FLANGE_ORDER, status=OrderStatus.DRAFT, created_by=customer)
    orders.publish_order(order, customer)
    db.session.commit()
    assert notices(NotificationKind.ORDER_MATCH) == []


def test_a_rolled_back_publication_tells_nobody(app, cluster):  # noqa: F811
    customer = cluster.users["customer"]
    order = factories.order(cluster.customer, title=FLANGE_ORDER, status=OrderStatus.DRAFT, created_by=customer)
    orders.publish_order(order, customer)
    db.session.rollback()
    db.session.commit()
    assert notices() == []


def test_publishing_through_the_web_tells_the_matching_organizations(client, login, app, cluster):  # noqa: F811
    customer = cluster.users["customer"]
    order = factories.order(
        cluster.customer,
        title=FLANGE_ORDER,
        status=OrderStatus.DRAFT,
        created_by=customer,
        description="Токарная обработка фланцев из стали 09Г2С на станках с ЧПУ.",
        okpd2_codes=["25.62"],
    )
    login(customer)
    assert client.post(f"/orders/{order.id}/publish").status_code == 302
    told = notified(NotificationKind.ORDER_MATCH)
    assert cluster.users["flanges"].id in told
    assert customer.id not in told
    assert cluster.users["flanges"].email in mailed()


def test_a_response_through_the_web_lights_the_customers_bell(client, login, app):
    customer, supplier = factories.member(), factories.member()
    order = factories.order(customer.organization, created_by=customer)
    login(supplier)
    assert (
        client.post(
            f"/orders/{order.id}/response", data={"price": "1000", "lead_time_days": "5", "message": "Да"}
        ).status_code
        == 302
    )
    assert 'data-testid="notification-count"' not in client.get("/").get_data(as_text=True)  # not the actor's
    login(customer)
    assert 'data-testid="notification-count">1<' in client.get("/").get_data(as_text=True)
    [row] = notices()
    page = client.get(f"/notifications/{row.id}/open")
    assert page.headers["Location"] == f"/orders/{order.id}"
    assert notices()[0].read_at is not None
