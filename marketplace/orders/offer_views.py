"""Service offers: list, my offers, the offer page, posting, editing and archiving."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user

from .. import access
from ..db import db
from ..errors import Forbidden, InvalidInput, NotFound
from ..forms import ActionForm, form_status
from ..organizations.models import Organization
from ..views_support import paginate
from . import offer_services, queries
from .forms import FilterForm, OfferForm, selected_competencies
from .models import Offer
from .rules import (
    can_archive_offer,
    can_edit_offer,
    can_post_orders,
    require_edit_offer,
    require_post_orders,
    require_view_offer,
)

bp = Blueprint("offers", __name__, url_prefix="/offers")


def load_offer(offer_id: int) -> Offer:
    """The offer, if the current user may see it.

    :raise NotFound: no such offer, or hidden from the user. :raise LoginRequired: a guest, for a hidden offer.
    """
    offer = db.session.get(Offer, offer_id)
    if offer is None:
        raise NotFound
    require_view_offer(offer)
    return offer


@bp.route("/")
def index() -> ResponseReturnValue:
    form = FilterForm(formdata=request.args)
    filters = form.filters()
    page = paginate(queries.offers_statement(filters, current_user))
    filter_org = db.session.get(Organization, filters.organization_id) if filters.organization_id else None
    return render_template(
        "offers/index.html", page=page, form=form, filter_org=filter_org, can_post=can_post_orders(current_user)
    )


@bp.route("/mine")
@access.login_required
def mine() -> ResponseReturnValue:
    if current_user.organization_id is None:
        raise Forbidden(_("Create your organization's profile to post offers."))
    page = paginate(queries.my_offers_statement(current_user.organization_id))
    return render_template("offers/mine.html", page=page, can_post=can_post_orders(current_user))


@bp.route("/new", methods=["GET", "POST"])
@access.login_required
def create() -> ResponseReturnValue:
    require_post_orders(current_user)
    form = OfferForm()
    if request.method == "GET":
        form.region.data = current_user.organization.region
    if form.validate_on_submit():
        offer = offer_services.post_offer(
            current_user, form.offer_values(), competencies=selected_competencies(form.competencies.data)
        )
        flash(_("The offer is published."), "success")
        return redirect(url_for("offers.show", offer_id=offer.id))
    return render_template("offers/form.html", form=form, offer=None), form_status(form)


@bp.route("/<int:offer_id>")
def show(offer_id: int) -> ResponseReturnValue:
    offer = load_offer(offer_id)
    return render_template(
        "offers/show.html",
        offer=offer,
        action_form=ActionForm(),
        can_edit=can_edit_offer(offer),
        can_archive=can_archive_offer(offer),
    )


@bp.route("/<int:offer_id>/edit", methods=["GET", "POST"])
def edit(offer_id: int) -> ResponseReturnValue:
    offer = load_offer(offer_id)
    require_edit_offer(offer)
    form = OfferForm(obj=offer)
    if request.method == "GET":
        form.competencies.data = [c.id for c in offer.competencies]
    if form.validate_on_submit():
        offer_services.update_offer(
            offer, current_user, form.offer_values(), competencies=selected_competencies(form.competencies.data)
        )
        flash(_("The offer is saved."), "success")
        return redirect(url_for("offers.show", offer_id=offer.id))
    return render_template("offers/form.html", form=form, offer=offer), form_status(form)


@bp.route("/<int:offer_id>/archive", methods=["POST"])
def archive(offer_id: int) -> ResponseReturnValue:
    offer = load_offer(offer_id)
    if not ActionForm().validate_on_submit():
        raise InvalidInput
    offer_services.archive_offer(offer, current_user)
    flash(_("The offer is archived."), "success")
    return redirect(url_for("offers.show", offer_id=offer.id))


@bp.route("/<int:offer_id>/restore", methods=["POST"])
def restore(offer_id: int) -> ResponseReturnValue:
    offer = load_offer(offer_id)
    if not ActionForm().validate_on_submit():
        raise InvalidInput
    offer_services.restore_offer(offer, current_user)
    flash(_("The offer is back on the exchange."), "success")
    return redirect(url_for("offers.show", offer_id=offer.id))
