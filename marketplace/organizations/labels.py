"""Labels of the organizations' enum values, registered by ``views.init_app``.

Competency levels are stored and computed as plain integers (1-3); ``level_label`` names one.
"""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from ..i18n import label
from .merge import UserMove
from .models import ApplicationStatus, CompetencyLevel, InvitationKind, InvitationStatus, MembershipStatus, OrgKind

LABELS = [
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
    (InvitationKind.INVITATION, _l("Invitation")),
    (InvitationKind.MERGE, _l("Request after a merge")),
    (InvitationStatus.PENDING, _l("Waiting for an answer")),
    (InvitationStatus.ACCEPTED, _l("Accepted")),
    (InvitationStatus.DECLINED, _l("Declined")),
    (InvitationStatus.WITHDRAWN, _l("Withdrawn")),
    (UserMove.PENDING, _l("Ordinary user once an administrator of the kept organization confirms")),
    (UserMove.CONFIRMED, _l("Ordinary user now, confirmed by you")),
    (UserMove.LEAVE, _l("Do not move: leave without an organization")),
]


def level_label(level: int) -> str:
    """The translated name of a competency level given as an integer (1-3)."""
    return label(CompetencyLevel(level))
