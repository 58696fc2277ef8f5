"""The idea exchange: requests ("we need…"), offers ("we can…") and joint project proposals.

Any registered user posts an ``Idea`` (under their organization when they have
one) and anyone registered joins the discussion (``IdeaComment``). The author
closes the idea when it is settled; the cluster manager may turn a proposal
into a project (``converted_project_id``): the idea is then closed and links to it.
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import TYPE_CHECKING

from sqlalchemy import Column, ForeignKey, Table
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..db import Model, created_at, db, intpk, str255, text, updated_at
from ..visibility import Visibility

if TYPE_CHECKING:
    from ..accounts.models import User
    from ..organizations.models import Competency, Organization
    from ..projects.models import Project


class IdeaKind(enum.StrEnum):
    REQUEST = "request"  # "we need…"
    OFFER = "offer"  # "we can…"
    PROPOSAL = "proposal"  # a joint project proposal


class IdeaStatus(enum.StrEnum):
    OPEN = "open"
    CLOSED = "closed"


idea_competency = Table(
    "idea_competency",
    db.metadata,
    Column("idea_id", ForeignKey("idea.id", ondelete="CASCADE"), primary_key=True),
    Column("competency_id", ForeignKey("competency.id", ondelete="CASCADE"), primary_key=True, index=True),
)


class Idea(Model):
    __tablename__ = "idea"

    id: Mapped[intpk]
    author_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"), index=True)
    #: The author's organization when they posted (none for users without one).
    organization_id: Mapped[int | None] = mapped_column(ForeignKey("organization.id", ondelete="SET NULL"), index=True)
    kind: Mapped[IdeaKind]
    title: Mapped[str255]
    body: Mapped[text]
    status: Mapped[IdeaStatus] = mapped_column(default=IdeaStatus.OPEN, index=True)
    closed_at: Mapped[dt.datetime | None]
    #: The project the manager turned this idea into (``projects.services.create_project(idea=...)``).
    converted_project_id: Mapped[int | None] = mapped_column(ForeignKey("project.id", ondelete="SET NULL"))
    visibility: Mapped[Visibility] = mapped_column(default=Visibility.PUBLIC)
    created_at: Mapped[created_at]
    updated_at: Mapped[updated_at]

    author: Mapped[User | None] = relationship()
    organization: Mapped[Organization | None] = relationship()
    converted_project: Mapped[Project | None] = relationship()
    competencies: Mapped[list[Competency]] = relationship(secondary=idea_competency)
    comments: Mapped[list[IdeaComment]] = relationship(
        back_populates="idea", cascade="all, delete-orphan", order_by="IdeaComment.id"
    )

    def __repr__(self) -> str:
        return f"<Idea {self.id} {self.title!r}>"


class IdeaComment(Model):
    """One message of an idea's discussion. Its author may delete it; the manager may delete any."""

    __tablename__ = "idea_comment"

    id: Mapped[intpk]
    idea_id: Mapped[int] = mapped_column(ForeignKey("idea.id", ondelete="CASCADE"), index=True)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"), index=True)
    body: Mapped[text]
    created_at: Mapped[created_at]

    idea: Mapped[Idea] = relationship(back_populates="comments")
    author: Mapped[User | None] = relationship()
