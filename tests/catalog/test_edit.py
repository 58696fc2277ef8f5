"""Adding, editing and deleting products: who may, and what is checked."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import func, select

from marketplace.catalog.forms import ProductForm
from marketplace.db import db
from marketplace.models import Product
from tests import factories

from .helpers import VALID, field_tag, okpd2


def _count() -> int:
    db.session.expire_all()
    return db.session.scalar(select(func.count()).select_from(Product))


@pytest.fixture
def org(app):
    return factories.organization()


@pytest.fixture
def owner(org):
    return factories.user(organization=org)


# --- who may open the forms -------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/catalog/new", "/catalog/{id}/edit", "/catalog/{id}/delete"])
def test_guest_is_sent_to_log_in(client, org, path):
    product = factories.product(org)
    for method in (client.get, client.post):
        response = method(path.format(id=product.id))
        assert response.status_code == 302
        assert "/account/login" in response.headers["Location"]
    assert _count() == 1


def test_user_without_organization_is_told_to_create_its_profile(client, login):
    login(factories.registered())

    for response in (client.get("/catalog/new?lang=en"), client.post("/catalog/new?lang=en", data=VALID)):
        page = response.get_data(as_text=True)
        assert response.status_code == 403
        assert "Create your organization's profile first" in page
        assert 'href="/organizations/new"' in page
    assert _count() == 0


@pytest.mark.parametrize("who", ["registered", "other_member"])
def test_others_may_not_edit_or_delete(client, login, org, who):
    product = factories.product(org, name_ru="Исходное")
    login(factories.registered() if who == "registered" else factories.member())

    assert client.get(f"/catalog/{product.id}/edit").status_code == 403
    assert client.post(f"/catalog/{product.id}/edit", data=VALID).status_code == 403
    assert client.get(f"/catalog/{product.id}/delete").status_code == 403
    assert client.post(f"/catalog/{product.id}/delete").status_code == 403
    db.session.expire_all()
    assert db.session.get(Product, product.id).name_ru == "Исходное"


def test_user_may_not_add_to_another_organization(client, login, owner):
    other = factories.organization()
    login(owner)

    assert client.get(f"/catalog/new?org={other.id}").status_code == 403
    assert client.post(f"/catalog/new?org={other.id}", data=VALID).status_code == 403
    assert client.get("/catalog/new?org=999").status_code == 404
    assert _count() == 0


@pytest.mark.parametrize("who", ["own_user", "manager"])
def test_own_users_and_the_manager_open_the_forms(client, login, org, who):
    product = factories.product(org)
    login(factories.user(organization=org) if who == "own_user" else factories.manager())

    assert client.get(f"/catalog/new?org={org.id}").status_code == 200
    assert client.get(f"/catalog/{product.id}/edit").status_code == 200
    assert client.get(f"/catalog/{product.id}/delete").status_code == 200


def test_manager_without_organization_must_choose_one(client, login):
    login(factories.manager())

    response = client.get("/catalog/new?lang=en")

    assert response.status_code == 403
    assert "Choose the organization first" in response.get_data(as_text=True)


# --- creating ---------------------------------------------------------------------------------------


def test_own_user_adds_a_product(client, login, org, owner):
    login(owner)

    response = client.post("/catalog/new", data=VALID)

    product = db.session.scalars(select(Product)).one()
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/catalog/{product.id}")
    assert product.organization_id == org.id
    assert (product.name_ru, product.name_en) == ("Фланец плоский приварной", "Flat welding flange")
    assert product.is_service is False
    assert (product.okpd2, product.hs_code, product.unspsc) == ("25.62.10", "7307210000", "40141700")
    assert product.specs == [{"name": "Диаметр", "value": "до 500 мм"}, {"name": "Давление", "value": "1,6 МПа"}]
    assert product.price == Decimal("1500.50")
    assert product.unit == "шт"


def test_manager_adds_a_service_for_an_organization(client, login, org):
    login(factories.manager())

    data = {**VALID, "kind": "service", "price": "", "hs_code": "", "unspsc": "", "specs": ""}
    response = client.post(f"/catalog/new?org={org.id}", data=data)

    assert response.status_code == 302
    product = db.session.scalars(select(Product)).one()
    assert product.organization_id == org.id
    assert product.is_service is True
    assert product.price is None
    assert product.hs_code is None
    assert product.unspsc is None
    assert product.specs == []


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("okpd2", "25-62", "Not an OKPD2 code"),
        ("okpd2", "", "This field is required"),
        ("hs_code", "73072", "6, 8 or 10 digits"),
        ("unspsc", "0014170", "8 digits"),
        ("unspsc", "00141700", "8 digits"),
        ("name_ru", "   ", "This field is required"),
        ("price", "-1", "zero or more"),
        ("price", "дорого", "Enter a number"),
        ("price", "NaN", "Enter a number"),
        ("specs", "Диаметр 500", "name: value"),
    ],
)
def test_invalid_input_is_rejected_with_a_field_error_and_nothing_saved(client, login, owner, field, value, message):
    login(owner)

    response = client.post("/catalog/new?lang=en", data={**VALID, field: value})
    page = response.get_data(as_text=True)

    assert response.status_code == 400
    assert message in page
    assert "is-invalid" in field_tag(page, field)
    assert _count() == 0


def test_known_code_name_is_shown_under_the_field(client, login, owner):
    okpd2("25.62.10", "Услуги токарные", "Turning services")
    login(owner)

    response = client.post("/catalog/new?lang=en", data={**VALID, "name_ru": ""})

    assert response.status_code == 400
    assert 'data-testid="okpd2-name">Turning services</div>' in response.get_data(as_text=True)
    assert _count() == 0


# --- editing ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["own_user", "manager"])
def test_edit_saves_changes(client, login, org, who):
    product = factories.product(org, name_ru="Старое", is_service=False, price=Decimal(10))
    login(factories.user(organization=org) if who == "own_user" else factories.manager())

    form = client.get(f"/catalog/{product.id}/edit").get_data(as_text=True)
    assert 'value="Старое"' in form

    data = {**VALID, "name_ru": "Новое", "kind": "service", "price": "", "hs_code": ""}
    response = client.post(f"/catalog/{product.id}/edit", data=data)

    assert response.status_code == 302
    db.session.expire_all()
    saved = db.session.get(Product, product.id)
    assert (saved.name_ru, saved.is_service, saved.price, saved.hs_code) == ("Новое", True, None, None)
    assert saved.organization_id == org.id


def test_invalid_edit_changes_nothing(client, login, org, owner):
    product = factories.product(org, name_ru="Старое", okpd2="25.62")
    login(owner)

    response = client.post(f"/catalog/{product.id}/edit", data={**VALID, "name_ru": "Новое", "okpd2": "2562"})

    assert response.status_code == 400
    db.session.expire_all()
    assert (db.session.get(Product, product.id).name_ru, db.session.get(Product, product.id).okpd2) == (
        "Старое",
        "25.62",
    )


def test_missing_product_is_404_for_the_forms(client, login, owner):
    login(owner)
    assert client.get("/catalog/999/edit").status_code == 404
    assert client.post("/catalog/999/delete").status_code == 404


# --- deleting ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["own_user", "manager"])
def test_delete_asks_then_deletes(client, login, org, who):
    product = factories.product(org)
    login(factories.user(organization=org) if who == "own_user" else factories.manager())

    confirm = client.get(f"/catalog/{product.id}/delete")
    assert confirm.status_code == 200
    assert 'data-testid="confirm-delete"' in confirm.get_data(as_text=True)
    assert _count() == 1  # the GET only asks

    response = client.post(f"/catalog/{product.id}/delete")

    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/catalog/?org={org.id}")
    assert _count() == 0


def test_a_price_that_is_not_a_number_gets_one_clear_error(app):
    with app.test_request_context(
        method="POST", data={"name_ru": "Фланец", "okpd2": "25.62", "price": "дорого", "kind": "product"}
    ):
        form = ProductForm()
        form.validate()
        assert len(form.price.errors) == 1
