"""Notices about bookings, written in each recipient's language.

The owner hears about new requests and about cancelled approved bookings;
the requester hears about every decision. Everything goes through
``notifications.services.notify`` (in-app and/or mail, as each user chose).
"""

from __future__ import annotations

from flask_babel import format_datetime, gettext as _
from sqlalchemy import select

from ..accounts.models import User
from ..db import db
from ..i18n import localized
from ..notifications.models import NotificationKind
from ..notifications.services import link_to, notify
from .models import Booking, BookingStatus


def _window(booking: Booking) -> str:
    return f"{format_datetime(booking.starts_at, 'short')} – {format_datetime(booking.ends_at, 'short')}"


def _owner_users(booking: Booking) -> list[User]:
    """The owner's organization admins, else all its active users."""
    users = db.session.scalars(
        select(User)
        .where(User.organization_id == booking.equipment.organization_id, User.active.is_(True))
        .order_by(User.is_org_admin.desc(), User.id)
    ).all()
    return [user for user in users if user.is_org_admin] or list(users)


def new_request(booking: Booking) -> None:
    notify(
        _owner_users(booking),
        NotificationKind.BOOKING_REQUEST,
        lambda: _("New booking request: %(item)s", item=localized(booking.equipment, "name")),
        lambda: _(
            "%(org)s asks to use %(item)s for %(window)s.\n\nPurpose: %(purpose)s",
            org=localized(booking.organization, "name"),
            item=localized(booking.equipment, "name"),
            window=_window(booking),
            purpose=booking.purpose,
        ),
        link_to("equipment.booking", booking_id=booking.id),
        exclude=booking.requested_by_id,
    )


def decision(booking: Booking) -> None:
    """Tell the requester that the booking was approved, rejected or cancelled by the owner."""
    requester = booking.requested_by
    if requester is None:
        return

    def subject() -> str:
        item = localized(booking.equipment, "name")
        if booking.status == BookingStatus.APPROVED:
            return _("Booking approved: %(item)s", item=item)
        if booking.status == BookingStatus.REJECTED:
            return _("Booking request rejected: %(item)s", item=item)
        return _("Booking cancelled: %(item)s", item=item)

    def body() -> str:
        item = localized(booking.equipment, "name")
        if booking.status == BookingStatus.APPROVED:
            text = _("Your booking of %(item)s for %(window)s has been approved.", item=item, window=_window(booking))
        elif booking.status == BookingStatus.REJECTED:
            text = _(
                "Your request to book %(item)s for %(window)s has been rejected.", item=item, window=_window(booking)
            )
        else:
            text = _(
                "Your booking of %(item)s for %(window)s has been cancelled by the owner.",
                item=item,
                window=_window(booking),
            )
        if booking.decision_note:
            text += "\n\n" + _("Note from the owner: %(note)s", note=booking.decision_note)
        return text

    notify(
        [requester],
        NotificationKind.BOOKING_DECISION,
        subject,
        body,
        link_to("equipment.my_bookings"),
        exclude=booking.decided_by_id,
    )


def cancellation(booking: Booking) -> None:
    """Tell the owner that an approved window became free again."""
    notify(
        _owner_users(booking),
        NotificationKind.BOOKING_REQUEST,
        lambda: _("Booking cancelled: %(item)s", item=localized(booking.equipment, "name")),
        lambda: _(
            "%(org)s cancelled its approved booking of %(item)s for %(window)s; the time is free again.",
            org=localized(booking.organization, "name"),
            item=localized(booking.equipment, "name"),
            window=_window(booking),
        ),
        link_to("equipment.calendar", equipment_id=booking.equipment_id),
    )
