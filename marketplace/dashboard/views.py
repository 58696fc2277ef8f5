"""The cluster manager's KPI dashboard, the year's targets, the exports, and members' ratings."""

from __future__ import annotations

from typing import Any

from flask import (
    Blueprint,
    Flask,
    Response,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user

from .. import access
from ..csv_files import csv_response
from ..db import db
from ..errors import InvalidInput, NotFound
from ..events import rules as event_rules
from ..events.models import Event
from ..forms import form_status
from . import export, ratings, services
from .charts import monthly_chart
from .forms import PeriodForm, RatingForm, TargetsForm
from .indicators import REGISTRY, Period
from .models import RatingSubject

bp = Blueprint("dashboard", __name__, url_prefix="/dashboard")


def _period_from_args(*, dates: bool) -> Period:
    """``?year=`` (and with ``dates``, ``?start=&end=``) of the request; 400 when they are not valid."""
    form = PeriodForm(formdata=request.args)
    if not form.validate():
        raise InvalidInput(next(iter(error for errors in form.errors.values() for error in errors)))
    return form.period(dates=dates)


def _year_from_args() -> int:
    return _period_from_args(dates=False).start.year


@bp.route("/")
@access.manager_required
def index() -> ResponseReturnValue:
    period = _period_from_args(dates=False)
    rows = services.plan_and_fact(period)
    return render_template(
        "dashboard/index.html",
        period=period,
        year=period.start.year,
        rows=rows,
        charts={row.indicator.key: monthly_chart(row) for row in rows},
        years=services.year_range(),
        platform=ratings.summary(RatingSubject.PLATFORM),
        events=ratings.summary(RatingSubject.EVENT),
        event_averages=ratings.event_averages(),
        comments=ratings.latest_comments(),
    )


@bp.route("/targets", methods=["GET", "POST"])
@access.manager_required
def targets() -> ResponseReturnValue:
    year = _year_from_args()
    current = services.targets_of(year)
    form = TargetsForm(data=TargetsForm.initial(current) if request.method == "GET" else None)
    if form.validate_on_submit():
        count = services.save_targets(year, form.values(), current_user)
        flash(_("Targets for %(year)d are saved (%(n)d set).", year=year, n=count), "success")
        return redirect(url_for("dashboard.index", year=year))
    return render_template(
        "dashboard/targets.html", form=form, year=year, indicators=REGISTRY, years=services.year_range()
    ), form_status(form)


@bp.route("/export.csv")
@access.manager_required
def export_csv() -> ResponseReturnValue:
    period = _period_from_args(dates=True)
    return csv_response(export.report_csv(period), export.filename(period, "csv"))


@bp.route("/export.xlsx")
@access.manager_required
def export_xlsx() -> ResponseReturnValue:
    period = _period_from_args(dates=True)
    response = Response(export.report_xlsx(period), mimetype=export.XLSX_MIMETYPE)
    response.headers["Content-Disposition"] = f'attachment; filename="{export.filename(period, "xlsx")}"'
    return response


@bp.route("/feedback", methods=["GET", "POST"])
@access.member_required
def feedback() -> ResponseReturnValue:
    mine = ratings.rating_of(current_user.id, RatingSubject.PLATFORM)
    form = RatingForm(obj=mine)
    if form.validate_on_submit():
        ratings.rate_platform(current_user, form.score.data, form.comment.data or "")
        flash(_("Thank you! Your rating is saved."), "success")
        return redirect(url_for("dashboard.feedback"))
    return render_template("dashboard/feedback.html", form=form, mine=mine), form_status(form)


@bp.route("/events/<int:event_id>/rating", methods=["POST"])
@access.member_required
def rate_event(event_id: int) -> ResponseReturnValue:
    event = db.session.get(Event, event_id)
    if event is None:
        raise NotFound
    event_rules.require_view_event(event, current_user)
    form = RatingForm()
    if not form.validate_on_submit():
        raise InvalidInput(next(iter(error for errors in form.errors.values() for error in errors)))
    ratings.rate_event(event, current_user, form.score.data, form.comment.data or "")
    flash(_("Thank you! Your rating of the event is saved."), "success")
    return redirect(url_for("events.show", event_id=event.id) + "#event-rating")


def event_rating_box(event: Event) -> dict[str, Any] | None:
    """What the event page shows about rating ``event``: None unless the current user may rate it."""
    if not current_user.is_authenticated or ratings.event_rating_refusal(event, current_user):
        return None
    mine = ratings.rating_of(current_user.id, RatingSubject.EVENT, event.id)
    return {"form": RatingForm(obj=mine, formdata=None), "mine": mine}


def init_app(app: Flask) -> None:
    app.jinja_env.globals["event_rating_box"] = event_rating_box
