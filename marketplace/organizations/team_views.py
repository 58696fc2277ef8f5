"""The organization's users: its own users see the list; its administrators (and the
cluster manager) add registered users by e-mail, remove them and grant or revoke
the administrator's rights."""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user

from .. import access
from ..errors import Forbidden, InvalidInput
from ..forms import ActionForm, show_error
from ..i18n import localized
from . import services
from .forms import AddUserForm
from .models import Organization
from .rules import can_manage_users
from .views import bp, load_organization


def _require_manage(organization: Organization) -> None:
    if not can_manage_users(organization):
        raise Forbidden(_("Only the organization's administrators can manage its users."))


def _page(organization: Organization, form: AddUserForm | None = None, status: int = 200) -> ResponseReturnValue:
    return render_template(
        "organizations/users.html",
        org=organization,
        users=services.organization_users(organization),
        form=form or AddUserForm(formdata=None),
        action_form=ActionForm(formdata=None),
        can_manage=can_manage_users(organization),
    ), status


@bp.route("/<int:org_id>/users")
@access.login_required
def users(org_id: int) -> ResponseReturnValue:
    organization = load_organization(org_id)
    access.require_edit(organization.id)  # own users (read-only unless admin) and the manager
    return _page(organization)


@bp.route("/<int:org_id>/users", methods=["POST"])
@access.login_required
def add_user(org_id: int) -> ResponseReturnValue:
    organization = load_organization(org_id)
    _require_manage(organization)
    form = AddUserForm()
    if form.validate():
        try:
            user = services.add_user(organization, form.email.data)
        except InvalidInput as error:
            show_error(form, error)
        else:
            flash(
                _("%(name)s now belongs to %(org)s.", name=user.full_name, org=localized(organization, "name")),
                "success",
            )
            return redirect(url_for(".users", org_id=organization.id))
    return _page(organization, form, status=400)


@bp.route("/<int:org_id>/users/<int:user_id>/remove", methods=["POST"])
@access.login_required
def remove_user(org_id: int, user_id: int) -> ResponseReturnValue:
    organization = load_organization(org_id)
    _require_manage(organization)
    removed_self = user_id == current_user.id
    user = services.remove_user(organization, user_id)
    flash(_("%(name)s no longer belongs to the organization.", name=user.full_name), "success")
    if removed_self:
        return redirect(url_for("accounts.profile"))
    return redirect(url_for(".users", org_id=organization.id))


@bp.route("/<int:org_id>/users/<int:user_id>/admin", methods=["POST"])
@access.login_required
def grant_admin(org_id: int, user_id: int) -> ResponseReturnValue:
    organization = load_organization(org_id)
    _require_manage(organization)
    user = services.set_admin(organization, user_id, True)
    flash(_("%(name)s is now an administrator of the organization.", name=user.full_name), "success")
    return redirect(url_for(".users", org_id=organization.id))


@bp.route("/<int:org_id>/users/<int:user_id>/admin/revoke", methods=["POST"])
@access.login_required
def revoke_admin(org_id: int, user_id: int) -> ResponseReturnValue:
    organization = load_organization(org_id)
    _require_manage(organization)
    user = services.set_admin(organization, user_id, False)
    flash(_("%(name)s is no longer an administrator.", name=user.full_name), "success")
    if user.id == current_user.id and not current_user.is_manager:
        return redirect(url_for(".show", org_id=organization.id))
    return redirect(url_for(".users", org_id=organization.id))
