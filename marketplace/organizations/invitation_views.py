"""The invited person's side of ``invitations``, on the ``organizations`` blueprint: their open invitations
(and requests after a merge), to accept or decline. An invitation meant for someone else is 404 to anyone
but the person: whether it exists is nobody else's business."""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from .. import access
from ..db import db
from ..errors import NotFound
from ..forms import ActionForm
from ..i18n import localized
from . import invitations
from .models import OrganizationInvitation
from .rules import is_invitee
from .views import bp


def _own(invitation_id: int) -> OrganizationInvitation:
    invitation = db.session.get(OrganizationInvitation, invitation_id)
    if invitation is None or not is_invitee(invitation):
        raise NotFound
    return invitation


@bp.route("/invitations")
@access.login_required
def my_invitations() -> ResponseReturnValue:
    user = access.user_object()
    return render_template(
        "organizations/invitations.html",
        invitations=invitations.open_for_person(user),
        may_join=invitations.may_join(user),
        action_form=ActionForm(formdata=None),
    )


@bp.route("/invitations/<int:invitation_id>/accept", methods=["POST"])
@access.login_required
def accept_invitation(invitation_id: int) -> ResponseReturnValue:
    invitation = _own(invitation_id)
    invitations.accept(invitation, access.user_object())
    flash(_("You are now a user of %(org)s.", org=localized(invitation.organization, "name")), "success")
    return redirect(url_for(".show", org_id=invitation.organization_id))


@bp.route("/invitations/<int:invitation_id>/decline", methods=["POST"])
@access.login_required
def decline_invitation(invitation_id: int) -> ResponseReturnValue:
    invitation = _own(invitation_id)
    invitations.decline(invitation, access.user_object())
    flash(_("You have declined to join %(org)s.", org=localized(invitation.organization, "name")), "info")
    return redirect(url_for(".my_invitations"))
