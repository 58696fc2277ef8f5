"""The consortium workflow on the project page: invite, answer, change a member's part, remove."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user

from ..db import db
from ..errors import InvalidInput, NotFound
from ..forms import form_status, show_error
from ..organizations.models import Organization
from ..utils import parse_db_id, safe_next_url
from . import consortium, queries, rules, services
from .forms import InviteForm, MemberForm, RemoveForm, RespondForm
from .views import bp, load_managed, load_project, render_show


@bp.route("/<int:project_id>/invite", methods=["GET", "POST"])
def invite(project_id: int) -> ResponseReturnValue:
    """Invite a member organization; ``?org=<id>`` preselects one (re-inviting keeps its last role and needs)."""
    project = load_managed(project_id)
    services.require_open(project)
    form = InviteForm(project=project, organizations=queries.invitable_organizations(project))
    preselected = parse_db_id(request.args.get("org"))
    if request.method == "GET" and preselected is not None:
        previous = consortium.member_of(project, preselected)
        form.organization.data = str(preselected)
        if previous is not None:
            form.role.data = previous.role
            form.needs.data = [need.id for need in previous.needs]
        proposed = {parse_db_id(v) for v in request.args.getlist("need")} - {None}
        if proposed:  # the needs the matcher proposed it for (``_proposal.html``)
            form.needs.data = [need.id for need in project.needs if need.id in proposed]
    if form.validate_on_submit():
        organization_id = parse_db_id(form.organization.data)
        organization = db.session.get(Organization, organization_id) if organization_id is not None else None
        if organization is None:
            raise NotFound
        chosen = [need for need in project.needs if need.id in set(form.needs.data or [])]
        try:
            consortium.invite_to_consortium(
                project, organization, role=form.role.data, needs=chosen, message=form.message.data, actor=current_user
            )
        except InvalidInput as error:
            show_error(form, error)
            return render_template("projects/invite.html", project=project, form=form), 400
        flash(_("The invitation is sent."), "success")
        return redirect(url_for("projects.show", project_id=project.id, _anchor="consortium"))
    return render_template("projects/invite.html", project=project, form=form), form_status(form)


@bp.route("/<int:project_id>/consortium/<int:member_id>/respond", methods=["POST"])
def respond(project_id: int, member_id: int) -> ResponseReturnValue:
    """Accept or decline my organization's invitation (once: a second answer is a 409)."""
    project = load_project(project_id)
    member = consortium.get_member(project, member_id)
    rules.require_answer(member)
    form = RespondForm()
    accept, decline = bool(form.accept.data), bool(form.decline.data)
    if not form.validate_on_submit() or accept == decline:
        if accept == decline:
            form.message.errors = [*list(form.message.errors), _("Choose to accept or to decline.")]
        return render_show(project, 400, respond_form=form)
    consortium.respond_to_invitation(member, accept=accept, actor=current_user, message=form.message.data)
    flash(_("You joined the consortium.") if accept else _("You declined the invitation."), "success")
    default = url_for("projects.show", project_id=project.id, _anchor="consortium")
    return redirect(safe_next_url(request.form.get("next"), default))


@bp.route("/<int:project_id>/consortium/<int:member_id>/edit", methods=["GET", "POST"])
def edit_member(project_id: int, member_id: int) -> ResponseReturnValue:
    """Change an invited or accepted member's role and the needs it covers."""
    project = load_managed(project_id)
    services.require_open(project)
    member = consortium.get_member(project, member_id)
    form = MemberForm(project=project, obj=member)
    if request.method == "GET":
        form.needs.data = [need.id for need in member.needs]
    if form.validate_on_submit():
        chosen = [need for need in project.needs if need.id in set(form.needs.data or [])]
        consortium.update_consortium_member(member, role=form.role.data, needs=chosen, actor=current_user)
        flash(_("The member's part is saved."), "success")
        return redirect(url_for("projects.show", project_id=project.id, _anchor="consortium"))
    return render_template("projects/member_form.html", project=project, member=member, form=form), form_status(form)


@bp.route("/<int:project_id>/consortium/<int:member_id>/remove", methods=["POST"])
def remove_member(project_id: int, member_id: int) -> ResponseReturnValue:
    project = load_managed(project_id)
    member = consortium.get_member(project, member_id)
    form = RemoveForm()
    if not form.validate_on_submit():
        return render_show(project, 400, remove_form=form)
    consortium.remove_from_consortium(member, actor=current_user, reason=form.reason.data)
    flash(_("The organization is removed from the consortium."), "success")
    return redirect(url_for("projects.show", project_id=project.id, _anchor="consortium"))
