"""Who may open the dashboard's pages: the manager alone, except the members' feedback form."""

from __future__ import annotations

from tests.access_matrix import FORBIDDEN, LOGIN, OK, AccessMatrix, Route, statuses_for

from .conftest import ROLES

expect = statuses_for(ROLES)

MANAGER_ONLY = expect(LOGIN, FORBIDDEN, FORBIDDEN, FORBIDDEN, OK)


def page(url: str, expected) -> Route:
    return Route.get(url, url, expected)


PAGES = AccessMatrix(
    ROLES,
    page("/dashboard/", MANAGER_ONLY),
    page("/dashboard/?year=2024", MANAGER_ONLY),
    page("/dashboard/targets", MANAGER_ONLY),
    page("/dashboard/export.csv", MANAGER_ONLY),
    page("/dashboard/export.xlsx?start=2024-01-01&end=2024-03-31", MANAGER_ONLY),
    page("/dashboard/feedback", expect(LOGIN, FORBIDDEN, FORBIDDEN, OK, OK)),
)


@PAGES.reads
def test_who_opens_what(client, as_role, people, route):
    PAGES.check_read(client, as_role, route, {})


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
