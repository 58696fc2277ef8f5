"""Registration: the same answer for every address, a link that confirms the address and logs in,
the consent to the processing of personal data."""

from __future__ import annotations

import time

import pytest
from itsdangerous import TimestampSigner
from sqlalchemy import func, select

from marketplace.accounts import services as account_services
from marketplace.accounts.consent import CONSENT_TEXT, CONSENT_VERSION
from marketplace.accounts.models import Consent, User, UserSession
from marketplace.db import db
from tests import factories
from tests.factories import count, fresh

from .helpers import link_in, outbox

GOOD = {
    "email": "Anna.Petrova@Example.com",
    "full_name": "Анна Петрова",
    "password": "long-enough-1",
    "confirm": "long-enough-1",
    "consent": "y",
}
SENT = b"We have sent a link to anna.petrova@example.com to finish registration."


def user_count() -> int:
    return db.session.scalar(select(func.count()).select_from(User))


def register(client, **changes):
    return client.post("/account/register?lang=en", data=GOOD | changes, follow_redirects=True)


def test_the_form_shows_the_consent_and_its_version(client, app):
    html = client.get("/account/register?lang=en").get_data(as_text=True)
    assert CONSENT_TEXT["en"].split("\n\n")[0][:80] in html
    assert f"Version {CONSENT_VERSION}" in html
    html = client.get("/account/register?lang=ru").get_data(as_text=True)
    assert CONSENT_TEXT["ru"].split("\n\n")[0][:80] in html


def test_the_consent_page_is_public(client, app):
    response = client.get("/account/consent?lang=en")
    assert response.status_code == 200
    assert f"Version {CONSENT_VERSION}".encode() in response.data


def test_register_creates_an_unconfirmed_account_and_mails_the_link(client, app):
    response = register(client)
    assert response.status_code == 200
    assert SENT in response.data
    db.session.expire_all()
    user = db.session.scalar(select(User))
    assert user.email == "anna.petrova@example.com"  # stored lower-cased
    assert user.full_name == "Анна Петрова"
    assert user.check_password("long-enough-1")
    assert user.password_hash != "long-enough-1"
    assert not user.email_confirmed
    assert user.organization_id is None
    assert not user.is_org_admin
    assert user.last_login_at is None
    [consent] = db.session.scalars(select(Consent).where(Consent.user_id == user.id))
    assert consent.version == CONSENT_VERSION
    assert consent.given_at is not None
    assert consent.withdrawn_at is None
    [message] = outbox()
    assert message.recipient == "anna.petrova@example.com"
    assert "/account/confirm/" in message.body
    assert client.get("/account/profile").status_code == 302  # not logged in yet


def test_the_link_confirms_the_address_and_logs_in(client, app):
    register(client)
    path = link_in(outbox()[0], "/account/confirm/")
    page = client.get(path + "?lang=en")
    assert page.status_code == 200
    assert b"anna.petrova@example.com" in page.data
    user = db.session.scalar(select(User))
    assert not fresh(User, user.id).email_confirmed  # opening the link (a mail scanner) changes nothing

    response = client.post(path)
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/organizations/new")
    confirmed = fresh(User, user.id)
    assert confirmed.email_confirmed
    assert confirmed.last_login_at is not None
    assert count(UserSession, UserSession.user_id == user.id) == 1
    assert client.get("/account/profile").status_code == 200

    again = client.get(path)  # a second click: already confirmed
    assert again.status_code == 302


def test_an_unconfirmed_account_cannot_log_in_and_is_told_like_a_wrong_password(client, app):
    register(client)
    response = client.post(
        "/account/login?lang=en", data={"email": "anna.petrova@example.com", "password": "long-enough-1"}
    )
    assert response.status_code == 400
    assert b"Wrong e-mail or password." in response.data
    assert b"Send the link again" in response.data
    assert client.get("/account/profile").status_code == 302
    assert count(UserSession) == 0


def test_an_existing_address_gets_the_same_answer_and_a_reminder_by_mail(client, app):
    user = factories.user(email="anna.petrova@example.com", full_name="Анна Старая", locale="en")
    response = register(client, full_name="Someone Else", password="another-long-1", confirm="another-long-1")
    assert response.status_code == 200
    assert SENT in response.data
    assert b"already" not in response.data
    assert user_count() == 1
    kept = fresh(User, user.id)
    assert kept.full_name == "Анна Старая"
    assert kept.check_password(factories.PASSWORD)
    [message] = outbox()
    assert message.recipient == "anna.petrova@example.com"
    assert "already has an account" in message.body
    assert "http://localhost/account/reset" in message.body
    assert "/account/confirm/" not in message.body


def test_registering_again_before_confirming_replaces_the_registration(client, app):
    register(client)
    first_link = link_in(outbox()[0], "/account/confirm/")
    register(client, full_name="Анна П.", password="second-choice-2", confirm="second-choice-2")
    assert user_count() == 1
    user = db.session.scalar(select(User))
    assert user.full_name == "Анна П."
    assert user.check_password("second-choice-2")
    assert count(Consent, Consent.user_id == user.id) == 2  # each registration's consent is kept
    assert client.post(first_link).status_code == 302
    assert not fresh(User, user.id).email_confirmed  # the first link died with the first password
    second_link = link_in(outbox()[1], "/account/confirm/")
    client.post(second_link)
    assert fresh(User, user.id).email_confirmed


def test_the_link_expires(client, app, monkeypatch):
    register(client)
    path = link_in(outbox()[0], "/account/confirm/")
    later = int(time.time()) + app.config["EMAIL_CONFIRM_MAX_AGE"] + 60
    monkeypatch.setattr(TimestampSigner, "get_timestamp", lambda _self: later)
    response = client.post(path)
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/account/confirm/resend")
    assert not db.session.scalar(select(User)).email_confirmed


@pytest.mark.parametrize("token", ["not-a-token", "x" * 40])
def test_forged_links_are_refused(client, app, token):
    response = client.get(f"/account/confirm/{token}")
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/account/confirm/resend")


def test_resend_mails_a_new_link_only_to_an_unfinished_registration(client, app):
    register(client)
    factories.user(email="confirmed@example.com")
    for email in ("Anna.Petrova@example.com", "confirmed@example.com", "nobody@example.com"):
        response = client.post("/account/confirm/resend?lang=en", data={"email": email}, follow_redirects=True)
        assert response.status_code == 200
        assert b"If a registration with this e-mail is waiting for confirmation" in response.data
    messages = outbox()
    assert [m.recipient for m in messages] == ["anna.petrova@example.com", "anna.petrova@example.com"]
    client.post(link_in(messages[1], "/account/confirm/"))
    assert db.session.scalar(select(User).where(User.email == "anna.petrova@example.com")).email_confirmed


def test_a_reset_link_also_finishes_an_unfinished_registration(client, app):
    register(client)
    client.post("/account/reset", data={"email": "anna.petrova@example.com"})
    path = link_in(outbox()[1], "/account/reset/")
    client.post(path, data={"password": "chosen-anew-3", "confirm": "chosen-anew-3"})
    user = db.session.scalar(select(User))
    assert fresh(User, user.id).email_confirmed
    response = client.post("/account/login", data={"email": "anna.petrova@example.com", "password": "chosen-anew-3"})
    assert response.status_code == 302


@pytest.mark.parametrize(
    ("changes", "field_error"),
    [
        ({"confirm": "something-else"}, b"The passwords do not match."),
        ({"password": "short", "confirm": "short"}, b"Use at least 10 characters."),
        ({"email": "not-an-email"}, b"Enter a valid e-mail address."),
        ({"full_name": "   "}, b"This field is required."),
        ({"consent": ""}, b"Registration needs your consent to the processing of personal data."),
    ],
)
def test_register_rejects_bad_input(client, app, changes, field_error):
    response = client.post("/account/register?lang=en", data=GOOD | changes)
    assert response.status_code == 400
    assert field_error in response.data
    assert user_count() == 0
    assert outbox() == []


def test_register_race_on_the_unique_email_answers_the_same(client, app, monkeypatch):
    """Both registrations find no account (the other commits in between): the unique index decides,
    and the loser answers as for an address with an account."""
    factories.user(email="anna.petrova@example.com", locale="en")  # the mail is in the account's language
    monkeypatch.setattr(account_services, "find_user_by_email", _missing_once(account_services.find_user_by_email))
    response = register(client)
    assert response.status_code == 200
    assert SENT in response.data
    assert user_count() == 1
    [message] = outbox()
    assert "already has an account" in message.body


def _missing_once(find):
    calls = []

    def fake(email):
        calls.append(email)
        return None if len(calls) == 1 else find(email)

    return fake


def test_a_logged_in_user_confirming_someone_elses_link_is_switched(client, app, login):
    other = login(factories.registered())
    anonymous = app.test_client()  # a logged-in user is sent away from the form
    anonymous.post("/account/register", data=GOOD)
    path = link_in(outbox()[0], "/account/confirm/")
    client.post(path)
    profile = client.get("/account/profile?lang=en")
    assert b"anna.petrova@example.com" in profile.data
    assert count(UserSession, UserSession.user_id == other.id, UserSession.revoked_at.is_(None)) == 0


def test_the_pages_asking_for_an_e_mail_show_their_own_words(client, app):
    """The reset and the resend pages share one layout; each keeps its title, text and form."""
    reset = client.get("/account/reset?lang=en").get_data(as_text=True)
    resend = client.get("/account/confirm/resend?lang=en").get_data(as_text=True)
    assert "Forgot your password?</h1>" in reset
    assert 'data-testid="reset-request-form"' in reset
    assert "Send the confirmation link again</h1>" in resend
    assert 'data-testid="resend-form"' in resend
    assert "waiting for confirmation" in resend
    assert "waiting for confirmation" not in reset
