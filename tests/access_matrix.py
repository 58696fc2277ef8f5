"""Who may open and do what, route by route: the access-matrix harness shared by the features' tests.

A feature's ``test_access.py`` keeps its world (a fixture of ids), its roles and a table::

    ROLES = roles("customer")  # guest, registered, outsider, member, customer, manager
    expect = statuses_for(ROLES)
    MATRIX = AccessMatrix(
        ROLES,
        Route.get("orders list", "/orders/", expect(OK, OK, OK, OK, OK, OK)),
        Route.post("publish", "/orders/{draft}/publish", {}, expect(NOT_FOUND, ..., REDIRECT, FORBIDDEN)),
    )

    @MATRIX.reads
    def test_read_permissions(client, world, as_role, route):
        MATRIX.check_read(client, as_role, route, world)

    @MATRIX.writes
    def test_write_permissions(client, world, as_role, route, role):
        MATRIX.check_role(client, as_role, route, role, world)

``{name}`` in a URL or in a form value is filled from the world's ids. A page changes nothing, so one
world serves every role (one test per page); each action gets a fresh world (one test per action and
role), and an action refused (a redirect to the login page or a 4xx) must leave every table as it was.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

import pytest

from tests.factories import assert_unchanged, stored_rows

#: A guest sent to the login page: a 302 whose Location is the login page. Any other redirect is REDIRECT.
LOGIN = "login"
OK, REDIRECT = 200, 302
BAD_REQUEST, UNAUTHORIZED, FORBIDDEN, NOT_FOUND, CONFLICT = 400, 401, 403, 404, 409

Status = int | str


def roles(*own: str) -> tuple[str, ...]:
    """The roles every feature has, with the feature's own ones before the manager's."""
    return ("guest", "registered", "outsider", "member", *own, "manager")


def statuses_for(role_names: tuple[str, ...]) -> Callable[..., dict[str, Status]]:
    """``expect = statuses_for(ROLES)``; ``expect(LOGIN, FORBIDDEN, ...)`` → {role: status}, one per role, in order."""

    def expect(*statuses: Status) -> dict[str, Status]:
        return dict(zip(role_names, statuses, strict=True))

    return expect


def outcome(response) -> Status:
    """The status code, or LOGIN for a redirect to the login page."""
    if response.status_code == REDIRECT and "/login" in response.headers.get("Location", ""):
        return LOGIN
    return response.status_code


def refused(status: Status) -> bool:
    return status == LOGIN or (isinstance(status, int) and status >= BAD_REQUEST)


@dataclass(frozen=True)
class Route:
    name: str
    method: str
    url: str
    data: Mapping[str, str] | None
    expected: Mapping[str, Status]

    @classmethod
    def get(cls, name: str, url: str, expected: Mapping[str, Status]) -> Route:
        return cls(name, "GET", url, None, expected)

    @classmethod
    def post(cls, name: str, url: str, data: Mapping[str, str], expected: Mapping[str, Status]) -> Route:
        return cls(name, "POST", url, data, expected)

    def send(self, client, world):
        """Request the route with the world's ids (a namespace or a mapping) filled in."""
        ids = world if isinstance(world, Mapping) else vars(world)
        url = self.url.format(**ids)
        if self.method == "GET":
            return client.get(url)
        data = {key: value.format(**ids) if isinstance(value, str) else value for key, value in self.data.items()}
        return client.post(url, data=data)


class AccessMatrix:
    def __init__(self, role_names: tuple[str, ...], *routes: Route):
        names = [route.name for route in routes]
        duplicates = {name for name in names if names.count(name) > 1}
        if duplicates:
            raise ValueError(f"route names must be unique: {sorted(duplicates)}")
        for route in routes:
            if tuple(route.expected) != role_names:
                raise ValueError(f"{route.name}: expected statuses for {tuple(route.expected)}, not {role_names}")
        self.roles = role_names
        self.routes = routes

    @property
    def reads(self) -> pytest.MarkDecorator:
        """Parametrizes ``route`` with the GET routes (one test per page, every role inside)."""
        return pytest.mark.parametrize(
            "route", [pytest.param(route, id=route.name) for route in self.routes if route.method == "GET"]
        )

    @property
    def writes(self) -> pytest.MarkDecorator:
        """Parametrizes ``route, role`` with every (POST route, role) pair."""
        return self._pairs(route for route in self.routes if route.method != "GET")

    @property
    def every_pair(self) -> pytest.MarkDecorator:
        """Parametrizes ``route, role`` with every (route, role) pair, pages included: a fresh world each."""
        return self._pairs(self.routes)

    def _pairs(self, routes) -> pytest.MarkDecorator:
        return pytest.mark.parametrize(
            ("route", "role"),
            [pytest.param(route, role, id=f"{route.name}-{role}") for route in routes for role in self.roles],
        )

    def check_read(self, client, as_role, route: Route, world) -> None:
        """Every role opens the page in turn; the answers must be the expected ones."""
        got = {}
        for role in self.roles:
            as_role(role)
            got[role] = outcome(route.send(client, world))
        assert got == dict(route.expected), route.name

    def check_role(self, client, as_role, route: Route, role: str, world):
        """``role`` requests ``route``; the answer must be the expected one, and a refused request stores nothing.

        Returns the response, for the module to check more."""
        as_role(role)
        expected = route.expected[role]
        before = stored_rows() if refused(expected) else None
        response = route.send(client, world)
        assert outcome(response) == expected, response.get_data(as_text=True)[:500]
        if before is not None:
            assert_unchanged(before)
        return response
