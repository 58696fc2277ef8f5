"""Orders: the list, my orders, the order page, posting and the order's lifecycle.

Responses and the award live in ``response_views``, invitations to respond in
``invitation_views`` (same blueprint), service offers in ``offer_views``
(blueprint ``offers``, registered by ``init_app``). The order page's panel of
suggested suppliers comes from the matcher (``suggestions.services``).
"""

from __future__ import annotations

from flask import Blueprint, Flask, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user

from .. import access
from ..db import db
from ..errors import Conflict, Forbidden, InvalidInput, NotFound
from ..forms import ActionForm, form_status, show_error
from ..i18n import register_labels
from ..organizations.models import Organization
from ..suggestions import services as suggestions
from ..views_support import paginate
from . import queries, services
from .forms import CancelForm, CompleteForm, FilterForm, OrderForm, ResponseForm, selected_competencies
from .invitations import received_invitation
from .labels import LABELS
from .models import Order, OrderStatus, ResponseStatus
from .offer_views import bp as offers_bp
from .queries import ListFilters
from .rules import (
    can_cancel_order,
    can_manage_order,
    can_respond,
    require_cancel_order,
    require_manage_order,
    require_post_orders,
    require_view_order,
    visible_orders,
)

bp = Blueprint("orders", __name__, url_prefix="/orders")

#: Suppliers the order page proposes to the customer.
SUGGESTED_SUPPLIERS = 10


def load_order(order_id: int) -> Order:
    """The order, if the current user may see it (404 / login otherwise)."""
    order = access.load_visible(Order, order_id, visible_orders())
    if order is None:
        order = db.session.get(Order, order_id)
        if order is None:
            raise NotFound
        require_view_order(order)  # hidden from this user: refused as the rule says
    return order


def _filter_org(filters: ListFilters) -> Organization | None:
    return db.session.get(Organization, filters.organization_id) if filters.organization_id else None


@bp.route("/")
def index() -> ResponseReturnValue:
    form = FilterForm(formdata=request.args)
    filters = form.filters()
    page = paginate(queries.orders_statement(filters, current_user))
    counts = queries.active_response_counts([o.id for o in page.items])
    return render_template(
        "orders/index.html", page=page, form=form, filters=filters, filter_org=_filter_org(filters), counts=counts
    )


@bp.route("/mine")
@access.login_required
def mine() -> ResponseReturnValue:
    if current_user.organization_id is None:
        raise Forbidden(_("Create your organization's profile to post orders."))
    requested = request.args.get("status", "")
    status = OrderStatus(requested) if requested in {s.value for s in OrderStatus} else None
    page = paginate(queries.my_orders_statement(current_user.organization_id, status))
    counts = queries.active_response_counts([o.id for o in page.items])
    return render_template("orders/mine.html", page=page, status=status, counts=counts, statuses=list(OrderStatus))


def _render_form(form: OrderForm, order: Order | None, status: int = 200) -> ResponseReturnValue:
    return render_template("orders/form.html", form=form, order=order), status


@bp.route("/new", methods=["GET", "POST"])
@access.login_required
def create() -> ResponseReturnValue:
    require_post_orders(current_user)
    form = OrderForm()
    if request.method == "GET":
        form.region.data = current_user.organization.region
    if form.validate_on_submit():
        try:
            order = services.create_order(
                current_user.organization,
                current_user,
                form.order_values(),
                competencies=selected_competencies(form.competencies.data),
                uploads=form.uploads(),
                publish=bool(form.publish.data),
            )
        except InvalidInput as error:
            show_error(form, error)
            return _render_form(form, None, 400)
        flash(
            _("The order is published.")
            if order.status == OrderStatus.OPEN
            else _("The draft is saved. Publish it when it is ready."),
            "success",
        )
        return redirect(url_for("orders.show", order_id=order.id))
    return _render_form(form, None, form_status(form))


@bp.route("/<int:order_id>")
def show(order_id: int) -> ResponseReturnValue:
    order = load_order(order_id)
    customer_side = can_cancel_order(order)  # the customer's users and the manager
    supplier_org_id = current_user.organization_id if current_user.is_authenticated else None
    my_response = None
    if supplier_org_id and supplier_org_id != order.organization_id:
        my_response = queries.response_of(order.id, supplier_org_id)
    response_form = None
    if can_respond(order, current_user):
        active = my_response is not None and my_response.status == ResponseStatus.ACTIVE
        response_form = ResponseForm(obj=my_response if active else None)
    return render_template(
        "orders/show.html",
        order=order,
        can_manage=can_manage_order(order),
        customer_side=customer_side,
        show_budget=order.budget is not None
        and (not order.budget_confidential or access.can_see_confidential(order.organization_id)),
        my_response=my_response,
        response_form=response_form,
        active_count=queries.active_response_counts([order.id]).get(order.id, 0),
        suggestions=suggestions.suggest_suppliers(order, user=current_user, top_k=SUGGESTED_SUPPLIERS)
        if customer_side
        else None,
        invitation=received_invitation(order, current_user),
        event_labels=services.EVENT_LABELS,
        field_labels=services.EDITED_FIELD_LABELS,
        action_form=ActionForm(),
        cancel_form=CancelForm(),
        complete_form=CompleteForm(),
    )


def _load_managed(order_id: int) -> Order:
    order = load_order(order_id)
    require_manage_order(order, current_user)
    return order


@bp.route("/<int:order_id>/edit", methods=["GET", "POST"])
def edit(order_id: int) -> ResponseReturnValue:
    order = _load_managed(order_id)
    if order.status not in services.EDITABLE_STATUSES:
        raise Conflict(_("Only draft and open orders can be edited."))
    form = OrderForm(obj=order, original_deadline=order.deadline)
    if request.method == "GET":
        form.competencies.data = [c.id for c in order.competencies]
        form.visibility.data = order.visibility.value
        form.kind.data = order.kind.value
    if form.validate_on_submit():
        try:
            services.update_order(
                order,
                current_user,
                form.order_values(),
                competencies=selected_competencies(form.competencies.data),
                uploads=form.uploads(),
            )
        except InvalidInput as error:
            show_error(form, error)
            return _render_form(form, order, 400)
        flash(_("The order is saved."), "success")
        return redirect(url_for("orders.show", order_id=order.id))
    return _render_form(form, order, form_status(form))


@bp.route("/<int:order_id>/publish", methods=["POST"])
def publish(order_id: int) -> ResponseReturnValue:
    order = _load_managed(order_id)
    form = ActionForm()
    if not form.validate_on_submit():
        raise InvalidInput
    services.publish_order(order, current_user)
    flash(_("The order is published."), "success")
    return redirect(url_for("orders.show", order_id=order.id))


@bp.route("/<int:order_id>/cancel", methods=["GET", "POST"])
def cancel(order_id: int) -> ResponseReturnValue:
    order = load_order(order_id)
    require_cancel_order(order, current_user)
    if order.status not in services.EDITABLE_STATUSES:
        raise Conflict(_("Only draft and open orders can be cancelled."))
    form = CancelForm()
    if form.validate_on_submit():
        services.cancel_order(order, current_user, form.reason.data)
        flash(_("The order is cancelled."), "success")
        return redirect(url_for("orders.show", order_id=order.id))
    return render_template("orders/cancel.html", order=order, form=form), form_status(form)


@bp.route("/<int:order_id>/complete", methods=["POST"])
def complete(order_id: int) -> ResponseReturnValue:
    order = _load_managed(order_id)
    form = CompleteForm()
    if not form.validate_on_submit():
        raise InvalidInput
    services.complete_order(order, current_user, form.note.data)
    flash(_("The order is marked as completed."), "success")
    return redirect(url_for("orders.show", order_id=order.id))


@bp.route("/<int:order_id>/attachments/<int:attachment_id>/delete", methods=["POST"])
def delete_attachment(order_id: int, attachment_id: int) -> ResponseReturnValue:
    order = _load_managed(order_id)
    form = ActionForm()
    if not form.validate_on_submit():
        raise InvalidInput
    services.remove_order_attachment(order, attachment_id, current_user)
    flash(_("The file is removed."), "success")
    return redirect(url_for("orders.edit", order_id=order.id))


# The other view modules add their routes to ``bp``; imported last, as they import it from here.
from . import invitation_views, response_views  # noqa: E402,F401


def init_app(app: Flask) -> None:
    register_labels(LABELS)

    app.register_blueprint(offers_bp)
