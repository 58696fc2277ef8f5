"""What the order page shows to whom: budget, responses block, suggested suppliers."""

from __future__ import annotations

from decimal import Decimal

import pytest

import marketplace.suggestions.services as match_services
from marketplace.models import OrderStatus, Visibility
from tests import factories

BUDGET = Decimal(7345612)
# how the number may appear: raw, English and Russian grouping (thin/no-break spaces)
BUDGET_STRINGS = ("7345612", "7,345,612", "7\u00a0345\u00a0612", "7 345 612", "7\u202f345\u202f612")


def page_of(client, order, lang="en") -> str:
    response = client.get(f"/orders/{order.id}?lang={lang}")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def has_budget(html: str) -> bool:
    return any(s in html for s in BUDGET_STRINGS)


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_confidential_budget_only_for_customer_and_manager(client, people, as_role, order_of, lang):
    order = order_of(budget=BUDGET, budget_confidential=True, visibility=Visibility.PUBLIC)
    for role, entitled in [
        ("guest", False),
        ("registered", False),
        ("outsider", False),
        ("member", False),
        ("customer", True),
        ("manager", True),
    ]:
        as_role(role)
        assert has_budget(page_of(client, order, lang)) is entitled, role
        assert has_budget(client.get(f"/orders/?lang={lang}").get_data(as_text=True)) is entitled, role


def test_open_budget_shown_to_every_viewer(client, people, as_role, order_of):
    order = order_of(budget=BUDGET, budget_confidential=False, visibility=Visibility.PUBLIC)
    for role in ("guest", "member"):
        as_role(role)
        assert has_budget(page_of(client, order))


def test_members_only_order_content_never_reaches_outsiders(client, people, as_role, order_of):
    order = order_of(title="Секретный заказ на валы", visibility=Visibility.MEMBERS)
    for role in ("guest", "registered", "outsider"):
        as_role(role)
        listing = client.get("/orders/").get_data(as_text=True)
        assert "Секретный заказ на валы" not in listing
        assert client.get(f"/orders/{order.id}").status_code in (302, 404)
    as_role("member")
    assert "Секретный заказ на валы" in client.get("/orders/").get_data(as_text=True)


def test_suggested_suppliers_panel_for_customer_side_only(client, people, as_role, order_of, monkeypatch):

    calls = []
    real = match_services.suggest_suppliers

    def spy(order, *, user, **kw):
        calls.append((order.id, user.id if user else None))
        return real(order, user=user, **kw)

    monkeypatch.setattr(match_services, "suggest_suppliers", spy)
    factories.product(
        people.member.organization,
        name_ru="Корпус фрезерованный",
        description_ru="Фрезерная обработка корпусов на станках с ЧПУ",
    )
    order = order_of(title="Фрезерная обработка корпусов", visibility=Visibility.PUBLIC)
    as_role("customer")
    html = page_of(client, order)
    assert '<section id="suggested-suppliers"' in html
    panel = html[html.index('id="suggested-suppliers"') :]
    assert "Supplier LLC" in panel
    assert "Customer LLC" not in panel
    assert calls[-1] == (order.id, people.customer.id)
    as_role("manager")
    assert 'id="suggested-suppliers"' in page_of(client, order)
    calls.clear()
    for role in ("guest", "registered", "outsider", "member"):
        as_role(role)
        assert 'id="suggested-suppliers"' not in page_of(client, order)
    assert calls == []  # not even computed for them


def test_supplier_sees_own_response_never_others(client, people, login, order_of):
    order = order_of(visibility=Visibility.PUBLIC)
    factories.response(order, people.member.organization, price=Decimal(111222))
    factories.response(order, people.member2.organization, price=Decimal(999888))
    login(people.member)
    html = page_of(client, order)
    assert "111,222" in html
    assert "999,888" not in html
    assert client.get(f"/orders/{order.id}/responses").status_code == 403


def test_guest_is_invited_to_log_in_to_respond(client, people, order_of):
    order = order_of(visibility=Visibility.PUBLIC)
    html = page_of(client, order)
    assert "Log in to respond to this order" in html
    assert 'data-testid="response-form"' not in html


def test_list_hides_drafts_and_shows_status_filter(client, people, as_role, order_of):
    order_of(title="Открытый", visibility=Visibility.PUBLIC)
    order_of(title="Черновик", status=OrderStatus.DRAFT, visibility=Visibility.PUBLIC)
    order_of(title="Выполненный", status=OrderStatus.COMPLETED, visibility=Visibility.PUBLIC)
    as_role("customer")
    default = client.get("/orders/").get_data(as_text=True)
    assert "Открытый" in default
    assert "Черновик" not in default
    assert "Выполненный" not in default
    done = client.get("/orders/?status=completed").get_data(as_text=True)
    assert "Выполненный" in done
    assert "Открытый" not in done
    any_status = client.get("/orders/?status=any").get_data(as_text=True)
    assert "Выполненный" in any_status
    assert "Открытый" in any_status
    assert "Черновик" not in any_status
    assert "Черновик" not in client.get("/orders/?status=draft").get_data(as_text=True)


def test_suggested_suppliers_come_from_the_matcher(client, people, login, order_of):
    """Wired to the real matcher: a supplier whose profile matches the order is suggested, with reasons."""
    factories.organization(
        name_ru="ООО «Гальваника»",
        name_en="Galvanic Works LLC",
        description_ru="Гальваническое цинкование и хромирование деталей",
        description_en="Zinc and chrome electroplating of parts",
    )
    order_of(title="Цинкование крепежа", description="Гальваническое цинкование 5000 болтов М12")
    order = order_of(
        title="Хромирование штоков", description="Гальваническое хромирование штоков", visibility=Visibility.PUBLIC
    )
    login(people.customer)
    html = page_of(client, order)
    panel = html[html.index('id="suggested-suppliers"') :]
    assert "Galvanic Works LLC" in panel
    assert "хромирование" in panel  # a matched word among the reasons
    assert "Customer LLC" not in panel  # never the customer itself
