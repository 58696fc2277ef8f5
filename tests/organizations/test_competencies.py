"""The competencies editor."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from marketplace.db import db
from marketplace.models import OrganizationCompetency
from tests import factories


@pytest.fixture
def tree(app):
    metal = factories.competency(name_en="Metalworking", position=0)
    milling = factories.competency(parent=metal, name_en="Milling", position=0)
    five_axis = factories.competency(parent=milling, name_en="Five-axis milling", position=0)
    chemistry = factories.competency(name_en="Chemistry", position=1)
    return {"metal": metal, "milling": milling, "five_axis": five_axis, "chemistry": chemistry}


def links(org) -> dict[int, tuple[int, str]]:
    db.session.expire_all()
    rows = db.session.scalars(select(OrganizationCompetency).where(OrganizationCompetency.organization_id == org.id))
    return {row.competency_id: (row.level, row.note) for row in rows}


def test_editor_groups_the_directory_by_top_level_nodes(client, actors, tree, login):
    factories.give_competency(actors.org, tree["chemistry"])
    login(actors.member)
    html = client.get(f"/organizations/{actors.org.id}/competencies?lang=en").get_data(as_text=True)
    select = html[html.index('<select class="form-select" id="competency_id"') :]
    select = select[: select.index("</select>")]
    assert '<optgroup label="Metalworking">' in select
    offered = {int(v) for v in re.findall(r'<option value="(\d+)"', select)}
    assert offered == {tree["metal"].id, tree["milling"].id, tree["five_axis"].id}  # chemistry is taken


def test_add_update_remove(client, actors, tree, login):
    login(actors.member)
    base = f"/organizations/{actors.org.id}/competencies"
    response = client.post(base, data={"competency_id": tree["milling"].id, "level": 3, "note": "до 2 м"})
    assert response.status_code == 302
    assert links(actors.org) == {tree["milling"].id: (3, "до 2 м")}

    response = client.post(f"{base}/{tree['milling'].id}", data={"level": 1, "note": "только алюминий"})
    assert response.status_code == 302
    assert links(actors.org) == {tree["milling"].id: (1, "только алюминий")}

    assert client.post(f"{base}/{tree['milling'].id}/delete").status_code == 302
    assert links(actors.org) == {}


def test_manager_edits_competencies_of_any_organization(client, actors, tree, login):
    login(actors.manager)
    response = client.post(
        f"/organizations/{actors.outsider_org.id}/competencies",
        data={"competency_id": tree["chemistry"].id, "level": 2},
    )
    assert response.status_code == 302
    assert links(actors.outsider_org) == {tree["chemistry"].id: (2, "")}


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"competency_id": "999999", "level": 2}, b"Not a valid choice"),
        ({"competency_id": "abc", "level": 2}, b"Invalid Choice: could not coerce"),
        ({"level": 7}, b"Not a valid choice"),
        ({"note": "x" * 501}, b"Field cannot be longer than 500 characters."),
    ],
)
def test_add_rejects_bad_input(client, actors, tree, login, data, message):
    login(actors.member)
    data = {"competency_id": tree["milling"].id, "level": 2, "note": ""} | data
    response = client.post(f"/organizations/{actors.org.id}/competencies?lang=en", data=data)
    assert response.status_code == 400
    assert message in response.data
    assert links(actors.org) == {}


def test_adding_the_same_competency_twice_is_a_field_error(client, actors, tree, login):
    factories.give_competency(actors.org, tree["milling"], level=2)
    login(actors.member)
    response = client.post(
        f"/organizations/{actors.org.id}/competencies?lang=en", data={"competency_id": tree["milling"].id, "level": 3}
    )
    assert response.status_code == 400
    assert b"This competency is already in your profile." in response.data
    assert links(actors.org) == {tree["milling"].id: (2, "")}


def test_update_rejects_bad_level(client, actors, tree, login):
    factories.give_competency(actors.org, tree["milling"], level=2)
    login(actors.member)
    response = client.post(
        f"/organizations/{actors.org.id}/competencies/{tree['milling'].id}?lang=en", data={"level": 9, "note": "x"}
    )
    assert response.status_code == 400
    assert links(actors.org) == {tree["milling"].id: (2, "")}


def test_competency_of_another_organization_is_404(client, actors, tree, login):
    factories.give_competency(actors.other_org, tree["milling"])
    login(actors.member)
    base = f"/organizations/{actors.org.id}/competencies/{tree['milling'].id}"
    assert client.post(base, data={"level": 1}).status_code == 404
    assert client.post(base + "/delete").status_code == 404
    assert links(actors.other_org) == {tree["milling"].id: (2, "")}


def test_other_member_cannot_touch_competencies(client, actors, tree, login):
    factories.give_competency(actors.org, tree["milling"])
    login(actors.other_member)
    base = f"/organizations/{actors.org.id}/competencies"
    assert client.post(base, data={"competency_id": tree["chemistry"].id, "level": 1}).status_code == 403
    assert client.post(f"{base}/{tree['milling'].id}", data={"level": 1}).status_code == 403
    assert client.post(f"{base}/{tree['milling'].id}/delete").status_code == 403
    assert links(actors.org) == {tree["milling"].id: (2, "")}
