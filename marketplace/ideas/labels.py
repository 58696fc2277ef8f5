"""Labels of the idea exchange's enum values, registered by ``views.init_app``."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l, lazy_pgettext

from .models import IdeaKind, IdeaStatus

LABELS = [
    (IdeaKind.REQUEST, _l("Request: we need")),
    (IdeaKind.OFFER, _l("Offer: we can")),
    (IdeaKind.PROPOSAL, _l("Joint project proposal")),
    (IdeaStatus.OPEN, lazy_pgettext("idea status", "Open")),
    (IdeaStatus.CLOSED, lazy_pgettext("idea status", "Closed")),
]
