"""Who may open the dashboard's pages: the manager alone, except the members' feedback form."""

from __future__ import annotations

import pytest

from .conftest import ROLES

LOGIN, OK, FORBIDDEN = 302, 200, 403


def expect(guest, registered, outsider, member, manager):
    return dict(zip(ROLES, (guest, registered, outsider, member, manager)))


MANAGER_ONLY = expect(LOGIN, FORBIDDEN, FORBIDDEN, FORBIDDEN, OK)
PAGES = {
    "/dashboard/": MANAGER_ONLY,
    "/dashboard/?year=2024": MANAGER_ONLY,
    "/dashboard/targets": MANAGER_ONLY,
    "/dashboard/export.csv": MANAGER_ONLY,
    "/dashboard/export.xlsx?start=2024-01-01&end=2024-03-31": MANAGER_ONLY,
    "/dashboard/feedback": expect(LOGIN, FORBIDDEN, FORBIDDEN, OK, OK),
}


@pytest.mark.parametrize("url", list(PAGES))
def test_who_opens_what(client, as_role, people, url):
    answers = {}
    for role in ROLES:
        as_role(role)
        response = client.get(url)
        answers[role] = response.status_code
        if response.status_code == LOGIN:
            assert "/account/login" in response.location
    assert answers == PAGES[url]


def test_the_user_menu_links(client, as_role, people):
    as_role("manager")
    page = client.get("/").get_data(as_text=True)
    assert 'data-testid="nav-dashboard"' in page
    assert 'href="/dashboard/"' in page
    as_role("member")
    page = client.get("/").get_data(as_text=True)
    assert 'data-testid="nav-dashboard"' not in page
    assert 'data-testid="nav-feedback"' in page
    as_role("outsider")
    assert 'data-testid="nav-feedback"' not in client.get("/").get_data(as_text=True)
