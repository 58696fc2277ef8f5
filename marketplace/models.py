"""Every model, imported in one place so that relationships resolve and Alembic sees all tables."""
from .accounts.models import AccessLevel, Role, User
from .attachments.models import Attachment
from .catalog.models import Okpd2Code, Product
from .equipment.models import (AccessPolicy, Booking, BookingStatus, Equipment, EquipmentCategory,
                               EquipmentStatus)
from .mail.models import MailStatus, OutboxMessage
from .orders.models import (Offer, OfferStatus, Order, OrderEvent, OrderKind, OrderStatus, Response,
                            ResponseStatus, Visibility)
from .organizations.models import (ApplicationStatus, Competency, CompetencyLevel, MembershipApplication,
                                   MembershipStatus, Organization, OrganizationCompetency, OrgKind)

__all__ = [
    "AccessLevel", "AccessPolicy", "ApplicationStatus", "Attachment", "Booking", "BookingStatus",
    "Competency", "CompetencyLevel", "Equipment", "EquipmentCategory", "EquipmentStatus", "MailStatus",
    "MembershipApplication", "MembershipStatus", "Offer", "OfferStatus", "Okpd2Code", "Order", "OrderEvent",
    "OrderKind", "OrderStatus", "Organization", "OrganizationCompetency", "OrgKind", "OutboxMessage",
    "Product", "Response", "ResponseStatus", "Role", "User", "Visibility",
]
