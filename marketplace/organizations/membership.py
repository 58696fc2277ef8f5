"""Membership services: an organization applies, the cluster manager decides.

``apply_for_membership`` moves the organization to APPLIED with one PENDING
application; ``approve_application`` / ``reject_application`` decide it once:
the decision is a conditional UPDATE (``WHERE status = 'pending'``), so of two
concurrent decisions exactly one wins and the other gets ``Conflict``.
The applicant is told through ``notifications.notify`` (in the app and/or by mail, as they chose).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from flask_babel import gettext as _
from sqlalchemy import select, update

from ..accounts.models import Role, User
from ..audit import services as audit
from ..audit.models import AuditAction
from ..db import changed_rows, db, utcnow
from ..errors import Conflict
from ..i18n import localized
from ..notifications.models import NotificationKind
from ..notifications.services import link_to, notify
from .models import (
    ApplicationStatus,
    MembershipApplication,
    MembershipStatus,
    Organization,
)
from .services import lock_organization

#: Statuses from which an organization may (re)apply.
MAY_APPLY = (MembershipStatus.NONE, MembershipStatus.REJECTED)


def apply_for_membership(organization: Organization, applicant: User, message: str) -> MembershipApplication:
    lock_organization(organization.id)
    db.session.refresh(organization)  # the status as of the lock, not as first read
    if organization.membership_status not in MAY_APPLY:
        raise Conflict(
            _("Your organization is already a member of the cluster.")
            if organization.membership_status == MembershipStatus.MEMBER
            else _("Your application is already being considered.")
        )
    application = MembershipApplication(
        organization=organization, applicant=applicant, message=message, status=ApplicationStatus.PENDING
    )
    db.session.add(application)
    organization.membership_status = MembershipStatus.APPLIED
    db.session.flush()
    _notify_managers(organization, application)
    return application


def approve_application(application: MembershipApplication, manager: User) -> None:
    _decide(application, manager, ApplicationStatus.APPROVED, reason="")
    organization = application.organization
    before = {"membership_status": organization.membership_status, "member_since": organization.member_since}
    organization.membership_status = MembershipStatus.MEMBER
    organization.member_since = dt.date.today()
    db.session.flush()
    _record_decision(application, manager, before)
    _notify_applicant(application)


def reject_application(application: MembershipApplication, manager: User, reason: str) -> None:
    _decide(application, manager, ApplicationStatus.REJECTED, reason=reason)
    before = {"membership_status": application.organization.membership_status}
    application.organization.membership_status = MembershipStatus.REJECTED
    db.session.flush()
    _record_decision(application, manager, before)
    _notify_applicant(application)


def _record_decision(application: MembershipApplication, manager: User, before: Mapping[str, object]) -> None:
    organization = application.organization
    approved = application.status == ApplicationStatus.APPROVED
    after: dict[str, object] = {
        "application_status": application.status,
        "membership_status": organization.membership_status,
    }
    if approved:
        after["member_since"] = organization.member_since
    else:
        after["reason"] = application.decision_reason
    audit.record(
        AuditAction.MEMBERSHIP_APPROVED if approved else AuditAction.MEMBERSHIP_REJECTED,
        target=application,
        target_name=organization.name_ru,
        organization=organization,
        before={"application_status": ApplicationStatus.PENDING, **before},
        after=after,
        actor=manager,
    )


def _decide(application: MembershipApplication, manager: User, status: ApplicationStatus, reason: str) -> None:
    decided = changed_rows(
        update(MembershipApplication)
        .where(MembershipApplication.id == application.id, MembershipApplication.status == ApplicationStatus.PENDING)
        .values(status=status, decision_reason=reason, decided_by_id=manager.id, decided_at=utcnow())
        .execution_options(synchronize_session=False)
    )
    if decided != 1:
        raise Conflict(_("This application has already been decided."))
    db.session.refresh(application)


def _notify_applicant(application: MembershipApplication) -> None:
    """Tell the applicant (their organization's contact address when they left) of the decision."""
    organization = application.organization
    approved = application.status == ApplicationStatus.APPROVED

    def subject() -> str:
        name = localized(organization, "name")
        if approved:
            return _("Welcome to the cluster: %(name)s is now a member", name=name)
        return _("Membership application of %(name)s", name=name)

    def body() -> str:
        name = localized(organization, "name")
        if approved:
            return _(
                "Your application for %(name)s to join the cluster has been approved.\n"
                "Members get the full functionality of the platform: members-only orders, "
                "equipment booking and consortia.",
                name=name,
            )
        return _(
            "Your application for %(name)s to join the cluster has been rejected.\n\n"
            "Reason: %(reason)s\n\nYou may apply again once the reason is addressed.",
            name=name,
            reason=application.decision_reason,
        )

    applicant = application.applicant
    notify(
        [applicant] if applicant is not None else [],  # no account left: the fallback address is told
        NotificationKind.MEMBERSHIP_DECISION,
        subject,
        body,
        link_to("organizations.show", org_id=organization.id),
        exclude=application.decided_by_id,
        fallback_email=organization.contact_email,
    )


def _notify_managers(organization: Organization, application: MembershipApplication) -> None:
    managers = db.session.scalars(
        select(User).where(User.role == Role.MANAGER, User.active.is_(True)).order_by(User.id)
    )
    notify(
        managers,
        NotificationKind.MEMBERSHIP_REQUEST,
        lambda: _("New membership application: %(name)s", name=localized(organization, "name")),
        lambda: _(
            "%(name)s applies to join the cluster.\n\n%(message)s",
            name=localized(organization, "name"),
            message=application.message,
        ),
        link_to("organizations.application", application_id=application.id),
        exclude=application.applicant_id,
    )
