"""Accounts: registration and its confirmation, authentication, passwords and password-reset tokens.

Services flush but never commit; the request's single commit happens in
``transactions.py``. Domain problems are raised as ``marketplace.errors``
exceptions, with ``field`` set when they belong to a form field.

Nothing here tells a visitor whether an address has an account: registration answers the same way
and mails the address either a link to finish registering or a reminder that an account exists;
a reset request mails a link or nothing.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from flask import current_app, url_for
from flask_babel import force_locale, gettext as _
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from werkzeug.security import check_password_hash, generate_password_hash

from ..db import db, utcnow
from ..errors import InvalidInput
from ..mail.services import send_mail
from ..utils import public_url
from . import sessions
from .models import Consent, User

_RESET_SALT = "marketplace.password-reset"
_CONFIRM_SALT = "marketplace.confirm-email"


def normalize_email(email: str) -> str:
    """E-mail addresses are stored lower-cased: uniqueness is case-insensitive."""
    return (email or "").strip().lower()


def find_user_by_email(email: str) -> User | None:
    """The account with this address, whatever its letter case."""
    address = normalize_email(email)
    if not address:
        return None
    return db.session.scalar(select(User).where(func.lower(User.email) == address))


def _link(endpoint: str, **values: Any) -> str:
    """An absolute link for a mail (from ``PUBLIC_URL``, never from the request's Host)."""
    return public_url(url_for(endpoint, **values))


def _hours(setting: str) -> int:
    return max(1, int(current_app.config[setting]) // 3600)


# --- registration -------------------------------------------------------------------------------


def register_user(*, email: str, full_name: str, password: str, consent_version: str, locale: str = "ru") -> None:
    """Start a registration. The caller answers the same way whatever happened here:

    - a new address: an unconfirmed account (it cannot log in) with the consent, and a mail with the
      link that confirms it (``confirm_email``);
    - an address whose registration is unfinished: the latest registration wins (name, password,
      consent), and a new link is mailed; the earlier links die with the old password;
    - an address with an account: a mail saying so, with links to log in and to reset the password.

    The password is hashed in every case, so the answer takes as long whether or not the address has
    an account.
    """
    address = normalize_email(email)
    password_hash = generate_password_hash(password)
    existing = find_user_by_email(address)
    if existing is None:
        user = User(
            email=address,
            full_name=full_name.strip(),
            locale=locale,
            password_hash=password_hash,
            email_confirmed=False,
        )
        db.session.add(user)
        try:
            db.session.flush()
        except IntegrityError:
            # A concurrent registration of the same address won the race to the unique index: carry on
            # as for an address that has an account (the transaction starts again).
            db.session.rollback()
            existing = find_user_by_email(address)
            if existing is None:  # pragma: no cover - the row that won was removed meanwhile
                return
        else:
            _record_consent(user, consent_version)
            _mail_confirmation(user)
            return
    if not existing.email_confirmed and existing.active and existing.deleted_at is None:
        existing.full_name = full_name.strip()
        existing.locale = locale
        existing.password_hash = password_hash
        _record_consent(existing, consent_version)
        _mail_confirmation(existing)
        return
    _mail_account_exists(existing)


def _record_consent(user: User, version: str) -> None:
    db.session.add(Consent(user_id=user.id, version=version, given_at=utcnow()))
    db.session.flush()


def _confirm_serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=_CONFIRM_SALT)


def make_confirm_token(user: User) -> str:
    return _confirm_serializer().dumps({"u": user.id, "p": user.password_fingerprint})


def user_for_confirm_token(token: str) -> User | None:
    """The active account a confirmation link was mailed for, or None when the link is forged, expired
    (``EMAIL_CONFIRM_MAX_AGE``) or superseded (the registration was repeated with another password)."""
    return _user_for_token(_confirm_serializer(), token, current_app.config["EMAIL_CONFIRM_MAX_AGE"])


def confirm_email(user: User) -> None:
    user.email_confirmed = True
    db.session.flush()


def resend_confirmation(email: str) -> None:
    """Mail a new confirmation link if an unfinished registration has this address; else do nothing
    (the caller answers the same way)."""
    user = find_user_by_email(email)
    if user is None or user.email_confirmed or not user.active:
        return
    _mail_confirmation(user)


def _mail_confirmation(user: User) -> None:
    link = _link("accounts.confirm_email", token=make_confirm_token(user))
    with force_locale(user.locale or "ru"):
        subject = _("Finish your registration on Cluster Marketplace")
        body = _(
            "Hello, %(name)s!\n\n"
            "To finish registering on Cluster Marketplace and activate your account, open this link "
            "within %(hours)d h:\n\n%(link)s\n\n"
            "If you did not register, ignore this message: the account stays inactive.",
            name=user.full_name,
            hours=_hours("EMAIL_CONFIRM_MAX_AGE"),
            link=link,
        )
    send_mail(user.email, subject, body)


def _mail_account_exists(user: User) -> None:
    with force_locale(user.locale or "ru"):
        subject = _("Registration on Cluster Marketplace")
        body = _(
            "Hello!\n\n"
            "Someone (hopefully you) tried to register on Cluster Marketplace with this e-mail address, "
            "but it already has an account.\n\n"
            "Log in: %(login)s\n"
            "Forgot your password? Choose a new one: %(reset)s\n\n"
            "If it was not you, ignore this message: nothing has changed.",
            login=_link("accounts.login"),
            reset=_link("accounts.reset_request"),
        )
    send_mail(user.email, subject, body)


# --- logging in ---------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    return generate_password_hash("not-a-real-password")


def authenticate(email: str, password: str) -> User | None:
    """The user with these credentials, or None. Takes the same time whether or not
    the address exists, so the answer does not reveal registered addresses."""
    user = find_user_by_email(email)
    if user is None:
        check_password_hash(_dummy_hash(), password or "")
        return None
    return user if user.check_password(password or "") else None


def record_login(user: User) -> None:
    user.last_login_at = utcnow()


def update_profile(user: User, *, full_name: str, position: str, phone: str, locale: str) -> None:
    user.full_name = full_name.strip()
    user.position = (position or "").strip()
    user.phone = (phone or "").strip()
    user.locale = locale
    db.session.flush()


def change_password(user: User, *, current_password: str, new_password: str) -> None:
    """Replace the password after checking the current one.

    Every other session of the user ends (this one goes on), and every password-reset
    link sent before dies with the old password.
    """
    if not user.check_password(current_password or ""):
        raise InvalidInput(_("The current password is wrong."), field="current_password")
    user.set_password(new_password)
    db.session.flush()
    sessions.end_other_sessions(user)


# --- password reset -----------------------------------------------------------------------------


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=_RESET_SALT)


def make_reset_token(user: User) -> str:
    return _serializer().dumps({"u": user.id, "p": user.password_fingerprint})


def user_for_reset_token(token: str) -> User | None:
    """The active user a reset token was issued to, or None when the token is forged,
    expired (``PASSWORD_RESET_MAX_AGE``) or already used (the password has changed)."""
    return _user_for_token(_serializer(), token, current_app.config["PASSWORD_RESET_MAX_AGE"])


def _user_for_token(serializer: URLSafeTimedSerializer, token: str, max_age: int) -> User | None:
    """The active user a signed link names, while the link is younger than ``max_age`` seconds and the
    password it was issued for is still the user's (a new password kills earlier links)."""
    try:
        payload = serializer.loads(token, max_age=max_age)
    except (SignatureExpired, BadSignature):
        return None
    if not isinstance(payload, dict) or not isinstance(payload.get("u"), int):
        return None
    user = db.session.get(User, payload["u"])
    if user is None or not user.active or payload.get("p") != user.password_fingerprint:
        return None
    return user


def request_password_reset(email: str) -> None:
    """Mail a reset link if an active account has this address; silently do nothing otherwise.

    The caller answers the same way in both cases (no account enumeration).
    """
    user = find_user_by_email(email)
    if user is None or not user.active:
        return
    link = _link("accounts.reset_password", token=make_reset_token(user))
    with force_locale(user.locale or "ru"):
        subject = _("Password reset on Cluster Marketplace")
        body = _(
            "Hello, %(name)s!\n\n"
            "Someone (hopefully you) asked to reset the password of your account on Cluster Marketplace.\n"
            "To choose a new password, open this link within %(hours)d h:\n\n%(link)s\n\n"
            "The link works once. If you did not ask for this, ignore this message: "
            "your password stays the same.",
            name=user.full_name,
            hours=_hours("PASSWORD_RESET_MAX_AGE"),
            link=link,
        )
    send_mail(user.email, subject, body)


def reset_password(user: User, new_password: str) -> None:
    """Set a new password from a reset link. Every session of the user ends; the link came to the
    account's address, so an unfinished registration counts as confirmed."""
    user.set_password(new_password)
    user.email_confirmed = True
    db.session.flush()
    sessions.end_all_sessions(user)
