"""Labels of the events' enum values, added to ``i18n.LABELS`` by ``views.init_app``.

They live here rather than in ``marketplace/i18n.py`` so that the feature is
self-contained; ``label()``, ``choices()`` and ``m.status_badge`` find them all the same.
"""

from __future__ import annotations

from flask_babel import lazy_gettext as _l, lazy_pgettext

from .. import i18n
from .models import EventKind, EventStatus, RegistrationStatus

EVENT_LABELS = [
    (EventKind.SEMINAR, _l("Seminar")),
    (EventKind.ROUND_TABLE, _l("Round table")),
    (EventKind.WORKING_MEETING, _l("Working meeting")),
    (EventKind.EXHIBITION, _l("Exhibition")),
    (EventKind.BROKERAGE_DAY, _l("Brokerage day (contact exchange)")),
    (EventKind.SUPPLIER_CONFERENCE, _l("Supplier conference")),
    (EventKind.TRAINING, _l("Training")),
    (EventKind.OTHER, lazy_pgettext("event kind", "Other")),
    (EventStatus.DRAFT, lazy_pgettext("event status", "Draft")),
    (EventStatus.PUBLISHED, lazy_pgettext("event status", "Published")),
    (EventStatus.CANCELLED, lazy_pgettext("event status", "Cancelled")),
    (RegistrationStatus.REGISTERED, lazy_pgettext("registration status", "Registered")),
    (RegistrationStatus.CANCELLED, lazy_pgettext("registration status", "Cancelled")),
]


def register_labels() -> None:
    """Make ``label()`` know the events' enums (idempotent)."""
    i18n.LABELS.update({(type(member), member): text for member, text in EVENT_LABELS})
