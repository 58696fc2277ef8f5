"""Labels of the idea exchange's enum values, added to ``i18n.LABELS`` by ``views.init_app``."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l, lazy_pgettext

from .. import i18n
from .models import IdeaKind, IdeaStatus

IDEA_LABELS = [
    (IdeaKind.REQUEST, _l("Request: we need")),
    (IdeaKind.OFFER, _l("Offer: we can")),
    (IdeaKind.PROPOSAL, _l("Joint project proposal")),
    (IdeaStatus.OPEN, lazy_pgettext("idea status", "Open")),
    (IdeaStatus.CLOSED, lazy_pgettext("idea status", "Closed")),
]


def register_labels() -> None:
    """Make ``label()`` know the idea exchange's enums (idempotent)."""
    i18n.LABELS.update({(type(member), member): text for member, text in IDEA_LABELS})
