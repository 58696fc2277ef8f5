"""Organizations: profiles, competencies and the organization's users.

Services take what they need explicitly, check the rules, raise domain errors
(``field`` set when the error belongs to a form field) and flush; they never
commit. Access (who may call them) is checked by the views with ``access``;
the rules here are about the data (one organization per user, at least one
administrator, unique registration numbers). People join an organization only
through ``invitations`` (both sides agree).
"""

from __future__ import annotations

from typing import Any

from flask_babel import gettext as _
from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError

from ..accounts.models import User
from ..audit import services as audit
from ..audit.models import AuditAction
from ..db import db
from ..errors import Conflict, InvalidInput, NotFound
from .models import PROTECTED_FIELDS, Competency, CompetencyLevel, Organization, OrganizationCompetency

#: Columns a profile form may set.
PROFILE_FIELDS = (
    "name_ru",
    "name_en",
    "kind",
    "inn",
    "ogrn",
    "region",
    "city",
    "address",
    "website",
    "contact_email",
    "phone",
    "description_ru",
    "description_en",
    "staff_size",
    "certifications",
    "capacity",
    "confidential_fields",
)


def lock_organization(organization_id: int) -> None:
    """Serialize writers on one organization until the transaction ends.

    The same idea as ``db.lock_row`` (a write takes the row lock on PostgreSQL and
    the write lock on SQLite) without needing a ``lock_version`` column: the
    statement rewrites a column with its own value.
    """
    db.session.execute(
        update(Organization)
        .where(Organization.id == organization_id)
        .values(membership_status=Organization.membership_status)
        .execution_options(synchronize_session=False)
    )


def _apply_profile(organization: Organization, data: dict[str, Any]) -> None:
    for name in PROFILE_FIELDS:
        if name in data:
            setattr(organization, name, data[name])
    organization.confidential_fields = [f for f in PROTECTED_FIELDS if f in (data.get("confidential_fields") or ())]
    organization.inn = organization.inn or None  # NULLs do not collide in the unique index; "" would
    organization.ogrn = organization.ogrn or None
    for text_field in (
        "name_en",
        "city",
        "address",
        "website",
        "contact_email",
        "phone",
        "description_ru",
        "description_en",
        "certifications",
        "capacity",
    ):
        if getattr(organization, text_field) is None:
            setattr(organization, text_field, "")


def _flush_profile() -> None:
    """Flush, turning a lost race on the unique INN/OGRN into a field error.

    The form already checked uniqueness; a concurrent request may still have taken
    the number since. The transaction is rolled back (PostgreSQL would refuse any
    further statement in it) and the request fails with the field marked.
    """
    try:
        db.session.flush()
    except IntegrityError:
        db.session.rollback()
        raise InvalidInput(_("An organization with this INN or OGRN is already registered."), field="inn") from None


def create_organization(data: dict[str, Any], *, creator: User) -> Organization:
    """Create an organization's profile; a regular user becomes its first administrator.

    The cluster manager may register an organization on someone's behalf without
    joining it (then adds its users). Anyone else must not belong to an
    organization already.
    """
    if not creator.is_manager and creator.organization_id is not None:
        raise Conflict(_("You already belong to an organization."))
    organization = Organization(confidential_fields=[])
    _apply_profile(organization, data)
    db.session.add(organization)
    if not creator.is_manager:
        creator.organization = organization
        creator.is_org_admin = True
    _flush_profile()
    return organization


def update_organization(organization: Organization, data: dict[str, Any]) -> None:
    _apply_profile(organization, data)
    _flush_profile()


# --- competencies -------------------------------------------------------------------------------


def _check_level(level: int) -> None:
    if level not in {item.value for item in CompetencyLevel}:
        raise InvalidInput(_("Choose a level from the list."), field="level")


def add_competency(
    organization: Organization, competency_id: int, level: int, note: str = ""
) -> OrganizationCompetency:
    _check_level(level)
    if db.session.get(Competency, competency_id) is None:
        raise InvalidInput(_("Choose a competency from the directory."), field="competency_id")
    if db.session.get(OrganizationCompetency, (organization.id, competency_id)) is not None:
        raise InvalidInput(_("This competency is already in your profile."), field="competency_id")
    link = OrganizationCompetency(
        organization_id=organization.id, competency_id=competency_id, level=level, note=note or ""
    )
    db.session.add(link)
    try:
        db.session.flush()
    except IntegrityError:  # added by a concurrent request
        db.session.rollback()
        raise InvalidInput(_("This competency is already in your profile."), field="competency_id") from None
    return link


def get_competency_link(organization: Organization, competency_id: int) -> OrganizationCompetency:
    link = db.session.get(OrganizationCompetency, (organization.id, competency_id))
    if link is None:
        raise NotFound
    return link


def update_competency(link: OrganizationCompetency, level: int, note: str = "") -> None:
    _check_level(level)
    link.level = level
    link.note = note or ""
    db.session.flush()


def remove_competency(link: OrganizationCompetency) -> None:
    db.session.delete(link)
    db.session.flush()


# --- the organization's users -------------------------------------------------------------------


def organization_users(organization: Organization) -> list[User]:
    return list(
        db.session.scalars(
            select(User).where(User.organization_id == organization.id).order_by(User.full_name, User.id)
        )
    )


def _admin_count(organization_id: int) -> int:
    return (
        db.session.scalar(
            select(func.count())
            .select_from(User)
            .where(User.organization_id == organization_id, User.is_org_admin.is_(True))
        )
        or 0
    )


def _user_of(organization: Organization, user_id: int) -> User:
    user = db.session.get(User, user_id)
    if user is None or user.organization_id != organization.id:
        raise NotFound
    return user


def _ensure_other_admin(organization: Organization, user: User) -> None:
    """Refuse to leave the organization without an administrator."""
    lock_organization(organization.id)
    db.session.refresh(user)
    if user.is_org_admin and _admin_count(organization.id) <= 1:
        raise Conflict(_("An organization needs at least one administrator. Make someone else an administrator first."))


def remove_user(organization: Organization, user_id: int) -> User:
    user = _user_of(organization, user_id)
    _ensure_other_admin(organization, user)
    before = {"organization_id": user.organization_id, "is_org_admin": user.is_org_admin}
    user.organization_id = None
    user.is_org_admin = False
    db.session.flush()
    audit.record(
        AuditAction.USER_REMOVED,
        target=user,
        organization=organization,
        before=before,
        after={"organization_id": None, "is_org_admin": False},
    )
    return user


def set_admin(organization: Organization, user_id: int, admin: bool) -> User:
    """Grant or revoke the administrator's rights; logged when they change (asking again changes nothing)."""
    user = _user_of(organization, user_id)
    if not admin:
        _ensure_other_admin(organization, user)
    was_admin = user.is_org_admin
    user.is_org_admin = admin
    db.session.flush()
    if was_admin != admin:
        audit.record(
            AuditAction.ADMIN_GRANTED if admin else AuditAction.ADMIN_REVOKED,
            target=user,
            organization=organization,
            before={"is_org_admin": was_admin},
            after={"is_org_admin": admin},
        )
    return user
