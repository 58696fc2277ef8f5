"""Shared equipment: the public list, item pages, calendars, the free-window search, item editing.

Booking routes live in ``booking_views`` on the same blueprint.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from flask import Blueprint, Flask, abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import format_date, format_datetime, format_time, gettext as _, to_user_timezone, to_utc
from flask_login import current_user
from sqlalchemy import func, select
from wtforms.fields.choices import SelectChoice

from .. import access
from ..attachments.services import add_attachment, delete_attachment
from ..db import db, utcnow
from ..errors import Conflict, InvalidInput, NotFound
from ..forms import form_status, show_error
from ..i18n import localized, register_labels
from ..organizations.models import MembershipStatus, Organization
from ..views_support import paginate
from . import calendar_grid, rules, services
from .forms import BookingForm, EquipmentForm, FilterForm, FreeWindowForm, ReturnForm
from .labels import LABELS
from .models import AccessPolicy, Booking, BookingStatus, Equipment, EquipmentCategory, EquipmentStatus

bp = Blueprint("equipment", __name__, url_prefix="/equipment")

UPCOMING_SHOWN = 10


def load_item(equipment_id: int) -> Equipment:
    item = db.session.get(Equipment, equipment_id)
    if item is None:
        raise NotFound
    return item


def local(value: dt.datetime) -> dt.datetime:
    """Naive UTC to naive wall time of the cluster's time zone."""
    return to_user_timezone(value).replace(tzinfo=None)


@bp.app_template_filter("booking_window")
def booking_window(booking: Booking) -> str:
    """A booking's window in wall time: "12 Mar 2025, 10:00–12:00", or both ends in full."""
    start, end = local(booking.starts_at), local(booking.ends_at)
    if start.date() == end.date():
        return (
            f"{format_date(start, 'medium', rebase=False)}, {format_time(start, 'short', rebase=False)}–"
            f"{format_time(end, 'short', rebase=False)}"
        )
    return f"{format_datetime(start, 'short', rebase=False)} – {format_datetime(end, 'short', rebase=False)}"


# --- list and search ---------------------------------------------------------------------------------------


@bp.route("/")
def index() -> ResponseReturnValue:
    form = FilterForm(request.args)
    form.validate()
    category, policy, status = form.value("category"), form.value("access"), form.value("status")
    organization_id = form.value("org")
    statement = services.equipment_statement(
        category=EquipmentCategory(category) if category else None,
        organization_id=organization_id,
        region=form.value("region"),
        access_policy=AccessPolicy(policy) if policy else None,
        status=EquipmentStatus(status) if status else None,
        text=form.value("q"),
    )
    owner = db.session.get(Organization, organization_id) if organization_id else None
    other_filters: dict[str, Any] = {k: v for k, v in request.args.items() if k not in ("org", "page")}
    all_owners_url = url_for("equipment.index", **other_filters)
    return render_template(
        "equipment/index.html",
        form=form,
        page=paginate(statement),
        owner=owner,
        all_owners_url=all_owners_url,
        can_add=rules.can_add_equipment(),
    )


@bp.route("/free")
def free() -> ResponseReturnValue:
    """Available items with no approved booking overlapping ``?start=&end=`` (cluster wall time)."""
    form = FreeWindowForm(request.args)
    page, status = None, 200
    if "start" in request.args or "end" in request.args:
        if form.validate():
            category = form.category.data
            statement = services.free_equipment_statement(
                *form.window(),
                category=EquipmentCategory(category) if category else None,
                region=form.region.data or None,
            )
            page = paginate(statement)
        else:
            status = 400
    return render_template("equipment/free.html", form=form, page=page), status


# --- one item ----------------------------------------------------------------------------------------------


@bp.route("/<int:equipment_id>")
def show(equipment_id: int) -> ResponseReturnValue:
    item = load_item(equipment_id)
    return render_item(item, BookingForm() if rules.can_book(item) else None)


def render_item(item: Equipment, booking_form: BookingForm | None, status: int = 200) -> ResponseReturnValue:
    now = utcnow()
    upcoming = db.session.scalars(
        select(Booking)
        .where(Booking.equipment_id == item.id, Booking.status == BookingStatus.APPROVED, Booking.ends_at > now)
        .order_by(Booking.starts_at)
        .limit(UPCOMING_SHOWN)
    ).all()
    own_requests: Sequence[Booking] = []
    if current_user.is_authenticated and current_user.organization_id is not None:
        own_requests = db.session.scalars(
            select(Booking)
            .where(
                Booking.equipment_id == item.id,
                Booking.organization_id == current_user.organization_id,
                Booking.status.in_(services.LIVE_STATUSES),
                Booking.ends_at > now,
            )
            .order_by(Booking.starts_at)
        ).all()
    pending_count = None
    if rules.can_see_pending(item):
        pending_count = db.session.scalar(
            select(func.count())
            .select_from(Booking)
            .where(Booking.equipment_id == item.id, Booking.status == BookingStatus.PENDING)
        )
    refusal = rules.booking_refusal(item)
    return render_template(
        "equipment/show.html",
        item=item,
        booking_form=booking_form,
        upcoming=upcoming,
        own_requests=own_requests,
        pending_count=pending_count,
        refusal_message=refusal[1] if refusal else None,
        can_edit=rules.can_edit_item(item),
        retire_form=ReturnForm(),
        can_see_requester=rules.can_see_requester,
    ), status


@bp.route("/<int:equipment_id>/book", methods=["POST"])
def request_booking(equipment_id: int) -> ResponseReturnValue:
    item = load_item(equipment_id)
    rules.require_can_book(item)
    form = BookingForm()
    if not form.validate():
        return render_item(item, form, 400)
    try:
        booking = services.request_booking(item, current_user, *form.window(), form.purpose.data)
    except (InvalidInput, Conflict) as error:
        show_error(form, error)
        return render_item(item, form, error.status)
    flash(_("Your request has been sent to the owner. You will get an email when they decide."), "success")
    return redirect(url_for("equipment.booking", booking_id=booking.id))


@bp.route("/<int:equipment_id>/calendar")
def calendar(equipment_id: int) -> ResponseReturnValue:
    item = load_item(equipment_id)
    today = local(utcnow()).date()
    try:
        year, month = calendar_grid.parse_month(request.args.get("month"), today)
    except ValueError:
        abort(400, description=_("Give the month as YYYY-MM, for example 2025-03."))
    dates = calendar_grid.grid_dates(year, month)
    first, last = dates[0][0], dates[-1][-1] + dt.timedelta(days=1)
    bookings = services.bookings_between(
        item,
        to_utc(dt.datetime.combine(first, dt.time())),
        to_utc(dt.datetime.combine(last, dt.time())),
        pending_for=services.pending_scope_for(item, current_user),
    )
    weeks = calendar_grid.build_month(year, month, [(b, local(b.starts_at), local(b.ends_at)) for b in bookings], today)
    return render_template(
        "equipment/calendar.html",
        item=item,
        weeks=weeks,
        title=format_date(dt.date(year, month, 1), "LLLL yyyy"),
        prev_month=calendar_grid.month_key(*calendar_grid.shift_month(year, month, -1)),
        next_month=calendar_grid.month_key(*calendar_grid.shift_month(year, month, 1)),
        this_month=calendar_grid.month_key(today.year, today.month),
        can_see_requester=rules.can_see_requester,
        can_view_booking=rules.can_view_booking,
    )


# --- adding and editing ------------------------------------------------------------------------------------


def _member_organizations() -> list[tuple[int, str]]:
    organizations = db.session.scalars(
        select(Organization)
        .where(Organization.membership_status == MembershipStatus.MEMBER)
        .order_by(Organization.name_ru)
    ).all()
    return [(org.id, localized(org, "name")) for org in organizations]


def _store_files(form: EquipmentForm, item: Equipment) -> None:
    """Remove the ticked files and store the new ones (``InvalidInput`` for a bad upload)."""
    if "remove_files" in form:
        doomed = set(form.remove_files.data or ())
        for attachment in [a for a in item.attachments if a.id in doomed]:
            item.attachments.remove(attachment)
            delete_attachment(attachment)
    for upload in form.uploads():
        add_attachment(upload, uploaded_by_id=current_user.id, equipment=item)


@bp.route("/new", methods=["GET", "POST"])
def create() -> ResponseReturnValue:
    rules.require_add_equipment()
    form = EquipmentForm()
    del form.remove_files
    if access.is_manager():
        form.organization_id.choices = [SelectChoice(*pair) for pair in _member_organizations()]
        if request.method == "GET" and current_user.organization_id:
            form.organization_id.data = current_user.organization_id
    else:
        del form.organization_id
    if form.validate_on_submit():
        owner_id = form.organization_id.data if "organization_id" in form else current_user.organization_id
        try:
            item = services.create_equipment(owner_id, form.item_fields())
            _store_files(form, item)
        except InvalidInput as error:
            show_error(form, error)
        else:
            flash(_("The equipment has been added."), "success")
            return redirect(url_for("equipment.show", equipment_id=item.id))
    status = form_status(form)
    return render_template("equipment/form.html", form=form, item=None), status


@bp.route("/<int:equipment_id>/edit", methods=["GET", "POST"])
def edit(equipment_id: int) -> ResponseReturnValue:
    item = load_item(equipment_id)
    rules.require_edit_item(item)
    form = EquipmentForm(obj=item)
    del form.organization_id
    form.remove_files.choices = [SelectChoice(a.id, a.original_name) for a in item.attachments]
    if not item.attachments:
        del form.remove_files
    if form.validate_on_submit():
        try:
            services.update_equipment(item, form.item_fields(), by=current_user)
            _store_files(form, item)
        except InvalidInput as error:
            show_error(form, error)
        else:
            flash(_("The changes have been saved."), "success")
            return redirect(url_for("equipment.show", equipment_id=item.id))
    status = form_status(form)
    return render_template("equipment/form.html", form=form, item=item), status


@bp.route("/<int:equipment_id>/retire", methods=["POST"])
def retire(equipment_id: int) -> ResponseReturnValue:
    item = load_item(equipment_id)
    rules.require_edit_item(item)
    if not ReturnForm().validate():
        abort(400)
    released = services.retire_equipment(item, by=current_user)
    flash(_("The equipment has been retired. Bookings released: %(n)d.", n=released), "success")
    return redirect(url_for("equipment.show", equipment_id=item.id))


# The other view modules add their routes to ``bp``; imported last, as they import it from here.
from . import booking_views  # noqa: E402,F401


def init_app(_app: Flask) -> None:
    register_labels(LABELS)
