"""Accounts: registration, authentication, passwords and password-reset tokens.

Services flush but never commit; the request's single commit happens in
``transactions.py``. Domain problems are raised as ``marketplace.errors``
exceptions, with ``field`` set when they belong to a form field.
"""

from __future__ import annotations

from functools import lru_cache

from flask import current_app, url_for
from flask_babel import force_locale, gettext as _
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from werkzeug.security import check_password_hash, generate_password_hash

from ..db import db, utcnow
from ..errors import InvalidInput
from ..mail.services import send_mail
from .models import User

MIN_PASSWORD_LENGTH = 8
_RESET_SALT = "marketplace.password-reset"


def normalize_email(email: str) -> str:
    """E-mail addresses are stored lower-cased: uniqueness is case-insensitive."""
    return (email or "").strip().lower()


def find_user_by_email(email: str) -> User | None:
    """The account with this address, whatever its letter case."""
    address = normalize_email(email)
    if not address:
        return None
    return db.session.scalar(select(User).where(func.lower(User.email) == address))


def email_taken(email: str) -> bool:
    return find_user_by_email(email) is not None


def register_user(*, email: str, full_name: str, password: str, locale: str = "ru") -> User:
    """Create an active user account (role USER, no organization).

    Raises ``InvalidInput(field="email")`` when the address is taken, including
    when a concurrent registration wins the race to the unique index (the
    transaction is then rolled back: the request fails anyway).
    """
    if email_taken(email):
        raise InvalidInput(_("An account with this e-mail already exists."), field="email")
    user = User(email=normalize_email(email), full_name=full_name.strip(), locale=locale)
    user.set_password(password)
    db.session.add(user)
    try:
        db.session.flush()
    except IntegrityError:
        db.session.rollback()
        raise InvalidInput(_("An account with this e-mail already exists."), field="email") from None
    return user


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

    Changing the hash also invalidates every password-reset link sent before.
    """
    if not user.check_password(current_password or ""):
        raise InvalidInput(_("The current password is wrong."), field="current_password")
    user.set_password(new_password)
    db.session.flush()


# --- password reset -----------------------------------------------------------------------------


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=_RESET_SALT)


def make_reset_token(user: User) -> str:
    return _serializer().dumps({"u": user.id, "p": user.password_fingerprint})


def user_for_reset_token(token: str) -> User | None:
    """The active user a reset token was issued to, or None when the token is forged,
    expired (``PASSWORD_RESET_MAX_AGE``) or already used (the password has changed)."""
    try:
        payload = _serializer().loads(token, max_age=current_app.config["PASSWORD_RESET_MAX_AGE"])
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
    link = url_for("accounts.reset_password", token=make_reset_token(user), _external=True)
    hours = max(1, current_app.config["PASSWORD_RESET_MAX_AGE"] // 3600)
    with force_locale(user.locale or "ru"):
        subject = _("Password reset on Cluster Marketplace")
        body = _(
            "Hello, %(name)s!\n\n"
            "Someone (hopefully you) asked to reset the password of your account on Cluster Marketplace.\n"
            "To choose a new password, open this link within %(hours)d h:\n\n%(link)s\n\n"
            "The link works once. If you did not ask for this, ignore this message: "
            "your password stays the same.",
            name=user.full_name,
            hours=hours,
            link=link,
        )
    send_mail(user.email, subject, body)


def reset_password(user: User, new_password: str) -> None:
    user.set_password(new_password)
    db.session.flush()
