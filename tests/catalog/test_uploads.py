"""Photos and documents of a product: type and size checks, download, removal."""

from __future__ import annotations

import io

import pytest
from sqlalchemy import func, select

from marketplace.db import db
from marketplace.models import Attachment, Product
from tests import factories
from tests.factories import assert_unchanged, stored_rows

from .helpers import EXE, PDF, PNG, VALID, field_tag, stored_files, upload


@pytest.fixture
def app_config():
    return {"MAX_ATTACHMENT_BYTES": 2048}


@pytest.fixture
def owner(app):
    return factories.user(organization=factories.organization())


def _counts() -> tuple[int, int]:
    db.session.expire_all()
    return (
        db.session.scalar(select(func.count()).select_from(Product)),
        db.session.scalar(select(func.count()).select_from(Attachment)),
    )


def test_real_png_and_pdf_are_accepted_and_downloadable(client, login, owner, upload_dir):
    login(owner)

    response = client.post(
        "/catalog/new", data={**VALID, "attachments": [upload("photo.png", PNG), upload("drawing.pdf", PDF)]}
    )

    assert response.status_code == 302
    product = db.session.scalars(select(Product)).one()
    by_name = {a.original_name: a for a in product.attachments}
    assert set(by_name) == {"photo.png", "drawing.pdf"}
    assert by_name["photo.png"].content_type == "image/png"
    assert by_name["photo.png"].uploaded_by_id == owner.id
    assert len(stored_files(upload_dir)) == 2

    # Files are streamed: close the responses so no file handle is left open.
    with client.get(f"/files/{by_name['photo.png'].id}/photo.png") as image:
        assert (image.status_code, image.mimetype, image.data) == (200, "image/png", PNG)
    with client.get(f"/files/{by_name['drawing.pdf'].id}/drawing.pdf") as document:
        assert (document.status_code, document.mimetype, document.data) == (200, "application/pdf", PDF)
        assert document.headers["Content-Disposition"].startswith("attachment")


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("specification.pdf", EXE, "does not look like a .pdf file"),
        ("photo.png", PDF, "does not look like a .png file"),
        ("setup.exe", EXE, "Files of this type are not accepted"),
        ("big.pdf", PDF + b"0" * 3000, "is larger than"),
        ("empty.pdf", b"", "is empty"),
    ],
)
def test_bad_files_are_refused_and_nothing_is_saved(client, login, owner, upload_dir, name, data, message):
    login(owner)

    response = client.post(
        "/catalog/new?lang=en", data={**VALID, "attachments": [upload("good.png", PNG), upload(name, data)]}
    )
    page = response.get_data(as_text=True)

    assert response.status_code == 400
    assert message in page
    assert "is-invalid" in field_tag(page, "attachments")
    assert _counts() == (0, 0)
    assert stored_files(upload_dir) == []  # the good file written first is gone too


def test_an_empty_file_input_is_ignored(client, login, owner):
    login(owner)

    response = client.post("/catalog/new", data={**VALID, "attachments": (io.BytesIO(b""), "")})

    assert response.status_code == 302
    assert _counts() == (1, 0)


def _product_with_files(owner, client, login):
    login(owner)
    response = client.post(
        "/catalog/new", data={**VALID, "attachments": [upload("photo.png", PNG), upload("a.pdf", PDF)]}
    )
    assert response.status_code == 302
    db.session.expire_all()
    return db.session.scalars(select(Product)).one()


def test_edit_adds_and_removes_files(client, login, owner, upload_dir):
    product = _product_with_files(owner, client, login)
    photo_id = next(a.id for a in product.attachments if a.original_name == "photo.png")
    form = client.get(f"/catalog/{product.id}/edit").get_data(as_text=True)
    assert f'name="remove_attachments" value="{photo_id}"' in form

    response = client.post(
        f"/catalog/{product.id}/edit",
        data={**VALID, "remove_attachments": [str(photo_id)], "attachments": [upload("b.pdf", PDF)]},
    )

    assert response.status_code == 302
    db.session.expire_all()
    assert sorted(a.original_name for a in db.session.get(Product, product.id).attachments) == ["a.pdf", "b.pdf"]
    assert len(stored_files(upload_dir)) == 2
    assert client.get(f"/files/{photo_id}/photo.png").status_code == 404


def test_a_bad_file_on_edit_keeps_everything_as_it_was(client, login, owner, upload_dir):
    product = _product_with_files(owner, client, login)
    photo = next(a for a in product.attachments if a.original_name == "photo.png")

    response = client.post(
        f"/catalog/{product.id}/edit?lang=en",
        data={
            **VALID,
            "name_ru": "Другое",
            "remove_attachments": [str(photo.id)],
            "attachments": [upload("virus.pdf", EXE)],
        },
    )

    assert response.status_code == 400
    assert "does not look like a .pdf file" in response.get_data(as_text=True)
    db.session.expire_all()
    kept = db.session.get(Product, product.id)
    assert kept.name_ru == VALID["name_ru"]
    assert len(kept.attachments) == 2
    assert len(stored_files(upload_dir)) == 2


def test_files_of_another_product_cannot_be_removed(client, login, owner):
    product = _product_with_files(owner, client, login)
    foreign_org = factories.organization()
    foreign = factories.product(foreign_org)
    db.session.add(
        Attachment(
            product=foreign,
            original_name="x.pdf",
            stored_name="foreign.pdf",
            content_type="application/pdf",
            size=len(PDF),
        )
    )
    db.session.commit()
    foreign_id = foreign.attachments[0].id
    before = stored_rows()

    response = client.post(f"/catalog/{product.id}/edit", data={**VALID, "remove_attachments": [str(foreign_id)]})

    assert response.status_code == 400
    assert_unchanged(before)  # every file kept, the product not edited


def test_deleting_a_product_deletes_its_files(client, login, owner, upload_dir):
    product = _product_with_files(owner, client, login)
    assert len(stored_files(upload_dir)) == 2

    assert client.post(f"/catalog/{product.id}/delete").status_code == 302

    assert _counts() == (0, 0)
    assert stored_files(upload_dir) == []
