"""Users, their role in the cluster, and what they may see; their sessions and consents."""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
from typing import TYPE_CHECKING

from flask_login import UserMixin
from sqlalchemy import ForeignKey, Index, String, false, true
from sqlalchemy.orm import Mapped, mapped_column, relationship
from werkzeug.security import check_password_hash, generate_password_hash

from ..access import AccessLevel
from ..db import Model, created_at, intpk, str20, str120, str255, utcnow

if TYPE_CHECKING:
    from ..organizations.models import Organization


class Role(enum.StrEnum):
    USER = "user"
    MANAGER = "manager"


class User(UserMixin, Model):
    __tablename__ = "user_account"

    id: Mapped[intpk]
    email: Mapped[str255] = mapped_column(unique=True)
    password_hash: Mapped[str255]
    full_name: Mapped[str120]
    position: Mapped[str120] = mapped_column(default="", server_default="")
    phone: Mapped[str] = mapped_column(String(40), default="", server_default="")
    role: Mapped[Role] = mapped_column(default=Role.USER, server_default=Role.USER.value)
    locale: Mapped[str] = mapped_column(String(5), default="ru", server_default="ru")
    organization_id: Mapped[int | None] = mapped_column(ForeignKey("organization.id", ondelete="SET NULL"), index=True)
    is_org_admin: Mapped[bool] = mapped_column(default=False, server_default=false())
    active: Mapped[bool] = mapped_column(default=True, server_default=true())
    #: False from registration until the link mailed to the address is opened; such an account cannot log
    #: in. Accounts created directly (demo data, existing rows) are confirmed.
    email_confirmed: Mapped[bool] = mapped_column(default=True, server_default=true())
    created_at: Mapped[created_at]
    last_login_at: Mapped[dt.datetime | None]
    #: When the person deleted the account: the personal fields are anonymised, the row stays for the
    #: records that point at it (``accounts.personal_data``).
    deleted_at: Mapped[dt.datetime | None]

    organization: Mapped[Organization | None] = relationship(back_populates="users")

    def set_password(self, password: str) -> None:
        self.password_hash = generate_password_hash(password)

    def check_password(self, password: str) -> bool:
        return check_password_hash(self.password_hash, password)

    @property
    def password_fingerprint(self) -> str:
        """A digest of the current password hash; it changes whenever the password does.

        Reset and confirmation links carry it, so a link dies once the password changes
        (each link works once). A digest rather than a slice of the hash, because those
        payloads are signed but readable.
        """
        return hashlib.sha256(self.password_hash.encode()).hexdigest()[:20]

    def attach_session(self, token: str) -> None:
        """Remember which session (``UserSession``) this object was logged in or loaded with."""
        self._session_token = token

    @property
    def session_token(self) -> str | None:
        """The token of the session this object belongs to in this request (not a column)."""
        token: str | None = vars(self).get("_session_token")
        return token

    def get_id(self) -> str:
        """Flask-Login: what the session cookie and the "remember me" cookie store, ``<user id>:<session
        token>``. Only a user logged in or loaded through a session has one."""
        if self.session_token is None:
            msg = f"user {self.id} has no session: log in through accounts.sessions.start_session"
            raise RuntimeError(msg)
        return f"{self.id}:{self.session_token}"

    # Users are the same user when they are the same row (Flask-Login's mixin compares ``get_id``, which
    # now names a session).
    def __eq__(self, other: object) -> bool:
        if not isinstance(other, User):
            return NotImplemented
        return self is other or (self.id is not None and self.id == other.id)

    __hash__ = object.__hash__

    @property
    def is_active(self) -> bool:  # Flask-Login: inactive users cannot log in
        return self.active

    @property
    def is_manager(self) -> bool:
        return self.role == Role.MANAGER

    @property
    def is_member(self) -> bool:
        """True for users of a member organization, and for the manager."""
        return self.access_level >= AccessLevel.MEMBER

    @property
    def access_level(self) -> AccessLevel:
        if self.role == Role.MANAGER:
            return AccessLevel.MANAGER
        if self.organization is not None and self.organization.is_member:
            return AccessLevel.MEMBER
        return AccessLevel.USER

    def __repr__(self) -> str:
        return f"<User {self.id} {self.email}>"


class UserSession(Model):
    """One login: the browser's session and "remember me" cookies name it (``User.get_id``).

    Only a digest of the token is stored, so a copy of the table opens no session. Logging out revokes
    the session; "log out everywhere", a password change or reset and deleting the account revoke the
    user's others too. A session unused for ``REMEMBER_COOKIE_DURATION`` is over.
    """

    __tablename__ = "user_session"

    id: Mapped[intpk]
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)  # SHA-256 of the token, hex
    created_at: Mapped[created_at]
    #: Updated at most every ``sessions.TOUCH_INTERVAL`` (not a write per request).
    last_seen_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    user_agent: Mapped[str255] = mapped_column(default="", server_default="")
    ip_address: Mapped[str] = mapped_column(String(45), default="", server_default="")  # IPv6 fits
    revoked_at: Mapped[dt.datetime | None]

    user: Mapped[User] = relationship()

    # "this user's live sessions": the profile's list, revoking them all
    __table_args__ = (Index("ix_user_session_user_revoked", "user_id", "revoked_at"),)

    @property
    def is_live(self) -> bool:
        return self.revoked_at is None

    def __repr__(self) -> str:
        return f"<UserSession {self.id} user={self.user_id}>"


class Consent(Model):
    """A consent to the processing of personal data, with the version of the text agreed to
    (``consent.CONSENT_VERSION``). Rows are never rewritten: a new version is a new row, so the history
    stays; deleting the account withdraws the consent (``withdrawn_at``)."""

    __tablename__ = "personal_data_consent"

    id: Mapped[intpk]
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), index=True)
    version: Mapped[str20]
    given_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    withdrawn_at: Mapped[dt.datetime | None]

    user: Mapped[User] = relationship()

    def __repr__(self) -> str:
        return f"<Consent {self.id} user={self.user_id} v{self.version}>"
