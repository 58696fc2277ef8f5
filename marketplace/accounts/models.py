"""Users, their role in the cluster, and what they may see."""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
from typing import TYPE_CHECKING

from flask_login import UserMixin
from sqlalchemy import ForeignKey, String, false, true
from sqlalchemy.orm import Mapped, mapped_column, relationship
from werkzeug.security import check_password_hash, generate_password_hash

from ..access import AccessLevel
from ..db import Model, created_at, intpk, str120, str255

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
    created_at: Mapped[created_at]
    last_login_at: Mapped[dt.datetime | None]

    organization: Mapped[Organization | None] = relationship(back_populates="users")

    def set_password(self, password: str) -> None:
        self.password_hash = generate_password_hash(password)

    def check_password(self, password: str) -> bool:
        return check_password_hash(self.password_hash, password)

    @property
    def password_fingerprint(self) -> str:
        """A digest of the current password hash; it changes whenever the password does.

        Sessions, "remember me" cookies and reset tokens carry it, so a password
        change or reset ends all of them. A digest rather than a slice of the hash,
        because those payloads are signed but readable.
        """
        return hashlib.sha256(self.password_hash.encode()).hexdigest()[:20]

    def get_id(self) -> str:  # Flask-Login: what the session and the remember cookie store
        return f"{self.id}:{self.password_fingerprint}"

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
