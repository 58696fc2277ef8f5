"""Mail about orders: award outcomes, cancellations, new responses.

Each message is written in the recipient's language when we know the user,
and recorded through ``mail.services.send_mail`` (the outbox without SMTP).
"""
from __future__ import annotations

from flask import current_app, has_request_context, url_for
from flask_babel import force_locale
from flask_babel import gettext as _

from ..i18n import localized
from ..mail.services import send_mail
from .models import Order, Response, ResponseStatus


def _order_link(order: Order) -> str:
    """An absolute link to the order when one can be built (inside a request or with SERVER_NAME)."""
    if has_request_context() or current_app.config.get("SERVER_NAME"):
        return url_for("orders.show", order_id=order.id, _external=True)
    return ""


def _supplier_recipient(response: Response) -> tuple[str, str]:
    """(address, locale) of whoever should hear about ``response``: its author, else the supplier's contact."""
    author = response.created_by
    if author is not None and author.active:
        return author.email, author.locale
    return response.organization.contact_email, current_app.config["BABEL_DEFAULT_LOCALE"]


def _send(recipient: str, locale: str, subject_body) -> None:
    if not recipient:
        return
    with force_locale(locale):
        subject, body = subject_body()
    send_mail(recipient, subject, body)


def award_outcome(order: Order, response: Response) -> None:
    """Tell one responding supplier whether it was selected."""
    recipient, locale = _supplier_recipient(response)
    link = _order_link(order)

    def compose():
        if response.status == ResponseStatus.ACCEPTED:
            subject = _("Your response was selected: %(title)s", title=order.title)
            body = _("Good news: the customer selected your response to the order \"%(title)s\". "
                     "The customer will contact you to agree on the details.", title=order.title)
        else:
            subject = _("Order awarded to another supplier: %(title)s", title=order.title)
            body = _("The customer has awarded the order \"%(title)s\" to another supplier. "
                     "Thank you for your response.", title=order.title)
        return subject, body + (f"\n\n{link}" if link else "")

    _send(recipient, locale, compose)


def order_cancelled(order: Order, response: Response, reason: str) -> None:
    """Tell a supplier with an active response that the order was cancelled."""
    recipient, locale = _supplier_recipient(response)
    link = _order_link(order)

    def compose():
        subject = _("Order cancelled: %(title)s", title=order.title)
        body = _("The customer cancelled the order \"%(title)s\". Reason: %(reason)s",
                 title=order.title, reason=reason)
        return subject, body + (f"\n\n{link}" if link else "")

    _send(recipient, locale, compose)


def response_received(order: Order, response: Response) -> None:
    """Tell the order's author that a supplier responded (without the supplier's price)."""
    author = order.created_by
    if author is None or not author.active:
        return
    link = _order_link(order)

    def compose():
        subject = _("New response to your order: %(title)s", title=order.title)
        body = _("%(supplier)s responded to your order \"%(title)s\". Compare the responses on the order page.",
                 supplier=localized(response.organization, "name"), title=order.title)
        return subject, body + (f"\n\n{link}" if link else "")

    _send(author.email, author.locale, compose)
