"""Upload checks and the file's life tied to the transaction."""

import io
from pathlib import Path

import pytest
from flask_babel import force_locale
from werkzeug.datastructures import FileStorage

from marketplace.attachments.services import add_attachment, check_upload, delete_attachment
from marketplace.db import db
from marketplace.errors import InvalidInput
from marketplace.models import Attachment, OrderStatus
from tests import factories

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def upload(name: str, data: bytes) -> FileStorage:
    return FileStorage(stream=io.BytesIO(data), filename=name)


def test_accepts_matching_types(app):
    assert check_upload(upload("drawing.pdf", PDF))[1] == "application/pdf"
    assert check_upload(upload("photo.PNG", PNG))[1] == "image/png"
    assert check_upload(upload("spec.txt", "Сталь 09Г2С".encode()))[1] == "text/plain"


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("virus.exe", b"MZ\x90\x00", "not accepted"),
        ("fake.pdf", b"MZ\x90\x00binary", "does not look like"),
        ("fake.png", PDF, "does not look like"),
        ("noextension", PDF, "not accepted"),
        ("empty.pdf", b"", "empty"),
        ("binary.txt", b"abc\x00def", "does not look like"),
    ],
)
def test_rejects_bad_uploads(app, name, data, reason):
    with force_locale("en"), pytest.raises(InvalidInput) as error:  # the messages are checked in English
        check_upload(upload(name, data))
    assert reason in error.value.message


def test_rejects_oversized_file(app):
    app.config["MAX_ATTACHMENT_BYTES"] = 1024
    with force_locale("en"), pytest.raises(InvalidInput) as error:
        check_upload(upload("big.pdf", PDF + b"0" * 2048))
    assert "larger than" in error.value.message


def test_file_kept_after_commit_and_removed_after_rollback(app):
    org = factories.organization()
    product = factories.product(org)
    kept = add_attachment(upload("a.pdf", PDF), uploaded_by_id=None, product=product)
    db.session.commit()
    kept_path = Path(app.config["UPLOAD_DIR"]) / kept.stored_name
    assert kept_path.read_bytes() == PDF

    dropped = add_attachment(upload("b.pdf", PDF), uploaded_by_id=None, product=product)
    dropped_path = Path(app.config["UPLOAD_DIR"]) / dropped.stored_name
    assert dropped_path.exists()
    db.session.rollback()
    assert not dropped_path.exists()
    assert kept_path.exists()


def test_delete_removes_file_only_on_commit(app):
    org = factories.organization()
    product = factories.product(org)
    attachment = add_attachment(upload("a.pdf", PDF), uploaded_by_id=None, product=product)
    db.session.commit()
    path = Path(app.config["UPLOAD_DIR"]) / attachment.stored_name

    delete_attachment(attachment)
    db.session.rollback()
    assert path.exists()

    delete_attachment(db.session.get(Attachment, attachment.id))
    db.session.commit()
    assert not path.exists()


def test_download_of_order_attachment_follows_order_visibility(app, client, login):

    customer = factories.member()
    draft = factories.order(customer.organization, status=OrderStatus.DRAFT)
    attachment = add_attachment(upload("secret.pdf", PDF), uploaded_by_id=customer.id, order=draft)
    db.session.commit()
    url = f"/files/{attachment.id}/secret.pdf"

    login(factories.member())
    assert client.get(url).status_code == 404
    login(customer)
    with client.get(url) as response:
        assert response.status_code == 200
        assert response.data == PDF
        assert response.headers["Content-Disposition"].startswith("attachment")
    assert client.get(f"/files/{attachment.id}/other-name.pdf").status_code == 404


def test_file_written_inside_a_savepoint_survives_until_the_real_outcome(app):
    org = factories.organization()
    product = factories.product(org)
    with db.session.begin_nested():
        attachment = add_attachment(upload("c.pdf", PDF), uploaded_by_id=None, product=product)
    path = Path(app.config["UPLOAD_DIR"]) / attachment.stored_name
    assert path.exists()
    db.session.rollback()  # the outer transaction fails: the file goes too
    assert not path.exists()
