"""The idea exchange: post, edit, close and reopen ideas; comment and moderate. Services flush, never commit."""

from __future__ import annotations

from typing import Any

from flask_babel import gettext as _

from ..db import db, utcnow
from ..errors import Conflict, InvalidInput
from ..organizations.models import Competency
from ..visibility import Visibility
from . import notifications, rules
from .models import Idea, IdeaComment, IdeaStatus

#: Columns set through the idea form.
IDEA_FIELDS = ("kind", "title", "body", "visibility")


def _check_visibility(author: Any, values: dict[str, Any], current: Visibility | None = None) -> None:
    if values["visibility"] != current and values["visibility"] not in rules.visibilities_for(author):
        raise InvalidInput(_("Only cluster members can post ideas for members only."), field="visibility")


def post_idea(author: Any, values: dict[str, Any], *, competencies: list[Competency]) -> Idea:
    """A new open idea by ``author``, under their organization if they have one."""
    rules.require_post_ideas(author)
    _check_visibility(author, values)
    idea = Idea(
        author_id=author.id,
        organization_id=author.organization_id,
        status=IdeaStatus.OPEN,
        competencies=list(competencies),
        **{name: values[name] for name in IDEA_FIELDS},
    )
    db.session.add(idea)
    db.session.flush()
    return idea


def update_idea(idea: Idea, actor: Any, values: dict[str, Any], *, competencies: list[Competency]) -> list[str]:
    """The author changes an open idea; returns the changed fields."""
    rules.require_edit_idea(idea, actor)
    if idea.status != IdeaStatus.OPEN:
        raise Conflict(_("A closed idea cannot be edited. Reopen it first."))
    _check_visibility(actor, values, current=idea.visibility)
    changed = [name for name in IDEA_FIELDS if getattr(idea, name) != values[name]]
    for name in changed:
        setattr(idea, name, values[name])
    if {c.id for c in idea.competencies} != {c.id for c in competencies}:
        idea.competencies = list(competencies)
        changed.append("competencies")
    db.session.flush()
    return changed


def close_idea(idea: Idea, actor: Any) -> None:
    """Open → closed: the discussion stops (the author or the manager)."""
    rules.require_close_idea(idea, actor)
    if idea.status != IdeaStatus.OPEN:
        raise Conflict(_("The idea is already closed."))
    idea.status = IdeaStatus.CLOSED
    idea.closed_at = utcnow()
    db.session.flush()


def reopen_idea(idea: Idea, actor: Any) -> None:
    rules.require_close_idea(idea, actor)
    if idea.status != IdeaStatus.CLOSED:
        raise Conflict(_("The idea is open."))
    idea.status = IdeaStatus.OPEN
    idea.closed_at = None
    db.session.flush()


def add_comment(idea: Idea, author: Any, body: str) -> IdeaComment:
    """A comment on an open idea; the idea's author is mailed unless they wrote it."""
    rules.require_post_ideas(author)
    rules.require_view_idea(idea, author)
    if idea.status != IdeaStatus.OPEN:
        raise Conflict(_("The idea is closed: the discussion is over."))
    comment = IdeaComment(idea=idea, author_id=author.id, body=body)
    db.session.add(comment)
    db.session.flush()
    notifications.comment_added(idea, comment)
    return comment


def delete_comment(comment: IdeaComment, actor: Any) -> None:
    """Its author deletes a comment, or the manager does (moderation)."""
    rules.require_delete_comment(comment, actor)
    db.session.delete(comment)
    db.session.flush()
