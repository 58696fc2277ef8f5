"""Labels of the notification kinds, registered by ``views.init_app``."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from .models import NotificationKind

LABELS = [
    (NotificationKind.ORDER_RESPONSE, _l("New response to my organization's order")),
    (NotificationKind.RESPONSE_AWARDED, _l("My response was selected")),
    (NotificationKind.RESPONSE_DECLINED, _l("An order I responded to went to another supplier")),
    (NotificationKind.ORDER_CANCELLED, _l("An order I responded to was cancelled")),
    (NotificationKind.ORDER_INVITATION, _l("Invitation to respond to an order")),
    (NotificationKind.ORDER_MATCH, _l("A new order that fits my organization")),
    (NotificationKind.BOOKING_DECISION, _l("Decision on my equipment booking")),
    (NotificationKind.BOOKING_REQUEST, _l("Booking requests for my organization's equipment")),
    (NotificationKind.CONSORTIUM_INVITE, _l("Invitation to a project consortium")),
    (NotificationKind.PROJECT_UPDATE, _l("Changes in projects I take part in")),
    (NotificationKind.MEMBERSHIP_DECISION, _l("Decision on my membership application")),
    (NotificationKind.MEMBERSHIP_REQUEST, _l("New membership applications (managers)")),
    (NotificationKind.EVENT_UPDATE, _l("An event I registered for is cancelled or changed")),
    (NotificationKind.IDEA_COMMENT, _l("New comment on my idea")),
    (NotificationKind.ORG_INVITATION, _l("Invitations to join an organization, and changes of my place in one")),
    (NotificationKind.ORG_TEAM, _l("People joining my organization or awaiting confirmation (administrators)")),
]
