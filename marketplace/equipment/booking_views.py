"""Booking routes: my requests, incoming requests, one booking, decisions and cancellation.

Registered on the equipment blueprint (imported at the end of ``views``).
"""

from __future__ import annotations

from collections.abc import Callable

from flask import abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user
from flask_sqlalchemy.pagination import Pagination
from sqlalchemy import Select, false, select
from sqlalchemy.orm import joinedload

from .. import access
from ..access import login_required
from ..db import db
from ..errors import Conflict, Forbidden, NotFound
from ..utils import safe_next_url
from ..views_support import paginate
from . import rules, services
from .forms import DecisionForm, RejectForm, ReturnForm
from .models import Booking, BookingStatus, Equipment
from .views import bp

#: ``?status=`` of the booking lists: "all" or a BookingStatus value.
STATUS_FILTERS = ("all", *tuple(status.value for status in BookingStatus))


def load_booking(booking_id: int) -> Booking:
    booking = db.session.get(Booking, booking_id)
    if booking is None:
        raise NotFound
    return booking


def _status_filter(default: str) -> str:
    value = request.args.get("status", default)
    return value if value in STATUS_FILTERS else default


def _listing(statement: Select[Booking], status: str) -> Pagination:
    statement = statement.options(joinedload(Booking.equipment), joinedload(Booking.organization))
    if status != "all":
        statement = statement.where(Booking.status == BookingStatus(status))
    return paginate(statement)


@bp.route("/bookings/mine")
@login_required
def my_bookings() -> ResponseReturnValue:
    """The bookings requested by the user's organization."""
    status = _status_filter("all")
    statement = select(Booking).order_by(Booking.starts_at.desc(), Booking.id.desc())
    if current_user.organization_id is None:
        statement = statement.where(false())
    else:
        statement = statement.where(Booking.organization_id == current_user.organization_id)
    return render_template(
        "equipment/my_bookings.html",
        page=_listing(statement, status),
        status=status,
        action_form=ReturnForm(),
        can_cancel=services.can_still_cancel,
    )


@bp.route("/bookings/incoming")
@login_required
def incoming() -> ResponseReturnValue:
    """Requests for the items of the user's organization (every item's, for the manager)."""
    if not access.is_manager() and current_user.organization_id is None:
        raise Forbidden(_("Link your account to an organization to manage its equipment."))
    status = _status_filter(BookingStatus.PENDING.value)
    statement = select(Booking).join(Booking.equipment).order_by(Booking.starts_at, Booking.id)
    if not access.is_manager():
        statement = statement.where(Equipment.organization_id == current_user.organization_id)
    page = _listing(statement, status)
    clashes = {
        booking.id: services.approved_overlap(
            booking.equipment_id, booking.starts_at, booking.ends_at, exclude_id=booking.id
        )
        for booking in page.items
        if booking.status == BookingStatus.PENDING
    }
    return render_template(
        "equipment/incoming.html", page=page, status=status, clashes=clashes, decision_form=DecisionForm(formdata=None)
    )


@bp.route("/bookings/<int:booking_id>")
@login_required
def booking(booking_id: int) -> ResponseReturnValue:
    item = load_booking(booking_id)
    if not rules.can_view_booking(item):
        raise NotFound
    return render_booking(item)


def render_booking(
    booking: Booking, form: DecisionForm | None = None, error: str | None = None, status: int = 200
) -> ResponseReturnValue:
    clash = None
    if booking.status == BookingStatus.PENDING:
        clash = services.approved_overlap(
            booking.equipment_id, booking.starts_at, booking.ends_at, exclude_id=booking.id
        )
    return render_template(
        "equipment/booking.html",
        booking=booking,
        clash=clash,
        error=error,
        decision_form=form or DecisionForm(formdata=None),
        action_form=ReturnForm(formdata=None),
        can_decide=rules.can_decide(booking),
        can_cancel=rules.can_cancel(booking) and services.can_still_cancel(booking),
    ), status


def _back(form: DecisionForm | ReturnForm, default: str) -> str:
    return safe_next_url(form.next.data, default)


def _decide(
    booking_id: int, form_class: type[DecisionForm], decide: Callable[..., None], message: str
) -> ResponseReturnValue:
    booking = load_booking(booking_id)
    if not rules.can_decide(booking):
        raise Forbidden(_("Only the equipment owner's users can decide on requests."))
    form = form_class()
    if not form.validate():
        return render_booking(booking, form, status=400)
    try:
        decide(booking, decided_by=current_user, note=form.note.data or "")
    except Conflict as error:
        return render_booking(booking, form, error=error.message, status=error.status)
    flash(message, "success")
    return redirect(_back(form, url_for("equipment.incoming")))


@bp.route("/bookings/<int:booking_id>/approve", methods=["POST"])
@login_required
def approve(booking_id: int) -> ResponseReturnValue:
    return _decide(
        booking_id,
        DecisionForm,
        services.approve_booking,
        _("The booking has been approved and the requester notified."),
    )


@bp.route("/bookings/<int:booking_id>/reject", methods=["POST"])
@login_required
def reject(booking_id: int) -> ResponseReturnValue:
    return _decide(
        booking_id, RejectForm, services.reject_booking, _("The request has been rejected and the requester notified.")
    )


@bp.route("/bookings/<int:booking_id>/cancel", methods=["POST"])
@login_required
def cancel(booking_id: int) -> ResponseReturnValue:
    booking = load_booking(booking_id)
    if not rules.can_cancel(booking):
        raise Forbidden(_("Only the requesting organization's users can cancel this booking."))
    form = ReturnForm()
    if not form.validate():
        abort(400)
    services.cancel_booking(booking, by=current_user)
    flash(_("The booking has been cancelled."), "success")
    return redirect(_back(form, url_for("equipment.my_bookings")))
