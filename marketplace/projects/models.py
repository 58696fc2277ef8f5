"""The cluster's register of projects and the consortium assembled for each.

A ``Project`` (innovation, infrastructure, joint purchase, joint bid) is run by
the cluster manager. It states what it needs (``ProjectNeed``: "Разработка
рецептуры", "Механообработка корпусов"), and member organizations are invited
into its consortium (``ConsortiumMember``), each covering some of the needs.
Every change is written to the project's history (``ProjectEvent``).
"""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import CheckConstraint, Column, ForeignKey, Numeric, String, Table, UniqueConstraint, true
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..db import Model, created_at, db, intpk, str255, text, updated_at, utcnow
from ..organizations.models import OrgKind
from ..visibility import Visibility

if TYPE_CHECKING:
    from ..accounts.models import User
    from ..attachments.models import Attachment
    from ..organizations.models import Competency, Organization


class ProjectKind(enum.StrEnum):
    INNOVATION = "innovation"
    INFRASTRUCTURE = "infrastructure"
    JOINT_PURCHASE = "joint_purchase"  # raw materials, tools, shared logistics (004 §12.3(13))
    JOINT_BID = "joint_bid"  # a large order or a public tender (004 §12.3(14))


class ProjectStatus(enum.StrEnum):
    IDEA = "idea"  # a draft: only the manager (and invited organizations) see it
    PLANNED = "planned"
    ACTIVE = "active"
    COMPLETED = "completed"
    CANCELLED = "cancelled"


class ConsortiumStatus(enum.StrEnum):
    INVITED = "invited"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    REMOVED = "removed"  # taken out by the manager; the row stays for the history


class Project(Model):
    __tablename__ = "project"

    id: Mapped[intpk]
    title: Mapped[str255]
    description: Mapped[text]
    kind: Mapped[ProjectKind]
    status: Mapped[ProjectStatus] = mapped_column(default=ProjectStatus.IDEA, index=True)
    percent_complete: Mapped[int] = mapped_column(default=0, server_default="0")
    budget: Mapped[Decimal | None] = mapped_column(Numeric(14, 2))
    budget_confidential: Mapped[bool] = mapped_column(default=True, server_default=true())
    starts_on: Mapped[dt.date | None]
    ends_on: Mapped[dt.date | None]
    #: The cluster manager responsible for the project (a user with role manager).
    manager_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"), index=True)
    lead_organization_id: Mapped[int | None] = mapped_column(
        ForeignKey("organization.id", ondelete="SET NULL"), index=True
    )
    visibility: Mapped[Visibility] = mapped_column(default=Visibility.MEMBERS)
    #: OKPD2 codes of what the project produces or buys, e.g. ["20.16", "38.32.3"]
    okpd2_codes: Mapped[list[str]] = mapped_column(db.JSON, default=list)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    lock_version: Mapped[int] = mapped_column(default=0, server_default="0")  # see db.lock_row
    created_at: Mapped[created_at]
    updated_at: Mapped[updated_at]

    manager: Mapped[User | None] = relationship(foreign_keys=[manager_id])
    created_by: Mapped[User | None] = relationship(foreign_keys=[created_by_id])
    lead_organization: Mapped[Organization | None] = relationship()
    needs: Mapped[list[ProjectNeed]] = relationship(
        back_populates="project", cascade="all, delete-orphan", order_by="[ProjectNeed.position, ProjectNeed.id]"
    )
    members: Mapped[list[ConsortiumMember]] = relationship(
        back_populates="project", cascade="all, delete-orphan", order_by="ConsortiumMember.id"
    )
    events: Mapped[list[ProjectEvent]] = relationship(
        back_populates="project", cascade="all, delete-orphan", order_by="ProjectEvent.id"
    )
    attachments: Mapped[list[Attachment]] = relationship(
        back_populates="project", cascade="all, delete-orphan", order_by="Attachment.id"
    )

    __table_args__ = (
        CheckConstraint("percent_complete BETWEEN 0 AND 100", name="percent_range"),
        CheckConstraint("budget IS NULL OR budget >= 0", name="budget_nonnegative"),
        CheckConstraint("starts_on IS NULL OR ends_on IS NULL OR ends_on >= starts_on", name="dates_ordered"),
    )

    @property
    def is_closed(self) -> bool:
        return self.status in (ProjectStatus.COMPLETED, ProjectStatus.CANCELLED)

    def __repr__(self) -> str:
        return f"<Project {self.id} {self.title!r}>"


consortium_member_need = Table(
    "consortium_member_need",
    db.metadata,
    Column("member_id", ForeignKey("consortium_member.id", ondelete="CASCADE"), primary_key=True),
    Column("need_id", ForeignKey("project_need.id", ondelete="CASCADE"), primary_key=True, index=True),
)


class ProjectNeed(Model):
    """One thing the project needs partners for, e.g. "Механообработка корпусов" (2 partners)."""

    __tablename__ = "project_need"

    id: Mapped[intpk]
    project_id: Mapped[int] = mapped_column(ForeignKey("project.id", ondelete="CASCADE"), index=True)
    title: Mapped[str255]
    description: Mapped[text]
    competency_id: Mapped[int | None] = mapped_column(ForeignKey("competency.id", ondelete="SET NULL"), index=True)
    #: The kind of organization wanted, e.g. a university for the research part; None = any.
    org_kind: Mapped[OrgKind | None]
    partners_needed: Mapped[int] = mapped_column(default=1, server_default="1")
    position: Mapped[int] = mapped_column(default=0, server_default="0")

    project: Mapped[Project] = relationship(back_populates="needs")
    competency: Mapped[Competency | None] = relationship()
    members: Mapped[list[ConsortiumMember]] = relationship(
        secondary=consortium_member_need, back_populates="needs", order_by="ConsortiumMember.id"
    )

    __table_args__ = (CheckConstraint("partners_needed BETWEEN 1 AND 100", name="partners_range"),)


class ConsortiumMember(Model):
    """An organization's place in a project's consortium: invited, then accepted or declined."""

    __tablename__ = "consortium_member"

    id: Mapped[intpk]
    project_id: Mapped[int] = mapped_column(ForeignKey("project.id", ondelete="CASCADE"), index=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organization.id", ondelete="CASCADE"), index=True)
    role: Mapped[str255] = mapped_column(default="", server_default="")  # «Головной исполнитель»
    status: Mapped[ConsortiumStatus] = mapped_column(default=ConsortiumStatus.INVITED, index=True)
    message: Mapped[text]  # the manager's invitation
    response_message: Mapped[text]  # the organization's answer
    invited_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    invited_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    responded_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    responded_at: Mapped[dt.datetime | None]
    created_at: Mapped[created_at]
    updated_at: Mapped[updated_at]

    project: Mapped[Project] = relationship(back_populates="members")
    organization: Mapped[Organization] = relationship()
    invited_by: Mapped[User | None] = relationship(foreign_keys=[invited_by_id])
    responded_by: Mapped[User | None] = relationship(foreign_keys=[responded_by_id])
    needs: Mapped[list[ProjectNeed]] = relationship(
        secondary=consortium_member_need, back_populates="members", order_by="[ProjectNeed.position, ProjectNeed.id]"
    )

    __table_args__ = (UniqueConstraint("project_id", "organization_id", name="uq_consortium_member_project_org"),)


class ProjectEvent(Model):
    """One line of a project's history: who did what, when (and to which organization)."""

    __tablename__ = "project_event"

    id: Mapped[intpk]
    project_id: Mapped[int] = mapped_column(ForeignKey("project.id", ondelete="CASCADE"), index=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    action: Mapped[str] = mapped_column(String(40))  # created, status_changed, invited, accepted, ...
    from_status: Mapped[ProjectStatus | None]
    to_status: Mapped[ProjectStatus | None]
    #: The percent complete after a progress update.
    percent_complete: Mapped[int | None]
    #: The organization a consortium event is about.
    organization_id: Mapped[int | None] = mapped_column(ForeignKey("organization.id", ondelete="SET NULL"))
    note: Mapped[text]
    created_at: Mapped[created_at]

    project: Mapped[Project] = relationship(back_populates="events")
    actor: Mapped[User | None] = relationship()
    organization: Mapped[Organization | None] = relationship()
