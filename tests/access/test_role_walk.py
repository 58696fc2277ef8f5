"""Every page, as every kind of visitor: what each may open, and that secrets never leak.

The walk requests every GET route of the app (UI and API) as a guest, a
registered user without an organization, a user of a non-member organization,
a user of another member organization, a user of the owning organization and
the manager. Every answer must be a deliberate one (no 5xx), and each secret
below may appear only in answers to the roles entitled to it.
"""

from __future__ import annotations

import re

from tests.access.conftest import DRAFT_EVENT, ROLES, XLSX, get_urls

#: secret text -> the roles that may see it
SECRETS = {
    "7707083893": {"owner", "manager"},  # INN marked confidential
    "+79001112233": {"owner", "manager"},  # phone marked confidential
    "ВЗРЫВОЗАЩИЩЁННЫЙ-ЦЕХ-42": {"owner", "manager"},  # capacity marked confidential
    "987654": {"owner", "manager"},  # the members-only order's confidential budget
    "123456": {"owner", "member", "manager"},  # the member's response price: customer, supplier, manager
    "ЧЕРНОВИК-СЕКРЕТ": {"owner", "manager"},  # a draft order's title
    "ТОЛЬКО-ДЛЯ-УЧАСТНИКОВ": {"member", "owner", "manager"},  # a members-only order's title
    "ПРЕДЛОЖЕНИЕ-УЧАСТНИКАМ": {"member", "owner", "manager"},  # a members-only offer's title
    "OUTBOX-SECRET-SUBJECT": {"manager"},  # a mail in the outbox
    "7654321": {"owner", "manager"},  # a members-only project's confidential budget (owner: accepted member)
    "ПРОЕКТ-ДЛЯ-УЧАСТНИКОВ": {"member", "owner", "manager"},  # a members-only project's title
    "ИДЕЯ-ПРОЕКТА": {"manager"},  # a project still an idea (a draft)
    # Events and ideas (the walk's event is organized by the owner's organization, the idea posted by its user).
    "uchastnik.sekret@walk.test": {"owner", "manager"},  # a participant's e-mail: organizer and manager only
    "СОБЫТИЕ-ДЛЯ-ЧЛЕНОВ": {"member", "owner", "manager"},  # a members-only event's title
    "ИДЕЯ-ДЛЯ-ЧЛЕНОВ-КЛАСТЕРА": {"member", "owner", "manager"},  # a members-only idea's title
    "УВЕДОМЛЕНИЕ-ВЛАДЕЛЬЦУ": {"owner"},  # a notification: only its own user, not even the manager
}


def flatten(text: str) -> str:
    """Without spaces of any kind, so numbers match however they were grouped."""
    return re.sub(r"[\s\u00a0\u202f]", "", text)


def test_walk_every_page_as_every_role(app, client, login, world):
    users, params = world
    urls = get_urls(app, params)
    assert len(urls) > 50
    seen: dict[str, dict[str, tuple[int, str]]] = {}
    for role in ROLES:
        login(users[role])
        for url in urls:
            with client.get(url) as response:
                binary = response.mimetype in ("application/pdf", XLSX)
                body = flatten(response.get_data(as_text=True)) if not binary else ""
                seen.setdefault(url, {})[role] = (response.status_code, body)
                assert response.status_code < 500, f"{url} as {role}: {response.status_code}"

    leaks = [
        (secret, url, role)
        for url, answers in seen.items()
        for role, (status, body) in answers.items()
        for secret, entitled in SECRETS.items()
        if role not in entitled and flatten(secret) in body
    ]
    assert leaks == [], f"secrets shown to roles not entitled to them: {leaks}"

    # Each secret really is shown to someone entitled (the check above could not pass by accident).
    for secret in SECRETS:
        assert any(flatten(secret) in body for answers in seen.values() for status, body in answers.values()), secret

    def status(url, role):
        return seen[url][role][0]

    check_feature_pages(status, params)
    check_events_ideas_and_notifications(status, params, seen)


def check_feature_pages(status, params) -> None:
    """The manager's, the owners', the members-only, the public, the competence and the members' pages."""
    manager_pages = [
        "/manager/outbox/",
        "/organizations/applications",
        "/projects/new",
        "/organizations/duplicates",
        "/matches/status",
        f"/organizations/merge/{params['keep_id']}/{params['drop_id']}",
        "/dashboard/",
        "/dashboard/targets",
        "/dashboard/export.csv",
        "/dashboard/export.xlsx",
        f"/organizations/applications/{params['application_id']}",
        f"/manager/outbox/{params['message_id']}",
    ]
    for url in manager_pages:
        assert status(url, "guest") == 302
        assert {status(url, role) for role in ("registered", "outsider", "member", "owner")} == {403}
        assert status(url, "manager") == 200

    owner_pages = [
        f"/catalog/{params['product_id']}/edit",
        f"/equipment/{params['equipment_id']}/edit",
        f"/orders/{params['order_id']}/edit",
        f"/organizations/{params['org_id']}/edit",
        f"/orders/{params['order_id']}/responses",
        f"/organizations/{params['org_id']}/users",
    ]
    for url in owner_pages:
        assert status(url, "guest") == 302, url
        assert status(url, "owner") == 200, url
        for role in ("registered", "outsider", "member"):
            assert status(url, role) in (403, 404), (url, role)

    members_only = [
        f"/orders/{params['order_id']}",
        f"/offers/{params['offer_id']}",
        f"/files/{params['attachment_id']}/drawing.pdf",
        f"/projects/{params['project_id']}",
    ]
    for url in members_only:
        assert status(url, "guest") == 302, url
        assert status(url, "registered") == 404, url
        assert status(url, "outsider") == 404, url
        assert {status(url, role) for role in ("member", "owner", "manager")} == {200}, url

    public_pages = [
        "/",
        "/organizations/",
        f"/organizations/{params['org_id']}",
        "/catalog/",
        f"/catalog/{params['product_id']}",
        "/equipment/",
        f"/equipment/{params['equipment_id']}",
        "/orders/",
        "/offers/",
        "/search/",
        "/api/v1/organizations",
        "/projects/",
        "/api/v1/projects",
    ]
    for url in public_pages:
        assert {status(url, role) for role in ROLES} == {200}, url

    competence_pages = [
        "/competence/",
        "/competence/print",
        "/competence/export.csv",
        "/competence/gaps",
        "/competence/gaps.csv",
        "/competence/chains",
        f"/competence/chains/{params['chain_id']}",
        f"/competence/competencies/{params['competency_id']}",
    ]
    competence_manager_pages = [
        "/competence/chains/new",
        f"/competence/chains/{params['chain_id']}/edit",
        f"/competence/stages/{params['stage_id']}/edit",
    ]
    for url in competence_pages + competence_manager_pages:
        assert status(url, "guest") == 302, url
        assert status(url, "registered") == 403, url
        assert status(url, "outsider") == 403, url
        assert status(url, "manager") == 200, url
        assert {status(url, role) for role in ("member", "owner")} == {200 if url in competence_pages else 403}, url

    member_pages = ["/orders/new", "/offers/new", "/equipment/new"]
    for url in member_pages:
        assert status(url, "guest") == 302, url
        assert status(url, "registered") == 403, url
        assert status(url, "outsider") == 403, url
        assert status(url, "member") == 200, url
        assert status(url, "owner") == 200, url


def check_events_ideas_and_notifications(status, params, seen) -> None:
    event_id, idea_id = params["event_id"], params["idea_id"]
    for url in ["/events/", f"/events/{event_id}", f"/events/{event_id}.ics", "/ideas/"]:
        assert {status(url, role) for role in ROLES} == {200}, url
    organizer_pages = [
        f"/events/{event_id}/participants",
        f"/events/{event_id}/participants.csv",
        f"/events/{event_id}/edit",
        f"/events/{event_id}/cancel",
    ]
    for url in organizer_pages:
        assert status(url, "guest") == 302, url
        assert {status(url, role) for role in ("registered", "outsider", "member")} == {403}, url
        assert status(url, "owner") == 200, url
        assert status(url, "manager") == 200, url
    assert [status("/events/new", role) for role in ROLES] == [302, 403, 403, 200, 200, 200]
    assert [status("/dashboard/feedback", role) for role in ROLES] == [302, 403, 403, 200, 200, 200]
    assert [status("/ideas/new", role) for role in ROLES] == [302, 200, 200, 200, 200, 200]
    assert [status(f"/ideas/{idea_id}", role) for role in ROLES] == [302, 404, 404, 200, 200, 200]
    assert [status(f"/ideas/{idea_id}/edit", role) for role in ROLES] == [302, 404, 404, 403, 200, 403]
    assert not [
        (url, role)
        for url, answers in seen.items()
        for role, (_, body) in answers.items()
        if flatten(DRAFT_EVENT) in body
    ], "a draft event is shown on a walked page"

    # Notifications: every logged-in user has their own list; another's notice is a 404.
    for url in ["/notifications/", "/notifications/settings"]:
        assert [status(url, role) for role in ROLES] == [302, 200, 200, 200, 200, 200], url
    url = f"/notifications/{params['notification_id']}/open"
    assert [status(url, role) for role in ROLES] == [302, 404, 404, 404, 302, 404], url
