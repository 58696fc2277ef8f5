"""The idea exchange tells the author about new comments (never about their own), through
``notifications.notify`` (kind ``IDEA_COMMENT``): in the app and/or by mail, as the author chose."""

from __future__ import annotations

from flask_babel import gettext as _

from ..notifications.models import NotificationKind
from ..notifications.services import link_to, notify
from .models import Idea, IdeaComment

#: How much of the comment the mail quotes.
QUOTE_CHARS = 500


def comment_added(idea: Idea, comment: IdeaComment) -> bool:
    """Tell the idea's author that someone commented; returns whether they were told."""
    author = idea.author
    if author is None or not author.active or comment.author_id == author.id:
        return False
    commenter = comment.author.full_name if comment.author else ""
    quote = comment.body if len(comment.body) <= QUOTE_CHARS else comment.body[:QUOTE_CHARS].rstrip() + "…"
    notify(
        [author],
        NotificationKind.IDEA_COMMENT,
        title=lambda: _("New comment on your idea: %(title)s", title=idea.title),
        body=lambda: (
            _('%(name)s commented on your idea "%(title)s":', name=commenter, title=idea.title) + f"\n\n{quote}"
        ),
        link=link_to("ideas.show", idea_id=idea.id),
    )
    return True
