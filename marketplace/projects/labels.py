"""Labels of the projects' enum values, registered by ``views.init_app``."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l, lazy_pgettext

from .models import ConsortiumStatus, ProjectKind, ProjectStatus

LABELS = [
    (ProjectKind.INNOVATION, _l("Innovation project")),
    (ProjectKind.INFRASTRUCTURE, _l("Infrastructure project")),
    (ProjectKind.JOINT_PURCHASE, _l("Joint purchase")),
    (ProjectKind.JOINT_BID, _l("Joint bid for an order or tender")),
    (ProjectStatus.IDEA, lazy_pgettext("project status", "Idea")),
    (ProjectStatus.PLANNED, lazy_pgettext("project status", "Planned")),
    (ProjectStatus.ACTIVE, lazy_pgettext("project status", "In progress")),
    (ProjectStatus.COMPLETED, lazy_pgettext("project status", "Completed")),
    (ProjectStatus.CANCELLED, lazy_pgettext("project status", "Cancelled")),
    (ConsortiumStatus.INVITED, lazy_pgettext("consortium status", "Invited")),
    (ConsortiumStatus.ACCEPTED, lazy_pgettext("consortium status", "Accepted")),
    (ConsortiumStatus.DECLINED, lazy_pgettext("consortium status", "Declined")),
    (ConsortiumStatus.REMOVED, lazy_pgettext("consortium status", "Removed")),
]
