"""Labels of the organizations' enum values, registered by ``views.init_app``.

Competency levels are stored and computed as plain integers (1-3); ``level_label`` names one.
"""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from ..i18n import label
from .models import ApplicationStatus, CompetencyLevel, MembershipStatus, OrgKind

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
]


def level_label(level: int) -> str:
    """The translated name of a competency level given as an integer (1-3)."""
    return label(CompetencyLevel(level))
