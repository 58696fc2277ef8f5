"""/api/v1/offers: service offers by visibility."""

import pytest

from marketplace.models import OfferStatus, OrderKind, Visibility
from tests import factories
from tests.api.conftest import ROLES, assert_absent, assert_error, ids


@pytest.fixture
def offers(people):
    org = people.org
    return {
        "public": factories.offer(org, title="Public five-axis machining", kind=OrderKind.SERVICE, region="Москва"),
        "members": factories.offer(org, visibility=Visibility.MEMBERS, title="Members-only heat treatment"),
        "archived": factories.offer(org, status=OfferStatus.ARCHIVED, title="Archived galvanizing"),
        "others_members": factories.offer(people.member.organization, visibility=Visibility.MEMBERS),
    }


LISTED = {
    "guest": {"public"},
    "registered": {"public"},
    "outsider": {"public"},
    "member": {"public", "members", "others_members"},
    "owner": {"public", "members", "archived", "others_members"},
    "manager": {"public", "members", "others_members"},
}


@pytest.mark.parametrize("role", ROLES)
def test_list_by_role(offers, as_role, get_json, role):
    as_role(role)
    response = get_json("/api/v1/offers")
    assert ids(response) == {offers[name].id for name in LISTED[role]}
    if role in ("guest", "registered", "outsider"):
        assert_absent(response, "Members-only heat treatment", "Archived galvanizing")


@pytest.mark.parametrize(
    ("role", "name", "status"),
    [
        ("guest", "members", 401),
        ("registered", "members", 404),
        ("outsider", "members", 404),
        ("member", "members", 200),
        ("owner", "members", 200),
        ("manager", "members", 200),
        ("guest", "public", 200),
        ("member", "archived", 404),
        ("owner", "archived", 200),
        ("manager", "archived", 200),
    ],
)
def test_detail_access(offers, as_role, client, role, name, status):
    as_role(role)
    response = client.get(f"/api/v1/offers/{offers[name].id}")
    if status == 200:
        assert response.status_code == 200
        assert response.json["id"] == offers[name].id
    else:
        assert_error(response, status)
        assert_absent(response, offers[name].title)


def test_shape_and_filters(offers, people, as_role, get_json):
    data = get_json(f"/api/v1/offers/{offers['public'].id}").json
    assert data["kind"] == "service"
    assert data["status"] == "active"
    assert data["visibility"] == "public"
    assert data["region"] == {"ru": "Москва", "en": "Moscow"}
    assert data["okpd2_codes"] == ["25.62"]
    assert data["description"].startswith("Пятиосевые")
    assert data["created_at"].endswith("Z")
    as_role("owner")
    assert ids(get_json("/api/v1/offers?status=archived")) == {offers["archived"].id}
    assert ids(get_json("/api/v1/offers?kind=service")) == {offers["public"].id}
    assert ids(get_json("/api/v1/offers?region=moscow")) == {offers["public"].id}
    assert ids(get_json(f"/api/v1/offers?org={people.member.organization_id}")) == {offers["others_members"].id}
    assert ids(get_json("/api/v1/offers?q=heat")) == {offers["members"].id}


@pytest.mark.parametrize(
    ("query", "parameter"),
    [("status=gone", "status"), ("kind=xyz", "kind"), ("org=1e3", "org"), ("per_page=500", "per_page")],
)
def test_bad_filters_are_400(app, client, query, parameter):
    assert_error(client.get(f"/api/v1/offers?{query}"), 400, parameter)
