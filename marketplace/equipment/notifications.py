"""Mail about bookings, written in each recipient's language.

The owner hears about new requests and about cancelled approved bookings;
the requester hears about every decision. Messages go through
``mail.services.send_mail`` (the outbox, or SMTP after commit).
"""
from __future__ import annotations

from flask import has_request_context, url_for
from flask_babel import force_locale, format_datetime, gettext as _
from sqlalchemy import select

from ..accounts.models import User
from ..db import db
from ..i18n import localized
from ..mail.services import send_mail
from .models import Booking, BookingStatus


def _window(booking: Booking) -> str:
    return f"{format_datetime(booking.starts_at, 'short')} – {format_datetime(booking.ends_at, 'short')}"


def _link(endpoint: str, **values) -> str:
    """An absolute link when a request tells us the host; nothing otherwise (CLI, background work)."""
    if not has_request_context():
        return ""
    return "\n\n" + url_for(endpoint, _external=True, **values)


def _owner_recipients(booking: Booking) -> list[tuple[str, str]]:
    """(email, locale) of the owner's organization admins, else of all its active users."""
    users = db.session.scalars(
        select(User).where(User.organization_id == booking.equipment.organization_id, User.active.is_(True))
        .order_by(User.is_org_admin.desc(), User.id)
    ).all()
    admins = [user for user in users if user.is_org_admin] or users
    return [(user.email, user.locale) for user in admins]


def new_request(booking: Booking) -> None:
    for email, locale in _owner_recipients(booking):
        with force_locale(locale):
            send_mail(
                email,
                _("New booking request: %(item)s", item=localized(booking.equipment, "name")),
                _("%(org)s asks to use %(item)s for %(window)s.\n\nPurpose: %(purpose)s",
                  org=localized(booking.organization, "name"), item=localized(booking.equipment, "name"),
                  window=_window(booking), purpose=booking.purpose)
                + _link("equipment.booking", booking_id=booking.id),
            )


def decision(booking: Booking) -> None:
    """Tell the requester that the booking was approved, rejected or cancelled by the owner."""
    requester = booking.requested_by
    if requester is None or not requester.active:
        return
    with force_locale(requester.locale):
        item = localized(booking.equipment, "name")
        if booking.status == BookingStatus.APPROVED:
            subject = _("Booking approved: %(item)s", item=item)
            body = _("Your booking of %(item)s for %(window)s has been approved.", item=item,
                     window=_window(booking))
        elif booking.status == BookingStatus.REJECTED:
            subject = _("Booking request rejected: %(item)s", item=item)
            body = _("Your request to book %(item)s for %(window)s has been rejected.", item=item,
                     window=_window(booking))
        else:
            subject = _("Booking cancelled: %(item)s", item=item)
            body = _("Your booking of %(item)s for %(window)s has been cancelled by the owner.", item=item,
                     window=_window(booking))
        if booking.decision_note:
            body += "\n\n" + _("Note from the owner: %(note)s", note=booking.decision_note)
        send_mail(requester.email, subject, body + _link("equipment.my_bookings"))


def cancellation(booking: Booking) -> None:
    """Tell the owner that an approved window became free again."""
    for email, locale in _owner_recipients(booking):
        with force_locale(locale):
            send_mail(
                email,
                _("Booking cancelled: %(item)s", item=localized(booking.equipment, "name")),
                _("%(org)s cancelled its approved booking of %(item)s for %(window)s; the time is free again.",
                  org=localized(booking.organization, "name"), item=localized(booking.equipment, "name"),
                  window=_window(booking))
                + _link("equipment.calendar", equipment_id=booking.equipment_id),
            )
