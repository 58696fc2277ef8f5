"""Every form-accepting route refuses a POST without a valid CSRF token."""

import pytest

from tests import factories
from tests.factories import assert_unchanged, stored_rows


@pytest.fixture
def app_config():
    return {"WTF_CSRF_ENABLED": True}


def post_routes(app):
    for rule in app.url_map.iter_rules():
        if "POST" in rule.methods:
            values = {name: 1 if "id" in name else "x" for name in rule.arguments}
            yield rule.build(values, append_unknown=False)[1]


@pytest.mark.parametrize("who", ["guest", "manager"])
def test_every_post_route_demands_a_csrf_token(app, client, login, who):
    login(factories.manager() if who == "manager" else None)
    urls = sorted(set(post_routes(app)))
    assert len(urls) > 30
    before = stored_rows()
    for url in urls:
        response = client.post(url, data={"csrf_token": "forged"}, headers={"Accept": "application/json"})
        assert response.status_code == 400, url
        assert response.get_json()["error"]["code"] == "csrf", url
    assert_unchanged(before)


def test_api_is_read_only(app, client):
    api_rules = [rule for rule in app.url_map.iter_rules() if rule.rule.startswith("/api/")]
    assert api_rules
    assert all(rule.methods <= {"GET", "HEAD", "OPTIONS"} for rule in api_rules)
