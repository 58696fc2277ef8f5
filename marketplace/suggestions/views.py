"""The matcher's pages: orders that fit my organization, and the matcher's status (the manager).

The suppliers panel of the order page is rendered by the orders feature
(``orders/_suggested_suppliers.html``) from ``services.suggest_suppliers``;
the project page's partner proposals by the projects feature. The URLs keep
their original ``/matches/`` prefix.
"""

from __future__ import annotations

from flask import Blueprint, Flask, current_app, flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import func, select

from .. import access
from ..db import db
from ..errors import Conflict, Forbidden, InvalidInput
from ..forms import ActionForm
from ..organizations.models import Organization
from ..views_support import paginate_list
from . import (
    changes,  # noqa: F401  imported for its session hooks, which write the matcher's change log
    cli,
    services,
)

bp = Blueprint("suggestions", __name__, url_prefix="/matches")

#: Above this many organizations the status page's "Refit now" is refused: use ``flask match refit``.
DEFAULT_REFIT_LIMIT = 2000


def _own_organization() -> Organization:
    if current_user.organization is None:
        raise Forbidden(_("Create your organization's profile first."))
    return current_user.organization


@bp.route("/orders")
@access.login_required
def orders() -> ResponseReturnValue:
    organization = _own_organization()
    fits = services.orders_for_supplier(organization, user=current_user)
    return render_template("suggestions/orders.html", page=paginate_list(fits), organization=organization)


def refit_limit() -> int:
    return int(current_app.config.get("MATCHER_REFIT_IN_REQUEST_LIMIT", DEFAULT_REFIT_LIMIT))


def _organization_count() -> int:
    return db.session.scalar(select(func.count()).select_from(Organization)) or 0


@bp.route("/status")
@access.manager_required
def status() -> ResponseReturnValue:
    return render_template(
        "suggestions/status.html",
        status=services.matcher_status(),
        form=ActionForm(),
        organizations=_organization_count(),
        limit=refit_limit(),
    )


@bp.route("/status/refit", methods=["POST"])
@access.manager_required
def refit() -> ResponseReturnValue:
    form = ActionForm()
    if not form.validate_on_submit():
        raise InvalidInput
    if _organization_count() > refit_limit():
        raise Conflict(_("The cluster is too large to refit within a page request: run `flask match refit`."))
    pointer = services.refit_matcher()
    if pointer is None:
        flash(_("Nothing to fit yet: no organization has a description, products or other texts."), "info")
    else:
        flash(
            _(
                "The matcher is refitted: %(n)d organizations, snapshot %(version)s.",
                n=pointer.organizations,
                version=pointer.version,
            ),
            "success",
        )
    return redirect(url_for(".status"))


def init_app(app: Flask) -> None:
    cli.init_app(app)
