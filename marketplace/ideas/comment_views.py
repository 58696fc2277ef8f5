"""The discussion of an idea: add a comment, delete one (its author, or the manager as moderator)."""

from __future__ import annotations

import math

from flask import current_app, flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user

from .. import access
from ..db import db
from ..errors import InvalidInput, NotFound
from ..forms import ActionForm
from ..views_support import paginate
from . import queries, rules, services
from .forms import CommentForm
from .models import IdeaComment
from .views import bp, load_idea


@bp.route("/<int:idea_id>/comments", methods=["POST"])
@access.login_required
def comment(idea_id: int) -> ResponseReturnValue:
    idea = load_idea(idea_id)
    form = CommentForm()
    if not form.validate_on_submit():
        # The page again, with the field error and the text kept: 400, nothing saved.
        page = paginate(queries.comments_statement(idea.id))
        return render_template(
            "ideas/show.html",
            idea=idea,
            page=page,
            rules=rules,
            comment_form=form,
            can_comment=rules.can_comment(idea, current_user),
            action_form=ActionForm(),
        ), 400
    added = services.add_comment(idea, current_user, form.body.data)
    flash(_("Your comment is posted."), "success")
    last_page = max(1, math.ceil(queries.comment_count(idea.id) / current_app.config["PER_PAGE"]))
    return redirect(
        url_for("ideas.show", idea_id=idea.id, page=last_page if last_page > 1 else None, _anchor=f"comment-{added.id}")
    )


@bp.route("/<int:idea_id>/comments/<int:comment_id>/delete", methods=["POST"])
@access.login_required
def delete_comment(idea_id: int, comment_id: int) -> ResponseReturnValue:
    idea = load_idea(idea_id)
    found = db.session.get(IdeaComment, comment_id)
    if found is None or found.idea_id != idea.id:
        raise NotFound
    rules.require_delete_comment(found, current_user)
    if not ActionForm().validate_on_submit():
        raise InvalidInput
    services.delete_comment(found, current_user)
    flash(_("The comment is deleted."), "success")
    return redirect(url_for("ideas.show", idea_id=idea.id, _anchor="discussion"))
