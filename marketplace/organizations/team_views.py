"""The organization's users: its own users see the list; its administrators (and the
cluster manager) invite people by e-mail (they join when they accept, see
``invitations``), withdraw invitations, confirm or refuse people who came with a
merged duplicate, remove users and grant or revoke the administrator's rights."""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user

from .. import access
from ..errors import Forbidden, NotFound
from ..forms import ActionForm
from . import invitations, services
from .forms import AddUserForm
from .models import InvitationKind, Organization, OrganizationInvitation
from .rules import can_manage_users
from .views import bp, load_organization


def _require_manage(organization: Organization) -> None:
    if not can_manage_users(organization):
        raise Forbidden(_("Only the organization's administrators can manage its users."))


def _page(organization: Organization, form: AddUserForm | None = None, status: int = 200) -> ResponseReturnValue:
    can_manage = can_manage_users(organization)
    return render_template(
        "organizations/users.html",
        org=organization,
        users=services.organization_users(organization),
        form=form or AddUserForm(formdata=None),
        action_form=ActionForm(formdata=None),
        can_manage=can_manage,
        invited=invitations.open_for_organization(organization, InvitationKind.INVITATION) if can_manage else [],
        waiting=invitations.open_for_organization(organization, InvitationKind.MERGE) if can_manage else [],
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
        invitations.invite(organization, form.email.data, invited_by=access.user_object())
        # One answer for every address: whether an account has it, or may join, is not told.
        flash(
            _(
                "If an account with this e-mail can join the organization, it has been invited. "
                "The person joins once they accept the invitation."
            ),
            "info",
        )
        return redirect(url_for(".users", org_id=organization.id))
    return _page(organization, form, status=400)


def _invitation_of(organization: Organization, invitation_id: int) -> OrganizationInvitation:
    invitation = invitations.get_for_organization(organization, invitation_id)
    if invitation is None:
        raise NotFound
    return invitation


@bp.route("/<int:org_id>/invitations/<int:invitation_id>/withdraw", methods=["POST"])
@access.login_required
def withdraw_invitation(org_id: int, invitation_id: int) -> ResponseReturnValue:
    """Withdraw an invitation, or refuse a person who came with a merged duplicate."""
    organization = load_organization(org_id)
    _require_manage(organization)
    invitation = _invitation_of(organization, invitation_id)
    invitations.withdraw(invitation, access.user_object())
    if invitation.kind == InvitationKind.MERGE:
        flash(_("The request has been refused."), "success")
    else:
        flash(_("The invitation has been withdrawn."), "success")
    return redirect(url_for(".users", org_id=organization.id))


@bp.route("/<int:org_id>/invitations/<int:invitation_id>/confirm", methods=["POST"])
@access.login_required
def confirm_invitation(org_id: int, invitation_id: int) -> ResponseReturnValue:
    """Confirm a person who came with a merged duplicate: they join as an ordinary user."""
    organization = load_organization(org_id)
    _require_manage(organization)
    invitation = _invitation_of(organization, invitation_id)
    person = invitations.confirm(invitation, access.user_object())
    flash(_("%(name)s is now a user of the organization.", name=person.full_name), "success")
    return redirect(url_for(".users", org_id=organization.id))


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
