"""The idea exchange: the list, posting and editing ideas, the discussion, closing and reopening.

Comments (add, delete) live in ``comment_views`` (same blueprint).
"""

from __future__ import annotations

from flask import Blueprint, Flask, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user

from ..db import db
from ..errors import Conflict, InvalidInput, NotFound
from ..forms import ActionForm, form_status, show_error
from ..i18n import register_labels
from ..orders.forms import selected_competencies
from ..projects.rules import can_view_project
from ..views_support import paginate
from . import queries, rules, services
from .forms import CommentForm, FilterForm, IdeaForm
from .labels import LABELS
from .models import Idea, IdeaStatus

bp = Blueprint("ideas", __name__, url_prefix="/ideas")


def load_idea(idea_id: int) -> Idea:
    """The idea, if the current user may see it (404 / login otherwise)."""
    idea = db.session.get(Idea, idea_id)
    if idea is None:
        raise NotFound
    rules.require_view_idea(idea, current_user)
    return idea


@bp.route("/")
def index() -> ResponseReturnValue:
    form = FilterForm(formdata=request.args)
    filters = form.filters()
    page = paginate(queries.ideas_statement(filters, current_user))
    counts = queries.comment_counts([idea.id for idea in page.items])
    return render_template(
        "ideas/index.html",
        page=page,
        form=form,
        filters=filters,
        counts=counts,
        can_post=rules.can_post_ideas(current_user),
    )


def _idea_form(idea: Idea | None = None) -> IdeaForm:
    form = IdeaForm(obj=idea)
    if len(rules.visibilities_for(current_user)) < 2:
        del form.visibility  # members-only ideas are for members; everyone else posts public ones
    if idea is not None and request.method == "GET":
        form.kind.data = idea.kind.value
        form.competencies.data = [c.id for c in idea.competencies]
        if "visibility" in form:
            form.visibility.data = idea.visibility.value
    return form


def _render_form(form: IdeaForm, idea: Idea | None, status: int = 200) -> ResponseReturnValue:
    return render_template("ideas/form.html", form=form, idea=idea), status


@bp.route("/new", methods=["GET", "POST"])
def create() -> ResponseReturnValue:
    rules.require_post_ideas(current_user)
    form = _idea_form()
    if form.validate_on_submit():
        try:
            idea = services.post_idea(
                current_user, form.idea_values(), competencies=selected_competencies(form.competencies.data)
            )
        except InvalidInput as error:
            show_error(form, error)
            return _render_form(form, None, 400)
        flash(_("The idea is posted."), "success")
        return redirect(url_for("ideas.show", idea_id=idea.id))
    return _render_form(form, None, form_status(form))


@bp.route("/<int:idea_id>")
def show(idea_id: int) -> ResponseReturnValue:
    idea = load_idea(idea_id)
    page = paginate(queries.comments_statement(idea.id))
    can_comment = rules.can_comment(idea, current_user)
    project = idea.converted_project
    if project is not None and not can_view_project(project, current_user):
        project = None  # a members-only project (or one still an idea) is not named to others
    return render_template(
        "ideas/show.html",
        idea=idea,
        page=page,
        rules=rules,
        can_comment=can_comment,
        comment_form=CommentForm() if can_comment else None,
        action_form=ActionForm(),
        project=project,
    )


@bp.route("/<int:idea_id>/edit", methods=["GET", "POST"])
def edit(idea_id: int) -> ResponseReturnValue:
    idea = load_idea(idea_id)
    rules.require_edit_idea(idea, current_user)
    if idea.status != IdeaStatus.OPEN:
        raise Conflict(_("A closed idea cannot be edited. Reopen it first."))
    form = _idea_form(idea)
    if form.validate_on_submit():
        try:
            services.update_idea(
                idea,
                current_user,
                form.idea_values(fixed_visibility=idea.visibility),
                competencies=selected_competencies(form.competencies.data),
            )
        except InvalidInput as error:
            show_error(form, error)
            return _render_form(form, idea, 400)
        flash(_("The idea is saved."), "success")
        return redirect(url_for("ideas.show", idea_id=idea.id))
    return _render_form(form, idea, form_status(form))


@bp.route("/<int:idea_id>/close", methods=["POST"])
def close(idea_id: int) -> ResponseReturnValue:
    idea = load_idea(idea_id)
    rules.require_close_idea(idea, current_user)
    if not ActionForm().validate_on_submit():
        raise InvalidInput
    services.close_idea(idea, current_user)
    flash(_("The idea is closed."), "success")
    return redirect(url_for("ideas.show", idea_id=idea.id))


@bp.route("/<int:idea_id>/reopen", methods=["POST"])
def reopen(idea_id: int) -> ResponseReturnValue:
    idea = load_idea(idea_id)
    rules.require_close_idea(idea, current_user)
    if not ActionForm().validate_on_submit():
        raise InvalidInput
    services.reopen_idea(idea, current_user)
    flash(_("The idea is open again."), "success")
    return redirect(url_for("ideas.show", idea_id=idea.id))


# The other view modules add their routes to ``bp``; imported last, as they import it from here.
from . import comment_views  # noqa: E402,F401


def init_app(_app: Flask) -> None:
    register_labels(LABELS)
