"""Who may see and do what with organizations. Views, the API, search and templates ask here.

- Guests see member organizations only (the public member directory);
  registered users see every organization.
- A profile field is public, protected (registered users, unless the
  organization marked it confidential) or private; the organization's own
  users and the manager see every field.
- The organization's administrators manage its users (invite people, withdraw
  invitations, confirm or refuse those who came with a merged duplicate) and
  apply for membership; the manager manages every organization's users.
- Only the person an invitation is for (the account with its e-mail) answers
  it; nobody else learns that it exists.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, true

from .. import access
from ..access import AccessLevel, Viewer
from ..accounts.services import normalize_email
from .membership import MAY_APPLY
from .models import PROTECTED_FIELDS, PUBLIC_FIELDS, MembershipStatus, Organization, OrganizationInvitation


@access.visibility_rule
def visible_organizations(viewer: Viewer) -> ColumnElement[bool]:
    """The organizations a viewer may see, as an SQL condition on ``Organization``."""
    if viewer.level >= AccessLevel.USER:
        return true()
    return Organization.membership_status == MembershipStatus.MEMBER


def can_view_organization(organization: Organization, user: Any = None) -> bool:
    return access.row_visible(Organization, organization.id, visible_organizations(user))


def require_view_organization(organization: Organization, user: Any = None) -> None:
    """:raise LoginRequired: a guest, for an organization that is not a member."""
    if not can_view_organization(organization, user):
        access.refuse_hidden(user)


def visible_field(organization: Organization, field: str, user: Any = None) -> bool:
    """Whether ``field`` of ``organization``'s profile may be shown to ``user``."""
    if field in PUBLIC_FIELDS or access.can_see_confidential(organization.id, user):
        return True
    if field in PROTECTED_FIELDS:
        return access.access_level(user) >= AccessLevel.USER and not organization.is_confidential(field)
    return False


def is_org_admin_of(organization: Organization, user: Any = None) -> bool:
    user = access.viewer(user)
    return access.belongs_to(organization.id, user) and bool(user.is_org_admin)


def can_manage_users(organization: Organization, user: Any = None) -> bool:
    return is_org_admin_of(organization, user) or access.is_manager(user)


def can_apply(organization: Organization, user: Any = None) -> bool:
    """Apply for membership: the organization's administrators, while it may apply."""
    return is_org_admin_of(organization, user) and organization.membership_status in MAY_APPLY


def is_invitee(invitation: OrganizationInvitation, user: Any = None) -> bool:
    """Whether ``user`` is the person ``invitation`` is for (the cluster manager never joins)."""
    user = access.viewer(user)
    if not user.is_authenticated or access.is_manager(user):
        return False
    return bool(invitation.email == normalize_email(user.email))
