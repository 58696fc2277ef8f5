"""Membership: the organization's administrator applies; the cluster manager decides."""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import case, select
from sqlalchemy.orm import selectinload

from .. import access
from ..db import db
from ..errors import Forbidden, NotFound
from ..forms import ActionForm, form_status
from ..i18n import localized
from ..views_support import paginate
from . import membership
from .forms import ApplicationForm, RejectForm
from .models import ApplicationStatus, MembershipApplication, MembershipStatus
from .rules import can_apply, is_org_admin_of
from .views import bp, load_organization


@bp.route("/<int:org_id>/apply", methods=["GET", "POST"])
@access.login_required
def apply(org_id: int) -> ResponseReturnValue:
    organization = load_organization(org_id)
    if not is_org_admin_of(organization):
        raise Forbidden(_("Only the organization's administrators can apply for membership."))
    if not can_apply(organization):
        flash(
            _("Your organization is already a member of the cluster.")
            if organization.membership_status == MembershipStatus.MEMBER
            else _("Your application is already being considered."),
            "info",
        )
        return redirect(url_for(".show", org_id=organization.id))
    form = ApplicationForm()
    if form.validate_on_submit():
        membership.apply_for_membership(organization, current_user, form.message.data)
        flash(_("Your application has been sent to the cluster manager."), "success")
        return redirect(url_for(".show", org_id=organization.id))
    return render_template("organizations/apply.html", org=organization, form=form), form_status(form)


@bp.route("/applications")
@access.manager_required
def applications() -> ResponseReturnValue:
    pending_first = case((MembershipApplication.status == ApplicationStatus.PENDING, 0), else_=1)
    statement = (
        select(MembershipApplication)
        .options(selectinload(MembershipApplication.organization), selectinload(MembershipApplication.applicant))
        .order_by(pending_first, MembershipApplication.created_at.desc(), MembershipApplication.id.desc())
    )
    return render_template("organizations/applications.html", page=paginate(statement))


def _load_application(application_id: int) -> MembershipApplication:
    application = db.session.get(MembershipApplication, application_id)
    if application is None:
        raise NotFound
    return application


def _application_page(
    application: MembershipApplication, reject_form: RejectForm | None = None, status: int = 200
) -> ResponseReturnValue:
    return render_template(
        "organizations/application.html",
        application=application,
        org=application.organization,
        approve_form=ActionForm(formdata=None),
        reject_form=reject_form or RejectForm(formdata=None),
    ), status


@bp.route("/applications/<int:application_id>")
@access.manager_required
def application(application_id: int) -> ResponseReturnValue:
    return _application_page(_load_application(application_id))


@bp.route("/applications/<int:application_id>/approve", methods=["POST"])
@access.manager_required
def approve_application(application_id: int) -> ResponseReturnValue:
    application = _load_application(application_id)
    membership.approve_application(application, current_user)
    flash(_("%(name)s is now a member of the cluster.", name=localized(application.organization, "name")), "success")
    return redirect(url_for(".applications"))


@bp.route("/applications/<int:application_id>/reject", methods=["POST"])
@access.manager_required
def reject_application(application_id: int) -> ResponseReturnValue:
    application = _load_application(application_id)
    form = RejectForm()
    if not form.validate():
        return _application_page(application, reject_form=form, status=400)
    membership.reject_application(application, current_user, form.reason.data)
    flash(_("The application has been rejected."), "success")
    return redirect(url_for(".applications"))
