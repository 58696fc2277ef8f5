"""People and helpers for the exchange tests.

``people`` holds one user of each role: the customer's users (``customer`` and
``colleague``), suppliers of other member organizations (``member``,
``member2``), an ``outsider`` (organization not a member), a ``registered``
user without an organization, and the ``manager``. ``as_role(name)`` logs the
test client in as that role (``"guest"`` logs out).
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from tests import factories
from tests.access_matrix import roles

ROLES = roles("customer")


@pytest.fixture
def people(app):
    customer = factories.member(name_ru="ООО «Заказчик»", name_en="Customer LLC")
    return SimpleNamespace(
        customer=customer,
        colleague=factories.user(organization=customer.organization),
        member=factories.member(
            name_ru="ООО «Поставщик»",
            name_en="Supplier LLC",
            region="Краснодарский край",
            contact_email="sales@supplier.test",
        ),
        member2=factories.member(name_ru="АО «Второй поставщик»", name_en="Second Supplier JSC"),
        outsider=factories.outsider(),
        registered=factories.registered(),
        manager=factories.manager(),
    )


@pytest.fixture
def as_role(login, people):
    def log_in(role: str):
        return login(None if role == "guest" else getattr(people, role))

    return log_in


@pytest.fixture
def order_of(people):
    """``order_of(**kw)``: an order of the customer's organization, created by the customer."""

    def make(**kw):
        kw.setdefault("created_by", people.customer)
        return factories.order(people.customer.organization, **kw)

    return make
