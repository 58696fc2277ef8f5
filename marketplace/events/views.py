"""Events: the lists, the event page and its .ics file, organizing events, registering.

The participants list and its CSV live in ``participant_views`` (same blueprint).
"""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import Blueprint, Flask, Response, current_app, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import format_date, format_datetime, format_time, gettext as _
from flask_login import current_user

from .. import access
from ..db import db, utcnow
from ..errors import Conflict, InvalidInput, NotFound
from ..forms import ActionForm, form_status, show_error
from ..i18n import localized, register_labels
from ..utils import public_url
from ..views_support import paginate
from . import ical, queries, registrations, rules, services
from .forms import CancelForm, EventForm, FilterForm, wall_time
from .labels import LABELS
from .models import Event, EventStatus, RegistrationStatus

bp = Blueprint("events", __name__, url_prefix="/events")


def load_event(event_id: int) -> Event:
    """The event, if the current user may see it (404 / login otherwise)."""
    event = db.session.get(Event, event_id)
    if event is None:
        raise NotFound
    rules.require_view_event(event, current_user)
    return event


def load_managed(event_id: int) -> Event:
    event = load_event(event_id)
    rules.require_manage_event(event, current_user)
    return event


@bp.app_template_filter("event_when")
def event_when(event: Event) -> str:
    """An event's time in the cluster's time zone: "12 Mar 2025, 10:00–13:00", or both ends in full."""
    start, end = wall_time(event.starts_at), wall_time(event.ends_at)
    if start.date() == end.date():
        return (
            f"{format_date(start, 'medium', rebase=False)}, {format_time(start, 'short', rebase=False)}–"
            f"{format_time(end, 'short', rebase=False)}"
        )
    return f"{format_datetime(start, 'short', rebase=False)} – {format_datetime(end, 'short', rebase=False)}"


@bp.route("/")
def index() -> ResponseReturnValue:
    form = FilterForm(formdata=request.args)
    kind = form.selected_kind()
    past = request.args.get("when") == "past"
    page = paginate(queries.events_statement(current_user, past=past, kind=kind))
    taken = queries.registered_counts([event.id for event in page.items])
    return render_template(
        "events/index.html",
        page=page,
        form=form,
        past=past,
        kind=kind,
        taken=taken,
        can_create=rules.can_create_events(current_user),
    )


@bp.route("/mine")
@access.login_required
def mine() -> ResponseReturnValue:
    can_organize = rules.can_create_events(current_user)
    tab = "organized" if can_organize and request.args.get("tab") == "organized" else "registered"
    if tab == "organized":
        page = paginate(queries.organized_statement(current_user))
    else:
        page = paginate(queries.my_registrations_statement(current_user.id))
    return render_template("events/mine.html", page=page, tab=tab, can_organize=can_organize, now=utcnow())


def _event_form(event: Event | None = None) -> EventForm:
    form = EventForm(obj=event, original=event)
    if not access.is_manager(current_user):
        del form.organizer_id
    if event is not None and request.method == "GET":
        form.fill_from(event)
    return form


def _render_form(form: EventForm, event: Event | None, status: int = 200) -> ResponseReturnValue:
    return render_template("events/form.html", form=form, event=event), status


@bp.route("/new", methods=["GET", "POST"])
def create() -> ResponseReturnValue:
    rules.require_create_events(current_user)
    form = _event_form()
    if form.validate_on_submit():
        organizer = form.selected_organizer() if "organizer_id" in form else current_user.organization
        try:
            event = services.create_event(
                current_user, form.event_values(), organizer=organizer, publish=bool(form.publish.data)
            )
        except InvalidInput as error:
            show_error(form, error)
            return _render_form(form, None, 400)
        flash(
            _("The event is published.")
            if event.status == EventStatus.PUBLISHED
            else _("The draft is saved. Publish it when it is ready."),
            "success",
        )
        return redirect(url_for("events.show", event_id=event.id))
    return _render_form(form, None, form_status(form))


@bp.route("/<int:event_id>")
def show(event_id: int) -> ResponseReturnValue:
    event = load_event(event_id)
    taken = queries.registered_count(event.id)
    user_id = current_user.id if current_user.is_authenticated else None
    mine = queries.registration_of(event.id, user_id)
    return render_template(
        "events/show.html",
        event=event,
        taken=taken,
        places_left=registrations.places_left(event, taken),
        state=registrations.registration_state(event, taken),
        now=utcnow(),
        registered=mine is not None and mine.status == RegistrationStatus.REGISTERED,
        can_manage=rules.can_manage_event(event, current_user),
        action_form=ActionForm(),
    )


@bp.route("/<int:event_id>.ics")
def calendar_file(event_id: int) -> ResponseReturnValue:
    """The event as an iCalendar file, for "add to calendar"."""
    event = load_event(event_id)
    url = public_url(url_for("events.show", event_id=event.id))
    organizer = localized(event.organizer, "name") if event.organizer else _("The cluster management")
    description = "\n\n".join(
        part
        for part in (
            localized(event, "description"),
            _("Organizer: %(name)s", name=organizer),
            _("Join online: %(url)s", url=event.online_url) if event.online_url else "",
        )
        if part
    )
    body = ical.event_calendar(
        uid=f"event-{event.id}@{urlsplit(current_app.config['PUBLIC_URL']).hostname}",
        starts_at=event.starts_at,
        ends_at=event.ends_at,
        summary=localized(event, "title"),
        description=description,
        location=event.place or event.online_url,
        url=url,
        status={EventStatus.PUBLISHED: "CONFIRMED", EventStatus.CANCELLED: "CANCELLED"}.get(event.status, "TENTATIVE"),
        stamp=utcnow(),
        created=event.created_at,
        last_modified=event.updated_at,
    )
    response = Response(body, mimetype="text/calendar")
    response.headers["Content-Disposition"] = f'attachment; filename="event-{event.id}.ics"'
    return response


@bp.route("/<int:event_id>/edit", methods=["GET", "POST"])
def edit(event_id: int) -> ResponseReturnValue:
    event = load_managed(event_id)
    if event.status == EventStatus.CANCELLED:
        raise Conflict(_("A cancelled event cannot be edited."))
    form = _event_form(event)
    if form.validate_on_submit():
        try:
            services.update_event(
                event,
                current_user,
                form.event_values(),
                organizer=form.selected_organizer() if "organizer_id" in form else None,
                change_organizer="organizer_id" in form,
            )
        except InvalidInput as error:
            show_error(form, error)
            return _render_form(form, event, 400)
        flash(_("The event is saved."), "success")
        return redirect(url_for("events.show", event_id=event.id))
    return _render_form(form, event, form_status(form))


@bp.route("/<int:event_id>/publish", methods=["POST"])
def publish(event_id: int) -> ResponseReturnValue:
    event = load_managed(event_id)
    if not ActionForm().validate_on_submit():
        raise InvalidInput
    services.publish_event(event, current_user)
    flash(_("The event is published."), "success")
    return redirect(url_for("events.show", event_id=event.id))


@bp.route("/<int:event_id>/cancel", methods=["GET", "POST"])
def cancel(event_id: int) -> ResponseReturnValue:
    event = load_managed(event_id)
    if event.status == EventStatus.CANCELLED:
        raise Conflict(_("The event is already cancelled."))
    form = CancelForm()
    if form.validate_on_submit():
        mailed = services.cancel_event(event, current_user, form.reason.data)
        flash(_("The event is cancelled. Participants notified: %(n)d.", n=mailed), "success")
        return redirect(url_for("events.show", event_id=event.id))
    taken = queries.registered_count(event.id)
    return render_template("events/cancel.html", event=event, form=form, taken=taken), form_status(form)


@bp.route("/<int:event_id>/register", methods=["POST"])
@access.login_required
def register(event_id: int) -> ResponseReturnValue:
    event = load_event(event_id)
    if not ActionForm().validate_on_submit():
        raise InvalidInput
    registrations.register(event, current_user)
    flash(_("You are registered. See you at the event!"), "success")
    return redirect(url_for("events.show", event_id=event.id))


@bp.route("/<int:event_id>/unregister", methods=["POST"])
@access.login_required
def unregister(event_id: int) -> ResponseReturnValue:
    event = load_event(event_id)
    if not ActionForm().validate_on_submit():
        raise InvalidInput
    registrations.cancel_registration(event, current_user)
    flash(_("Your registration is cancelled."), "success")
    return redirect(url_for("events.show", event_id=event.id))


# The other view modules add their routes to ``bp``; imported last, as they import it from here.
from . import participant_views  # noqa: E402,F401


def init_app(_app: Flask) -> None:
    register_labels(LABELS)
