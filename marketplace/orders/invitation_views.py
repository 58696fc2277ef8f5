"""Invitations to respond, on the ``orders`` blueprint: the customer invites a proposed supplier
from the order page; a supplier's users see what their organization was invited to."""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user

from .. import access
from ..db import db
from ..errors import Forbidden, InvalidInput, NotFound
from ..i18n import localized
from ..organizations.models import Organization
from ..views_support import paginate
from .forms import InviteForm
from .invitations import invite_supplier, received_invitations_statement
from .views import bp, load_order


@bp.route("/invitations")
@access.login_required
def invitations() -> ResponseReturnValue:
    organization = current_user.organization
    if organization is None:
        raise Forbidden(_("Create your organization's profile first."))
    page = paginate(received_invitations_statement(organization.id, current_user))
    return render_template("orders/invitations.html", page=page, organization=organization)


@bp.route("/<int:order_id>/invite", methods=["POST"])
def invite(order_id: int) -> ResponseReturnValue:
    order = load_order(order_id)
    if not access.belongs_to(order.organization_id):
        access.deny(_("Only the customer's users can invite suppliers."))
    form = InviteForm()
    if not form.validate_on_submit():
        raise InvalidInput(_("Choose a supplier from the list."))
    organization = db.session.get(Organization, form.organization)
    if organization is None:
        raise NotFound
    invite_supplier(order, organization, current_user)
    flash(
        _(
            "%(name)s is invited to respond; its users got an e-mail with the link.",
            name=localized(organization, "name"),
        ),
        "success",
    )
    return redirect(url_for("orders.show", order_id=order.id) + "#suggested-suppliers")
