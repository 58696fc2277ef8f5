"""Labels of the shared equipment's enum values, registered by ``views.init_app``."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l, lazy_pgettext

from .models import AccessPolicy, BookingStatus, EquipmentCategory, EquipmentStatus

LABELS = [
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
]
