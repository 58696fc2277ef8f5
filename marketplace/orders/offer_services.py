"""Service offers: what a member can do for others ("5-axis machining, up to 2 m")."""

from __future__ import annotations

from typing import Any

from flask_babel import gettext as _

from ..db import db
from ..errors import Conflict
from ..organizations.models import Competency
from .models import Offer, OfferStatus
from .rules import require_archive_offer, require_edit_offer, require_post_orders

#: Columns set through the offer form.
OFFER_FIELDS = ("title", "kind", "description", "okpd2_codes", "region", "visibility")


def post_offer(actor: Any, values: dict[str, Any], *, competencies: list[Competency]) -> Offer:
    """Post an offer of the actor's (member) organization."""
    require_post_orders(actor)
    offer = Offer(
        organization_id=actor.organization_id,
        created_by_id=actor.id,
        status=OfferStatus.ACTIVE,
        competencies=list(competencies),
        **{name: values[name] for name in OFFER_FIELDS},
    )
    db.session.add(offer)
    db.session.flush()
    return offer


def update_offer(offer: Offer, actor: Any, values: dict[str, Any], *, competencies: list[Competency]) -> None:
    require_edit_offer(offer, actor)
    for name in OFFER_FIELDS:
        setattr(offer, name, values[name])
    offer.competencies = list(competencies)
    db.session.flush()


def archive_offer(offer: Offer, actor: Any) -> None:
    """Take an offer off the exchange; it stays readable for its owner."""
    require_archive_offer(offer, actor)
    if offer.status == OfferStatus.ARCHIVED:
        raise Conflict(_("The offer is already archived."))
    offer.status = OfferStatus.ARCHIVED
    db.session.flush()


def restore_offer(offer: Offer, actor: Any) -> None:
    """Put an archived offer back on the exchange (the owner's users)."""
    require_edit_offer(offer, actor)
    if offer.status == OfferStatus.ACTIVE:
        raise Conflict(_("The offer is already active."))
    require_post_orders(actor)
    offer.status = OfferStatus.ACTIVE
    db.session.flush()
