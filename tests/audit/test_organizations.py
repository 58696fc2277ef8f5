"""Membership decisions, the organization's team, invitations and merges: one entry each, none when refused."""

from __future__ import annotations

import datetime as dt
import json

from sqlalchemy import select

from marketplace.audit.models import AuditAction
from marketplace.db import db
from marketplace.models import (
    ApplicationStatus,
    MembershipApplication,
    MembershipStatus,
    OrganizationInvitation,
    OrganizationMerge,
)
from marketplace.organizations import invitations
from marketplace.organizations.merge import merge_organizations
from tests import factories

from .helpers import after, before, check_what, check_who, entries, only_entry


def _application(people) -> MembershipApplication:
    org = people.outsider.organization
    org.membership_status = MembershipStatus.APPLIED
    application = MembershipApplication(
        organization=org, applicant=people.outsider, status=ApplicationStatus.PENDING, message="Просим принять"
    )
    db.session.add(application)
    db.session.commit()
    return application


# --- membership ---------------------------------------------------------------------------------------------


def test_approving_an_application_is_logged(client, login, people):
    application = _application(people)
    login(people.manager)
    assert client.post(f"/organizations/applications/{application.id}/approve").status_code == 302
    entry = only_entry()
    check_who(entry, people.manager)
    check_what(
        entry, AuditAction.MEMBERSHIP_APPROVED, "membership_application", application.id, application.organization
    )
    assert entry.target_name == "ООО «Сторонняя»"
    assert before(entry) == {"application_status": "pending", "membership_status": "applied", "member_since": None}
    assert after(entry) == {
        "application_status": "approved",
        "membership_status": "member",
        "member_since": dt.date.today().isoformat(),
    }


def test_rejecting_an_application_is_logged_with_the_reason(client, login, people):
    application = _application(people)
    login(people.manager)
    response = client.post(f"/organizations/applications/{application.id}/reject", data={"reason": "Нет ИНН"})
    assert response.status_code == 302
    entry = only_entry()
    check_who(entry, people.manager)
    check_what(
        entry, AuditAction.MEMBERSHIP_REJECTED, "membership_application", application.id, application.organization
    )
    assert before(entry) == {"application_status": "pending", "membership_status": "applied"}
    assert after(entry) == {"application_status": "rejected", "membership_status": "rejected", "reason": "Нет ИНН"}


def test_a_refused_decision_logs_nothing(client, login, people):
    application = _application(people)
    login(people.admin)  # not the manager
    assert client.post(f"/organizations/applications/{application.id}/approve").status_code == 403
    login(people.manager)
    assert client.post(f"/organizations/applications/{application.id}/reject", data={"reason": ""}).status_code == 400
    assert entries() == []
    assert client.post(f"/organizations/applications/{application.id}/approve").status_code == 302
    assert client.post(f"/organizations/applications/{application.id}/reject", data={"reason": "x"}).status_code == 409
    assert [entry.action for entry in entries()] == ["membership.approved"]  # the second decision left nothing


# --- the organization's users -------------------------------------------------------------------------------


def test_granting_and_revoking_the_administrators_rights_are_logged(client, login, people):
    org, colleague = people.org, people.colleague
    login(people.admin)
    assert client.post(f"/organizations/{org.id}/users/{colleague.id}/admin").status_code == 302
    granted = only_entry()
    check_who(granted, people.admin)
    check_what(granted, AuditAction.ADMIN_GRANTED, "user", colleague.id, org)
    assert granted.target_name == "Ольга Коллегова"
    assert (before(granted), after(granted)) == ({"is_org_admin": False}, {"is_org_admin": True})

    assert client.post(f"/organizations/{org.id}/users/{colleague.id}/admin").status_code == 302  # no change
    assert len(entries()) == 1

    login(people.manager)
    assert client.post(f"/organizations/{org.id}/users/{colleague.id}/admin/revoke").status_code == 302
    [revoked] = entries(AuditAction.ADMIN_REVOKED)
    check_who(revoked, people.manager)
    check_what(revoked, AuditAction.ADMIN_REVOKED, "user", colleague.id, org)
    assert (before(revoked), after(revoked)) == ({"is_org_admin": True}, {"is_org_admin": False})
    assert len(entries()) == 2


def test_removing_a_user_is_logged(client, login, people):
    org, colleague = people.org, people.colleague
    login(people.admin)
    assert client.post(f"/organizations/{org.id}/users/{colleague.id}/remove").status_code == 302
    entry = only_entry()
    check_who(entry, people.admin)
    check_what(entry, AuditAction.USER_REMOVED, "user", colleague.id, org)
    assert before(entry) == {"organization_id": org.id, "is_org_admin": False}
    assert after(entry) == {"organization_id": None, "is_org_admin": False}


def test_refused_team_changes_log_nothing(client, login, people):
    org = people.org
    login(people.admin)  # the only administrator
    assert client.post(f"/organizations/{org.id}/users/{people.admin.id}/admin/revoke").status_code == 409
    assert client.post(f"/organizations/{org.id}/users/{people.admin.id}/remove").status_code == 409
    login(people.colleague)  # not an administrator
    assert client.post(f"/organizations/{org.id}/users/{people.colleague.id}/admin").status_code == 403
    assert entries() == []


# --- invitations --------------------------------------------------------------------------------------------


def _invite(client, login, people, email: str) -> OrganizationInvitation:
    login(people.admin)
    assert client.post(f"/organizations/{people.org.id}/users", data={"email": email}).status_code == 302
    db.session.expire_all()
    return db.session.scalar(select(OrganizationInvitation).where(OrganizationInvitation.email == email))


def test_accepting_an_invitation_is_logged_as_the_person_joining(client, login, people):
    person = people.registered
    invitation = _invite(client, login, people, person.email)
    assert entries() == []  # inviting gives no rights: not logged
    login(person)
    assert client.post(f"/organizations/invitations/{invitation.id}/accept").status_code == 302
    entry = only_entry()
    check_who(entry, person)
    check_what(entry, AuditAction.INVITATION_ACCEPTED, "user", person.id, people.org)
    assert before(entry) == {"organization_id": None, "is_org_admin": False}
    assert after(entry) == {"organization_id": people.org.id, "is_org_admin": False, "invitation_id": invitation.id}
    assert client.post(f"/organizations/invitations/{invitation.id}/accept").status_code in (404, 409)
    assert len(entries()) == 1


def test_withdrawing_an_invitation_is_logged(client, login, people):
    invitation = _invite(client, login, people, "somebody@example.test")
    assert client.post(f"/organizations/{people.org.id}/invitations/{invitation.id}/withdraw").status_code == 302
    entry = only_entry()
    check_who(entry, people.admin)
    check_what(entry, AuditAction.INVITATION_WITHDRAWN, "invitation", invitation.id, people.org)
    assert entry.target_name == "somebody@example.test"
    assert before(entry) == {"status": "pending", "kind": "invitation", "email": "somebody@example.test"}
    assert after(entry) == {"status": "withdrawn", "user_id": None}
    # Withdrawn already: the second attempt is refused and leaves nothing.
    assert client.post(f"/organizations/{people.org.id}/invitations/{invitation.id}/withdraw").status_code == 409
    assert len(entries()) == 1


def _waiting_after_merge(people) -> OrganizationInvitation:
    invitations.request_after_merge(people.org, people.registered, by=people.manager, merged_from="ООО Альфа-Дубль")
    db.session.commit()
    return db.session.scalar(
        select(OrganizationInvitation).where(OrganizationInvitation.user_id == people.registered.id)
    )


def test_confirming_a_person_after_a_merge_is_logged(client, login, people):
    request = _waiting_after_merge(people)
    login(people.admin)
    assert client.post(f"/organizations/{people.org.id}/invitations/{request.id}/confirm").status_code == 302
    entry = only_entry()
    check_who(entry, people.admin)
    check_what(entry, AuditAction.JOIN_CONFIRMED, "user", people.registered.id, people.org)
    assert after(entry) == {
        "organization_id": people.org.id,
        "is_org_admin": False,
        "invitation_id": request.id,
        "merged_from": "ООО Альфа-Дубль",
    }


def test_refusing_a_person_after_a_merge_is_logged(client, login, people):
    request = _waiting_after_merge(people)
    login(people.colleague)  # an ordinary user may not decide
    assert client.post(f"/organizations/{people.org.id}/invitations/{request.id}/withdraw").status_code == 403
    assert entries() == []
    login(people.manager)
    assert client.post(f"/organizations/{people.org.id}/invitations/{request.id}/withdraw").status_code == 302
    entry = only_entry()
    check_who(entry, people.manager)
    check_what(entry, AuditAction.JOIN_REFUSED, "invitation", request.id, people.org)
    assert before(entry)["kind"] == "merge"
    assert after(entry) == {"status": "withdrawn", "user_id": people.registered.id}


# --- merges -------------------------------------------------------------------------------------------------


def test_a_merge_is_logged_with_both_organizations_and_the_summary(client, login, people):
    keep = people.org
    drop_admin = factories.member(name_ru="ООО Альфа (дубль)", city="", website="https://alpha.example")
    drop = drop_admin.organization
    keep.website = ""
    db.session.commit()
    drop_id = drop.id
    login(people.manager)
    response = client.post(f"/organizations/merge/{keep.id}/{drop_id}", data={"confirm": "y", "note": "Дубль"})
    assert response.status_code == 302
    entry = only_entry()
    check_who(entry, people.manager)
    check_what(entry, AuditAction.ORGANIZATIONS_MERGED, "organization", keep.id, keep)
    history = db.session.scalar(select(OrganizationMerge))
    assert before(entry) == {
        "kept": {"id": keep.id, "name": "ООО «Альфа»"},
        "merged": {"id": drop_id, "name": "ООО Альфа (дубль)", "inn": None},
        "kept_profile": {"website": ""},
    }
    assert after(entry) == {
        "merge_id": history.id,
        "note": "Дубль",
        "summary": json.loads(history.summary),
        "kept_profile": {"website": "https://alpha.example"},
    }
    assert after(entry)["summary"]["users"] == {str(drop_admin.id): "pending"}


def test_a_refused_merge_logs_nothing(client, login, people):
    other = factories.member().organization
    login(people.admin)
    assert client.post(f"/organizations/merge/{people.org.id}/{other.id}", data={"confirm": "y"}).status_code == 403
    login(people.manager)
    assert client.post(f"/organizations/merge/{people.org.id}/{other.id}", data={}).status_code == 400  # unconfirmed
    same = f"/organizations/merge/{people.org.id}/{people.org.id}"
    assert client.post(same, data={"confirm": "y"}).status_code == 400
    assert entries() == []


def test_a_merge_outside_a_request_is_logged_from_the_cli(app, people):
    """Services log, not views: the same merge run from a command is logged with the address ``cli``."""
    drop = factories.member(name_ru="ООО Альфа (дубль)").organization
    merge_organizations(people.org, drop, people.manager, "из консоли")
    db.session.commit()
    entry = only_entry()
    check_who(entry, people.manager, address="cli")
    check_what(entry, AuditAction.ORGANIZATIONS_MERGED, "organization", people.org.id, people.org)
    assert after(entry)["note"] == "из консоли"
