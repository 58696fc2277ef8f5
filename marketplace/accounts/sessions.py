"""Server-side session records: logging out really ends a session.

Flask's session cookie lives in the browser, and Flask-Login's "remember me" cookie for weeks; both store
``User.get_id()``, ``<user id>:<session token>``. The user loader accepts a cookie only while its session
is live here: not revoked, used within ``REMEMBER_COOKIE_DURATION``, of an active, confirmed account. A
copied cookie therefore stops working when its session is revoked. Only the token's SHA-256 is stored.

Services flush, never commit.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import secrets

from flask import current_app, has_request_context, request
from sqlalchemy import ColumnElement, delete, or_, select, update
from sqlalchemy.orm import joinedload

from ..db import changed_rows, db, utcnow
from ..extensions import client_address
from .models import User, UserSession

#: ``last_seen_at`` is written at most this often (not on every request).
TOUCH_INTERVAL = dt.timedelta(minutes=5)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def idle_limit() -> dt.timedelta:
    """A session unused for this long is over: the lifetime of the "remember me" cookie."""
    duration = current_app.config["REMEMBER_COOKIE_DURATION"]
    return duration if isinstance(duration, dt.timedelta) else dt.timedelta(seconds=int(duration))


def _oldest_live_activity() -> dt.datetime:
    return utcnow() - idle_limit()


def start_session(user: User) -> UserSession:
    """Open a session for ``user`` (at login) and attach its token to the object, so ``login_user``
    stores it. Also forgets this user's sessions that ended long enough ago to be of no use."""
    token = secrets.token_urlsafe(32)
    user_agent, address = "", ""
    if has_request_context():
        user_agent = (request.user_agent.string or "")[:255]
        address = client_address()[:45]
    db.session.execute(
        delete(UserSession).where(
            UserSession.user_id == user.id,
            or_(UserSession.revoked_at.is_not(None), UserSession.last_seen_at < _oldest_live_activity()),
        )
    )
    record = UserSession(
        user_id=user.id, token_hash=token_hash(token), user_agent=user_agent, ip_address=address, last_seen_at=utcnow()
    )
    db.session.add(record)
    db.session.flush()
    user.attach_session(token)
    return record


def user_for_session(session_id: str) -> User | None:
    """Flask-Login's user loader: the user of a live session named ``<user id>:<token>``, else None."""
    user_id, _, token = (session_id or "").partition(":")
    if not user_id.isdigit() or not token:
        return None
    # One statement per request: the session with its user and the user's organization (access levels ask).
    row = db.session.execute(
        select(UserSession, User)
        .join(User, User.id == UserSession.user_id)
        .options(joinedload(User.organization))
        .where(UserSession.token_hash == token_hash(token))
    ).first()
    if row is None:
        return None
    record, user = row
    if record.user_id != int(user_id) or record.revoked_at is not None:
        return None
    now = utcnow()
    if record.last_seen_at < now - idle_limit():
        return None
    if not user.active or not user.email_confirmed:
        return None
    if now - record.last_seen_at >= TOUCH_INTERVAL:
        record.last_seen_at = now  # committed with the request (not when it fails: nothing to regret)
    user.attach_session(token)
    return user


def current_session(user: User) -> UserSession | None:
    """The session ``user`` was loaded with in this request."""
    if user.session_token is None:
        return None
    return db.session.scalar(select(UserSession).where(UserSession.token_hash == token_hash(user.session_token)))


def _revoke(*conditions: ColumnElement[bool]) -> int:
    return changed_rows(
        update(UserSession)
        .where(UserSession.revoked_at.is_(None), *conditions)
        .values(revoked_at=utcnow())
        .execution_options(synchronize_session="fetch")
    )


def end_session(user: User, session_id: int | None = None) -> bool:
    """Revoke one of ``user``'s sessions (by default the current one). False if there was none to end."""
    if session_id is None:
        current = current_session(user)
        if current is None:
            return False
        session_id = current.id
    return _revoke(UserSession.user_id == user.id, UserSession.id == session_id) == 1


def end_all_sessions(user: User) -> int:
    """Log ``user`` out everywhere, this browser included."""
    return _revoke(UserSession.user_id == user.id)


def end_other_sessions(user: User) -> int:
    """Every session of ``user`` but the current one (after a password change)."""
    if user.session_token is None:
        return end_all_sessions(user)
    return _revoke(UserSession.user_id == user.id, UserSession.token_hash != token_hash(user.session_token))


def live_sessions(user: User) -> list[UserSession]:
    """``user``'s sessions that still open the site, the most recently used first."""
    return list(
        db.session.scalars(
            select(UserSession)
            .where(
                UserSession.user_id == user.id,
                UserSession.revoked_at.is_(None),
                UserSession.last_seen_at >= _oldest_live_activity(),
            )
            .order_by(UserSession.last_seen_at.desc(), UserSession.id.desc())
        )
    )


_BROWSERS = (("Edg/", "Edge"), ("OPR/", "Opera"), ("YaBrowser/", "Yandex Browser"), ("Firefox/", "Firefox"))
_SYSTEMS = (
    ("Android", "Android"),
    ("iPhone", "iPhone"),
    ("iPad", "iPad"),
    ("Windows", "Windows"),
    ("Mac OS X", "macOS"),
    ("CrOS", "ChromeOS"),
    ("Linux", "Linux"),
)


def describe_user_agent(user_agent: str) -> str:
    """A short name of the browser and system ("Firefox, Windows") for the list of sessions; the raw
    string (shortened) when it is not a browser we know."""
    browser = next((name for marker, name in _BROWSERS if marker in user_agent), None)
    if browser is None:
        if re.search(r"Chrom(e|ium)/", user_agent):
            browser = "Chrome"
        elif "Safari/" in user_agent:
            browser = "Safari"
    system = next((name for marker, name in _SYSTEMS if marker in user_agent), None)
    if browser and system:
        return f"{browser}, {system}"
    return browser or system or user_agent[:60]
