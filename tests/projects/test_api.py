"""``/api/v1/projects``: the register as JSON, with the UI's visibility and the confidential budget left out."""

from __future__ import annotations

from .conftest import SECRET_BUDGET


def titles(response) -> set[str]:
    return {item["title"] for item in response.get_json()["items"]}


def test_list_follows_visibility(client, world, as_role):
    as_role("guest")
    response = client.get("/api/v1/projects")
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    assert titles(response) == {"Совместная закупка пропилена", "Отменённая заявка"}
    assert response.headers["Cache-Control"] == "private, no-store"
    as_role("member")
    assert titles(client.get("/api/v1/projects")) == {
        "Пилотная установка ПЭТ",
        "Совместная закупка пропилена",
        "Отменённая заявка",
    }
    as_role("manager")
    assert len(titles(client.get("/api/v1/projects"))) == 4


def test_budget_is_left_out_for_the_unentitled(client, world, as_role):
    as_role("member")
    item = client.get(f"/api/v1/projects/{world.project}").get_json()
    assert "budget" not in item
    assert SECRET_BUDGET not in client.get("/api/v1/projects").get_data(as_text=True)
    as_role("consortium")
    item = client.get(f"/api/v1/projects/{world.project}").get_json()
    assert item["budget"] == f"{SECRET_BUDGET}.00"
    public = client.get(f"/api/v1/projects/{world.public}").get_json()
    assert public["budget"] == "5000000.00"  # not confidential


def test_detail_with_needs_coverage_and_consortium(client, people, world, as_role):
    as_role("manager")
    item = client.get(f"/api/v1/projects/{world.project}").get_json()
    assert item["status"] == "planned"
    assert item["kind"] == "innovation"
    assert item["percent_complete"] == 20
    assert item["starts_on"] == "2030-01-01"
    assert item["visibility"] == "members"
    needs = {need["title"]: need for need in item["needs"]}
    assert needs["Разработка рецептуры"]["coverage"] == "covered"
    assert needs["Разработка рецептуры"]["accepted"] == [people.consortium.organization_id]
    assert needs["Механообработка корпусов"]["coverage"] == "uncovered"
    assert needs["Механообработка корпусов"]["invited"] == [people.invited.organization_id]
    assert {(m["organization"]["id"], m["status"]) for m in item["consortium"]} == {
        (people.consortium.organization_id, "accepted"),
        (people.invited.organization_id, "invited"),
    }
    as_role("member")  # outside the consortium: accepted members only
    item = client.get(f"/api/v1/projects/{world.project}").get_json()
    assert [m["status"] for m in item["consortium"]] == ["accepted"]


def test_hidden_and_missing_projects(client, world, as_role):
    as_role("guest")
    assert client.get(f"/api/v1/projects/{world.project}").status_code == 401
    assert client.get(f"/api/v1/projects/{world.idea}").status_code == 404
    as_role("registered")
    response = client.get(f"/api/v1/projects/{world.project}")
    assert response.status_code == 404
    assert response.get_json()["error"]["code"] == "not_found"
    assert client.get("/api/v1/projects/999999").status_code == 404


def test_filters_and_bad_parameters(client, people, world, as_role):
    as_role("manager")
    assert titles(client.get("/api/v1/projects?status=cancelled")) == {"Отменённая заявка"}
    assert titles(client.get("/api/v1/projects?kind=joint_bid")) == set()
    assert titles(client.get(f"/api/v1/projects?org={people.consortium.organization_id}")) == {"Пилотная установка ПЭТ"}
    assert titles(client.get("/api/v1/projects?q=ПРОПИЛЕН")) == {"Совместная закупка пропилена"}
    for bad in ("status=finished", "kind=x", "org=abc", "page=0"):
        response = client.get(f"/api/v1/projects?{bad}")
        assert response.status_code == 400, bad
        assert response.get_json()["error"]["code"] == "invalid_input", bad
