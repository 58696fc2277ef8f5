from tests import factories


def test_home_page_shows_counts(client, app):
    org = factories.organization()
    factories.product(org)
    response = client.get("/?lang=en")
    assert response.status_code == 200
    assert b"Latest open orders" in response.data


def test_health(client):
    response = client.get("/health")
    assert response.status_code == 200
    assert response.get_json() == {
        "status": "ok",
        "checks": {"database": "ok", "search_index": "ok", "matcher_snapshot": "ok"},
    }
