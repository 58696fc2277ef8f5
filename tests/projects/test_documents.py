"""Documents attached to projects: upload by the manager, downloads by the project's view rule."""

from __future__ import annotations

import io

import pytest
from sqlalchemy.exc import IntegrityError
from werkzeug.datastructures import FileStorage

from marketplace.attachments.services import add_attachment
from marketplace.db import db
from marketplace.models import Attachment, Project
from tests import factories

from .conftest import ROLES

PDF = b"%PDF-1.4\n%%EOF\n"


def upload(client, project_id: int, name: str = "concept.pdf", data: bytes = PDF, lang: str = ""):
    return client.post(
        f"/projects/{project_id}/documents{lang}",
        data={"files": (io.BytesIO(data), name)},
        content_type="multipart/form-data",
    )


def test_manager_attaches_and_removes_documents(client, world, as_role):
    as_role("manager")
    response = upload(client, world.project)
    assert response.status_code == 302
    db.session.expire_all()
    project = db.session.get(Project, world.project)
    (attachment,) = project.attachments
    attachment_id = attachment.id
    assert attachment.original_name == "concept.pdf"
    assert attachment.project_id == project.id
    assert [(e.action, e.note) for e in project.events] == [("document_added", "concept.pdf")]
    page = client.get(f"/projects/{world.project}").get_data(as_text=True)
    assert f"/files/{attachment.id}/concept.pdf" in page

    assert client.post(f"/projects/{world.project}/documents/{attachment_id}/delete").status_code == 302
    db.session.expire_all()
    assert db.session.get(Project, world.project).attachments == []
    assert client.post(f"/projects/{world.project}/documents/{attachment_id}/delete").status_code == 404


def test_refused_upload_is_400_with_the_reason(client, world, as_role):
    as_role("manager")
    bad = upload(client, world.project, "virus.exe", b"MZ\x90\x00", lang="?lang=en")
    assert bad.status_code == 400
    assert "Files of this type are not accepted" in bad.get_data(as_text=True)
    empty = client.post(f"/projects/{world.project}/documents?lang=en", data={}, content_type="multipart/form-data")
    assert empty.status_code == 400
    db.session.expire_all()
    assert db.session.get(Project, world.project).attachments == []


@pytest.mark.parametrize("which", ["project", "public", "idea"])
def test_downloads_follow_the_projects_view_rule(client, people, world, as_role, which):
    project = db.session.get(Project, getattr(world, which))
    attachment = add_attachment(
        FileStorage(io.BytesIO(PDF), filename="plan.pdf"), uploaded_by_id=people.manager.id, project=project
    )
    db.session.commit()
    expected = {
        "project": {
            "guest": 302,
            "registered": 404,
            "outsider": 404,
            "member": 200,
            "consortium": 200,
            "invited": 200,
            "manager": 200,
        },
        "public": dict.fromkeys(ROLES, 200),
        "idea": {
            "guest": 404,
            "registered": 404,
            "outsider": 404,
            "member": 404,
            "consortium": 404,
            "invited": 404,
            "manager": 200,
        },
    }[which]
    got = {}
    for role in ROLES:
        as_role(role)
        with client.get(f"/files/{attachment.id}/plan.pdf") as response:
            got[role] = response.status_code
            if response.status_code == 200:
                assert response.data == PDF
    assert got == expected


def test_an_attachment_has_exactly_one_owner(people, world):
    order = factories.order(factories.organization())
    db.session.add(
        Attachment(
            original_name="x.pdf",
            stored_name="a" * 32,
            content_type="application/pdf",
            size=1,
            project_id=world.project,
            order_id=order.id,
        )
    )
    with pytest.raises(IntegrityError):
        db.session.flush()
    db.session.rollback()
