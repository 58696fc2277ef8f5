"""Responses to orders and the award, on the ``orders`` blueprint.

Suppliers respond, edit and withdraw; the customer compares the responses side
by side and awards one. A supplier only ever sees its own response.
"""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user

from .. import access
from ..access import AccessLevel
from ..errors import Forbidden, InvalidInput
from ..forms import ActionForm, form_status
from ..i18n import localized
from ..views_support import paginate
from . import queries, response_services, rules, services
from .forms import AwardForm, ResponseForm
from .models import OrderStatus, ResponseStatus
from .views import bp, load_order


@bp.route("/<int:order_id>/response", methods=["GET", "POST"])
def respond(order_id: int) -> ResponseReturnValue:
    """Create, edit or renew (after withdrawing) my organization's response."""
    order = load_order(order_id)
    rules.check_can_respond(order, current_user)
    mine = queries.response_of(order.id, current_user.organization_id)
    active = mine is not None and mine.status == ResponseStatus.ACTIVE
    form = ResponseForm(obj=mine if active else None)
    if form.validate_on_submit():
        response_services.save_response(
            order,
            current_user,
            price=form.price.data,
            lead_time_days=form.lead_time_days.data,
            message=form.message.data,
        )
        flash(_("Your response is saved.") if active else _("Your response is sent to the customer."), "success")
        return redirect(url_for("orders.show", order_id=order.id, _anchor="responses"))
    status = form_status(form)
    return render_template("orders/respond.html", order=order, form=form, response=mine if active else None), status


@bp.route("/<int:order_id>/response/withdraw", methods=["POST"])
def withdraw(order_id: int) -> ResponseReturnValue:
    order = load_order(order_id)
    access.require(AccessLevel.USER)
    if not ActionForm().validate_on_submit():
        raise InvalidInput
    response_services.withdraw_response(order, current_user)
    flash(_("Your response is withdrawn. You can respond again while the order is open."), "success")
    return redirect(url_for("orders.show", order_id=order.id, _anchor="responses"))


@bp.route("/responses/mine")
@access.login_required
def my_responses() -> ResponseReturnValue:
    """My organization's responses and their outcomes."""
    if current_user.organization_id is None:
        raise Forbidden(_("Create your organization's profile to respond to orders."))
    page = paginate(queries.my_responses_statement(current_user.organization_id))
    return render_template("orders/my_responses.html", page=page)


@bp.route("/<int:order_id>/responses")
def compare(order_id: int) -> ResponseReturnValue:
    """All responses side by side: the customer's users (who award) and the manager (read only)."""
    order = load_order(order_id)
    if not rules.can_cancel_order(order):
        access.deny(_("Only the customer's users can compare the responses."))
    sort = "lead_time" if request.args.get("sort") == "lead_time" else "price"
    responses = queries.compared_responses(order.id, sort)
    can_award = rules.can_manage_order(order) and order.status == OrderStatus.OPEN
    return render_template(
        "orders/compare.html", order=order, responses=responses, sort=sort, can_award=can_award, award_form=AwardForm()
    )


@bp.route("/<int:order_id>/award", methods=["POST"])
def award(order_id: int) -> ResponseReturnValue:
    order = load_order(order_id)
    rules.require_manage_order(order, current_user)
    form = AwardForm()
    if not form.validate_on_submit():
        raise InvalidInput(_("Choose a response."))
    winner = services.award_order(order, int(form.response_id.data.strip()), current_user)
    flash(
        _(
            "The order is awarded to %(supplier)s. Every supplier who responded has been notified.",
            supplier=localized(winner.organization, "name"),
        ),
        "success",
    )
    return redirect(url_for("orders.show", order_id=order.id))
