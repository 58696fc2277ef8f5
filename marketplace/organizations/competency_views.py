"""The competencies editor of an organization's profile (its own users and the manager)."""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from .. import access
from ..errors import InvalidInput
from ..forms import ActionForm, show_error
from . import queries, services
from .forms import CompetencyForm, CompetencyUpdateForm
from .models import Organization, OrganizationCompetency
from .views import bp, load_organization


def _editable(org_id: int) -> Organization:
    organization = load_organization(org_id)
    access.require_edit(organization.id)
    return organization


def _page(
    organization: Organization,
    add_form: CompetencyForm | None = None,
    failed: tuple[int, CompetencyUpdateForm] | None = None,
    status: int = 200,
) -> ResponseReturnValue:
    """The editor: one row form per competency (``failed`` replaces one with its errors), and the add form."""
    links = queries.competencies_of(organization)
    if add_form is None:
        add_form = CompetencyForm(formdata=None)
    add_form.load_choices(exclude={link.competency_id for link in links})
    rows: list[tuple[OrganizationCompetency, CompetencyUpdateForm]] = []
    for link in links:
        if failed and failed[0] == link.competency_id:
            rows.append((link, failed[1]))
        else:
            rows.append((link, CompetencyUpdateForm(formdata=None, obj=link)))
    return render_template(
        "organizations/competencies.html",
        org=organization,
        rows=rows,
        add_form=add_form,
        action_form=ActionForm(formdata=None),
    ), status


@bp.route("/<int:org_id>/competencies")
@access.login_required
def competencies(org_id: int) -> ResponseReturnValue:
    return _page(_editable(org_id))


@bp.route("/<int:org_id>/competencies", methods=["POST"])
@access.login_required
def add_competency(org_id: int) -> ResponseReturnValue:
    organization = _editable(org_id)
    form = CompetencyForm()
    form.load_choices(exclude=set())
    if form.validate():
        try:
            services.add_competency(organization, form.competency_id.data, form.level.data, form.note.data)
        except InvalidInput as error:
            show_error(form, error)
        else:
            flash(_("The competency has been added."), "success")
            return redirect(url_for(".competencies", org_id=organization.id))
    return _page(organization, add_form=form, status=400)


@bp.route("/<int:org_id>/competencies/<int:competency_id>", methods=["POST"])
@access.login_required
def update_competency(org_id: int, competency_id: int) -> ResponseReturnValue:
    organization = _editable(org_id)
    link = services.get_competency_link(organization, competency_id)
    form = CompetencyUpdateForm()
    if form.validate():
        services.update_competency(link, form.level.data, form.note.data)
        flash(_("The competency has been updated."), "success")
        return redirect(url_for(".competencies", org_id=organization.id))
    return _page(organization, failed=(competency_id, form), status=400)


@bp.route("/<int:org_id>/competencies/<int:competency_id>/delete", methods=["POST"])
@access.login_required
def remove_competency(org_id: int, competency_id: int) -> ResponseReturnValue:
    organization = _editable(org_id)
    link = services.get_competency_link(organization, competency_id)
    services.remove_competency(link)
    flash(_("The competency has been removed."), "success")
    return redirect(url_for(".competencies", org_id=organization.id))
