"""Who may open which page: every route for every kind of visitor.

``org`` is the member organization administered by ``member``; ``outsider_org``
is not a member. Guests are sent to the login page; others get 403 or 404.
"""

from __future__ import annotations

import pytest

from marketplace.db import db
from marketplace.models import MembershipApplication
from marketplace.organizations import invitations
from marketplace.organizations.models import InvitationKind
from tests import factories
from tests.access_matrix import (
    BAD_REQUEST,
    FORBIDDEN,
    LOGIN,
    NOT_FOUND,
    OK,
    REDIRECT,
    AccessMatrix,
    Route,
    outcome,
    roles,
    statuses_for,
)
from tests.factories import assert_unchanged, stored_rows
from tests.organizations.helpers import assert_joining_unchanged, joining_rows

ROLES = roles("other_member")
expect = statuses_for(ROLES)


@pytest.fixture
def ids(app, actors):
    """``invitation``: ``org`` invited the registered user; ``merge_request``: someone who came with a merged
    duplicate waits for ``org``'s administrators."""
    with app.test_request_context():
        invitation = invitations.invite(actors.org, actors.registered.email, invited_by=actors.member)
        moved = factories.registered()
        invitations.request_after_merge(actors.org, moved, by=actors.manager, merged_from="Дубль")
        db.session.commit()
    merge_request = invitations.open_for_organization(actors.org, InvitationKind.MERGE)[0]
    return {
        "org": actors.org.id,
        "outsider_org": actors.outsider_org.id,
        "colleague": actors.colleague.id,
        "invitation": invitation.id,
        "merge_request": merge_request.id,
    }


def page(template: str, expected) -> Route:
    return Route.get(template, template, expected)


def submit(template: str, data: dict, expected) -> Route:
    return Route.post(template, template, data, expected)


GET_RULES = AccessMatrix(
    ROLES,
    page("/organizations/", expect(OK, OK, OK, OK, OK, OK)),
    page("/organizations/{org}", expect(OK, OK, OK, OK, OK, OK)),
    page("/organizations/{outsider_org}", expect(LOGIN, OK, OK, OK, OK, OK)),
    page("/organizations/new", expect(LOGIN, OK, REDIRECT, REDIRECT, REDIRECT, OK)),
    page("/organizations/{org}/edit", expect(LOGIN, FORBIDDEN, FORBIDDEN, OK, FORBIDDEN, OK)),
    page("/organizations/{org}/competencies", expect(LOGIN, FORBIDDEN, FORBIDDEN, OK, FORBIDDEN, OK)),
    page("/organizations/{org}/users", expect(LOGIN, FORBIDDEN, FORBIDDEN, OK, FORBIDDEN, OK)),
    page("/organizations/{outsider_org}/apply", expect(LOGIN, FORBIDDEN, OK, FORBIDDEN, FORBIDDEN, FORBIDDEN)),
    page("/organizations/applications", expect(LOGIN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, OK)),
    page("/organizations/invitations", expect(LOGIN, OK, OK, OK, OK, OK)),
)


@GET_RULES.reads
def test_get_routes(client, ids, as_role, route):
    GET_RULES.check_read(client, as_role, route, ids)


@pytest.mark.parametrize(
    "template",
    [
        "/organizations/999999",
        "/organizations/999999/edit",
        "/organizations/999999/competencies",
        "/organizations/999999/users",
        "/organizations/applications/999999",
        "/organizations/999999/invitations/1/withdraw",
        "/organizations/invitations/999999/accept",
    ],
)
def test_unknown_ids_are_404(client, actors, as_role, template):
    as_role("manager")
    send = client.post if template.endswith(("/withdraw", "/accept")) else client.get
    assert send(template).status_code == 404


#: Each form submitted with its required field empty: refused (to the login page / 403) before validation,
#: or 400 from validation. Making a colleague an admin has no field: it is done (302).
POST_RULES = AccessMatrix(
    ROLES,
    submit(
        "/organizations/{org}/edit",
        {"name_ru": ""},
        expect(LOGIN, FORBIDDEN, FORBIDDEN, BAD_REQUEST, FORBIDDEN, BAD_REQUEST),
    ),
    submit(
        "/organizations/{org}/competencies",
        {"competency_id": ""},
        expect(LOGIN, FORBIDDEN, FORBIDDEN, BAD_REQUEST, FORBIDDEN, BAD_REQUEST),
    ),
    submit(
        "/organizations/{org}/users",
        {"email": ""},
        expect(LOGIN, FORBIDDEN, FORBIDDEN, BAD_REQUEST, FORBIDDEN, BAD_REQUEST),
    ),
    Route.post(
        "invite by e-mail",
        "/organizations/{org}/users",
        {"email": "someone@example.test"},
        expect(LOGIN, FORBIDDEN, FORBIDDEN, REDIRECT, FORBIDDEN, REDIRECT),
    ),
    submit(
        "/organizations/invitations/{invitation}/accept",
        {},
        expect(LOGIN, REDIRECT, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND),
    ),
    submit(
        "/organizations/invitations/{invitation}/decline",
        {},
        expect(LOGIN, REDIRECT, NOT_FOUND, NOT_FOUND, NOT_FOUND, NOT_FOUND),
    ),
    submit(
        "/organizations/{org}/invitations/{invitation}/withdraw",
        {},
        expect(LOGIN, FORBIDDEN, FORBIDDEN, REDIRECT, FORBIDDEN, REDIRECT),
    ),
    submit(
        "/organizations/{org}/invitations/{merge_request}/confirm",
        {},
        expect(LOGIN, FORBIDDEN, FORBIDDEN, REDIRECT, FORBIDDEN, REDIRECT),
    ),
    submit(
        "/organizations/{org}/invitations/{invitation}/confirm",
        {},
        expect(LOGIN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN, FORBIDDEN),
    ),
    submit(
        "/organizations/{outsider_org}/invitations/{invitation}/withdraw",
        {},
        expect(LOGIN, FORBIDDEN, NOT_FOUND, FORBIDDEN, FORBIDDEN, NOT_FOUND),
    ),
    submit(
        "/organizations/{org}/users/{colleague}/admin",
        {},
        expect(LOGIN, FORBIDDEN, FORBIDDEN, REDIRECT, FORBIDDEN, REDIRECT),
    ),
    submit(
        "/organizations/{outsider_org}/apply",
        {"message": ""},
        expect(LOGIN, FORBIDDEN, BAD_REQUEST, FORBIDDEN, FORBIDDEN, FORBIDDEN),
    ),
)


@POST_RULES.writes
def test_post_routes(client, ids, as_role, route, role):
    """A refused submission, whether before validation or by it, stores nothing."""
    POST_RULES.check_role(client, as_role, route, role, ids)


def test_colleague_edits_the_profile_but_does_not_manage_users_or_apply(client, actors, login):
    login(actors.colleague)
    assert client.get(f"/organizations/{actors.org.id}/edit").status_code == 200
    assert client.get(f"/organizations/{actors.org.id}/users").status_code == 200  # read-only list
    before = stored_rows()
    assert client.post(f"/organizations/{actors.org.id}/users", data={"email": "x@example.com"}).status_code == 403
    assert client.post(f"/organizations/{actors.org.id}/users/{actors.member.id}/remove").status_code == 403
    assert_unchanged(before)  # no user added, the admin still in the organization
    outsider_colleague = factories.user(organization=actors.outsider_org)
    login(outsider_colleague)
    assert client.get(f"/organizations/{actors.outsider_org.id}/apply").status_code == 403


def test_application_decisions_are_for_the_manager_only(client, actors, as_role):
    application = MembershipApplication(organization=actors.outsider_org, applicant=actors.outsider, message="x")
    db.session.add(application)
    db.session.commit()
    before = joining_rows(("membership_application", "organization", "notification", "outbox_message"))
    for role in ROLES[:-1]:
        as_role(role)
        expected = LOGIN if role == "guest" else 403
        for action in ("", "/approve", "/reject"):
            method = client.get if action == "" else client.post
            assert (
                outcome(method(f"/organizations/applications/{application.id}{action}", data={"reason": "no"}))
                == expected
            ), (role, action)
    assert_joining_unchanged(before)  # the application still pending, undecided
