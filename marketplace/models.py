"""Every model, imported in one place so that relationships resolve and Alembic sees all tables."""

from .access import AccessLevel
from .accounts.models import Role, User
from .attachments.models import Attachment
from .audit.models import AuditAction, AuditEntry, AuditTarget
from .catalog.models import Okpd2Code, Product
from .competence.models import ChainStage, ChainStageMember, ValueChain
from .dashboard.models import KpiTarget, Rating, RatingSubject
from .equipment.models import AccessPolicy, Booking, BookingStatus, Equipment, EquipmentCategory, EquipmentStatus
from .events.models import Event, EventKind, EventRegistration, EventStatus, RegistrationStatus
from .ideas.models import Idea, IdeaComment, IdeaKind, IdeaStatus
from .mail.models import MailStatus, OutboxMessage
from .notifications.models import Notification, NotificationKind, NotificationPreference
from .orders.models import (
    Offer,
    OfferStatus,
    Order,
    OrderEvent,
    OrderInvitation,
    OrderKind,
    OrderStatus,
    Response,
    ResponseStatus,
)
from .organizations.models import (
    ApplicationStatus,
    Competency,
    CompetencyLevel,
    InvitationKind,
    InvitationStatus,
    MembershipApplication,
    MembershipStatus,
    Organization,
    OrganizationCompetency,
    OrganizationInvitation,
    OrganizationMerge,
    OrgKind,
)
from .projects.models import (
    ConsortiumMember,
    ConsortiumStatus,
    Project,
    ProjectEvent,
    ProjectKind,
    ProjectNeed,
    ProjectStatus,
)
from .search.models import SearchOutbox
from .suggestions.models import MatcherChange
from .visibility import Visibility

__all__ = [
    "AccessLevel",
    "AccessPolicy",
    "ApplicationStatus",
    "Attachment",
    "AuditAction",
    "AuditEntry",
    "AuditTarget",
    "Booking",
    "BookingStatus",
    "ChainStage",
    "ChainStageMember",
    "Competency",
    "CompetencyLevel",
    "ConsortiumMember",
    "ConsortiumStatus",
    "Equipment",
    "EquipmentCategory",
    "EquipmentStatus",
    "Event",
    "EventKind",
    "EventRegistration",
    "EventStatus",
    "Idea",
    "IdeaComment",
    "IdeaKind",
    "IdeaStatus",
    "InvitationKind",
    "InvitationStatus",
    "KpiTarget",
    "MailStatus",
    "MatcherChange",
    "MembershipApplication",
    "MembershipStatus",
    "Notification",
    "NotificationKind",
    "NotificationPreference",
    "Offer",
    "OfferStatus",
    "Okpd2Code",
    "Order",
    "OrderEvent",
    "OrderInvitation",
    "OrderKind",
    "OrderStatus",
    "OrgKind",
    "Organization",
    "OrganizationCompetency",
    "OrganizationInvitation",
    "OrganizationMerge",
    "OutboxMessage",
    "Product",
    "Project",
    "ProjectEvent",
    "ProjectKind",
    "ProjectNeed",
    "ProjectStatus",
    "Rating",
    "RatingSubject",
    "RegistrationStatus",
    "Response",
    "ResponseStatus",
    "Role",
    "SearchOutbox",
    "User",
    "ValueChain",
    "Visibility",
]
