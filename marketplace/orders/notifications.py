"""Notices about orders: award outcomes, cancellations, new responses.

Everything goes through ``notifications.services.notify``: an in-app notice
and/or a mail per the recipient's preferences, written in the recipient's
language, in the transaction of the action. When a supplier has no active
user to tell, its contact address gets the mail.
"""

from __future__ import annotations

import logging
from collections.abc import Hashable

from flask import Flask
from flask_babel import gettext as _
from sqlalchemy import select

from ..accounts.models import User
from ..db import after_commit, db
from ..i18n import localized
from ..notifications.models import NotificationKind
from ..notifications.services import link_to, notify, organization_users
from ..organizations.models import Organization
from ..suggestions.engine import get_engine
from ..suggestions.services import order_query
from ..utils import app_object
from .models import Order, OrderStatus, Response, ResponseStatus

log = logging.getLogger(__name__)


def _responders(response: Response) -> list[User]:
    """Who answers for ``response``: its author, else the supplier's active users."""
    author = response.created_by
    if author is not None and author.active:
        return [author]
    return organization_users(response.organization_id)


def award_outcome(order: Order, response: Response) -> None:
    """Tell one responding supplier whether it was selected: the winner's users, the other responders."""
    link = link_to("orders.show", order_id=order.id)
    if response.status == ResponseStatus.ACCEPTED:
        notify(
            organization_users(response.organization_id),
            NotificationKind.RESPONSE_AWARDED,
            lambda: _("Your response was selected: %(title)s", title=order.title),
            lambda: _(
                'Good news: the customer selected your response to the order "%(title)s". '
                "The customer will contact you to agree on the details.",
                title=order.title,
            ),
            link,
            fallback_email=response.organization.contact_email,
        )
    else:
        notify(
            _responders(response),
            NotificationKind.RESPONSE_DECLINED,
            lambda: _("Order awarded to another supplier: %(title)s", title=order.title),
            lambda: _(
                'The customer has awarded the order "%(title)s" to another supplier. Thank you for your response.',
                title=order.title,
            ),
            link,
            fallback_email=response.organization.contact_email,
        )


def order_cancelled(order: Order, response: Response, reason: str) -> None:
    """Tell a supplier with an active response that the order was cancelled."""
    notify(
        _responders(response),
        NotificationKind.ORDER_CANCELLED,
        lambda: _("Order cancelled: %(title)s", title=order.title),
        lambda: _('The customer cancelled the order "%(title)s". Reason: %(reason)s', title=order.title, reason=reason),
        link_to("orders.show", order_id=order.id),
        fallback_email=response.organization.contact_email,
    )


def response_received(order: Order, response: Response) -> None:
    """Tell the customer's users that a supplier responded (without the supplier's price)."""
    notify(
        organization_users(order.organization_id),
        NotificationKind.ORDER_RESPONSE,
        lambda: _("New response to your order: %(title)s", title=order.title),
        lambda: _(
            '%(supplier)s responded to your order "%(title)s". Compare the responses on the order page.',
            supplier=localized(response.organization, "name"),
            title=order.title,
        ),
        link_to("orders.show", order_id=order.id),
        exclude=response.created_by_id,
    )


# -- a newly published order, to the organizations that fit it ----------------------------------------

#: How many of the best-matching member organizations hear about a newly published order (config
#: ``NOTIFY_MATCHED_SUPPLIERS``; 0 turns it off).
MATCHED_SUPPLIERS = 5


def order_published(order: Order) -> None:
    """Once the publication commits, tell the users of the best-matching supplier organizations.

    After the commit, not in the request's transaction: the matcher reads the
    database through its own session (it would not see the order's
    uncommitted competencies) and may have to fit itself first, which is too
    slow to hold the transaction open for. A rolled-back publication tells nobody.
    """
    # The notice is sent after the commit in an app context of its own: it needs the app, not the proxy.
    app = app_object()
    if not app.config.get("NOTIFY_MATCHED_SUPPLIERS", MATCHED_SUPPLIERS):
        return
    order_id = order.id
    after_commit(lambda: _notify_matched_suppliers(app, order_id))


def _notify_matched_suppliers(app: Flask, order_id: int) -> None:
    with app.app_context():  # its own session: the one that committed is finished
        try:
            _notify_matches_of(
                db.session.get(Order, order_id), app.config.get("NOTIFY_MATCHED_SUPPLIERS", MATCHED_SUPPLIERS)
            )
            db.session.commit()
        except Exception:  # the order is published: a failed notice must not turn it into an error
            db.session.rollback()
            log.exception("could not notify the suppliers matching order %s", order_id)


def _notify_matches_of(order: Order | None, top: int) -> list[int]:
    """Notify the users of the ``top`` matching member organizations (never the customer); their ids."""
    if order is None or order.status != OrderStatus.OPEN:
        return []
    with get_engine().use() as matcher:
        if matcher is None:
            return []
        matches = matcher.match_suppliers(order_query(order), top_k=top * 2, with_reasons=False)
    candidates = [m.org_id for m in matches if m.org_id != order.organization_id]
    members: dict[Hashable, Organization] = (
        {org.id: org for org in db.session.scalars(select(Organization).where(Organization.id.in_(candidates)))}
        if candidates
        else {}
    )
    chosen = [members[org_id] for org_id in candidates if org_id in members and members[org_id].is_member][:top]
    link = link_to("orders.show", order_id=order.id)
    for organization in chosen:
        notify(
            organization_users(organization.id),
            NotificationKind.ORDER_MATCH,
            lambda: _("A new order fits your organization: %(title)s", title=order.title),
            lambda: _(
                '%(customer)s published the order "%(title)s". The cluster\'s matcher considers '
                "your organization a good fit: have a look and respond.",
                customer=localized(order.organization, "name"),
                title=order.title,
            ),
            link,
        )
    return [organization.id for organization in chosen]
