"""Labels of the exchange's enum values, registered by ``views.init_app``."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l, lazy_pgettext

from .models import OfferStatus, OrderKind, OrderStatus, ResponseStatus

LABELS = [
    (OrderKind.PRODUCTION, _l("Production work")),
    (OrderKind.SERVICE, _l("Service")),
    (OrderKind.RND, _l("R&D")),
    (OrderKind.PURCHASE, _l("Purchase")),
    (OrderStatus.DRAFT, _l("Draft")),
    (OrderStatus.OPEN, _l("Open")),
    (OrderStatus.AWARDED, _l("Awarded")),
    (OrderStatus.COMPLETED, _l("Completed")),
    (OrderStatus.CANCELLED, _l("Cancelled")),
    (ResponseStatus.ACTIVE, _l("Active")),
    (ResponseStatus.WITHDRAWN, _l("Withdrawn")),
    (ResponseStatus.ACCEPTED, _l("Selected")),
    (ResponseStatus.DECLINED, _l("Not selected")),
    (OfferStatus.ACTIVE, lazy_pgettext("offer status", "Active")),
    (OfferStatus.ARCHIVED, _l("Archived")),
]
