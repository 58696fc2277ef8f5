"""The notifications pages: the list, mark read, click-through, preferences; and the navbar bell.

Every route needs a login and touches only the current user's own
notifications: another user's id is a 404, as if it did not exist.
"""

from __future__ import annotations

from flask import Blueprint, Flask, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user

from ..access import login_required
from ..db import db
from ..errors import NotFound
from ..forms import ActionForm, form_status
from ..i18n import register_labels
from ..utils import safe_next_url
from ..views_support import paginate
from . import services
from .forms import PreferencesForm, field_name
from .labels import LABELS
from .models import Notification, NotificationKind

bp = Blueprint("notifications", __name__, url_prefix="/notifications")


def _own(notification_id: int) -> Notification:
    found = db.session.get(Notification, notification_id)
    if found is None or found.user_id != current_user.id:
        raise NotFound
    return found


@bp.route("/")
@login_required
def index() -> ResponseReturnValue:
    page = paginate(services.list_statement(current_user.id))
    return render_template(
        "notifications/index.html", page=page, form=ActionForm(), unread=services.unread_count(current_user.id)
    )


@bp.route("/<int:notification_id>/read", methods=["POST"])
@login_required
def mark_read(notification_id: int) -> ResponseReturnValue:
    notification = _own(notification_id)
    if ActionForm().validate_on_submit():
        services.mark_read(notification)
    return redirect(safe_next_url(request.form.get("next"), url_for(".index")))


@bp.route("/read-all", methods=["POST"])
@login_required
def mark_all_read() -> ResponseReturnValue:
    if ActionForm().validate_on_submit():
        services.mark_all_read(current_user.id)
        flash(_("All notifications are marked as read."), "success")
    return redirect(url_for(".index"))


@bp.route("/<int:notification_id>/open")
@login_required
def open_link(notification_id: int) -> ResponseReturnValue:
    """Follow the notification's link (only ever into this site), marking it read."""
    notification = _own(notification_id)
    services.mark_read(notification)
    return redirect(safe_next_url(notification.link, url_for(".index")))


@bp.route("/settings", methods=["GET", "POST"])
@login_required
def settings() -> ResponseReturnValue:
    kinds = [
        kind for kind in NotificationKind if kind != NotificationKind.MEMBERSHIP_REQUEST or current_user.is_manager
    ]  # only managers get it
    form = PreferencesForm.with_current(services.all_preferences(current_user.id))
    if form.validate_on_submit():
        services.save_preferences(current_user.id, form.choices(kinds))
        flash(_("Your notification settings have been saved."), "success")
        return redirect(url_for(".settings"))
    rows = [(kind, form[field_name("in_app", kind)], form[field_name("email", kind)]) for kind in kinds]
    return render_template("notifications/settings.html", form=form, rows=rows), form_status(form)


def unread_notifications() -> int:
    """The bell's number (0 for guests)."""
    if not current_user.is_authenticated:
        return 0
    return services.unread_count(current_user.id)


def init_app(app: Flask) -> None:
    register_labels(LABELS)
    app.jinja_env.globals.update(unread_notifications=unread_notifications)
