"""The product page."""

from __future__ import annotations

from decimal import Decimal

import pytest
from werkzeug.datastructures import FileStorage

from marketplace.attachments.services import add_attachment
from marketplace.db import db
from tests import factories

from .helpers import PDF, PNG, okpd2, upload


@pytest.fixture
def product(app):
    okpd2("25", "Изделия металлические готовые", "Fabricated metal products")
    okpd2("25.62.10", "Услуги токарные", "Turning services")
    org = factories.organization(
        name_ru="ООО «Токарь»",
        name_en="Tokar LLC",
        region="Москва",
        contact_email="sales@tokar.test",
        phone="+7 495 000-00-00",
        confidential_fields=["phone"],
    )
    return factories.product(
        org,
        name_ru="Вал ступенчатый",
        name_en="Stepped shaft",
        description_ru="Валы по чертежам заказчика.",
        description_en="",
        okpd2="25.62.10",
        hs_code="8483109500",
        unspsc="31171500",
        specs=[{"name": "Диаметр", "value": "до 300 мм"}, {"name": "Материал", "value": "сталь 40Х"}],
        unit="шт",
        price=Decimal("2450.50"),
    )


def _attach(product, name, data):
    stream, filename = upload(name, data)
    add_attachment(FileStorage(stream=stream, filename=filename), uploaded_by_id=None, product=product)
    db.session.commit()


def test_guest_sees_every_field(client, product):
    response = client.get(f"/catalog/{product.id}?lang=en")
    page = response.get_data(as_text=True)

    assert response.status_code == 200
    assert "Stepped shaft" in page
    assert "Валы по чертежам заказчика." in page  # no English description: the Russian one is shown
    assert "Turning services" in page
    assert "25.62.10" in page
    assert "8483109500" in page
    assert "31171500" in page
    assert '<th scope="row">Диаметр</th><td>до 300 мм</td>' in page
    assert "2,450.5 ₽" in page
    assert "/ шт" in page
    assert "Tokar LLC" in page
    assert "Moscow" in page
    assert f'href="/organizations/{product.organization_id}"' in page
    assert 'href="/catalog/codes/25"' in page  # breadcrumbs by classification
    # Contacts are for registered users only, and a guest gets no edit controls.
    assert "sales@tokar.test" not in page
    assert 'data-testid="edit-product"' not in page
    assert 'data-testid="delete-product"' not in page


def test_russian_page_and_nearest_known_group_for_an_unknown_code(client, app):
    okpd2("25.62", "Услуги по механической обработке", "Machining")
    org = factories.organization()
    product = factories.product(org, name_ru="Втулка", okpd2="25.62.19")

    page = client.get(f"/catalog/{product.id}?lang=ru").get_data(as_text=True)

    assert "Втулка" in page
    assert "25.62.19" in page
    assert "Услуги по механической обработке" in page


def test_contacts_follow_the_confidentiality_rules(client, login, product):
    login(factories.registered())
    page = client.get(f"/catalog/{product.id}").get_data(as_text=True)
    assert "sales@tokar.test" in page
    assert "+7 495 000-00-00" not in page  # marked confidential

    login(factories.user(organization=product.organization))
    assert "+7 495 000-00-00" in client.get(f"/catalog/{product.id}").get_data(as_text=True)


@pytest.mark.parametrize(
    ("who", "sees_buttons"),
    [
        ("registered", False),
        ("other_member", False),
        ("own_user", True),
        ("manager", True),
    ],
)
def test_edit_and_delete_buttons_only_for_those_entitled(client, login, product, who, sees_buttons):
    user = {
        "registered": factories.registered,
        "other_member": factories.member,
        "own_user": lambda: factories.user(organization=product.organization),
        "manager": factories.manager,
    }[who]()
    login(user)

    page = client.get(f"/catalog/{product.id}").get_data(as_text=True)

    assert ('data-testid="edit-product"' in page) is sees_buttons
    assert ('data-testid="delete-product"' in page) is sees_buttons


def test_images_form_a_gallery_and_other_files_a_list(client, product):
    _attach(product, "photo.png", PNG)
    _attach(product, "drawing.pdf", PDF)
    db.session.expire_all()
    photo, drawing = sorted(product.attachments, key=lambda a: a.original_name, reverse=True)

    page = client.get(f"/catalog/{product.id}").get_data(as_text=True)
    gallery = page.split('data-testid="gallery"')[1].split("</div>")[0]
    documents = page.split('data-testid="product-documents"')[1].split("</section>")[0]

    assert f'<img src="/files/{photo.id}/photo.png"' in gallery
    assert "drawing.pdf" not in gallery
    assert f'href="/files/{drawing.id}/drawing.pdf"' in documents
    assert "photo.png" not in documents
    # The list shows the first image as a thumbnail too.
    assert f'src="/files/{photo.id}/photo.png"' in client.get("/catalog/").get_data(as_text=True)


def test_missing_product_is_404(client, app):
    assert client.get("/catalog/12345").status_code == 404
