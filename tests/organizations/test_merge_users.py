"""Merging a duplicate never hands its users the kept organization: they wait for its administrators.

The issue's case: a stranger registers, creates «ООО ТехноМеталл Ставрополь» (no INN, "this is a different
organization" ticked) and the manager merges it into the real ООО «ТехноМеталл-Ставрополь». The stranger
must not become its administrator (nor a user) without the kept organization's consent; the preview names
every user and what each becomes, and every kind of record in the user's language.
"""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from marketplace.db import db
from marketplace.models import Organization, OrganizationMerge, User
from marketplace.notifications.models import Notification, NotificationKind
from marketplace.organizations import invitations
from marketplace.organizations.merge import RECORD_LABELS, UserMove, merge_organizations, organization_references
from marketplace.organizations.models import InvitationKind, InvitationStatus, OrganizationInvitation
from tests import factories
from tests.events import helpers as event_factories
from tests.factories import assert_unchanged, stored_rows
from tests.organizations.helpers import assert_joining_unchanged, joining_rows, profile_data, refreshed

REAL = "ООО «ТехноМеталл-Ставрополь»"
DUPLICATE = "ООО ТехноМеталл Ставрополь"


@pytest.fixture
def case(client, login):
    """The real organization with its administrator; a stranger's duplicate created through the web."""
    real_admin = factories.member(name_ru=REAL, name_en="TechnoMetall-Stavropol LLC")
    real = real_admin.organization
    stranger = factories.registered(full_name="Посторонний Пётр", email="stranger@example.test")
    manager = factories.manager()
    login(stranger)
    response = client.post(
        "/organizations/new",
        data=profile_data(name_ru=DUPLICATE, name_en="", inn="", ogrn="", confirm_different="y"),
    )
    assert response.status_code == 302
    db.session.expire_all()
    duplicate = db.session.scalar(select(Organization).where(Organization.name_ru == DUPLICATE))
    stranger = refreshed(stranger)
    assert (stranger.organization_id, stranger.is_org_admin) == (duplicate.id, True)
    return real, real_admin, duplicate, stranger, manager


def merge(client, keep, drop, **data):
    return client.post(f"/organizations/merge/{keep.id}/{drop.id}?lang=en", data={"confirm": "y"} | data)


def requests_for(org) -> list[OrganizationInvitation]:
    db.session.expire_all()
    return list(
        db.session.scalars(
            select(OrganizationInvitation)
            .where(OrganizationInvitation.organization_id == org.id)
            .order_by(OrganizationInvitation.id)
        )
    )


def told(user, kind) -> list[Notification]:
    db.session.expire_all()
    return list(
        db.session.scalars(select(Notification).where(Notification.user_id == user.id, Notification.kind == kind))
    )


def test_the_stranger_does_not_become_the_real_organizations_administrator(client, login, case):
    real, real_admin, duplicate, stranger, manager = case
    login(manager)
    assert merge(client, real, duplicate).status_code == 302
    stranger = refreshed(stranger)
    assert stranger.organization_id is None  # the old code: real.id, with is_org_admin kept
    assert not stranger.is_org_admin
    [request] = requests_for(real)
    assert (request.kind, request.status) == (InvitationKind.MERGE, InvitationStatus.PENDING)
    assert request.user_id == stranger.id
    assert request.merged_from == DUPLICATE
    assert request.invited_by_id == manager.id
    assert refreshed(real_admin).is_org_admin
    assert len(told(stranger, NotificationKind.ORG_INVITATION)) == 1
    [notice] = told(real_admin, NotificationKind.ORG_TEAM)
    assert "stranger@example.test" in notice.body
    assert notice.link == f"/organizations/{real.id}/users"
    history = db.session.scalar(select(OrganizationMerge))
    assert f'"{stranger.id}": "pending"' in history.summary

    # pending: no rights in the kept organization
    login(stranger)
    for url in (f"/organizations/{real.id}/users", f"/organizations/{real.id}/edit"):
        assert client.get(url).status_code == 403, url
    assert client.post(f"/organizations/{real.id}/invitations/{request.id}/confirm").status_code == 403
    assert refreshed(stranger).organization_id is None
    html = client.get("/organizations/invitations?lang=en").get_data(as_text=True)
    assert f'data-invitation-id="{request.id}"' in html
    assert 'data-testid="accept-invitation"' not in html  # the organization decides, not the person
    assert client.post(f"/organizations/invitations/{request.id}/accept").status_code == 403
    assert refreshed(stranger).organization_id is None


def test_the_kept_organizations_administrator_confirms_as_an_ordinary_user(client, login, case):
    real, real_admin, duplicate, stranger, manager = case
    login(manager)
    merge(client, real, duplicate)
    [request] = requests_for(real)
    login(real_admin)
    html = client.get(f"/organizations/{real.id}/users?lang=en").get_data(as_text=True)
    assert 'data-testid="waiting-request"' in html
    assert "Посторонний Пётр" in html
    assert client.post(f"/organizations/{real.id}/invitations/{request.id}/confirm").status_code == 302
    stranger = refreshed(stranger)
    assert (stranger.organization_id, stranger.is_org_admin) == (real.id, False)
    [request] = requests_for(real)
    assert (request.status, request.decided_by_id) == (InvitationStatus.ACCEPTED, real_admin.id)
    assert client.post(f"/organizations/{real.id}/invitations/{request.id}/confirm").status_code == 409


def test_the_administrator_refuses(client, login, case):
    real, real_admin, duplicate, stranger, manager = case
    login(manager)
    merge(client, real, duplicate)
    [request] = requests_for(real)
    login(real_admin)
    assert client.post(f"/organizations/{real.id}/invitations/{request.id}/withdraw").status_code == 302
    assert refreshed(stranger).organization_id is None
    assert requests_for(real)[0].status == InvitationStatus.WITHDRAWN
    assert len(told(stranger, NotificationKind.ORG_INVITATION)) == 2  # the merge, then the refusal


def test_the_moved_person_may_withdraw(client, login, case):
    real, _, duplicate, stranger, manager = case
    login(manager)
    merge(client, real, duplicate)
    [request] = requests_for(real)
    login(stranger)
    assert client.post(f"/organizations/invitations/{request.id}/decline").status_code == 302
    assert requests_for(real)[0].status == InvitationStatus.DECLINED
    login(manager)
    assert client.post(f"/organizations/{real.id}/invitations/{request.id}/confirm").status_code == 409
    assert refreshed(stranger).organization_id is None


def test_only_the_kept_organizations_administrators_and_the_manager_confirm(client, login, case):
    real, _, duplicate, stranger, manager = case
    colleague = factories.user(organization=real)
    other = factories.member()
    login(manager)
    merge(client, real, duplicate)
    [request] = requests_for(real)
    before = joining_rows()
    for user in (colleague, other, stranger):
        login(user)
        assert client.post(f"/organizations/{real.id}/invitations/{request.id}/confirm").status_code == 403
    login(other)
    assert client.post(f"/organizations/{other.organization_id}/invitations/{request.id}/confirm").status_code == 404
    assert_joining_unchanged(before)
    login(manager)
    assert client.post(f"/organizations/{real.id}/invitations/{request.id}/confirm").status_code == 302
    assert refreshed(stranger).organization_id == real.id


def test_the_manager_chooses_per_user(client, login, case):
    real, _, duplicate, stranger, manager = case
    confirmed = factories.user(organization=duplicate, full_name="Подтверждённый")
    left = factories.user(organization=duplicate, full_name="Оставленный", is_org_admin=True)
    login(manager)
    response = merge(
        client,
        real,
        duplicate,
        **{
            f"user_{stranger.id}": UserMove.PENDING.value,
            f"user_{confirmed.id}": UserMove.CONFIRMED.value,
            f"user_{left.id}": UserMove.LEAVE.value,
        },
    )
    assert response.status_code == 302
    assert (refreshed(stranger).organization_id, refreshed(stranger).is_org_admin) == (None, False)
    assert (refreshed(confirmed).organization_id, refreshed(confirmed).is_org_admin) == (real.id, False)
    assert (refreshed(left).organization_id, refreshed(left).is_org_admin) == (None, False)
    assert [(r.user_id, r.status) for r in requests_for(real)] == [(stranger.id, InvitationStatus.PENDING)]


def test_an_unknown_choice_is_refused(client, login, case):
    real, _, duplicate, stranger, manager = case
    login(manager)
    before = stored_rows()
    response = merge(client, real, duplicate, **{f"user_{stranger.id}": "admin"})
    assert response.status_code == 400
    assert_unchanged(before)


def test_a_user_the_manager_did_not_see_waits_too(app, case):
    """Someone joined the duplicate after the manager opened the preview: not named, so they wait."""
    real, _, duplicate, stranger, manager = case
    late = factories.user(organization=duplicate, is_org_admin=True)
    with app.test_request_context():
        merge_organizations(real, duplicate, manager, users={stranger.id: UserMove.CONFIRMED})
        db.session.commit()
    assert (refreshed(late).organization_id, refreshed(late).is_org_admin) == (None, False)
    assert {r.user_id for r in requests_for(real) if r.status == InvitationStatus.PENDING} == {late.id}
    assert refreshed(stranger).organization_id == real.id


def test_people_waiting_for_the_duplicate_wait_for_the_kept_organization(app, case):
    """The duplicate's own invitations go with it; a request after an earlier merge moves to the kept one."""
    real, _, duplicate, stranger, manager = case
    earlier = factories.registered()
    invited = factories.registered()
    with app.test_request_context():
        invitations.request_after_merge(duplicate, earlier, by=manager, merged_from="Старый дубль")
        invitations.invite(duplicate, invited.email, invited_by=stranger)
        db.session.commit()
        merge_organizations(real, duplicate, manager)
        db.session.commit()
    pending = {r.user_id: r.merged_from for r in requests_for(real) if r.status == InvitationStatus.PENDING}
    assert pending == {stranger.id: DUPLICATE, earlier.id: "Старый дубль"}
    left = select(OrganizationInvitation).where(OrganizationInvitation.email == invited.email)
    assert db.session.scalar(left) is None


def test_the_preview_names_every_user_and_what_they_become(client, login, case):
    real, _, duplicate, stranger, manager = case
    colleague = factories.user(organization=duplicate, full_name="Коллега Дубля")
    event = event_factories.event(real)
    event_factories.registration(event, stranger)
    login(manager)
    html = client.get(f"/organizations/merge/{real.id}/{duplicate.id}?lang=en").get_data(as_text=True)
    table = html.split('data-testid="merge-users"')[1].split("</table>")[0]
    rows = re.findall(r'data-testid="merge-user" data-user-id="(\d+)"', table)
    assert sorted(map(int, rows)) == sorted([stranger.id, colleague.id])
    for user in (stranger, colleague):
        assert user.full_name in table
        assert user.email in table
        select_html = table.split(f'name="user_{user.id}"')[1].split("</select>")[0]
        assert re.search(r'<option selected value="pending">|<option value="pending" selected>', select_html)
        assert "Ordinary user once an administrator of the kept organization confirms" in select_html
        assert "Do not move: leave without an organization" in select_html
        assert set(re.findall(r'value="(\w+)"', select_html)) == {"pending", "confirmed", "leave"}  # never admin
    stranger_row = table.split(f'data-user-id="{stranger.id}"')[1].split("</tr>")[0]
    assert "Administrator" in stranger_row  # the role in the duplicate is shown
    drop_side = html.split('data-testid="merge-drop"')[1].split('data-testid="merge-form"')[0]
    assert "Users: <strong>2</strong>" in drop_side
    assert "Registrations for events: <strong>1</strong>" in drop_side


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_the_preview_shows_no_raw_column_names(client, login, case, lang):
    real, _, duplicate, stranger, manager = case
    event = event_factories.event(real)
    event_factories.registration(event, stranger)
    factories.product(duplicate)
    login(manager)
    html = client.get(f"/organizations/merge/{real.id}/{duplicate.id}?lang={lang}").get_data(as_text=True)
    assert not re.search(r"\b[a-z_]+\.[a-z_]+_id\b", html), re.findall(r"\b[a-z_]+\.[a-z_]+_id\b", html)


def test_every_reference_to_an_organization_has_a_label(app):
    keys = {ref.key for ref in organization_references()}
    assert keys <= set(RECORD_LABELS), sorted(keys - set(RECORD_LABELS))


def test_users_are_not_moved_by_the_generic_update(app, case):
    """Nothing but the merge's own handling touches the duplicate's users: the summary counts no bulk move."""
    real, _, duplicate, stranger, manager = case
    with app.test_request_context():
        history = merge_organizations(real, duplicate, manager, users={stranger.id: UserMove.LEAVE})
        db.session.commit()
    assert "user_account.organization_id" not in history.summary
    assert db.session.get(User, stranger.id).organization_id is None
