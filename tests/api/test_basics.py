"""/api/v1/: the index, pagination, and errors that are always JSON."""

import pytest

from tests import factories
from tests.api.conftest import assert_error, ids

LISTS = ("organizations", "products", "equipment", "orders", "offers", "okpd2")
DETAILS = ("organizations", "products", "equipment", "orders", "offers")


@pytest.mark.parametrize(
    ("role", "level"),
    [("guest", "guest"), ("registered", "user"), ("outsider", "user"), ("member", "member"), ("manager", "manager")],
)
def test_index_lists_endpoints_and_the_viewer(people, as_role, get_json, role, level):
    user = as_role(role)
    data = get_json("/api/v1/").json
    assert set(data["endpoints"]) == {*LISTS, "competencies"}
    assert data["endpoints"]["products"] == {
        "url": "/api/v1/products",
        "filters": ["code", "org", "region", "kind", "service", "q"],
    }
    assert data["viewer"] == {
        "authenticated": role != "guest",
        "access_level": level,
        "organization_id": user.organization_id if user else None,
    }
    assert get_json("/api/v1").json == data  # no redirect, no HTML


def test_index_endpoints_answer(app, get_json):
    for endpoint in get_json("/api/v1/").json["endpoints"].values():
        get_json(endpoint["url"])


@pytest.mark.parametrize("endpoint", LISTS)
def test_every_list_has_the_same_envelope(app, get_json, endpoint):
    data = get_json(f"/api/v1/{endpoint}").json
    assert data == {"items": [], "page": 1, "per_page": 20, "total": 0, "pages": 0}


def test_pagination(people, get_json):
    for n in range(3):
        factories.organization(name_ru=f"Я-организация {n}")  # sorts after the fixture's ones
    first = get_json("/api/v1/organizations?per_page=2").json
    assert (first["page"], first["per_page"], first["total"], first["pages"]) == (1, 2, 5, 3)
    last = get_json("/api/v1/organizations?per_page=2&page=3").json
    assert len(last["items"]) == 1
    assert last["page"] == 3
    seen = [i["id"] for p in (1, 2, 3) for i in get_json(f"/api/v1/organizations?per_page=2&page={p}").json["items"]]
    assert len(set(seen)) == 5
    beyond = get_json("/api/v1/organizations?per_page=2&page=4").json
    assert beyond["items"] == []
    assert beyond["total"] == 5
    assert len(get_json("/api/v1/organizations?per_page=100").json["items"]) == 5
    assert get_json("/api/v1/organizations?page=1000000000&per_page=100").json["items"] == []


BAD_PAGINATION = [
    ("page=abc", "page"),
    ("page=1.5", "page"),
    ("page=0", "page"),
    ("page=-1", "page"),
    ("per_page=abc", "per_page"),
    ("per_page=0", "per_page"),
    ("per_page=101", "per_page"),
    ("page=99999999999999999999999", "page"),
    ("page=999999999999999999", "page"),
]


@pytest.mark.parametrize("endpoint", LISTS)
def test_bad_pagination_is_400(app, client, endpoint):
    for query, parameter in BAD_PAGINATION:
        assert_error(client.get(f"/api/v1/{endpoint}?{query}"), 400, parameter)


@pytest.mark.parametrize("endpoint", DETAILS)
def test_unknown_ids_are_404(people, as_role, client, endpoint):
    as_role("manager")
    assert_error(client.get(f"/api/v1/{endpoint}/987654"), 404)
    assert_error(client.get(f"/api/v1/{endpoint}/abc"), 404)


def test_unknown_path_is_json_404(app, client):
    assert_error(client.get("/api/v1/nothing-here"), 404)


@pytest.mark.parametrize("path", ["/api/v1/", "/api/v1/orders", "/api/v1/organizations/1"])
def test_writes_are_405(people, as_role, client, path):
    as_role("manager")
    for method in (client.post, client.put, client.patch, client.delete):
        assert_error(method(path), 405)


def test_405_is_json_with_csrf_protection_on(people, client, login, app):
    app.config["WTF_CSRF_ENABLED"] = True
    login(people.manager)
    assert_error(client.post("/api/v1/orders"), 405)


def test_answers_are_not_cached(app, get_json):
    response = get_json("/api/v1/organizations")
    assert response.headers["Cache-Control"] == "private, no-store"
    assert "Cookie" in response.headers["Vary"]


def test_error_messages_follow_the_language(app, client):
    response = client.get("/api/v1/products?kind=xyz&lang=en")
    assert_error(response, 400, "kind", "sme")


def test_session_cookie_is_the_authentication(people, client, as_role):
    order = factories.order(people.org)  # members-only
    assert client.get(f"/api/v1/orders/{order.id}").status_code == 401
    as_role("member")
    assert client.get(f"/api/v1/orders/{order.id}").status_code == 200
    as_role("guest")
    assert order.id not in ids(client.get("/api/v1/orders"))
