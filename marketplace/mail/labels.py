"""Labels of the outbox's enum values, registered by ``views.init_app``."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from .models import MailStatus

LABELS = [
    (MailStatus.OUTBOX, _l("In the outbox")),
    (MailStatus.SENT, _l("Sent")),
    (MailStatus.FAILED, _l("Failed")),
]
