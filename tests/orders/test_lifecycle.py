"""Posting and the order lifecycle: draft -> open -> awarded -> completed, or cancelled.

Every change writes an OrderEvent with its actor; refused transitions change nothing.
"""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import pytest
from sqlalchemy import select

from marketplace.db import db
from marketplace.models import Attachment, Order, OrderKind, OrderStatus, OutboxMessage, Visibility
from tests import factories


def order_form(**overrides) -> dict:
    data = {
        "title": "Изготовление 200 фланцев",
        "kind": "production",
        "description": "Фланцы плоские приварные, сталь 09Г2С.",
        "okpd2_codes": "25.62.10, 28.41",
        "quantity": "200",
        "unit": "шт",
        "deadline": (dt.date.today() + dt.timedelta(days=30)).isoformat(),
        "budget": "450000",
        "budget_confidential": "y",
        "region": "Ставропольский край",
        "visibility": "members",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def only_order() -> Order:
    db.session.expire_all()
    return db.session.scalars(select(Order)).one()


def actions(order: Order) -> list[tuple[str, int | None]]:
    return [(e.action, e.actor_id) for e in order.events]


def test_create_draft(client, people, login):
    comp = factories.competency()
    login(people.customer)
    response = client.post("/orders/new", data=order_form(competencies=[str(comp.id)], save_draft="1"))
    assert response.status_code == 302
    order = only_order()
    assert response.headers["Location"].endswith(f"/orders/{order.id}")
    assert order.status == OrderStatus.DRAFT
    assert order.published_at is None
    assert order.organization_id == people.customer.organization_id
    assert order.created_by_id == people.customer.id
    assert order.okpd2_codes == ["25.62.10", "28.41"]
    assert order.quantity == Decimal(200)
    assert order.budget == Decimal(450000)
    assert order.budget_confidential is True
    assert order.visibility == Visibility.MEMBERS
    assert order.kind == OrderKind.PRODUCTION
    assert [c.id for c in order.competencies] == [comp.id]
    assert actions(order) == [("created", people.customer.id)]


def test_create_published_directly(client, people, login):
    login(people.customer)
    response = client.post("/orders/new", data=order_form(publish="1", budget_confidential=None))
    assert response.status_code == 302
    order = only_order()
    assert order.status == OrderStatus.OPEN
    assert order.published_at is not None
    assert order.budget_confidential is False
    assert actions(order) == [("created", people.customer.id), ("published", people.customer.id)]
    published = order.events[1]
    assert (published.from_status, published.to_status) == (OrderStatus.DRAFT, OrderStatus.OPEN)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("title", ""),
        ("description", ""),
        ("deadline", "2000-01-01"),
        ("okpd2_codes", "25.62, flanges"),
        ("quantity", "0"),
        ("budget", "-5"),
        ("region", "Atlantis"),
        ("kind", "magic"),
        ("visibility", "secret"),
    ],
)
def test_create_refuses_bad_input(client, people, login, field, value):
    login(people.customer)
    response = client.post("/orders/new?lang=en", data=order_form(publish="1", **{field: value}))
    assert response.status_code == 400
    assert b"invalid-feedback" in response.data
    db.session.expire_all()
    assert db.session.scalars(select(Order)).all() == []


def test_attachments_are_stored_and_bad_ones_refused(client, people, login, app):
    login(people.customer)
    pdf = (io.BytesIO(b"%PDF-1.4 drawing"), "drawing.pdf")
    response = client.post(
        "/orders/new", data=order_form(save_draft="1", files=[pdf]), content_type="multipart/form-data"
    )
    assert response.status_code == 302
    order = only_order()
    assert [a.original_name for a in order.attachments] == ["drawing.pdf"]
    assert ("attachment_added", people.customer.id) in actions(order)

    fake = (io.BytesIO(b"MZ this is an executable"), "spec.pdf")
    response = client.post(
        f"/orders/{order.id}/edit?lang=en", data=order_form(save="1", files=[fake]), content_type="multipart/form-data"
    )
    assert response.status_code == 400
    assert b"does not look like a .pdf file" in response.data
    db.session.expire_all()
    assert db.session.scalar(select(Attachment).where(Attachment.original_name == "spec.pdf")) is None


def test_remove_attachment(client, people, login):
    login(people.customer)
    client.post(
        "/orders/new",
        data=order_form(save_draft="1", files=[(io.BytesIO(b"%PDF-1.4"), "a.pdf")]),
        content_type="multipart/form-data",
    )
    order = only_order()
    attachment_id = order.attachments[0].id
    login(people.member)
    assert client.post(f"/orders/{order.id}/attachments/{attachment_id}/delete").status_code == 404  # a draft
    assert [a.id for a in only_order().attachments] == [attachment_id]
    login(people.customer)
    assert client.post(f"/orders/{order.id}/attachments/{attachment_id}/delete").status_code == 302
    order = only_order()
    assert order.attachments == []
    assert actions(order)[-1] == ("attachment_removed", people.customer.id)


def test_edit_open_order_records_changed_fields(client, people, login, order_of):
    order = order_of()
    login(people.colleague)  # any user of the customer's organization
    response = client.post(
        f"/orders/{order.id}/edit", data=order_form(save="1", title="Фланцы, 300 штук", quantity="300")
    )
    assert response.status_code == 302
    order = only_order()
    assert order.title == "Фланцы, 300 штук"
    assert order.quantity == Decimal(300)
    event = order.events[-1]
    assert (event.action, event.actor_id) == ("edited", people.colleague.id)
    assert "title" in event.note
    assert "quantity" in event.note


def test_edit_keeps_a_past_deadline_it_did_not_change(client, people, login, order_of):
    past = dt.date.today() - dt.timedelta(days=3)
    order = order_of(deadline=past)
    login(people.customer)
    response = client.post(f"/orders/{order.id}/edit", data=order_form(save="1", deadline=past.isoformat()))
    assert response.status_code == 302
    order = only_order()
    assert order.deadline == past
    assert order.title == "Изготовление 200 фланцев"  # the rest of the form was saved
    assert actions(order) == [("edited", people.customer.id)]


@pytest.mark.parametrize("status", [OrderStatus.AWARDED, OrderStatus.COMPLETED, OrderStatus.CANCELLED])
def test_edit_refused_after_open(client, people, login, order_of, status):
    order = order_of(status=status)
    login(people.customer)
    assert client.get(f"/orders/{order.id}/edit").status_code == 409
    response = client.post(f"/orders/{order.id}/edit", data=order_form(save="1", title="Changed"))
    assert response.status_code == 409
    order = only_order()
    assert order.title != "Changed"
    assert order.status == status
    assert order.events == []


def test_publish_draft(client, people, login, order_of):
    order = order_of(status=OrderStatus.DRAFT)
    login(people.customer)
    assert client.post(f"/orders/{order.id}/publish").status_code == 302
    order = only_order()
    assert order.status == OrderStatus.OPEN
    assert order.published_at is not None
    assert actions(order) == [("published", people.customer.id)]
    published_at = order.published_at
    assert client.post(f"/orders/{order.id}/publish").status_code == 409  # only a draft
    order = only_order()
    assert order.published_at == published_at
    assert actions(order) == [("published", people.customer.id)]


def test_publish_refused_when_deadline_passed(client, people, login, order_of):
    order = order_of(status=OrderStatus.DRAFT, deadline=dt.date.today() - dt.timedelta(days=1))
    login(people.customer)
    assert client.post(f"/orders/{order.id}/publish").status_code == 400
    order = only_order()
    assert order.status == OrderStatus.DRAFT
    assert order.published_at is None
    assert order.events == []


def test_cancel_with_reason_notifies_responders(client, people, login, order_of):
    order = order_of()
    factories.response(order, people.member.organization, created_by=people.member)
    login(people.customer)
    assert client.post(f"/orders/{order.id}/cancel", data={"reason": ""}).status_code == 400
    assert only_order().status == OrderStatus.OPEN
    assert only_order().events == []
    assert client.post(f"/orders/{order.id}/cancel", data={"reason": "Проект закрыт"}).status_code == 302
    order = only_order()
    assert order.status == OrderStatus.CANCELLED
    event = order.events[-1]
    assert (event.action, event.actor_id, event.note) == ("cancelled", people.customer.id, "Проект закрыт")
    assert (event.from_status, event.to_status) == (OrderStatus.OPEN, OrderStatus.CANCELLED)
    mails = db.session.scalars(select(OutboxMessage)).all()
    assert [m.recipient for m in mails] == [people.member.email]
    assert "Проект закрыт" in mails[0].body
    # cancelled is final
    assert client.post(f"/orders/{order.id}/cancel", data={"reason": "again"}).status_code == 409
    assert client.post(f"/orders/{order.id}/publish").status_code == 409
    order = only_order()
    assert order.status == OrderStatus.CANCELLED
    assert actions(order) == [("cancelled", people.customer.id)]
    assert len(db.session.scalars(select(OutboxMessage)).all()) == 1


def test_manager_cancels_as_moderator(client, people, login, order_of):
    order = order_of()
    login(people.manager)
    assert client.post(f"/orders/{order.id}/cancel", data={"reason": "Duplicate"}).status_code == 302
    order = only_order()
    assert order.status == OrderStatus.CANCELLED
    assert actions(order) == [("cancelled", people.manager.id)]
    assert order.events[-1].note == "Duplicate"


def test_complete_only_after_award(client, people, login, order_of):
    order = order_of()
    login(people.customer)
    assert client.post(f"/orders/{order.id}/complete").status_code == 409
    order = only_order()
    assert order.status == OrderStatus.OPEN
    assert order.events == []
    order.status = OrderStatus.AWARDED
    db.session.commit()
    assert client.post(f"/orders/{order.id}/complete", data={"note": "Принято"}).status_code == 302
    order = only_order()
    assert order.status == OrderStatus.COMPLETED
    assert actions(order)[-1] == ("completed", people.customer.id)
    assert client.post(f"/orders/{order.id}/cancel", data={"reason": "late"}).status_code == 409
    order = only_order()
    assert order.status == OrderStatus.COMPLETED
    assert actions(order) == [("completed", people.customer.id)]


def test_history_shows_who_did_what(client, people, login):
    login(people.customer)
    client.post("/orders/new", data=order_form(publish="1"))
    order = only_order()
    page = client.get(f"/orders/{order.id}?lang=en").get_data(as_text=True)
    assert 'id="history"' in page
    assert "Created" in page
    assert "Published" in page
    assert people.customer.full_name in page
    login(people.manager)
    assert 'id="history"' in client.get(f"/orders/{order.id}").get_data(as_text=True)
    login(people.member)
    assert 'id="history"' not in client.get(f"/orders/{order.id}").get_data(as_text=True)


def test_my_orders_include_drafts_of_my_organization_only(client, people, login, order_of):
    order_of(status=OrderStatus.DRAFT, title="Черновик заказчика")
    order_of(title="Открытый заказ заказчика")
    factories.order(people.member.organization, title="Чужой заказ")
    login(people.colleague)
    page = client.get("/orders/mine").get_data(as_text=True)
    assert "Черновик заказчика" in page
    assert "Открытый заказ заказчика" in page
    assert "Чужой заказ" not in page
    page = client.get("/orders/mine?status=draft").get_data(as_text=True)
    assert "Черновик заказчика" in page
    assert "Открытый заказ заказчика" not in page
    # the draft is never on the public list
    assert "Черновик заказчика" not in client.get("/orders/").get_data(as_text=True)
