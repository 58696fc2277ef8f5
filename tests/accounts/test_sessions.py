"""Server-side sessions: logging out (here, everywhere, one other browser) really ends a session,
whatever cookies a browser kept; a password change or reset ends the others."""

from __future__ import annotations

import datetime as dt
import re

from sqlalchemy import select

from marketplace.accounts import sessions
from marketplace.accounts.models import User, UserSession
from marketplace.db import db, utcnow
from tests import factories
from tests.factories import count, fresh

from .helpers import link_in, outbox

FIREFOX = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0"


def log_in(client, user, *, remember: bool = False, agent: str = FIREFOX, address: str = "203.0.113.7"):
    data = {"email": user.email, "password": factories.PASSWORD} | ({"remember": "y"} if remember else {})
    response = client.post(
        "/account/login", data=data, headers={"User-Agent": agent}, environ_base={"REMOTE_ADDR": address}
    )
    assert response.status_code == 302, response.data
    return response


def logged_in(client) -> bool:
    return client.get("/account/profile").status_code == 200


def copy_cookie(source, target, name: str) -> None:
    cookie = source.get_cookie(name)
    assert cookie is not None, name
    target.set_cookie(name, cookie.value)


def live(user) -> list[UserSession]:
    db.session.expire_all()
    return list(
        db.session.scalars(select(UserSession).where(UserSession.user_id == user.id, UserSession.revoked_at.is_(None)))
    )


def test_login_opens_a_session_record(client, app):
    user = factories.registered()
    log_in(client, user)
    [record] = live(user)
    assert record.user_agent == FIREFOX
    assert record.ip_address == "203.0.113.7"
    assert record.created_at is not None
    assert record.last_seen_at is not None
    # The cookie names the session by a token; the table keeps only its digest.
    token = _session_token(client)
    assert record.token_hash == sessions.token_hash(token)
    assert token not in record.token_hash


def _session_token(client) -> str:
    with client.session_transaction() as session:
        user_id, _, token = session["_user_id"].partition(":")
    assert user_id.isdigit()
    return token


def test_a_copied_session_cookie_no_longer_works_after_logout(client, app):
    user = factories.registered()
    log_in(client, user)
    thief = app.test_client()
    copy_cookie(client, thief, "session")
    assert logged_in(thief)

    assert client.post("/account/logout").status_code == 302
    assert not logged_in(client)
    assert not logged_in(thief)
    assert live(user) == []


def test_a_remember_cookie_no_longer_works_after_logout(client, app):
    user = factories.registered()
    log_in(client, user, remember=True)
    saved = client.get_cookie("remember_token").value  # a copy kept by the browser, or by a thief
    later = app.test_client()  # the browser restarted: no session cookie, only the remember cookie
    later.set_cookie("remember_token", saved)
    assert logged_in(later)

    client.post("/account/logout")
    returning = app.test_client()
    returning.set_cookie("remember_token", saved)
    assert not logged_in(returning)


def test_logout_ends_only_this_session(client, app):
    user = factories.registered()
    log_in(client, user)
    phone = app.test_client()
    log_in(phone, user, agent="Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/126.0 Mobile Safari/537.36")
    client.post("/account/logout")
    assert not logged_in(client)
    assert logged_in(phone)
    assert len(live(user)) == 1


def test_log_out_everywhere(client, app):
    user = factories.registered()
    log_in(client, user, remember=True)
    laptop = app.test_client()
    log_in(laptop, user, remember=True)
    laptop_remember = app.test_client()
    copy_cookie(laptop, laptop_remember, "remember_token")
    other_user = factories.registered()
    stranger = app.test_client()
    log_in(stranger, other_user)

    response = client.post("/account/sessions/end-all")
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/account/login")
    assert not logged_in(client)
    assert not logged_in(laptop)
    assert not logged_in(laptop_remember)
    assert live(user) == []
    assert logged_in(stranger)  # another user's sessions go on
    assert len(live(other_user)) == 1


def test_log_out_everywhere_is_post_only_and_for_users(client, app):
    assert client.get("/account/sessions/end-all").status_code == 405
    response = client.post("/account/sessions/end-all")
    assert response.status_code == 302
    assert "/account/login" in response.headers["Location"]


def test_ending_another_session_from_the_profile(client, app):
    user = factories.registered()
    log_in(client, user)
    phone = app.test_client()
    log_in(phone, user)
    phone_session = next(s for s in live(user) if s.id != _current_id(client, user))

    response = client.post(f"/account/sessions/{phone_session.id}/end")
    assert response.status_code == 302
    assert not logged_in(phone)
    assert logged_in(client)
    assert fresh(UserSession, phone_session.id).revoked_at is not None


def test_ending_this_session_from_the_profile_logs_out(client, app):
    user = factories.registered()
    log_in(client, user)
    this_id = _current_id(client, user)
    assert client.post(f"/account/sessions/{this_id}/end").status_code == 302
    assert not logged_in(client)


def test_nobody_ends_another_users_session(client, app):
    victim = factories.registered()
    phone = app.test_client()
    log_in(phone, victim)
    [victim_session] = live(victim)
    log_in(client, factories.registered())
    assert client.post(f"/account/sessions/{victim_session.id}/end").status_code == 404
    assert client.post("/account/sessions/999999/end").status_code == 404
    assert logged_in(phone)
    assert fresh(UserSession, victim_session.id).revoked_at is None


def _current_id(client, user) -> int:
    token = _session_token(client)
    return db.session.scalar(select(UserSession.id).where(UserSession.token_hash == sessions.token_hash(token)))


def test_the_profile_lists_the_live_sessions(client, app):
    user = factories.registered()
    log_in(client, user)
    phone = app.test_client()
    log_in(
        phone, user, agent="Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Safari/604.1", address="198.51.100.9"
    )
    ended = app.test_client()
    log_in(ended, user)
    ended.post("/account/logout")

    html = client.get("/account/profile?lang=en").get_data(as_text=True)
    assert html.count('data-testid="session-row"') == 2
    assert "Firefox, Windows" in html
    assert "Safari, iPhone" in html
    assert "198.51.100.9" in html
    assert html.count('data-testid="this-session"') == 1
    assert "Log out everywhere" in html


def test_changing_the_password_ends_other_sessions_but_keeps_this_one(app, client):
    user = factories.registered()
    log_in(client, user)
    other_device = app.test_client()
    log_in(other_device, user, remember=True)
    assert logged_in(other_device)

    response = client.post(
        "/account/password",
        data={
            "current_password": factories.PASSWORD,
            "password": "a-brand-new-secret",
            "confirm": "a-brand-new-secret",
        },
    )
    assert response.status_code == 302
    assert fresh(User, user.id).check_password("a-brand-new-secret")
    assert logged_in(client)
    assert not logged_in(other_device)
    assert len(live(user)) == 1


def test_a_password_reset_ends_every_session(client, app):
    user = factories.registered(email="ivan@example.com")
    laptop = app.test_client()
    log_in(laptop, user, remember=True)
    client.post("/account/reset", data={"email": "ivan@example.com"})
    path = link_in(outbox()[0], "/account/reset/")
    assert client.post(path, data={"password": "fresh-password-1", "confirm": "fresh-password-1"}).status_code == 302
    assert not logged_in(laptop)
    assert live(user) == []


def test_a_session_unused_for_the_remember_lifetime_is_over(client, app):
    user = factories.registered()
    log_in(client, user)
    [record] = live(user)
    record.last_seen_at = utcnow() - app.config["REMEMBER_COOKIE_DURATION"] - dt.timedelta(minutes=1)
    db.session.commit()
    assert not logged_in(client)


def test_last_seen_is_written_at_most_every_few_minutes(client, app):
    user = factories.registered()
    log_in(client, user)
    [record] = live(user)
    recently = utcnow() - dt.timedelta(minutes=1)
    record.last_seen_at = recently
    db.session.commit()
    assert logged_in(client)
    assert fresh(UserSession, record.id).last_seen_at == recently  # no write for every request

    long_ago = utcnow() - sessions.TOUCH_INTERVAL - dt.timedelta(minutes=1)
    fresh(UserSession, record.id).last_seen_at = long_ago
    db.session.commit()
    assert logged_in(client)
    assert fresh(UserSession, record.id).last_seen_at > long_ago + dt.timedelta(minutes=1)


def test_a_session_token_of_another_user_opens_nothing(client, app):
    owner = factories.registered()
    log_in(client, owner)
    token = _session_token(client)
    other = factories.registered()
    forger = app.test_client()
    with forger.session_transaction() as session:
        session["_user_id"] = f"{other.id}:{token}"
    assert not logged_in(forger)
    with forger.session_transaction() as session:
        session["_user_id"] = f"{owner.id}:not-the-token"
    assert not logged_in(forger)


def test_the_remember_cookie_is_lax_http_only_and_lasts_the_configured_days(client, app):
    factories.user(email="ivan@example.com")
    data = {"email": "ivan@example.com", "password": factories.PASSWORD, "remember": "y"}
    response = client.post("/account/login", data=data)
    [header] = [h for h in response.headers.getlist("Set-Cookie") if h.startswith("remember_token=")]
    assert "HttpOnly" in header
    assert "SameSite=Lax" in header
    expires = re.search(r"Expires=([^;]+)", header).group(1)
    lifetime = dt.datetime.strptime(expires, "%a, %d %b %Y %H:%M:%S GMT") - utcnow()
    assert dt.timedelta(days=29) < lifetime <= dt.timedelta(days=30)
    assert app.config["REMEMBER_COOKIE_DURATION"] == dt.timedelta(days=30)


def test_logging_in_forgets_long_ended_sessions(client, app):
    user = factories.registered()
    for _ in range(3):
        other = app.test_client()
        log_in(other, user)
        other.post("/account/logout")
    assert count(UserSession, UserSession.user_id == user.id) == 1  # each login dropped the ended ones
    log_in(client, user)
    assert count(UserSession, UserSession.user_id == user.id) == 1


def test_describe_user_agent():
    assert sessions.describe_user_agent(FIREFOX) == "Firefox, Windows"
    chrome = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36"
    assert sessions.describe_user_agent(chrome) == "Chrome, Linux"
    assert sessions.describe_user_agent("curl/8.5.0") == "curl/8.5.0"
    assert sessions.describe_user_agent("") == ""
