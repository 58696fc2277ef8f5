"""Organizations, their competencies, membership applications, invitations to join, and the history of merged
duplicates."""

from __future__ import annotations

import datetime as dt
import enum
from typing import TYPE_CHECKING

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..db import Model, created_at, intpk, str120, str255, text, updated_at, utcnow

if TYPE_CHECKING:
    from ..accounts.models import User


class OrgKind(enum.StrEnum):
    SME = "sme"
    LARGE = "large"
    UNIVERSITY = "university"
    RESEARCH = "research"
    PUBLIC = "public"
    OTHER = "other"


class MembershipStatus(enum.StrEnum):
    NONE = "none"  # registered on the portal, never applied
    APPLIED = "applied"  # an application is pending
    MEMBER = "member"
    REJECTED = "rejected"  # the last application was rejected; may apply again


class CompetencyLevel(enum.IntEnum):
    BASIC = 1
    ADVANCED = 2
    EXPERT = 3


#: Fields a guest may always see in the member directory.
PUBLIC_FIELDS = (
    "name_ru",
    "name_en",
    "kind",
    "region",
    "city",
    "website",
    "description_ru",
    "description_en",
    "membership_status",
)

#: Fields shown to registered users, each of which the owner may mark confidential;
#: a confidential field is shown only to the organization's own users and the manager.
PROTECTED_FIELDS = ("inn", "ogrn", "address", "contact_email", "phone", "staff_size", "certifications", "capacity")


class Organization(Model):
    __tablename__ = "organization"

    id: Mapped[intpk]
    name_ru: Mapped[str255]
    name_en: Mapped[str255] = mapped_column(default="", server_default="")
    kind: Mapped[OrgKind]
    inn: Mapped[str | None] = mapped_column(String(12), unique=True)
    ogrn: Mapped[str | None] = mapped_column(String(15), unique=True)
    region: Mapped[str120] = mapped_column(index=True)
    city: Mapped[str120] = mapped_column(default="", server_default="")
    address: Mapped[str255] = mapped_column(default="", server_default="")
    website: Mapped[str255] = mapped_column(default="", server_default="")
    contact_email: Mapped[str255] = mapped_column(default="", server_default="")
    phone: Mapped[str] = mapped_column(String(40), default="", server_default="")
    description_ru: Mapped[text]
    description_en: Mapped[text]
    staff_size: Mapped[int | None]
    certifications: Mapped[text]  # one per line: "ISO 9001:2015", "ГОСТ Р ИСО 14001"
    capacity: Mapped[text]  # production and technological capacity, free text
    confidential_fields: Mapped[list[str]] = mapped_column(JSON, default=list)
    membership_status: Mapped[MembershipStatus] = mapped_column(
        default=MembershipStatus.NONE, server_default=MembershipStatus.NONE.value, index=True
    )
    member_since: Mapped[dt.date | None]
    created_at: Mapped[created_at]
    updated_at: Mapped[updated_at]

    users: Mapped[list[User]] = relationship(back_populates="organization")
    competencies: Mapped[list[OrganizationCompetency]] = relationship(
        back_populates="organization", cascade="all, delete-orphan"
    )
    applications: Mapped[list[MembershipApplication]] = relationship(
        back_populates="organization",
        cascade="all, delete-orphan",
        order_by="MembershipApplication.created_at.desc()",
    )

    __table_args__ = (CheckConstraint("staff_size IS NULL OR staff_size >= 0", name="staff_size_nonnegative"),)

    @property
    def is_member(self) -> bool:
        return self.membership_status == MembershipStatus.MEMBER

    def is_confidential(self, field: str) -> bool:
        return field in (self.confidential_fields or ())

    def __repr__(self) -> str:
        return f"<Organization {self.id} {self.name_ru!r}>"


class Competency(Model):
    """A node of the cluster's competency directory (a tree)."""

    __tablename__ = "competency"

    id: Mapped[intpk]
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name_ru: Mapped[str255]
    name_en: Mapped[str255]
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("competency.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0, server_default="0")

    parent: Mapped[Competency | None] = relationship(remote_side="Competency.id", back_populates="children")
    children: Mapped[list[Competency]] = relationship(back_populates="parent", order_by="Competency.position")

    def __repr__(self) -> str:
        return f"<Competency {self.code}>"


class OrganizationCompetency(Model):
    __tablename__ = "organization_competency"

    organization_id: Mapped[int] = mapped_column(ForeignKey("organization.id", ondelete="CASCADE"), primary_key=True)
    competency_id: Mapped[int] = mapped_column(
        ForeignKey("competency.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    level: Mapped[int] = mapped_column(default=CompetencyLevel.BASIC)  # a CompetencyLevel value
    note: Mapped[text]

    organization: Mapped[Organization] = relationship(back_populates="competencies")
    competency: Mapped[Competency] = relationship()

    __table_args__ = (CheckConstraint("level BETWEEN 1 AND 3", name="level_range"),)


class ApplicationStatus(enum.StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"


class MembershipApplication(Model):
    __tablename__ = "membership_application"

    id: Mapped[intpk]
    organization_id: Mapped[int] = mapped_column(ForeignKey("organization.id", ondelete="CASCADE"), index=True)
    applicant_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    message: Mapped[text]
    status: Mapped[ApplicationStatus] = mapped_column(default=ApplicationStatus.PENDING, index=True)
    decision_reason: Mapped[text]
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    decided_at: Mapped[dt.datetime | None]
    created_at: Mapped[created_at]

    organization: Mapped[Organization] = relationship(back_populates="applications")
    applicant: Mapped[User | None] = relationship(foreign_keys=[applicant_id])
    decided_by: Mapped[User | None] = relationship(foreign_keys=[decided_by_id])


class OrganizationMerge(Model):
    """History: the manager merged a duplicate organization into another one.

    The duplicate is deleted, so its id, name and INN are kept here as plain
    values; ``summary`` lists what was moved and what was dropped (and why).
    """

    __tablename__ = "organization_merge"

    id: Mapped[intpk]
    kept_organization_id: Mapped[int | None] = mapped_column(
        ForeignKey("organization.id", ondelete="SET NULL"), index=True
    )
    merged_organization_id: Mapped[int] = mapped_column(Integer)
    merged_name: Mapped[str255]
    merged_inn: Mapped[str | None] = mapped_column(String(12))
    note: Mapped[text]
    summary: Mapped[text]
    merged_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    created_at: Mapped[created_at]

    kept_organization: Mapped[Organization | None] = relationship()
    merged_by: Mapped[User | None] = relationship()


class InvitationKind(enum.StrEnum):
    """Who is asked. Nobody joins an organization without the consent of both sides."""

    INVITATION = "invitation"  # the organization's administrator invited the person: the person answers
    MERGE = "merge"  # the person came with a merged duplicate: the organization's administrators answer


class InvitationStatus(enum.StrEnum):
    PENDING = "pending"
    ACCEPTED = "accepted"  # the person is (or was) attached as an ordinary user
    DECLINED = "declined"  # by the person
    WITHDRAWN = "withdrawn"  # by the organization: an invitation withdrawn, a request refused


class OrganizationInvitation(Model):
    """A person's way into an organization, waiting for the side that has not agreed yet.

    One row per (organization, e-mail): inviting again re-opens it. Invitations are
    kept by the e-mail the administrator typed, whether or not an account has it, so
    the administrator's page looks the same for any address; the holder of the
    account with that e-mail sees and answers it. A pending row gives no rights:
    the person is attached (``User.organization_id``) only when it is accepted, and
    it lapses at ``expires_at``.
    """

    __tablename__ = "organization_invitation"

    id: Mapped[intpk]
    organization_id: Mapped[int] = mapped_column(ForeignKey("organization.id", ondelete="CASCADE"))
    email: Mapped[str255] = mapped_column(index=True)  # normalized (lower case)
    #: The person, once known: the moved user of a merge, or whoever accepted an invitation.
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), index=True)
    kind: Mapped[InvitationKind]
    status: Mapped[InvitationStatus] = mapped_column(
        default=InvitationStatus.PENDING, server_default=InvitationStatus.PENDING.value
    )
    merged_from: Mapped[str255] = mapped_column(default="", server_default="")  # the duplicate's name (MERGE)
    invited_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    invited_at: Mapped[created_at]  # the last time it was sent (re-inviting re-opens the row)
    expires_at: Mapped[dt.datetime]
    decided_at: Mapped[dt.datetime | None]
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))

    organization: Mapped[Organization] = relationship()
    user: Mapped[User | None] = relationship(foreign_keys=[user_id])
    invited_by: Mapped[User | None] = relationship(foreign_keys=[invited_by_id])
    decided_by: Mapped[User | None] = relationship(foreign_keys=[decided_by_id])

    __table_args__ = (UniqueConstraint("organization_id", "email", name="uq_organization_invitation_org_email"),)

    def is_open(self, now: dt.datetime | None = None) -> bool:
        return self.status == InvitationStatus.PENDING and self.expires_at > (now or utcnow())

    def __repr__(self) -> str:
        return f"<OrganizationInvitation {self.id} {self.kind} org={self.organization_id} {self.status}>"
