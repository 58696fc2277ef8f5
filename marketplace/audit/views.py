"""The manager's audit trail: a filtered list, newest first, and its CSV export. Read-only: no route
changes or deletes an entry (the model refuses it too, see ``models``)."""

from __future__ import annotations

import json
from typing import Any

from flask import Blueprint, Flask, render_template, request
from flask.typing import ResponseReturnValue
from sqlalchemy import false

from ..access import manager_required
from ..csv_files import csv_response
from ..errors import InvalidInput
from ..i18n import register_labels
from ..views_support import paginate
from .export import export_entries
from .forms import AuditFilterForm
from .labels import LABELS
from .models import AuditEntry
from .queries import AuditFilters, entries_statement
from .services import from_json

bp = Blueprint("audit", __name__, url_prefix="/manager/audit")

#: The query arguments of the filters: the export link carries them.
FILTER_ARGS = ("action", "actor", "organization", "target", "since", "until")


def _shown(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def changes(entry: AuditEntry) -> list[tuple[str, str, str]]:
    """The entry's fields as (name, before, after) lines of text, for the page."""
    before, after = from_json(entry.before_data), from_json(entry.after_data)
    before = before if isinstance(before, dict) else ({} if before is None else {"": before})
    after = after if isinstance(after, dict) else ({} if after is None else {"": after})
    names = list(dict.fromkeys([*before, *after]))
    return [(name, _shown(before.get(name)), _shown(after.get(name))) for name in names]


@bp.route("/")
@manager_required
def index() -> ResponseReturnValue:
    form = AuditFilterForm(formdata=request.args)
    filters = form.filters()
    # Invalid filters list nothing (the errors are shown) rather than more than was asked for.
    statement = entries_statement(filters) if filters is not None else entries_statement(AuditFilters()).where(false())
    args = {name: request.args[name] for name in FILTER_ARGS if request.args.get(name)}
    return render_template("audit/index.html", form=form, page=paginate(statement), args=args, changes=changes), (
        200 if filters is not None else 400
    )


@bp.route("/export.csv")
@manager_required
def export_csv() -> ResponseReturnValue:
    form = AuditFilterForm(formdata=request.args)
    filters = form.filters()
    if filters is None:
        raise InvalidInput(next(iter(error for errors in form.errors.values() for error in errors)))
    return csv_response(export_entries(filters), "audit-trail.csv")


def init_app(_app: Flask) -> None:
    register_labels(LABELS)
