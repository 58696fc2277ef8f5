"""Projects: the register, the portfolio, the project page and the project's lifecycle.

Needs live in ``need_views``, the consortium workflow in ``consortium_views``
(same blueprint); the JSON API in ``api`` (blueprint ``projects_api``,
registered by ``init_app``).
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Flask, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user
from flask_wtf import FlaskForm
from sqlalchemy.orm import selectinload

from .. import access
from ..db import db
from ..errors import Forbidden, InvalidInput, NotFound
from ..forms import ActionForm, form_status, show_error
from ..i18n import register_labels
from ..ideas.models import Idea
from ..utils import parse_db_id
from ..views_support import paginate
from . import queries, rules, services
from .api import bp as api_bp
from .forms import (
    CancelForm,
    DocumentsForm,
    FilterForm,
    NewProjectForm,
    ProgressForm,
    ProjectForm,
    RemoveForm,
    RespondForm,
    StatusForm,
)
from .labels import LABELS
from .models import Project, ProjectStatus
from .proposal import propose_partners

bp = Blueprint("projects", __name__, url_prefix="/projects")


def load_project(project_id: int) -> Project:
    """The project, if the current user may see it (404 / login otherwise)."""
    project = db.session.get(Project, project_id)
    if project is None:
        raise NotFound
    rules.require_view_project(project)
    return project


def load_managed(project_id: int) -> Project:
    """The project, for the cluster manager only (others: login, 404 or 403)."""
    project = load_project(project_id)
    rules.require_manage()
    return project


@bp.route("/")
def index() -> ResponseReturnValue:
    form = FilterForm(formdata=request.args, user=current_user)
    filters = form.filters()
    statement = queries.projects_statement(filters, current_user).options(selectinload(Project.members))
    page = paginate(statement)
    return render_template(
        "projects/index.html", page=page, form=form, filters=filters, rules=rules, can_manage=rules.can_manage()
    )


@bp.route("/portfolio")
@access.member_required
def portfolio() -> ResponseReturnValue:
    return render_template(
        "projects/portfolio.html",
        portfolio=queries.portfolio(current_user),
        statuses=queries.STATUS_ORDER,
        can_manage=rules.can_manage(),
    )


@bp.route("/invitations")
@access.login_required
def invitations() -> ResponseReturnValue:
    if current_user.organization_id is None:
        raise Forbidden(_("Invitations are sent to organizations: create your organization's profile first."))
    page = paginate(queries.invitations_statement(current_user.organization_id))
    return render_template("projects/invitations.html", page=page, rules=rules, respond_form=RespondForm())


def _render_form(
    form: ProjectForm, project: Project | None, status: int = 200, idea: Idea | None = None
) -> ResponseReturnValue:
    return render_template("projects/form.html", form=form, project=project, idea=idea), status


@bp.route("/new", methods=["GET", "POST"])
@access.manager_required
def create() -> ResponseReturnValue:
    """Register a project; ``?idea=<id>`` turns an idea of the idea exchange into it (prefilled, then linked)."""
    idea = _idea_to_convert(request.args.get("idea"))
    if idea is not None and idea.converted_project_id is not None:
        flash(_("This idea has already become a project."), "info")
        return redirect(url_for("projects.show", project_id=idea.converted_project_id))
    form = NewProjectForm()
    if request.method == "GET":
        form.responsible.data = str(current_user.id)
        if idea is not None:
            form.title.data, form.description.data = idea.title[:255], idea.body
            if idea.organization_id is not None and any(
                value == str(idea.organization_id) for value, *_rest in form.lead.iter_choices()
            ):
                form.lead.data = str(idea.organization_id)
    if form.validate_on_submit():
        try:
            project = services.create_project(
                form.project_values(),
                actor=current_user,
                status=ProjectStatus(form.status.data),
                uploads=form.uploads(),
                idea=idea,
            )
        except InvalidInput as error:
            show_error(form, error)
            return _render_form(form, None, 400, idea=idea)
        flash(_("The project is registered. Add what it needs, then invite partners."), "success")
        return redirect(url_for("projects.needs", project_id=project.id))
    return _render_form(form, None, form_status(form), idea=idea)


def _idea_to_convert(value: str | None) -> Idea | None:
    if not value:
        return None
    idea_id = parse_db_id(value)
    idea = db.session.get(Idea, idea_id) if idea_id is not None else None
    if idea is None:
        raise NotFound
    return idea


def render_show(project: Project, status: int = 200, **forms: FlaskForm) -> ResponseReturnValue:
    """The project page; ``forms`` replaces a default form (to show its errors)."""
    manager = rules.can_manage()
    members = rules.visible_members(project)
    my_member = rules.membership_of(project)
    can_answer = my_member is not None and rules.can_answer(my_member)
    coverage = queries.coverage(project.needs, members)
    context: dict[str, Any] = {
        "project": project,
        "members": members,
        "my_member": my_member,
        "can_answer": can_answer,
        "coverage": coverage,
        "is_manager": manager,
        "show_budget": rules.can_see_budget(project),
        "show_history": rules.can_see_history(project),
        "event_labels": services.EVENT_LABELS,
        "field_labels": services.EDITED_FIELD_LABELS,
        "proposal": (
            propose_partners(project, coverage, user=current_user) if manager and not project.is_closed else None
        ),
        # Blank forms (formdata=None): after another form's failed POST they must not pick up its fields.
        "respond_form": RespondForm(formdata=None) if can_answer else None,
        "status_form": StatusForm(formdata=None, allowed=services.NEXT_STATUSES[project.status]) if manager else None,
        "progress_form": ProgressForm(formdata=None, percent_complete=project.percent_complete) if manager else None,
        "cancel_form": CancelForm(formdata=None) if manager else None,
        "documents_form": DocumentsForm(formdata=None) if manager else None,
        "remove_form": RemoveForm(formdata=None) if manager else None,
        "action_form": ActionForm(formdata=None),
    }
    context.update(forms)
    return render_template("projects/show.html", **context), status


@bp.route("/<int:project_id>")
def show(project_id: int) -> ResponseReturnValue:
    return render_show(load_project(project_id))


@bp.route("/<int:project_id>/edit", methods=["GET", "POST"])
def edit(project_id: int) -> ResponseReturnValue:
    project = load_managed(project_id)
    services.require_open(project)
    form = ProjectForm(
        obj=project, responsible=str(project.manager_id or ""), lead=str(project.lead_organization_id or "")
    )
    if form.validate_on_submit():
        try:
            services.update_project(project, form.project_values(), actor=current_user, uploads=form.uploads())
        except InvalidInput as error:
            show_error(form, error)
            return _render_form(form, project, 400)
        flash(_("The project is saved."), "success")
        return redirect(url_for("projects.show", project_id=project.id))
    return _render_form(form, project, form_status(form))


@bp.route("/<int:project_id>/status", methods=["POST"])
def change_status(project_id: int) -> ResponseReturnValue:
    project = load_managed(project_id)
    form = StatusForm(allowed=services.NEXT_STATUSES[project.status])
    if not form.validate_on_submit():
        return render_show(project, 400, status_form=form)
    services.change_status(project, ProjectStatus(form.status.data), actor=current_user, note=form.note.data)
    flash(_("The status is changed."), "success")
    return redirect(url_for("projects.show", project_id=project.id))


@bp.route("/<int:project_id>/progress", methods=["POST"])
def update_progress(project_id: int) -> ResponseReturnValue:
    project = load_managed(project_id)
    form = ProgressForm()
    if not form.validate_on_submit():
        return render_show(project, 400, progress_form=form)
    services.update_progress(project, form.percent_complete.data, actor=current_user, note=form.note.data)
    flash(_("The progress is updated."), "success")
    return redirect(url_for("projects.show", project_id=project.id))


@bp.route("/<int:project_id>/cancel", methods=["GET", "POST"])
def cancel(project_id: int) -> ResponseReturnValue:
    project = load_managed(project_id)
    services.require_open(project)
    form = CancelForm()
    if form.validate_on_submit():
        services.cancel_project(project, actor=current_user, reason=form.reason.data)
        flash(_("The project is cancelled."), "success")
        return redirect(url_for("projects.show", project_id=project.id))
    return render_template("projects/cancel.html", project=project, form=form), form_status(form)


@bp.route("/<int:project_id>/documents", methods=["POST"])
def add_documents(project_id: int) -> ResponseReturnValue:
    project = load_managed(project_id)
    form = DocumentsForm()
    if form.validate_on_submit() and form.uploads():
        try:
            services.add_documents(project, form.uploads(), actor=current_user)
        except InvalidInput as error:
            show_error(form, error)
            return render_show(project, 400, documents_form=form)
        flash(_("The documents are attached."), "success")
        return redirect(url_for("projects.show", project_id=project.id, _anchor="documents"))
    if not form.files.errors:
        form.files.errors = [_("Choose a file.")]
    return render_show(project, 400, documents_form=form)


@bp.route("/<int:project_id>/documents/<int:attachment_id>/delete", methods=["POST"])
def delete_document(project_id: int, attachment_id: int) -> ResponseReturnValue:
    project = load_managed(project_id)
    if not ActionForm().validate_on_submit():
        raise InvalidInput
    services.remove_document(project, attachment_id, actor=current_user)
    flash(_("The document is removed."), "success")
    return redirect(url_for("projects.show", project_id=project.id, _anchor="documents"))


# The other view modules add their routes to ``bp``; imported last, as they import it from here.
from . import consortium_views, need_views  # noqa: E402,F401


def init_app(app: Flask) -> None:
    register_labels(LABELS)
    app.register_blueprint(api_bp)
