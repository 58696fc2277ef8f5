"""match_orders: the reverse search, open orders that fit a supplier."""

from __future__ import annotations

import pytest

from matching import NotFittedError, OrderDocument, OrderIndex, OrganizationProfile, UnknownOrganizationError

ORDERS = [
    OrderDocument(
        101, "Изготовить 200 фланцев из стали 09Г2С", title="Фланцы", okpd2_codes=["25.62.10"], customer_id=2
    ),
    OrderDocument(102, "Отливки корпусов насосов из чугуна", title="Отливки", okpd2_codes=["24.51"], customer_id=1),
    OrderDocument(103, "Recycling of polyethylene film waste", title="Recycling", lang="en", customer_id=5),
    OrderDocument(104, "Токарная обработка фланцев, срочно", title="Токарка", customer_id=1),
    OrderDocument(105, "Офисная мебель и стулья", title="Мебель"),
]


def test_orders_that_fit_a_known_supplier(matcher):
    found = matcher.match_orders(1, ORDERS, top_k=5)
    assert [o.order_id for o in found] == [101]  # 104 is its own order, the others do not fit
    assert "фланец" in found[0].reasons.terms
    assert found[0].reasons.okpd2[0].query_code == "25.62.10"


def test_orders_for_a_profile_not_in_the_index(matcher):
    supplier = OrganizationProfile(
        id="new", description="Переработка полиэтилена, recycling of polyethylene", okpd2_codes=["38.32"]
    )
    found = matcher.match_orders(supplier, ORDERS)
    assert found[0].order_id == 103


def test_codes_alone_can_match_an_order(matcher):
    found = matcher.match_orders(2, [OrderDocument(201, "что-то непонятное", okpd2_codes=["24.51.1"])])
    assert [o.order_id for o in found] == [201]
    assert found[0].text_similarity == 0
    assert found[0].score > 0


def test_order_index_is_reusable_and_checks_its_state(matcher):
    index = OrderIndex(matcher).fit(ORDERS)
    assert [o.order_id for o in index.match(6)][:1] in ([101], [104])
    with pytest.raises(NotFittedError):
        OrderIndex(matcher).match(1)
    with pytest.raises(UnknownOrganizationError):
        index.match("nobody")
