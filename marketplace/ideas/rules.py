"""Who may see and do what in the idea exchange.

- Ideas are read by whoever their visibility allows (public: everyone; members:
  users of member organizations and the manager); the author always sees their own.
- Any registered user posts ideas and comments on open ideas they can see.
  Only users of member organizations may post members-only ideas.
- The author edits an open idea; the author and the manager close and reopen it.
- A comment is deleted by its author, or by the manager (moderation).
"""

from __future__ import annotations

from typing import Any

from flask_babel import gettext as _
from sqlalchemy import ColumnElement, or_, true

from .. import access
from ..access import AccessLevel, Viewer
from ..visibility import Visibility
from .models import Idea, IdeaComment, IdeaStatus


def is_author(idea: Idea, user: Any) -> bool:
    user = access.viewer(user)
    return bool(user.is_authenticated and idea.author_id is not None and idea.author_id == user.id)


@access.visibility_rule
def visible_ideas(viewer: Viewer) -> ColumnElement[bool]:
    """The ideas a viewer may read, as an SQL condition on ``Idea``: every one for the manager;
    their own for authors; the others by visibility."""
    if viewer.is_manager:
        return true()
    condition = Idea.visibility.in_(viewer.visibilities)
    return condition if viewer.user_id is None else or_(condition, Idea.author_id == viewer.user_id)


def can_view_idea(idea: Idea, user: Any) -> bool:
    return access.row_visible(Idea, idea.id, visible_ideas(user))


def require_view_idea(idea: Idea, user: Any) -> None:
    """:raise LoginRequired: a guest. :raise NotFound: anyone else who may not read the idea."""
    if not can_view_idea(idea, user):
        access.refuse_hidden(user)


def can_post_ideas(user: Any) -> bool:
    return access.access_level(user) >= AccessLevel.USER


def require_post_ideas(user: Any) -> None:
    if not can_post_ideas(user):
        access.deny(_("Log in to post ideas."), user)


def visibilities_for(user: Any) -> tuple[Visibility, ...]:
    """What an author may choose: members-only ideas are for members (and the manager)."""
    return access.allowed_visibilities(user)


def can_edit_idea(idea: Idea, user: Any) -> bool:
    return is_author(idea, user) and idea.status == IdeaStatus.OPEN


def require_edit_idea(idea: Idea, user: Any) -> None:
    if not is_author(idea, user):
        access.deny(_("Only the author can edit the idea."), user)


def can_close_idea(idea: Idea, user: Any) -> bool:
    return is_author(idea, user) or access.is_manager(user)


def require_close_idea(idea: Idea, user: Any) -> None:
    if not can_close_idea(idea, user):
        access.deny(_("Only the author and the cluster manager can close or reopen the idea."), user)


def can_comment(idea: Idea, user: Any) -> bool:
    return can_post_ideas(user) and idea.status == IdeaStatus.OPEN and can_view_idea(idea, user)


def can_delete_comment(comment: IdeaComment, user: Any) -> bool:
    if user is None or not user.is_authenticated:
        return False
    return (comment.author_id is not None and comment.author_id == user.id) or access.is_manager(user)


def require_delete_comment(comment: IdeaComment, user: Any) -> None:
    if not can_delete_comment(comment, user):
        access.deny(_("Only the comment's author and the cluster manager can delete it."), user)
