"""Labels of the audit trail's actions and kinds of object, registered by ``views.init_app``."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from .models import AuditAction, AuditTarget

LABELS = [
    (AuditAction.MEMBERSHIP_APPROVED, _l("Membership application approved")),
    (AuditAction.MEMBERSHIP_REJECTED, _l("Membership application rejected")),
    (AuditAction.ADMIN_GRANTED, _l("Made an administrator of the organization")),
    (AuditAction.ADMIN_REVOKED, _l("Administrator's rights revoked")),
    (AuditAction.USER_REMOVED, _l("User removed from the organization")),
    (AuditAction.INVITATION_ACCEPTED, _l("Joined the organization by accepting an invitation")),
    (AuditAction.JOIN_CONFIRMED, _l("Joining after a merge confirmed")),
    (AuditAction.INVITATION_WITHDRAWN, _l("Invitation to join withdrawn")),
    (AuditAction.JOIN_REFUSED, _l("Joining after a merge refused")),
    (AuditAction.ORGANIZATIONS_MERGED, _l("Organizations merged")),
    (AuditAction.ORDER_AWARDED, _l("Order awarded")),
    (AuditAction.ORDER_CANCELLED, _l("Order cancelled")),
    (AuditAction.BOOKING_APPROVED, _l("Equipment booking approved")),
    (AuditAction.BOOKING_REJECTED, _l("Equipment booking rejected")),
    (AuditAction.KPI_TARGETS_CHANGED, _l("KPI targets changed")),
    (AuditAction.KPI_EXPORTED, _l("KPI report exported")),
    (AuditAction.COMPETENCE_MAP_EXPORTED, _l("Competence map exported")),
    (AuditAction.COMPETENCE_GAPS_EXPORTED, _l("Supply and demand table exported")),
    (AuditAction.PARTICIPANTS_EXPORTED, _l("Event participants exported")),
    (AuditAction.AUDIT_EXPORTED, _l("Audit trail exported")),
    (AuditTarget.ORGANIZATION, _l("Organization")),
    (AuditTarget.USER, _l("User")),
    (AuditTarget.APPLICATION, _l("Membership application")),
    (AuditTarget.INVITATION, _l("Invitation to join")),
    (AuditTarget.ORDER, _l("Order")),
    (AuditTarget.BOOKING, _l("Equipment booking")),
    (AuditTarget.KPI_PLAN, _l("KPI targets of a year")),
    (AuditTarget.KPI_REPORT, _l("KPI report")),
    (AuditTarget.COMPETENCE_MAP, _l("Competence map")),
    (AuditTarget.COMPETENCE_GAPS, _l("Supply and demand table")),
    (AuditTarget.EVENT, _l("Event")),
    (AuditTarget.AUDIT_LOG, _l("Audit trail")),
]
