"""Inviting a person into an organization: the person agrees, the administrator learns nothing about accounts.

An administrator (or the manager) invites an e-mail; the answer is the same whatever the address. The
holder of the account is told (in the app and by mail) and accepts or declines; accepting attaches them as
an ordinary user. The organization may withdraw the invitation; it lapses; answers are decided once.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from sqlalchemy import select

from marketplace.accounts.models import User
from marketplace.db import db, utcnow
from marketplace.mail.models import OutboxMessage
from marketplace.notifications.models import Notification, NotificationKind
from marketplace.organizations import invitations
from marketplace.organizations.models import InvitationKind, InvitationStatus, OrganizationInvitation
from tests import factories
from tests.concurrency import COMMITTED, CONFLICT
from tests.organizations.helpers import assert_joining_unchanged, joining_rows, refreshed

NEUTRAL = "If an account with this e-mail can join the organization, it has been invited."


def invite(client, org, email: str):
    return client.post(f"/organizations/{org.id}/users?lang=en", data={"email": email}, follow_redirects=True)


def rows(org=None) -> list[OrganizationInvitation]:
    db.session.expire_all()
    statement = select(OrganizationInvitation).order_by(OrganizationInvitation.id)
    if org is not None:
        statement = statement.where(OrganizationInvitation.organization_id == org.id)
    return list(db.session.scalars(statement))


def notices(user, kind=NotificationKind.ORG_INVITATION) -> list[Notification]:
    db.session.expire_all()
    return list(
        db.session.scalars(
            select(Notification)
            .where(Notification.user_id == user.id, Notification.kind == kind)
            .order_by(Notification.id)
        )
    )


def mails_to(address: str) -> list[OutboxMessage]:
    db.session.expire_all()
    return list(db.session.scalars(select(OutboxMessage).where(OutboxMessage.recipient == address)))


def flash_text(html: str) -> str:
    """The page's alerts, without the parts that name the page."""
    return " ".join(re.findall(r'<div class="alert[^"]*"[^>]*>(.*?)</div>', html, flags=re.DOTALL))


@pytest.fixture
def invited(client, actors, login):
    """The member organization's administrator invited the registered user (through the web)."""
    login(actors.member)
    assert invite(client, actors.org, actors.registered.email.upper()).status_code == 200
    [row] = rows(actors.org)
    return row


def test_inviting_does_not_attach_the_person_but_tells_them(client, actors, invited):
    person = refreshed(actors.registered)
    assert person.organization_id is None  # the old code attached them at once
    assert not person.is_org_admin
    assert invited.kind == InvitationKind.INVITATION
    assert invited.status == InvitationStatus.PENDING
    assert invited.email == actors.registered.email.lower()
    assert invited.invited_by_id == actors.member.id
    assert invited.expires_at > utcnow() + dt.timedelta(days=invitations.INVITATION_DAYS - 1)
    [notice] = notices(actors.registered)
    assert notice.link == "/organizations/invitations"
    assert localized_name(actors.org) in notice.title
    [mail] = mails_to(actors.registered.email)
    assert "/organizations/invitations" in mail.body
    # the administrator's list shows the address and nothing about the account
    html = client.get(f"/organizations/{actors.org.id}/users?lang=en").get_data(as_text=True)
    assert 'data-testid="sent-invitation"' in html
    assert actors.registered.email.lower() in html
    assert actors.registered.full_name not in html


def localized_name(org) -> str:
    return org.name_ru  # the registered user reads Russian (the default)


@pytest.mark.parametrize("who", ["nobody", "inactive", "registered", "other_member", "colleague", "manager", "self"])
def test_the_answer_is_the_same_whatever_the_address(client, actors, login, who):
    emails = {
        "nobody": "nobody@example.test",
        "inactive": factories.registered(active=False).email,
        "registered": actors.registered.email,
        "other_member": actors.other_member.email,
        "colleague": actors.colleague.email,
        "manager": actors.manager.email,
        "self": actors.member.email,
    }
    users_before = {u.id: (u.organization_id, u.is_org_admin) for u in db.session.scalars(select(User))}
    login(actors.member)
    response = client.post(f"/organizations/{actors.org.id}/users?lang=en", data={"email": emails[who]})
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/organizations/{actors.org.id}/users")
    html = client.get(response.headers["Location"] + "?lang=en").get_data(as_text=True)
    assert flash_text(html).strip().startswith(NEUTRAL)
    for leak in ("already", "No active account", "manager cannot", "another organization", "belongs"):
        assert leak not in flash_text(html), leak
    db.session.expire_all()
    assert {u.id: (u.organization_id, u.is_org_admin) for u in db.session.scalars(select(User))} == users_before
    told = {n.user_id for n in db.session.scalars(select(Notification))}
    assert told == ({actors.registered.id} if who == "registered" else set())


def test_the_administrators_list_looks_the_same_for_an_account_and_for_no_account(client, actors, login):
    login(actors.member)
    invite(client, actors.org, actors.registered.email)
    invite(client, actors.org, "nobody@example.test")
    invite(client, actors.org, actors.other_member.email)
    html = client.get(f"/organizations/{actors.org.id}/users?lang=en").get_data(as_text=True)
    listed = re.findall(r'<tr data-testid="sent-invitation">\s*<td>([^<]+)</td>', html)
    assert sorted(listed) == sorted([actors.registered.email, "nobody@example.test", actors.other_member.email])


def test_invitee_accepts_and_joins_as_an_ordinary_user(client, actors, login, invited):
    login(actors.registered)
    html = client.get("/organizations/invitations?lang=en").get_data(as_text=True)
    assert f'data-invitation-id="{invited.id}"' in html
    assert 'data-testid="accept-invitation"' in html
    response = client.post(f"/organizations/invitations/{invited.id}/accept")
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/organizations/{actors.org.id}")
    person = refreshed(actors.registered)
    assert person.organization_id == actors.org.id
    assert not person.is_org_admin
    [row] = rows(actors.org)
    assert (row.status, row.user_id, row.decided_by_id) == (InvitationStatus.ACCEPTED, person.id, person.id)
    assert [n.user_id for n in notices(actors.member, NotificationKind.ORG_TEAM)] == [actors.member.id]
    # answered: no longer offered, and not twice
    assert 'data-testid="invitation"' not in client.get("/organizations/invitations").get_data(as_text=True)
    assert client.post(f"/organizations/invitations/{invited.id}/accept").status_code == 409


def test_first_user_of_an_empty_organization_joins_as_an_ordinary_user(client, actors, login):
    """The manager registered an organization without users and invites its first one: no silent admin."""
    empty_org = factories.organization()
    person = factories.registered()
    login(actors.manager)
    invite(client, empty_org, person.email)
    [row] = rows(empty_org)
    login(person)
    assert client.post(f"/organizations/invitations/{row.id}/accept").status_code == 302
    person = refreshed(person)
    assert (person.organization_id, person.is_org_admin) == (empty_org.id, False)
    login(actors.manager)  # the manager grants the rights explicitly
    assert client.post(f"/organizations/{empty_org.id}/users/{person.id}/admin").status_code == 302
    assert refreshed(person).is_org_admin


def test_invitee_declines(client, actors, login, invited):
    login(actors.registered)
    response = client.post(f"/organizations/invitations/{invited.id}/decline")
    assert response.status_code == 302
    assert refreshed(actors.registered).organization_id is None
    [row] = rows(actors.org)
    assert row.status == InvitationStatus.DECLINED
    assert client.post(f"/organizations/invitations/{invited.id}/accept").status_code == 409
    assert refreshed(actors.registered).organization_id is None


def test_declined_invitation_is_not_pressed_again_at_once(client, actors, login, invited):
    login(actors.registered)
    client.post(f"/organizations/invitations/{invited.id}/decline")
    login(actors.member)
    invite(client, actors.org, actors.registered.email)
    [row] = rows(actors.org)
    assert row.status == InvitationStatus.DECLINED
    assert len(notices(actors.registered)) == 1
    row.decided_at = utcnow() - dt.timedelta(days=invitations.INVITATION_DAYS + 1)
    db.session.commit()
    invite(client, actors.org, actors.registered.email)
    [row] = rows(actors.org)  # the same row, re-opened
    assert row.status == InvitationStatus.PENDING
    assert len(notices(actors.registered)) == 2


def test_inviting_again_while_open_sends_nothing_new(client, actors, login, invited):
    invite(client, actors.org, actors.registered.email)
    assert len(rows(actors.org)) == 1
    assert len(notices(actors.registered)) == 1


def test_only_the_invitee_answers(client, actors, login, invited):
    before = joining_rows()
    for user in (actors.member, actors.colleague, actors.other_member, actors.outsider, actors.manager):
        login(user)
        for action in ("accept", "decline"):
            assert client.post(f"/organizations/invitations/{invited.id}/{action}").status_code == 404, user
        assert f'data-invitation-id="{invited.id}"' not in client.get("/organizations/invitations").get_data(
            as_text=True
        )
    assert_joining_unchanged(before)


def test_administrator_withdraws_and_the_invitee_can_no_longer_accept(client, actors, login, invited):
    login(actors.member)
    assert client.post(f"/organizations/{actors.org.id}/invitations/{invited.id}/withdraw").status_code == 302
    [row] = rows(actors.org)
    assert (row.status, row.decided_by_id) == (InvitationStatus.WITHDRAWN, actors.member.id)
    login(actors.registered)
    assert client.post(f"/organizations/invitations/{invited.id}/accept").status_code == 409
    assert refreshed(actors.registered).organization_id is None


def test_only_the_organizations_administrators_and_the_manager_withdraw(client, actors, login, invited):
    url = f"/organizations/{actors.org.id}/invitations/{invited.id}/withdraw"
    before = joining_rows()
    for user in (actors.colleague, actors.other_member, actors.registered):
        login(user)
        assert client.post(url).status_code == 403
    login(actors.other_member)  # through its own organization: not its invitation
    assert client.post(f"/organizations/{actors.other_org.id}/invitations/{invited.id}/withdraw").status_code == 404
    assert_joining_unchanged(before)
    login(actors.manager)
    assert client.post(url).status_code == 302
    assert rows(actors.org)[0].status == InvitationStatus.WITHDRAWN


def test_an_expired_invitation_cannot_be_accepted_and_may_be_sent_again(client, actors, login, invited):
    invited = db.session.get(OrganizationInvitation, invited.id)
    invited.expires_at = utcnow() - dt.timedelta(minutes=1)
    db.session.commit()
    login(actors.registered)
    assert 'data-testid="invitation"' not in client.get("/organizations/invitations").get_data(as_text=True)
    assert client.post(f"/organizations/invitations/{invited.id}/accept").status_code == 409
    assert refreshed(actors.registered).organization_id is None
    login(actors.member)
    invite(client, actors.org, actors.registered.email)
    [row] = rows(actors.org)
    assert row.is_open()
    assert len(notices(actors.registered)) == 2


def test_someone_in_another_organization_cannot_accept(client, actors, login):
    login(actors.member)
    invite(client, actors.org, actors.outsider.email)
    [row] = rows(actors.org)
    assert notices(actors.outsider) == []  # not told: they cannot join now
    login(actors.outsider)
    html = client.get("/organizations/invitations?lang=en").get_data(as_text=True)
    assert 'data-testid="accept-invitation"' not in html
    assert client.post(f"/organizations/invitations/{row.id}/accept").status_code == 409
    outsider = refreshed(actors.outsider)
    assert outsider.organization_id == actors.outsider_org.id
    assert rows(actors.org)[0].status == InvitationStatus.PENDING  # the refused request changed nothing


def test_invitation_is_shown_on_the_organizations_page_and_the_create_page(client, actors, login, invited):
    login(actors.registered)
    for url in (f"/organizations/{actors.org.id}?lang=en", "/organizations/new?lang=en"):
        html = client.get(url).get_data(as_text=True)
        assert f'data-invitation-id="{invited.id}"' in html, url
    login(actors.colleague)  # nobody else sees it
    assert 'data-testid="invitation"' not in client.get(f"/organizations/{actors.org.id}").get_data(as_text=True)


def test_the_profile_of_a_person_without_organization_leads_to_their_invitations(client, actors, login, invited):
    login(actors.registered)
    html = client.get("/account/profile?lang=en").get_data(as_text=True)
    assert 'href="/organizations/invitations" data-testid="my-invitations-link"' in html
    assert f'data-invitation-id="{invited.id}"' in client.get("/organizations/invitations").get_data(as_text=True)
    login(actors.colleague)  # in an organization already: no such hint
    assert "my-invitations-link" not in client.get("/account/profile").get_data(as_text=True)


def test_an_account_registered_after_the_invitation_sees_it(client, actors, login):
    login(actors.member)
    invite(client, actors.org, "later@example.test")
    [row] = rows(actors.org)
    later = factories.registered(email="later@example.test")
    login(later)
    assert client.post(f"/organizations/invitations/{row.id}/accept").status_code == 302
    assert refreshed(later).organization_id == actors.org.id


def test_accepting_two_invitations_at_once_joins_one_organization(app, actors, rendezvous):
    person = factories.registered()
    first = invitations.invite(actors.org, person.email, invited_by=actors.member)
    second = invitations.invite(actors.other_org, person.email, invited_by=actors.other_member)
    db.session.commit()
    ids = [first.id, second.id]

    def accept(invitation_id: int) -> None:
        invitation = db.session.get(OrganizationInvitation, invitation_id)
        user = db.session.get(User, person.id)
        rendezvous.wait()
        invitations.accept(invitation, user)

    outcomes = rendezvous.in_sessions(app, accept, [(i,) for i in ids])
    assert sorted(outcomes) == [COMMITTED, CONFLICT], outcomes
    won = ids[outcomes.index(COMMITTED)]
    lost = ids[outcomes.index(CONFLICT)]
    db.session.expire_all()
    winner = db.session.get(OrganizationInvitation, won)
    assert refreshed(person).organization_id == winner.organization_id
    assert winner.status == InvitationStatus.ACCEPTED
    assert db.session.get(OrganizationInvitation, lost).status == InvitationStatus.PENDING  # rolled back


def test_accept_races_withdraw_once(app, actors, rendezvous):
    person = factories.registered()
    row = invitations.invite(actors.org, person.email, invited_by=actors.member)
    db.session.commit()

    def answer(action: str) -> None:
        invitation = db.session.get(OrganizationInvitation, row.id)
        user = db.session.get(User, person.id if action == "accept" else actors.member.id)
        rendezvous.wait()
        getattr(invitations, action)(invitation, user)

    outcomes = rendezvous.in_sessions(app, answer, [("accept",), ("withdraw",)])
    assert sorted(outcomes) == [COMMITTED, CONFLICT], outcomes
    db.session.expire_all()
    stored = db.session.get(OrganizationInvitation, row.id)
    joined = refreshed(person).organization_id == actors.org.id
    assert stored.status == (InvitationStatus.ACCEPTED if joined else InvitationStatus.WITHDRAWN)
    assert joined == (outcomes[0] == COMMITTED)
