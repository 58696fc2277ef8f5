"""The participants of an event and their CSV: for the organizer's users and the cluster manager only.

Participants' e-mails appear nowhere else on the site.
"""

from __future__ import annotations

from flask import render_template
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from ..csv_files import csv_response, to_csv
from ..i18n import localized
from ..views_support import paginate
from . import queries, registrations
from .forms import wall_time
from .views import bp, load_managed

#: Leading characters that make a spreadsheet read a cell as a formula (CSV injection).


@bp.route("/<int:event_id>/participants")
def participants(event_id: int) -> ResponseReturnValue:
    event = load_managed(event_id)
    page = paginate(queries.participants_statement(event.id))
    return render_template("events/participants.html", event=event, page=page, taken=queries.registered_count(event.id))


@bp.route("/<int:event_id>/participants.csv")
def participants_csv(event_id: int) -> ResponseReturnValue:
    event = load_managed(event_id)
    header = [_("Name"), _("Position"), _("Organization"), _("E-mail"), _("Registered")]
    rows = (
        [
            registration.user.full_name,
            registration.user.position,
            localized(registration.organization, "name") if registration.organization else "",
            registration.user.email,
            wall_time(registration.created_at).strftime("%Y-%m-%d %H:%M"),
        ]
        for registration in registrations.export_participants(event)
    )
    return csv_response(to_csv(header, rows), f"event-{event.id}-participants.csv")
