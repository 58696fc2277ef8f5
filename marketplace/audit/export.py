"""The audit trail as CSV, with the competence map's CSV helper (UTF-8 with a BOM, ";", formulas defused).

Exporting the trail is itself logged: it reveals who did what, with names and e-mails.
"""

from __future__ import annotations

from flask_babel import gettext as _, pgettext

from ..csv_files import to_csv
from ..db import db
from ..i18n import label
from .models import AuditAction, AuditEntry, AuditTarget
from .queries import AuditFilters, entries_statement
from .services import record


def header() -> list[str]:
    return [
        _("Time (UTC)"),
        _("Action key"),
        _("Action"),
        _("User id"),
        pgettext("person", "Name"),
        _("E-mail"),
        _("Address"),
        _("Kind of object"),
        _("Object id"),
        _("Object"),
        _("Organization id"),
        _("Organization"),
        _("Before"),
        _("After"),
    ]


def row(entry: AuditEntry) -> list[object]:
    return [
        entry.created_at.isoformat(sep=" ", timespec="seconds"),
        entry.action,
        label(entry.known_action),
        "" if entry.actor_id is None else entry.actor_id,
        entry.actor_name,
        entry.actor_email,
        entry.address,
        label(entry.known_target),
        "" if entry.target_id is None else entry.target_id,
        entry.target_name,
        "" if entry.organization_id is None else entry.organization_id,
        entry.organization_name,
        entry.before_data or "",
        entry.after_data or "",
    ]


def export_entries(filters: AuditFilters) -> str:
    """The entries matching ``filters``, newest first, as CSV; the export's own entry is added after them."""
    entries = db.session.scalars(entries_statement(filters)).all()
    record(
        AuditAction.AUDIT_EXPORTED,
        target=(AuditTarget.AUDIT_LOG, None),
        after={"filters": filters, "rows": len(entries)},
    )
    return to_csv(header(), (row(entry) for entry in entries))
