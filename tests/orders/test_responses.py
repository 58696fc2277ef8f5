"""Suppliers' responses: who may respond, one per organization, edit, withdraw, respond again."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import func, select

from marketplace.db import db
from marketplace.models import OrderStatus, OutboxMessage, Response, ResponseStatus, Visibility
from tests import factories

GOOD = {"price": "380000", "lead_time_days": "25", "message": "Есть опыт, станки DMG MORI"}


def responses_of(order_id) -> list[Response]:
    db.session.expire_all()
    return db.session.scalars(select(Response).where(Response.order_id == order_id)).all()


def test_member_responds_and_customer_is_told(client, people, login, order_of):
    order = order_of()
    login(people.member)
    response = client.post(f"/orders/{order.id}/response", data=GOOD)
    assert response.status_code == 302
    [saved] = responses_of(order.id)
    assert saved.organization_id == people.member.organization_id
    assert saved.created_by_id == people.member.id
    assert (saved.price, saved.lead_time_days, saved.status) == (Decimal(380000), 25, ResponseStatus.ACTIVE)
    mails = db.session.scalars(select(OutboxMessage)).all()
    # every user of the customer's organization is told (notifications.notify, both channels by default)
    assert {mail.recipient for mail in mails} == {people.customer.email, people.colleague.email}
    assert all("380" not in mail.body for mail in mails)  # the price stays on the comparison page


def test_customer_cannot_respond_to_own_order(client, people, login, order_of):
    order = order_of()
    for user in (people.customer, people.colleague):
        login(user)
        assert client.post(f"/orders/{order.id}/response", data=GOOD).status_code == 403
    assert responses_of(order.id) == []


@pytest.mark.parametrize(
    "status", [OrderStatus.DRAFT, OrderStatus.AWARDED, OrderStatus.CANCELLED, OrderStatus.COMPLETED]
)
def test_only_open_orders_take_responses(client, people, login, order_of, status):
    order = order_of(status=status, visibility=Visibility.PUBLIC)
    login(people.member)
    expected = 404 if status == OrderStatus.DRAFT else 409
    assert client.post(f"/orders/{order.id}/response", data=GOOD).status_code == expected
    assert responses_of(order.id) == []


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("price", "-1"),
        ("price", "abc"),
        ("price", ""),
        ("lead_time_days", "0"),
        ("lead_time_days", "-3"),
        ("lead_time_days", ""),
    ],
)
def test_bad_response_input_is_400(client, people, login, order_of, field, value):
    order = order_of()
    login(people.member)
    response = client.post(f"/orders/{order.id}/response", data={**GOOD, field: value})
    assert response.status_code == 400
    assert b"invalid-feedback" in response.data
    assert responses_of(order.id) == []


def test_zero_price_is_allowed(client, people, login, order_of):
    order = order_of()
    login(people.member)
    assert client.post(f"/orders/{order.id}/response", data={**GOOD, "price": "0"}).status_code == 302
    [saved] = responses_of(order.id)
    assert saved.price == Decimal(0)
    assert saved.organization_id == people.member.organization_id
    assert saved.status == ResponseStatus.ACTIVE


def test_one_response_per_organization_edited_in_place(client, people, login, order_of):
    order = order_of()
    colleague = factories.user(organization=people.member.organization)
    login(people.member)
    assert client.post(f"/orders/{order.id}/response", data=GOOD).status_code == 302
    login(colleague)  # another user of the same supplier edits the same response
    assert client.post(f"/orders/{order.id}/response", data={**GOOD, "price": "350000"}).status_code == 302
    [saved] = responses_of(order.id)
    assert saved.price == Decimal(350000)
    assert saved.status == ResponseStatus.ACTIVE
    assert saved.created_by_id == people.member.id
    # told once (one mail to each of the customer's two users), not per edit
    assert db.session.scalar(select(func.count()).select_from(OutboxMessage)) == 2


def test_withdraw_and_respond_again_reuses_the_row(client, people, login, order_of):
    order = order_of()
    login(people.member)
    client.post(f"/orders/{order.id}/response", data=GOOD)
    [first] = responses_of(order.id)
    assert client.post(f"/orders/{order.id}/response/withdraw").status_code == 302
    [withdrawn] = responses_of(order.id)
    assert withdrawn.status == ResponseStatus.WITHDRAWN
    assert client.post(f"/orders/{order.id}/response/withdraw").status_code == 409  # nothing to withdraw
    assert [r.status for r in responses_of(order.id)] == [ResponseStatus.WITHDRAWN]
    page = client.get(f"/orders/{order.id}?lang=en").get_data(as_text=True)
    assert "Respond again" in page
    assert client.post(f"/orders/{order.id}/response", data={**GOOD, "price": "300000"}).status_code == 302
    [again] = responses_of(order.id)
    assert again.id == first.id
    assert (again.status, again.price) == (ResponseStatus.ACTIVE, Decimal(300000))


def test_withdrawn_responses_are_not_compared(client, people, login, order_of):
    order = order_of()
    factories.response(order, people.member.organization, status=ResponseStatus.WITHDRAWN, message="Withdrawn one")
    factories.response(order, people.member2.organization, message="Still active")
    login(people.customer)
    html = client.get(f"/orders/{order.id}/responses").get_data(as_text=True)
    assert "Still active" in html
    assert "Withdrawn one" not in html


def test_no_withdraw_after_award(client, people, login, order_of):
    order = order_of(status=OrderStatus.AWARDED)
    factories.response(order, people.member.organization, status=ResponseStatus.DECLINED)
    login(people.member)
    assert client.post(f"/orders/{order.id}/response/withdraw").status_code == 409
    assert responses_of(order.id)[0].status == ResponseStatus.DECLINED


def test_my_responses_list_outcomes(client, people, login, order_of):
    won = order_of(title="Выигранный заказ", status=OrderStatus.AWARDED)
    lost = order_of(title="Проигранный заказ", status=OrderStatus.AWARDED)
    factories.response(won, people.member.organization, status=ResponseStatus.ACCEPTED)
    factories.response(lost, people.member.organization, status=ResponseStatus.DECLINED)
    other = order_of(title="Чужой отклик")
    factories.response(other, people.member2.organization)
    login(people.member)
    html = client.get("/orders/responses/mine?lang=en").get_data(as_text=True)
    assert "Выигранный заказ" in html
    assert "Проигранный заказ" in html
    assert "Чужой отклик" not in html
    assert "Selected" in html
    assert "Not selected" in html
