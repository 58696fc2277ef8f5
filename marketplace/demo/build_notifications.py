"""Seed step: a few in-app notifications for the documented demo logins, so the bell has something to show.

Written as rows directly (not through ``notify``): the demo needs no mail in the
outbox, and seeding must never hand mail to an SMTP server. The texts are the
ones the services send, rendered in each user's language.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from flask_babel import force_locale, gettext as _
from sqlalchemy import select

from ..accounts.models import User
from ..db import db
from ..equipment.models import Booking, BookingStatus, Equipment
from ..i18n import localized
from ..notifications.models import Notification, NotificationKind
from ..notifications.services import link_to
from ..orders.models import Order, OrderStatus, Response, ResponseStatus
from ..organizations.models import ApplicationStatus, MembershipApplication
from .context import Demo


def build_notifications(demo: Demo) -> None:
    count = 0
    buyer, sme, lab, manager = (demo.special.get(name) for name in ("buyer", "sme", "lab", "manager"))
    if buyer is not None:
        responses = db.session.scalars(
            select(Response)
            .join(Order, Order.id == Response.order_id)
            .where(
                Order.organization_id == buyer.organization_id,
                Order.status == OrderStatus.OPEN,
                Response.status == ResponseStatus.ACTIVE,
            )
            .order_by(Response.id)
            .limit(3)
        ).all()
        for number, response in enumerate(responses):
            order = response.order
            count += _notice(
                demo,
                buyer,
                NotificationKind.ORDER_RESPONSE,
                lambda o=order: _("New response to your order: %(title)s", title=o.title),
                lambda o=order, r=response: _(
                    '%(supplier)s responded to your order "%(title)s". Compare the responses on the order page.',
                    supplier=localized(r.organization, "name"),
                    title=o.title,
                ),
                link_to("orders.show", order_id=order.id),
                days=number + 0.5,
                read=number > 0,
            )
    if sme is not None:
        fitting = db.session.scalars(
            select(Order)
            .where(Order.organization_id != sme.organization_id, Order.status == OrderStatus.OPEN)
            .order_by(Order.id)
            .limit(2)
        ).all()
        for number, order in enumerate(fitting):
            count += _notice(
                demo,
                sme,
                NotificationKind.ORDER_MATCH,
                lambda o=order: _("A new order fits your organization: %(title)s", title=o.title),
                lambda o=order: _(
                    '%(customer)s published the order "%(title)s". The cluster\'s matcher considers '
                    "your organization a good fit: have a look and respond.",
                    customer=localized(o.organization, "name"),
                    title=o.title,
                ),
                link_to("orders.show", order_id=order.id),
                days=number + 1,
                read=False,
            )
    if lab is not None:
        pending = db.session.scalars(
            select(Booking)
            .join(Equipment, Equipment.id == Booking.equipment_id)
            .where(Equipment.organization_id == lab.organization_id, Booking.status == BookingStatus.PENDING)
            .order_by(Booking.id)
            .limit(2)
        ).all()
        for number, booking in enumerate(pending):
            count += _notice(
                demo,
                lab,
                NotificationKind.BOOKING_REQUEST,
                lambda b=booking: _("New booking request: %(item)s", item=localized(b.equipment, "name")),
                "",
                link_to("equipment.booking", booking_id=booking.id),
                days=number + 0.2,
                read=False,
            )
    if manager is not None:
        for application in db.session.scalars(
            select(MembershipApplication)
            .where(MembershipApplication.status == ApplicationStatus.PENDING)
            .order_by(MembershipApplication.id)
        ):
            count += _notice(
                demo,
                manager,
                NotificationKind.MEMBERSHIP_REQUEST,
                lambda a=application: _("New membership application: %(name)s", name=localized(a.organization, "name")),
                lambda a=application: a.message,
                link_to("organizations.application", application_id=application.id),
                days=3,
                read=False,
            )
    demo.counts["notifications"] = count


def _notice(
    demo: Demo,
    user: User,
    kind: NotificationKind,
    title: Callable[..., str],
    body: Callable[..., str] | str,
    link: str,
    *,
    days: float,
    read: bool,
) -> int:
    with force_locale(user.locale or "ru"):
        text = body if isinstance(body, str) else body()
        created = demo.days_ago(days)
        db.session.add(
            Notification(
                user=user,
                kind=kind,
                title=title()[:255],
                body=text or "",
                link=link,
                created_at=created,
                read_at=created + dt.timedelta(hours=2) if read else None,
            )
        )
    return 1
