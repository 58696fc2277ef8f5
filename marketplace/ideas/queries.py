"""Read-side statements of the idea exchange: the list with filters, comments, counts. Nothing here writes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, func, select

from ..db import db
from ..organizations.competency_tree import subtree_ids
from ..organizations.models import Competency
from ..sql import text_in_any
from .models import Idea, IdeaComment, IdeaKind, IdeaStatus
from .rules import visible_ideas


@dataclass
class IdeaFilters:
    """Validated filters of the list; ``None`` / "" means "not set"."""

    kind: IdeaKind | None = None
    status: IdeaStatus | None = IdeaStatus.OPEN  # None: any status
    competency_id: int | None = None
    text: str = ""


def ideas_statement(filters: IdeaFilters, user: Any) -> Select[Any]:
    """Ideas ``user`` may read matching ``filters``, the most recently active first."""
    stmt = select(Idea).where(visible_ideas(user))
    if filters.kind:
        stmt = stmt.where(Idea.kind == filters.kind)
    if filters.status:
        stmt = stmt.where(Idea.status == filters.status)
    if filters.competency_id:
        stmt = stmt.where(Idea.competencies.any(Competency.id.in_(subtree_ids(filters.competency_id))))
    if filters.text:
        stmt = stmt.where(text_in_any(filters.text, Idea.title, Idea.body))
    return stmt.order_by(Idea.created_at.desc(), Idea.id.desc())


def comments_statement(idea_id: int) -> Select[Any]:
    """The discussion of an idea, oldest first."""
    return select(IdeaComment).where(IdeaComment.idea_id == idea_id).order_by(IdeaComment.id)


def comment_count(idea_id: int) -> int:
    return db.session.scalar(select(func.count()).select_from(IdeaComment).where(IdeaComment.idea_id == idea_id)) or 0


def comment_counts(idea_ids: list[int]) -> dict[int, int]:
    if not idea_ids:
        return {}
    rows = db.session.execute(
        select(IdeaComment.idea_id, func.count()).where(IdeaComment.idea_id.in_(idea_ids)).group_by(IdeaComment.idea_id)
    )
    return dict(rows.all())
