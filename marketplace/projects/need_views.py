"""The needs editor of a project (the cluster manager): add, edit, remove needs."""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user

from ..errors import InvalidInput
from ..forms import ActionForm, form_status
from . import queries, rules, services
from .forms import NeedForm
from .views import bp, load_managed


@bp.route("/<int:project_id>/needs", methods=["GET", "POST"])
def needs(project_id: int) -> ResponseReturnValue:
    """The list of needs with their coverage, and the form to add one."""
    project = load_managed(project_id)
    services.require_open(project)
    form = NeedForm()
    if form.validate_on_submit():
        need = services.add_need(project, form.need_values(), actor=current_user)
        flash(_('The need "%(title)s" is added.', title=need.title), "success")
        return redirect(url_for("projects.needs", project_id=project.id))
    coverage = queries.coverage(project.needs, rules.visible_members(project))
    return render_template(
        "projects/needs.html", project=project, form=form, coverage=coverage, action_form=ActionForm()
    ), form_status(form)


@bp.route("/<int:project_id>/needs/<int:need_id>/edit", methods=["GET", "POST"])
def edit_need(project_id: int, need_id: int) -> ResponseReturnValue:
    project = load_managed(project_id)
    services.require_open(project)
    need = services.get_need(project, need_id)
    form = NeedForm.for_need(need)
    if form.validate_on_submit():
        services.update_need(need, form.need_values(), actor=current_user)
        flash(_("The need is saved."), "success")
        return redirect(url_for("projects.needs", project_id=project.id))
    return render_template("projects/need_form.html", project=project, need=need, form=form), form_status(form)


@bp.route("/<int:project_id>/needs/<int:need_id>/delete", methods=["POST"])
def delete_need(project_id: int, need_id: int) -> ResponseReturnValue:
    project = load_managed(project_id)
    need = services.get_need(project, need_id)
    if not ActionForm().validate_on_submit():
        raise InvalidInput
    services.remove_need(need, actor=current_user)
    flash(_("The need is removed."), "success")
    return redirect(url_for("projects.needs", project_id=project.id))
