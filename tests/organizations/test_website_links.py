"""An organization's website is printed as a link only when it is an http(s) address: the form refuses other
schemes whatever WTForms' URL validator lets through, and every page guards the link (older data, imports)."""

from __future__ import annotations

import pytest
from wtforms.validators import URL

from marketplace.db import db
from tests import factories
from tests.organizations.helpers import profile_data, refreshed

HOSTILE = ["javascript:alert(document.cookie)", " JavaScript:alert(1)", "java\tscript:alert(1)", "data:text/html,<b>x"]


@pytest.fixture
def pages(app):
    """The organization's page, one of its products and one of its machines."""
    user = factories.member()
    org = user.organization
    product = factories.product(org)
    item = factories.equipment(org)
    return org, [f"/organizations/{org.id}", f"/catalog/{product.id}", f"/equipment/{item.id}"]


@pytest.mark.parametrize("website", HOSTILE)
def test_a_stored_non_http_website_is_never_a_link(client, app, login, pages, website):
    org, urls = pages
    org.website = website
    db.session.commit()
    login(factories.manager())
    for url in urls:
        html = client.get(url).get_data(as_text=True).lower()
        assert 'href="javascript:' not in html, url
        assert 'href=" javascript:' not in html, url
        assert 'href="java\tscript:' not in html, url
        assert 'href="data:' not in html, url


def test_an_http_website_is_a_link_on_every_page(client, app, login, pages):
    org, urls = pages
    org.website = "https://flanges.example.com"
    db.session.commit()
    login(factories.manager())
    for url in urls:
        assert 'href="https://flanges.example.com"' in client.get(url).get_data(as_text=True), url


@pytest.mark.parametrize("website", ["ftp://files.example.com", "data://text.example.com/x", "file://host.example/etc"])
def test_the_form_refuses_other_schemes_even_if_the_url_validator_lets_them_through(
    client, app, login, monkeypatch, website
):
    """As with a WTForms older than 3.3, whose URL validator accepts any scheme."""
    monkeypatch.setattr(URL, "__call__", lambda _self, _form, _field: None)
    user = login(factories.registered())
    response = client.post("/organizations/new?lang=en", data=profile_data(website=website))
    assert response.status_code == 400
    assert b"Enter a web address such as https://example.com." in response.data
    assert refreshed(user).organization_id is None
