from tests import factories


def test_home_page_shows_counts(client, app):
    org = factories.organization()
    factories.product(org)
    response = client.get("/?lang=en")
    assert response.status_code == 200
    assert b"Latest open orders" in response.data


def test_health(client):
    assert client.get("/health").get_json() == {"status": "ok"}
