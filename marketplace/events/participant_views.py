"""The participants of an event and their CSV: for the organizer's users and the cluster manager only.

Participants' e-mails appear nowhere else on the site.
"""

from __future__ import annotations

import csv
import io

from flask import Response, render_template
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from ..db import db
from ..i18n import localized
from ..views_support import paginate
from . import queries
from .forms import wall_time
from .views import bp, load_managed

#: Leading characters that make a spreadsheet read a cell as a formula (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: str) -> str:
    value = value or ""
    return "'" + value if value.startswith(_FORMULA_START) else value


@bp.route("/<int:event_id>/participants")
def participants(event_id: int) -> ResponseReturnValue:
    event = load_managed(event_id)
    page = paginate(queries.participants_statement(event.id))
    return render_template("events/participants.html", event=event, page=page, taken=queries.registered_count(event.id))


@bp.route("/<int:event_id>/participants.csv")
def participants_csv(event_id: int) -> ResponseReturnValue:
    event = load_managed(event_id)
    rows = db.session.scalars(queries.participants_statement(event.id)).all()
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([_("Name"), _("Position"), _("Organization"), _("E-mail"), _("Registered")])
    for registration in rows:
        user = registration.user
        organization = localized(registration.organization, "name") if registration.organization else ""
        writer.writerow(
            [
                _cell(user.full_name),
                _cell(user.position),
                _cell(organization),
                _cell(user.email),
                wall_time(registration.created_at).strftime("%Y-%m-%d %H:%M"),
            ]
        )
    # A byte-order mark, so that spreadsheet programs read the Cyrillic text as UTF-8.
    response = Response("\ufeff" + buffer.getvalue(), mimetype="text/csv")
    response.headers["Content-Disposition"] = f'attachment; filename="event-{event.id}-participants.csv"'
    response.headers["Cache-Control"] = "private, no-store"
    return response
