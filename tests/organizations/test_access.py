"""Who may open which page: every route for every kind of visitor.

``org`` is the member organization administered by ``member``; ``outsider_org``
is not a member. Guests are sent to the login page; others get 403 or 404.
"""

from __future__ import annotations

import pytest

from marketplace.db import db
from marketplace.models import MembershipApplication
from tests import factories

LOGIN = "login"  # a redirect to the login page


def outcome(response) -> int | str:
    if response.status_code == 302 and "/account/login" in response.headers["Location"]:
        return LOGIN
    return response.status_code


def url(actors, template: str) -> str:
    return template.format(org=actors.org.id, outsider_org=actors.outsider_org.id, colleague=actors.colleague.id)


#            guest, registered, outsider, member, other_member, manager
GET_RULES = {
    "/organizations/": (200, 200, 200, 200, 200, 200),
    "/organizations/{org}": (200, 200, 200, 200, 200, 200),
    "/organizations/{outsider_org}": (LOGIN, 200, 200, 200, 200, 200),
    "/organizations/new": (LOGIN, 200, 302, 302, 302, 200),
    "/organizations/{org}/edit": (LOGIN, 403, 403, 200, 403, 200),
    "/organizations/{org}/competencies": (LOGIN, 403, 403, 200, 403, 200),
    "/organizations/{org}/users": (LOGIN, 403, 403, 200, 403, 200),
    "/organizations/{outsider_org}/apply": (LOGIN, 403, 200, 403, 403, 403),
    "/organizations/applications": (LOGIN, 403, 403, 403, 403, 200),
}
ROLES = ("guest", "registered", "outsider", "member", "other_member", "manager")


@pytest.mark.parametrize("template", GET_RULES)
def test_get_routes(client, actors, as_role, template):
    for role, expected in zip(ROLES, GET_RULES[template]):
        as_role(role)
        assert outcome(client.get(url(actors, template))) == expected, (role, template)


@pytest.mark.parametrize(
    "template",
    [
        "/organizations/999999",
        "/organizations/999999/edit",
        "/organizations/999999/competencies",
        "/organizations/999999/users",
        "/organizations/applications/999999",
    ],
)
def test_unknown_ids_are_404(client, actors, as_role, template):
    as_role("manager")
    assert client.get(template).status_code == 404


#             guest, registered, outsider, member, other_member, manager
POST_RULES = {
    "/organizations/{org}/edit": (LOGIN, 403, 403, 400, 403, 400),
    "/organizations/{org}/competencies": (LOGIN, 403, 403, 400, 403, 400),
    "/organizations/{org}/users": (LOGIN, 403, 403, 400, 403, 400),
    "/organizations/{org}/users/{colleague}/admin": (LOGIN, 403, 403, 302, 403, 302),
    "/organizations/{outsider_org}/apply": (LOGIN, 403, 400, 403, 403, 403),
}
#: Each form's required field, submitted empty.
EMPTY = {
    "edit": {"name_ru": ""},
    "competencies": {"competency_id": ""},
    "users": {"email": ""},
    "admin": {},
    "apply": {"message": ""},
}


@pytest.mark.parametrize("template", POST_RULES)
def test_post_routes(client, actors, as_role, template):
    """A submission with a required field empty: refused (302 to login / 403) before
    validation, or 400 from validation."""
    data = EMPTY[template.rsplit("/", 1)[1]]
    for role, expected in zip(ROLES, POST_RULES[template]):
        as_role(role)
        assert outcome(client.post(url(actors, template), data=data)) == expected, (role, template)


def test_colleague_edits_the_profile_but_does_not_manage_users_or_apply(client, actors, login):
    login(actors.colleague)
    assert client.get(f"/organizations/{actors.org.id}/edit").status_code == 200
    assert client.get(f"/organizations/{actors.org.id}/users").status_code == 200  # read-only list
    assert client.post(f"/organizations/{actors.org.id}/users", data={"email": "x@example.com"}).status_code == 403
    assert client.post(f"/organizations/{actors.org.id}/users/{actors.member.id}/remove").status_code == 403
    outsider_colleague = factories.user(organization=actors.outsider_org)
    login(outsider_colleague)
    assert client.get(f"/organizations/{actors.outsider_org.id}/apply").status_code == 403


def test_application_decisions_are_for_the_manager_only(client, actors, as_role):
    application = MembershipApplication(organization=actors.outsider_org, applicant=actors.outsider, message="x")
    db.session.add(application)
    db.session.commit()
    for role in ROLES[:-1]:
        as_role(role)
        expected = LOGIN if role == "guest" else 403
        for action in ("", "/approve", "/reject"):
            method = client.get if action == "" else client.post
            assert (
                outcome(method(f"/organizations/applications/{application.id}{action}", data={"reason": "no"}))
                == expected
            ), (role, action)
