"""A person's data: the download, and deleting the account (anonymised, the organization's records kept)."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from marketplace.accounts.consent import CONSENT_VERSION
from marketplace.accounts.models import Consent, User, UserSession
from marketplace.accounts.personal_data import DELETED_EMAIL_DOMAIN, DELETED_NAME
from marketplace.db import db
from marketplace.mail.models import OutboxMessage
from marketplace.mail.services import send_mail
from marketplace.models import Order
from marketplace.notifications.models import Notification, NotificationKind, NotificationPreference
from marketplace.organizations import invitations
from marketplace.organizations.models import OrganizationInvitation
from tests import factories
from tests.events import helpers as event_factories
from tests.factories import assert_unchanged, count, fresh, stored_rows
from tests.ideas import helpers as idea_factories

from .helpers import log_in_client


@pytest.fixture
def person(app):
    """A member with a bit of everything: a consent, a notification, a preference, an event, an idea."""
    user = factories.member(name_ru="ООО «Фланец»")
    user.phone = "+7 900 000 11 22"
    user.position = "Инженер-технолог"
    db.session.add(Consent(user_id=user.id, version=CONSENT_VERSION))
    db.session.add(Notification(user_id=user.id, kind=NotificationKind.IDEA_COMMENT, title="Комментарий к идее"))
    db.session.add(NotificationPreference(user_id=user.id, kind=NotificationKind.ORDER_MATCH, email=False))
    db.session.commit()
    event_factories.registration(event_factories.event(user.organization, title_ru="Биржа контактов"), user)
    idea_factories.comment(idea_factories.idea(user, title="Общий стенд"), user, body="Поддерживаю")
    return user


def test_the_download_holds_the_persons_data(client, app, login, person):
    login(person)
    response = client.get("/account/export")
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    assert "attachment" in response.headers["Content-Disposition"]
    assert response.headers["Cache-Control"] == "no-store"
    data = json.loads(response.get_data(as_text=True))
    profile = data["profile"]
    assert profile["email"] == person.email
    assert profile["full_name"] == person.full_name
    assert profile["phone"] == "+7 900 000 11 22"
    assert profile["position"] == "Инженер-технолог"
    assert profile["organization"]["name"] == "ООО «Фланец»"
    assert [c["version"] for c in data["consents"]] == [CONSENT_VERSION]
    assert len(data["sessions"]) == 1  # the one the test logged in with
    assert [n["title"] for n in data["notifications"]] == ["Комментарий к идее"]
    assert data["notification_preferences"] == [{"kind": "order_match", "in_app": True, "email": False}]
    assert [r["event"] for r in data["event_registrations"]] == ["Биржа контактов"]
    assert [i["title"] for i in data["ideas"]] == ["Общий стенд"]
    assert [c["body"] for c in data["idea_comments"]] == ["Поддерживаю"]
    assert "Биржа контактов" in response.get_data(as_text=True)  # readable UTF-8, not \\u escapes


def test_the_download_is_only_ones_own(client, app, login, person):
    other = login(factories.registered())
    data = client.get("/account/export").get_json()
    assert data["profile"]["email"] == other.email
    assert data["notifications"] == []
    assert person.email not in json.dumps(data)


def test_guests_are_sent_to_log_in(client, app):
    for url in ("/account/export", "/account/delete"):
        response = client.get(url)
        assert response.status_code == 302
        assert "/account/login" in response.headers["Location"]


def test_deleting_the_account_anonymises_it_and_keeps_the_records(client, app, login, person):
    organization = person.organization
    colleague = factories.user(organization=organization, is_org_admin=True)
    order = factories.order(organization, created_by_id=person.id)
    send_mail(person.email, "Заказ опубликован", f"Здравствуйте, {person.full_name}!")
    db.session.commit()
    laptop = app.test_client()
    log_in_client(laptop, person)
    login(person)
    old_email = person.email

    response = client.post("/account/delete", data={"password": factories.PASSWORD})
    assert response.status_code == 302
    deleted = fresh(User, person.id)
    assert deleted.full_name == DELETED_NAME
    assert deleted.email.endswith("@" + DELETED_EMAIL_DOMAIN)
    assert deleted.email != old_email
    assert (deleted.phone, deleted.position) == ("", "")
    assert not deleted.active
    assert deleted.deleted_at is not None
    assert deleted.organization_id is None
    assert not deleted.is_org_admin
    assert not deleted.check_password(factories.PASSWORD)
    assert count(UserSession, UserSession.user_id == person.id) == 0
    assert count(Notification, Notification.user_id == person.id) == 0
    assert count(NotificationPreference, NotificationPreference.user_id == person.id) == 0
    [consent] = db.session.scalars(select(Consent).where(Consent.user_id == person.id))
    assert consent.withdrawn_at is not None
    assert db.session.scalar(select(User).where(User.email == old_email)) is None
    # The organization's records stay, pointing at the anonymised account.
    assert fresh(Order, order.id).created_by_id == person.id
    assert fresh(User, colleague.id).organization_id == organization.id
    # Every session ended, and nobody can log in with the old credentials.
    assert client.get("/account/profile").status_code == 302
    assert laptop.get("/account/profile").status_code == 302
    login_again = client.post("/account/login", data={"email": old_email, "password": factories.PASSWORD})
    assert login_again.status_code == 400


def test_deleting_removes_the_mail_sent_to_the_address(client, app, login):
    user = login(factories.registered(email="leaving@example.com"))
    send_mail("leaving@example.com", "Сброс пароля", "ссылка")
    send_mail("staying@example.com", "Другое", "текст")
    db.session.commit()
    client.post("/account/delete", data={"password": factories.PASSWORD})
    assert [m.recipient for m in db.session.scalars(select(OutboxMessage))] == ["staying@example.com"]
    assert fresh(User, user.id).deleted_at is not None


def test_a_wrong_password_deletes_nothing(client, app, login, person):
    login(person)
    before = stored_rows()
    response = client.post("/account/delete?lang=en", data={"password": "not-my-password"})
    assert response.status_code == 400
    assert b"The password is wrong." in response.data
    assert_unchanged(before)


def test_a_json_client_gets_json_errors(client, app, login, person):
    login(person)
    response = client.post(
        "/account/delete?lang=en", data={"password": "not-my-password"}, headers={"Accept": "application/json"}
    )
    assert response.status_code == 400
    assert response.get_json()["error"]["fields"] == {"password": ["The password is wrong."]}


def test_the_last_admin_with_colleagues_must_hand_over_first(client, app, login, person):
    colleague = factories.user(organization=person.organization)
    login(person)
    page = client.get("/account/delete?lang=en")
    assert b"You are the only administrator of your organization." in page.data
    assert b'data-testid="delete-form"' not in page.data
    before = stored_rows()
    response = client.post("/account/delete?lang=en", data={"password": factories.PASSWORD})
    assert response.status_code == 409
    assert b"Make another of its users an administrator" in response.data
    assert_unchanged(before)
    json_client = client.post(
        "/account/delete?lang=en", data={"password": factories.PASSWORD}, headers={"Accept": "application/json"}
    )
    assert json_client.status_code == 409
    assert json_client.get_json()["error"]["code"] == "conflict"

    colleague.is_org_admin = True
    db.session.commit()
    assert client.post("/account/delete", data={"password": factories.PASSWORD}).status_code == 302
    assert fresh(User, colleague.id).is_org_admin


def test_the_only_user_of_an_organization_may_go_and_is_warned(client, app, login, person):
    login(person)
    page = client.get("/account/delete?lang=en")
    assert b"You are the only user of your organization." in page.data
    assert client.post("/account/delete", data={"password": factories.PASSWORD}).status_code == 302
    assert fresh(User, person.id).deleted_at is not None


def test_the_profile_offers_the_download_and_the_deletion(client, app, login, person):
    login(person)
    html = client.get("/account/profile?lang=en").get_data(as_text=True)
    assert "/account/export" in html
    assert "/account/delete" in html
    assert f"version {CONSENT_VERSION}" in html


def test_invitations_to_the_person_are_in_the_download_and_go_with_the_account(client, app, login):
    inviting = factories.member(name_ru="ООО «Приглашает»")
    other = factories.member(name_ru="ООО «Другое»")
    user = factories.registered(email="invited@example.com")
    invitations.invite(inviting.organization, "Invited@Example.com", invited_by=inviting)
    invitations.invite(other.organization, "someone.else@example.com", invited_by=other)
    db.session.commit()
    login(user)
    exported = json.loads(client.get("/account/export").get_data(as_text=True))
    assert [(i["organization"], i["status"]) for i in exported["organization_invitations"]] == [
        ("ООО «Приглашает»", "pending")
    ]
    client.post("/account/delete", data={"password": factories.PASSWORD})
    assert [i.email for i in db.session.scalars(select(OrganizationInvitation))] == ["someone.else@example.com"]
