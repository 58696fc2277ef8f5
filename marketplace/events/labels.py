"""Labels of the events' enum values, registered by ``views.init_app``."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l, lazy_pgettext

from .models import EventKind, EventStatus, RegistrationStatus

LABELS = [
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
