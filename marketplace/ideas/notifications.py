"""Mail of the idea exchange: the author hears about new comments (never about their own)."""
from __future__ import annotations

from flask import current_app, has_request_context, url_for
from flask_babel import force_locale
from flask_babel import gettext as _

from ..mail.services import send_mail
from .models import Idea, IdeaComment

#: How much of the comment the mail quotes.
QUOTE_CHARS = 500


def idea_link(idea: Idea) -> str:
    if has_request_context() or current_app.config.get("SERVER_NAME"):
        return url_for("ideas.show", idea_id=idea.id, _external=True)
    return ""


def comment_added(idea: Idea, comment: IdeaComment) -> bool:
    """Tell the idea's author that someone commented; returns whether a message was written."""
    author = idea.author
    if author is None or not author.active or not author.email or comment.author_id == author.id:
        return False
    commenter = comment.author.full_name if comment.author else ""
    quote = comment.body if len(comment.body) <= QUOTE_CHARS else comment.body[:QUOTE_CHARS].rstrip() + "…"
    link = idea_link(idea)
    with force_locale(author.locale or current_app.config["BABEL_DEFAULT_LOCALE"]):
        subject = _("New comment on your idea: %(title)s", title=idea.title)
        body = _("%(name)s commented on your idea \"%(title)s\":", name=commenter, title=idea.title)
    send_mail(author.email, subject, f"{body}\n\n{quote}" + (f"\n\n{link}" if link else ""))
    return True
