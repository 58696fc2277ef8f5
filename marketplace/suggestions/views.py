"""Matching pages: orders that fit my organization, invitations, duplicates and merges, the matcher's status.

The suppliers panel of the order page is rendered by the orders feature
(``orders/_suggested_suppliers.html``) from ``services.suggest_suppliers``;
its "Invite" button posts here.
"""

from __future__ import annotations

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import func, select

from .. import access
from ..db import db
from ..errors import Conflict, Forbidden, InvalidInput, NotFound
from ..i18n import localized
from ..orders.models import Order
from ..organizations.models import Organization
from ..search.pagination import ResultsPage
from ..views_support import paginate
from . import services
from .duplicates import duplicate_pairs
from .forms import ActionForm, InviteForm, MergeForm
from .invitations import invite_supplier, received_invitations_statement
from .merge import RECORD_LABELS, merge_organizations, merge_summary, records_of
from .models import OrganizationMerge

bp = Blueprint("matches", __name__, url_prefix="/matches")

#: Above this many organizations the status page's "Refit now" is refused: use ``flask match refit``.
DEFAULT_REFIT_LIMIT = 2000


def list_page(items: list) -> ResultsPage:
    """``?page=`` of an in-memory list; 404 past the end, like ``paginate``."""
    per_page = current_app.config["PER_PAGE"]
    number = request.args.get("page", 1, type=int) or 1
    page = ResultsPage(
        page=number, per_page=per_page, total=len(items), items=items[(number - 1) * per_page : number * per_page]
    )
    if number < 1 or (number > 1 and not page.items):
        raise NotFound
    return page


def _own_organization() -> Organization:
    if current_user.organization is None:
        raise Forbidden(_("Create your organization's profile first."))
    return current_user.organization


@bp.route("/orders")
@access.login_required
def orders():
    organization = _own_organization()
    fits = services.orders_for_supplier(organization, user=current_user)
    return render_template("matches/orders.html", page=list_page(fits), organization=organization)


@bp.route("/invitations")
@access.login_required
def invitations():
    organization = _own_organization()
    page = paginate(received_invitations_statement(organization.id, current_user))
    return render_template("matches/invitations.html", page=page, organization=organization)


@bp.route("/orders/<int:order_id>/invite", methods=["POST"])
def invite(order_id: int):
    order = db.session.get(Order, order_id)
    if order is None:
        raise NotFound
    access.require_view_order(order)
    if not access.belongs_to(order.organization_id):
        access.require(access.AccessLevel.USER)
        raise Forbidden(_("Only the customer's users can invite suppliers."))
    form = InviteForm()
    if not form.validate_on_submit():
        raise InvalidInput(_("Choose a supplier from the list."))
    organization = db.session.get(Organization, form.organization)
    if organization is None:
        raise NotFound
    invite_supplier(order, organization, current_user)
    flash(
        _(
            "%(name)s is invited to respond; its users got an e-mail with the link.",
            name=localized(organization, "name"),
        ),
        "success",
    )
    return redirect(url_for("orders.show", order_id=order.id) + "#suggested-suppliers")


@bp.route("/duplicates")
@access.manager_required
def duplicates():
    page = list_page(duplicate_pairs())
    merges = db.session.scalars(select(OrganizationMerge).order_by(OrganizationMerge.id.desc()).limit(10)).all()
    return render_template("matches/duplicates.html", page=page, merges=merges, summary_of=merge_summary)


def _organization_or_404(org_id: int) -> Organization:
    organization = db.session.get(Organization, org_id)
    if organization is None:
        raise NotFound
    return organization


@bp.route("/merge/<int:keep_id>/<int:drop_id>", methods=["GET", "POST"])
@access.manager_required
def merge(keep_id: int, drop_id: int):
    keep, drop = _organization_or_404(keep_id), _organization_or_404(drop_id)
    if keep.id == drop.id:
        raise InvalidInput(_("Choose two different organizations."))
    form = MergeForm()
    if form.validate_on_submit():
        name = localized(drop, "name")
        merge_organizations(keep, drop, current_user, form.note.data)
        flash(_("%(name)s is merged into this organization.", name=name), "success")
        return redirect(url_for("organizations.show", org_id=keep_id))
    return render_template(
        "matches/merge.html",
        keep=keep,
        drop=drop,
        form=form,
        labels=RECORD_LABELS,
        keep_records=records_of(keep.id),
        drop_records=records_of(drop.id),
    ), (400 if form.is_submitted() else 200)


def refit_limit() -> int:
    return int(current_app.config.get("MATCHER_REFIT_IN_REQUEST_LIMIT", DEFAULT_REFIT_LIMIT))


def _organization_count() -> int:
    return db.session.scalar(select(func.count()).select_from(Organization)) or 0


@bp.route("/status")
@access.manager_required
def status():
    return render_template(
        "matches/status.html",
        status=services.matcher_status(),
        form=ActionForm(),
        organizations=_organization_count(),
        limit=refit_limit(),
    )


@bp.route("/status/refit", methods=["POST"])
@access.manager_required
def refit():
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


def init_app(app) -> None:
    from . import changes, cli  # noqa: F401 (changes registers the session hooks that write the change log)

    cli.init_app(app)
