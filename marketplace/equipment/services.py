"""Shared equipment: items, booking requests and decisions.

Every function flushes and never commits (one commit per request). Booking
windows are naive UTC, half-open ``[starts_at, ends_at)``: a window ending at
10:00 and one starting at 10:00 do not overlap.

The invariant "two APPROVED bookings of one item never overlap" is kept by
taking ``lock_row(Equipment, id)`` before every check-then-write on an item's
bookings (approve, request, cancel, retire). Writers on one item therefore
run one after another, and each re-reads the rows after it holds the lock.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from flask_babel import format_datetime, gettext as _
from sqlalchemy import ColumnElement, Row, Select, or_, select
from sqlalchemy.orm import joinedload

from .. import access
from ..access import AccessLevel
from ..audit import services as audit
from ..audit.models import AuditAction
from ..db import db, lock_row, utcnow
from ..errors import Conflict, Forbidden, InvalidInput
from ..organizations.models import Organization
from ..sql import text_in_any
from . import notifications, rules
from .models import AccessPolicy, Booking, BookingStatus, Equipment, EquipmentCategory, EquipmentStatus

#: The longest window one request may ask for.
MAX_WINDOW = dt.timedelta(days=31)

#: Item attributes the edit form may change.
EDITABLE_FIELDS = (
    "name_ru",
    "name_en",
    "category",
    "manufacturer",
    "model",
    "description_ru",
    "description_en",
    "location",
    "specs",
    "price_per_hour",
    "price_per_day",
    "access",
    "requirements",
    "status",
)

#: Bookings that hold (or may come to hold) a window.
LIVE_STATUSES = (BookingStatus.PENDING, BookingStatus.APPROVED)


# --- items -------------------------------------------------------------------------------------------------


def create_equipment(organization_id: int, fields: dict[str, Any]) -> Equipment:
    """Add an item owned by ``organization_id`` with the given ``EDITABLE_FIELDS``."""
    organization = db.session.get(Organization, organization_id)
    if organization is None:
        raise InvalidInput(_("Choose the owner organization."), field="organization_id")
    item = Equipment(organization=organization, specs=[])
    _assign(item, fields)
    db.session.add(item)
    db.session.flush()
    return item


def update_equipment(item: Equipment, fields: dict[str, Any], *, by: Any) -> None:
    """Change an item; retiring it here has the same effect as ``retire_equipment``."""
    retiring = fields.get("status") == EquipmentStatus.RETIRED and item.status != EquipmentStatus.RETIRED
    if retiring:
        lock_row(Equipment, item.id)
    _assign(item, fields)
    db.session.flush()
    if retiring:
        _release_bookings(item, by)


def retire_equipment(item: Equipment, *, by: Any) -> int:
    """Take an item out of service. Its pending requests are rejected and its approved bookings that
    have not ended are cancelled, each requester being told by mail. Returns how many were released."""
    lock_row(Equipment, item.id)
    db.session.refresh(item)
    if item.status == EquipmentStatus.RETIRED:
        return 0
    item.status = EquipmentStatus.RETIRED
    db.session.flush()
    return _release_bookings(item, by)


def _assign(item: Equipment, fields: dict[str, Any]) -> None:
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    if "name_ru" in fields and not (fields["name_ru"] or "").strip():
        raise InvalidInput(_("Enter the name in Russian."), field="name_ru")
    for price in ("price_per_hour", "price_per_day"):
        value = fields.get(price)
        if value is not None and Decimal(value) < 0:
            raise InvalidInput(_("A price cannot be negative."), field=price)
    for name, value in fields.items():
        setattr(item, name, value)


def _release_bookings(item: Equipment, by: Any) -> int:
    now = utcnow()
    live = db.session.scalars(
        select(Booking).where(Booking.equipment_id == item.id, Booking.status.in_(LIVE_STATUSES), Booking.ends_at > now)
    ).all()
    for booking in live:
        booking.status = BookingStatus.REJECTED if booking.status == BookingStatus.PENDING else BookingStatus.CANCELLED
        booking.decision_note = _("The equipment has been retired.")
        booking.decided_by_id = by.id if by is not None else None
        booking.decided_at = now
    db.session.flush()
    for booking in live:
        notifications.decision(booking)
    return len(live)


# --- windows -----------------------------------------------------------------------------------------------


def validate_window(starts_at: dt.datetime, ends_at: dt.datetime, *, now: dt.datetime | None = None) -> None:
    """Raise ``InvalidInput`` (naming the form field at fault) unless the naive-UTC window is bookable:
    it ends after it starts, starts in the future and lasts at most ``MAX_WINDOW``."""
    now = now or utcnow()
    if ends_at <= starts_at:
        raise InvalidInput(_("The end must be after the start."), field="end_time")
    if starts_at < now:
        raise InvalidInput(_("The window cannot start in the past."), field="start_date")
    if ends_at - starts_at > MAX_WINDOW:
        raise InvalidInput(_("One request may cover at most %(days)d days.", days=MAX_WINDOW.days), field="end_date")


def approved_overlap(
    equipment_id: int, starts_at: dt.datetime, ends_at: dt.datetime, exclude_id: int | None = None
) -> Row[int, dt.datetime, dt.datetime] | None:
    """The first APPROVED booking of the item that overlaps the window, as a row (id, starts_at, ends_at),
    or None. Reads the database, not the session, so it sees what others committed."""
    statement = (
        select(Booking.id, Booking.starts_at, Booking.ends_at)
        .where(
            Booking.equipment_id == equipment_id,
            Booking.status == BookingStatus.APPROVED,
            Booking.starts_at < ends_at,
            Booking.ends_at > starts_at,
        )
        .order_by(Booking.starts_at)
        .limit(1)
    )
    if exclude_id is not None:
        statement = statement.where(Booking.id != exclude_id)
    return db.session.execute(statement).first()


def _overlap_message(clash: Row[int, dt.datetime, dt.datetime]) -> str:
    return _(
        "This window overlaps a booking already approved for %(start)s – %(end)s. Choose another time.",
        start=format_datetime(clash.starts_at, "short"),
        end=format_datetime(clash.ends_at, "short"),
    )


# --- bookings ----------------------------------------------------------------------------------------------


def request_booking(item: Equipment, user: Any, starts_at: dt.datetime, ends_at: dt.datetime, purpose: str) -> Booking:
    """Ask for the window ``[starts_at, ends_at)`` (naive UTC) on behalf of the user's organization.

    Raises ``LoginRequired``/``Forbidden`` when the user may not book the item, ``Conflict`` when the item
    is not available or the window overlaps an approved booking, ``InvalidInput`` for a bad window.
    Requests may overlap other pending requests: the owner picks one when approving.
    """
    rules.require_can_book(item, user)
    validate_window(starts_at, ends_at)
    purpose = (purpose or "").strip()
    if not purpose:
        raise InvalidInput(_("Describe what the equipment is needed for."), field="purpose")
    lock_row(Equipment, item.id)
    db.session.refresh(item)
    rules.require_can_book(item, user)  # the item may have been retired meanwhile
    clash = approved_overlap(item.id, starts_at, ends_at)
    if clash is not None:
        raise Conflict(_overlap_message(clash), field="start_date")
    booking = Booking(
        equipment=item,
        organization_id=user.organization_id,
        requested_by_id=user.id,
        starts_at=starts_at,
        ends_at=ends_at,
        purpose=purpose,
        status=BookingStatus.PENDING,
    )
    db.session.add(booking)
    db.session.flush()
    notifications.new_request(booking)
    return booking


def approve_booking(booking: Booking, *, decided_by: Any, note: str = "") -> None:
    """Approve a pending request, guaranteeing no two approved bookings of the item overlap.

    The item's row is locked first; only then are the request and the approved bookings re-read, so a
    concurrent approval of an overlapping request either finished before (and is seen here: ``Conflict``)
    or waits until this transaction ends (and then sees this approval).
    """
    if not rules.can_decide(booking, decided_by):
        raise Forbidden(_("Only the equipment owner's users can decide on requests."))
    lock_row(Equipment, booking.equipment_id)
    db.session.refresh(booking)
    db.session.refresh(booking.equipment)
    if booking.status != BookingStatus.PENDING:
        raise Conflict(_("This request has already been decided or cancelled."))
    if booking.equipment.status == EquipmentStatus.RETIRED:
        raise Conflict(_("This equipment has been retired and cannot be booked."))
    if booking.ends_at <= utcnow():
        raise Conflict(_("This request is for a time that has already passed."))
    clash = approved_overlap(booking.equipment_id, booking.starts_at, booking.ends_at, exclude_id=booking.id)
    if clash is not None:
        raise Conflict(
            _(
                "This request cannot be approved: it overlaps a booking already approved for %(start)s – %(end)s.",
                start=format_datetime(clash.starts_at, "short"),
                end=format_datetime(clash.ends_at, "short"),
            )
        )
    _decide(booking, BookingStatus.APPROVED, decided_by, note)


def reject_booking(booking: Booking, *, decided_by: Any, note: str) -> None:
    """Reject a pending request with a note for the requester."""
    if not rules.can_decide(booking, decided_by):
        raise Forbidden(_("Only the equipment owner's users can decide on requests."))
    lock_row(Equipment, booking.equipment_id)
    db.session.refresh(booking)
    if booking.status != BookingStatus.PENDING:
        raise Conflict(_("This request has already been decided or cancelled."))
    _decide(booking, BookingStatus.REJECTED, decided_by, note)


def _decide(booking: Booking, status: BookingStatus, decided_by: Any, note: str) -> None:
    booking.status = status
    booking.decision_note = (note or "").strip()
    booking.decided_by_id = decided_by.id
    booking.decided_at = utcnow()
    db.session.flush()
    audit.record(
        AuditAction.BOOKING_APPROVED if status == BookingStatus.APPROVED else AuditAction.BOOKING_REJECTED,
        target=booking,
        target_name=booking.equipment.name_ru,
        organization=booking.equipment.organization,  # the owner, whose users decide
        before={"status": BookingStatus.PENDING},
        after={
            "status": status,
            "note": booking.decision_note,
            "equipment_id": booking.equipment_id,
            "requesting_organization_id": booking.organization_id,
            "starts_at": booking.starts_at,
            "ends_at": booking.ends_at,
        },
        actor=decided_by,
    )
    notifications.decision(booking)


def can_still_cancel(booking: Booking, now: dt.datetime | None = None) -> bool:
    return booking.status in LIVE_STATUSES and booking.starts_at > (now or utcnow())


def cancel_booking(booking: Booking, *, by: Any) -> None:
    """The requester withdraws a pending request or an approved booking that has not started."""
    if not rules.can_cancel(booking, by):
        raise Forbidden(_("Only the requesting organization's users can cancel this booking."))
    lock_row(Equipment, booking.equipment_id)
    db.session.refresh(booking)
    if booking.status not in LIVE_STATUSES:
        raise Conflict(_("Only pending or approved bookings can be cancelled."))
    if booking.starts_at <= utcnow():
        raise Conflict(_("A booking that has already started cannot be cancelled."))
    was_approved = booking.status == BookingStatus.APPROVED
    booking.status = BookingStatus.CANCELLED
    db.session.flush()
    if was_approved:
        notifications.cancellation(booking)


# --- queries -----------------------------------------------------------------------------------------------


def equipment_statement(
    *,
    category: EquipmentCategory | None = None,
    organization_id: int | None = None,
    region: str | None = None,
    access_policy: AccessPolicy | None = None,
    status: EquipmentStatus | None = None,
    text: str | None = None,
) -> Select[Equipment]:
    """Items matching the filters, newest first; retired items only when ``status`` asks for them."""
    statement = (
        select(Equipment)
        .join(Equipment.organization)
        .options(joinedload(Equipment.organization))
        .order_by(Equipment.created_at.desc(), Equipment.id.desc())
    )
    if status is None:
        statement = statement.where(Equipment.status != EquipmentStatus.RETIRED)
    else:
        statement = statement.where(Equipment.status == status)
    if category is not None:
        statement = statement.where(Equipment.category == category)
    if organization_id is not None:
        statement = statement.where(Equipment.organization_id == organization_id)
    if region:
        statement = statement.where(Organization.region == region)
    if access_policy is not None:
        statement = statement.where(Equipment.access == access_policy)
    if text:
        statement = statement.where(
            text_in_any(
                text,
                Equipment.name_ru,
                Equipment.name_en,
                Equipment.description_ru,
                Equipment.description_en,
                Equipment.manufacturer,
                Equipment.model,
            )
        )
    return statement


def free_equipment_statement(
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    *,
    category: EquipmentCategory | None = None,
    region: str | None = None,
) -> Select[Equipment]:
    """Available items with no approved booking overlapping ``[starts_at, ends_at)`` (naive UTC)."""
    busy = select(Booking.equipment_id).where(
        Booking.status == BookingStatus.APPROVED, Booking.starts_at < ends_at, Booking.ends_at > starts_at
    )
    return equipment_statement(category=category, region=region, status=EquipmentStatus.AVAILABLE).where(
        Equipment.id.not_in(busy)
    )


def bookings_between(
    item: Equipment, starts_at: dt.datetime, ends_at: dt.datetime, *, pending_for: str | int | None = None
) -> list[Booking]:
    """Bookings of the item touching the window: approved ones, plus pending ones when ``pending_for``
    is ``"all"`` (the owner) or an organization id (that requester's own)."""
    shown: ColumnElement[bool] = Booking.status == BookingStatus.APPROVED
    if pending_for == "all":
        shown = Booking.status.in_(LIVE_STATUSES)
    elif pending_for is not None:
        shown = or_(shown, (Booking.status == BookingStatus.PENDING) & (Booking.organization_id == pending_for))
    return list(
        db.session.scalars(
            select(Booking)
            .options(joinedload(Booking.organization))
            .where(Booking.equipment_id == item.id, shown, Booking.starts_at < ends_at, Booking.ends_at > starts_at)
            .order_by(Booking.starts_at)
        )
    )


def pending_scope_for(item: Equipment, user: Any) -> str | int | None:
    """Which pending requests of the item ``user`` may see (see ``bookings_between``)."""
    if rules.can_see_pending(item, user):
        return "all"
    if access.access_level(user) > AccessLevel.GUEST and user.organization_id is not None:
        return user.organization_id
    return None
