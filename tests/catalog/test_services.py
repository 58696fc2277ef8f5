"""The catalog services, called directly as the API and the CLI would."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import select
from werkzeug.datastructures import FileStorage

from marketplace.catalog import services
from marketplace.db import db
from marketplace.errors import Forbidden, InvalidInput
from marketplace.models import Product
from tests import factories

from .helpers import PDF, stored_files, upload

DATA = {
    "name_ru": "  Фланец  ",
    "okpd2": "25.62.10",
    "hs_code": " 7307 21 ",
    "price": "12.5",
    "specs": [{"name": "Ду", "value": "50"}],
    "is_service": 0,
}


def _file(name: str, data: bytes) -> FileStorage:
    stream, filename = upload(name, data)
    return FileStorage(stream=stream, filename=filename)


def test_create_cleans_the_data_and_stores_files(app, upload_dir):
    org = factories.organization()
    user = factories.user(organization=org)

    product = services.create_product(org, DATA, [_file("spec.pdf", PDF), FileStorage(filename="")], user)
    db.session.commit()

    assert (product.name_ru, product.hs_code, product.price, product.is_service) == (
        "Фланец",
        "730721",
        Decimal("12.5"),
        False,
    )
    assert [a.original_name for a in product.attachments] == ["spec.pdf"]
    assert len(stored_files(upload_dir)) == 1


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"name_ru": ""}, "name_ru"),
        ({"okpd2": "25.62.1.0"}, "okpd2"),
        ({"hs_code": "12345"}, "hs_code"),
        ({"unspsc": "1234567"}, "unspsc"),
        ({"price": "-0.01"}, "price"),
        ({"price": "Infinity"}, "price"),
    ],
)
def test_create_rejects_bad_data_naming_the_field(app, change, field):
    org = factories.organization()

    with pytest.raises(InvalidInput) as error:
        services.create_product(org, {**DATA, **change}, [], factories.manager())

    assert error.value.field == field


def test_services_refuse_users_of_other_organizations(app):
    org = factories.organization()
    product = factories.product(org)
    stranger = factories.member()

    with pytest.raises(Forbidden):
        services.create_product(org, DATA, [], stranger)
    with pytest.raises(Forbidden):
        services.update_product(product, {"name_ru": "Чужое"}, [], stranger)
    with pytest.raises(Forbidden):
        services.delete_product(product, stranger)
    db.session.rollback()
    assert db.session.get(Product, product.id).name_ru != "Чужое"


def test_update_changes_only_the_given_fields(app):
    org = factories.organization()
    product = factories.product(org, name_ru="Фланец", okpd2="25.62", price=Decimal(10))

    services.update_product(product, {"price": Decimal(20)}, [], factories.user(organization=org))
    db.session.commit()
    db.session.expire_all()

    saved = db.session.get(Product, product.id)
    assert (saved.name_ru, saved.okpd2, saved.price) == ("Фланец", "25.62", Decimal(20))


def test_delete_removes_the_files_only_after_commit(app, upload_dir):
    org = factories.organization()
    user = factories.user(organization=org)
    product = services.create_product(org, DATA, [_file("spec.pdf", PDF)], user)
    db.session.commit()

    services.delete_product(product, user)
    assert len(stored_files(upload_dir)) == 1  # still there: the deletion may yet roll back
    db.session.commit()

    assert stored_files(upload_dir) == []
    assert db.session.scalars(select(Product)).all() == []
