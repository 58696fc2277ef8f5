"""The supplier's dashboard ``/matches/orders``: open orders that fit my organization, best first, with reasons."""

from __future__ import annotations

import re

import pytest

from marketplace.db import db
from marketplace.models import OrderInvitation, OrderStatus, ResponseStatus, Visibility
from marketplace.suggestions.services import orders_for_supplier
from tests import factories
from tests.suggestions.conftest import page

PAINT_ORDER = "Окраска металлоконструкций антикоррозионной эмалью"


def listed(html: str) -> list[int]:
    """Order ids on the dashboard, in the order shown."""
    return [int(i) for i in re.findall(r'data-testid="matching-order" data-order-id="(\d+)"', html)]


def item_of(html: str, order_id: int) -> str:
    start = html.index(f'data-order-id="{order_id}"')
    end = html.find('data-testid="matching-order"', start + 1)
    return html[start : end if end != -1 else len(html)]


@pytest.fixture
def paint_order(cluster):
    return factories.order(
        cluster.customer,
        title=PAINT_ORDER,
        okpd2_codes=["20.30.12"],
        description="Нанести антикоррозионное лакокрасочное покрытие на 40 т металлоконструкций.",
        visibility=Visibility.PUBLIC,
    )


def test_supplier_sees_fitting_orders_best_first_with_reasons(client, login, cluster, flange_order, paint_order):
    login(cluster.users["flanges"])
    html = page(client, "/matches/orders", lang="ru")
    shown = listed(html)
    assert shown[0] == flange_order.id  # the flange order fits the flange SME best
    if paint_order.id in shown:  # a paint order may be listed, but never above the flange order
        assert shown.index(paint_order.id) > shown.index(flange_order.id)
    first = item_of(html, flange_order.id)
    assert FLANGE_TITLE_FRAGMENT in first
    assert "Совпадают слова" in first
    assert "09г2с" in first.lower()
    assert "ПАО «Нефтехимзавод»" in first  # the customer
    login(cluster.users["paints"])
    shown = listed(page(client, "/matches/orders", lang="ru"))
    assert shown
    assert shown[0] == paint_order.id
    if flange_order.id in shown:
        assert shown.index(flange_order.id) > 0


FLANGE_TITLE_FRAGMENT = "Механическая обработка фланцев"


def test_own_orders_and_answered_orders_are_left_out(client, login, cluster, flange_order):
    own = factories.order(
        cluster.flanges,
        title="Закупка заготовок для фланцев из стали 09Г2С",
        description="Поковки для фланцев из стали 09Г2С.",
    )
    answered = factories.order(
        cluster.customer,
        title="Фланцы приварные из стали 09Г2С, партия 2",
        description="Фланцы плоские приварные из стали 09Г2С.",
    )
    factories.response(answered, cluster.flanges, created_by=cluster.users["flanges"])
    withdrawn = factories.order(
        cluster.customer,
        title="Фланцы из стали 09Г2С для теплообменника",
        description="Токарная обработка фланцев из стали 09Г2С.",
    )
    factories.response(withdrawn, cluster.flanges, status=ResponseStatus.WITHDRAWN)
    closed = factories.order(
        cluster.customer, title="Фланцы из стали 09Г2С, отменённый заказ", status=OrderStatus.CANCELLED
    )
    draft = factories.order(cluster.customer, title="Фланцы из стали 09Г2С, черновик", status=OrderStatus.DRAFT)
    login(cluster.users["flanges"])
    shown = listed(page(client, "/matches/orders"))
    assert flange_order.id in shown
    assert withdrawn.id in shown  # a withdrawn response does not count
    assert own.id not in shown
    assert answered.id not in shown
    assert closed.id not in shown
    assert draft.id not in shown
    # the customer itself is the one that posted them: none of its own orders are proposed to it
    login(cluster.users["customer"])
    assert not set(listed(page(client, "/matches/orders"))) & {flange_order.id, answered.id, withdrawn.id}


def test_members_only_orders_are_not_shown_to_non_members(client, login, cluster, flange_order):
    public = factories.order(
        cluster.customer,
        title="Фланцы из стали 09Г2С для всех поставщиков",
        description="Механическая обработка фланцев из стали 09Г2С.",
        visibility=Visibility.PUBLIC,
    )
    login(cluster.users["outsider"])  # its profile fits both orders
    html = page(client, "/matches/orders")
    shown = listed(html)
    assert public.id in shown
    assert flange_order.id not in shown  # members only
    assert "Only cluster members can respond to orders" in html
    fits = orders_for_supplier(cluster.outsider, user=cluster.users["outsider"])
    assert all(f.order.visibility == Visibility.PUBLIC for f in fits)
    login(cluster.users["flanges"])
    assert {public.id, flange_order.id} <= set(listed(page(client, "/matches/orders")))


def test_invitation_badge(client, login, cluster, flange_order):
    other = factories.order(
        cluster.customer,
        title="Фланцы из стали 09Г2С, вторая партия",
        description="Механическая обработка фланцев из стали 09Г2С.",
    )
    db.session.add(
        OrderInvitation(
            order_id=flange_order.id, organization_id=cluster.flanges.id, invited_by_id=cluster.users["customer"].id
        )
    )
    db.session.commit()
    login(cluster.users["flanges"])
    html = page(client, "/matches/orders")
    assert {flange_order.id, other.id} <= set(listed(html))
    assert 'data-testid="order-invited"' in item_of(html, flange_order.id)
    assert 'data-testid="order-invited"' not in item_of(html, other.id)
    login(cluster.users["paints"])  # the invitation is the flange SME's, not anyone's
    assert 'data-testid="order-invited"' not in page(client, "/matches/orders")


def test_access(client, login, cluster, flange_order):
    login(None)
    response = client.get("/matches/orders")
    assert response.status_code == 302
    assert "/login" in response.headers["Location"]
    login(cluster.registered)  # a user without an organization
    response = client.get("/matches/orders?lang=en")
    assert response.status_code == 403
    assert "Create your organization" in response.get_data(as_text=True)
    login(cluster.manager)  # the manager has no organization either
    assert client.get("/matches/orders").status_code == 403


def test_no_orders_shows_a_message(client, login, cluster):
    login(cluster.users["flanges"])
    html = page(client, "/matches/orders")
    assert listed(html) == []
    assert "No open orders fit your organization right now" in html


def test_pages_past_the_end_are_404(client, login, cluster, flange_order):
    login(cluster.users["flanges"])
    assert client.get("/matches/orders?page=2").status_code == 404
    assert client.get("/matches/orders?page=1").status_code == 200


def test_a_new_order_is_listed_without_restart(client, login, cluster, flange_order):
    login(cluster.users["flanges"])
    assert flange_order.id in listed(page(client, "/matches/orders"))
    later = factories.order(
        cluster.customer,
        title="Токарная обработка фланцев и колец из стали 12Х18Н10Т",
        description="Фланцы и кольца из стали 12Х18Н10Т на станках с ЧПУ.",
    )
    assert later.id in listed(page(client, "/matches/orders"))  # the order index follows the open orders
    later.status = OrderStatus.CANCELLED
    db.session.commit()
    assert later.id not in listed(page(client, "/matches/orders"))


def test_an_edited_order_is_ranked_again(client, login, cluster, flange_order, paint_order):
    login(cluster.users["paints"])
    before = listed(page(client, "/matches/orders"))
    assert before[0] == paint_order.id
    assert flange_order.id not in before
    # the customer rewrites the flange order into a paint job: it now fits the paint maker too
    order = db.session.get(type(flange_order), flange_order.id)
    order.title = "Антикоррозионная окраска фланцев эмалью"
    order.description = "Лакокрасочное антикоррозионное покрытие, эмаль для металлоконструкций."
    order.okpd2_codes = ["20.30.12"]
    order.competencies = [cluster.coating]
    db.session.commit()
    assert flange_order.id in listed(page(client, "/matches/orders"))  # no restart, no refit
