"""Language helpers: bilingual fields, labels of enum values, the language switch."""

from __future__ import annotations

import enum

from flask import Blueprint, redirect, request, session, url_for
from flask_babel import get_locale, lazy_gettext as _l, lazy_pgettext
from flask_login import current_user
from wtforms.fields.choices import SelectChoice

from .accounts.models import Role
from .equipment.models import (
    AccessPolicy,
    BookingStatus,
    EquipmentCategory,
    EquipmentStatus,
)
from .mail.models import MailStatus
from .orders.models import (
    OfferStatus,
    OrderKind,
    OrderStatus,
    ResponseStatus,
    Visibility,
)
from .organizations.models import (
    ApplicationStatus,
    CompetencyLevel,
    MembershipStatus,
    OrgKind,
)
from .utils import safe_next_url

bp = Blueprint("i18n", __name__)


def current_language() -> str:
    return str(get_locale() or "ru")


def localized(obj, field: str) -> str:
    """``obj.<field>_<lang>``, falling back to the other language when empty."""
    lang = current_language()
    other = "en" if lang == "ru" else "ru"
    return getattr(obj, f"{field}_{lang}", "") or getattr(obj, f"{field}_{other}", "") or ""


#: Human labels of every enum value shown in the UI, translated lazily. Keyed by (enum class, member):
#: members of different StrEnums with the same value ("public", "active", ...) are equal and hash
#: alike, so the members alone would overwrite each other's labels.
_LABEL_LIST = [
    (Role.USER, _l("Registered user")),
    (Role.MANAGER, _l("Cluster manager")),
    (OrgKind.SME, _l("Small or medium enterprise")),
    (OrgKind.LARGE, _l("Large enterprise")),
    (OrgKind.UNIVERSITY, _l("University")),
    (OrgKind.RESEARCH, _l("Research institute")),
    (OrgKind.PUBLIC, _l("Public body")),
    (OrgKind.OTHER, _l("Other")),
    (MembershipStatus.NONE, _l("Not a member")),
    (MembershipStatus.APPLIED, _l("Application pending")),
    (MembershipStatus.MEMBER, _l("Cluster member")),
    (MembershipStatus.REJECTED, _l("Application rejected")),
    (ApplicationStatus.PENDING, _l("Pending")),
    (ApplicationStatus.APPROVED, _l("Approved")),
    (ApplicationStatus.REJECTED, _l("Rejected")),
    (CompetencyLevel.BASIC, _l("Basic")),
    (CompetencyLevel.ADVANCED, _l("Advanced")),
    (CompetencyLevel.EXPERT, _l("Expert")),
    (EquipmentCategory.MACHINING, _l("Machining")),
    (EquipmentCategory.ADDITIVE, _l("Additive manufacturing")),
    (EquipmentCategory.TESTING, _l("Testing")),
    (EquipmentCategory.MEASUREMENT, _l("Measurement and metrology")),
    (EquipmentCategory.ANALYTICAL, _l("Analytical laboratory")),
    (EquipmentCategory.CHEMICAL, _l("Chemical processing")),
    (EquipmentCategory.COMPOSITES, _l("Composites")),
    (EquipmentCategory.ELECTRONICS, _l("Electronics")),
    (EquipmentCategory.COMPUTING, _l("Computing")),
    (EquipmentCategory.OTHER, _l("Other")),
    (EquipmentStatus.AVAILABLE, _l("Available")),
    (EquipmentStatus.MAINTENANCE, _l("Under maintenance")),
    (EquipmentStatus.RETIRED, _l("Retired")),
    (AccessPolicy.MEMBERS, _l("Cluster members")),
    (AccessPolicy.REGISTERED, _l("Any registered organization")),
    (BookingStatus.PENDING, _l("Awaiting decision")),
    (BookingStatus.APPROVED, _l("Approved")),
    (BookingStatus.REJECTED, _l("Rejected")),
    (BookingStatus.CANCELLED, lazy_pgettext("booking status", "Cancelled")),
    (OrderKind.PRODUCTION, _l("Production work")),
    (OrderKind.SERVICE, _l("Service")),
    (OrderKind.RND, _l("R&D")),
    (OrderKind.PURCHASE, _l("Purchase")),
    (OrderStatus.DRAFT, _l("Draft")),
    (OrderStatus.OPEN, _l("Open")),
    (OrderStatus.AWARDED, _l("Awarded")),
    (OrderStatus.COMPLETED, _l("Completed")),
    (OrderStatus.CANCELLED, _l("Cancelled")),
    (ResponseStatus.ACTIVE, _l("Active")),
    (ResponseStatus.WITHDRAWN, _l("Withdrawn")),
    (ResponseStatus.ACCEPTED, _l("Selected")),
    (ResponseStatus.DECLINED, _l("Not selected")),
    (OfferStatus.ACTIVE, lazy_pgettext("offer status", "Active")),
    (OfferStatus.ARCHIVED, _l("Archived")),
    (MailStatus.OUTBOX, _l("In the outbox")),
    (MailStatus.SENT, _l("Sent")),
    (MailStatus.FAILED, _l("Failed")),
    (Visibility.PUBLIC, _l("Everyone")),
    (Visibility.MEMBERS, _l("Cluster members only")),
]
LABELS = {(type(member), member): text for member, text in _LABEL_LIST}


def lazy_label(member):
    """The lazily translated label of an enum member, or None when it has none."""
    if isinstance(member, int) and not isinstance(member, enum.Enum):
        member = CompetencyLevel(member)  # the one enum stored as a plain integer
    return LABELS.get((type(member), member))


def label(value) -> str:
    """The translated label of an enum value (or the value itself when unknown)."""
    found = lazy_label(value) if value is not None else None
    return str(found) if found is not None else ("" if value is None else str(value))


def choices(members, blank=None) -> list[SelectChoice]:
    """WTForms choices for enum members (an enum class or a list of members), labelled lazily,
    after an optional first option with the empty value labelled ``blank`` ("— any —")."""
    head = [SelectChoice("", blank)] if blank is not None else []
    return head + [SelectChoice(str(member.value), lazy_label(member) or member.value) for member in members]


@bp.route("/lang/<code>", methods=["POST"])
def switch_language(code: str):
    """Remember the chosen language (and store it on the profile of a logged-in user)."""
    from flask import current_app

    if code in current_app.config["LANGUAGES"]:
        session["lang"] = code
        if current_user.is_authenticated:
            current_user.locale = code
    return redirect(safe_next_url(request.form.get("next") or request.referrer, url_for("main.index")))


def init_app(app) -> None:
    app.register_blueprint(bp)
    app.jinja_env.globals.update(localized=localized, label=label, current_language=current_language)
    app.jinja_env.filters["label"] = label
