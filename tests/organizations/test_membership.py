"""Membership: applying, the manager's decision, mail to the applicant, deciding twice."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from marketplace.db import db
from marketplace.errors import Conflict
from marketplace.mail.models import OutboxMessage
from marketplace.models import ApplicationStatus, MembershipApplication, MembershipStatus
from marketplace.organizations import membership
from tests.organizations.helpers import refreshed


def mails() -> list[OutboxMessage]:
    db.session.expire_all()
    return list(db.session.scalars(select(OutboxMessage).order_by(OutboxMessage.id)))


def applications(org) -> list[MembershipApplication]:
    db.session.expire_all()
    return list(
        db.session.scalars(
            select(MembershipApplication)
            .where(MembershipApplication.organization_id == org.id)
            .order_by(MembershipApplication.id)
        )
    )


@pytest.fixture
def applied(client, actors, login):
    """The outsider's organization has applied (through the web)."""
    login(actors.outsider)
    response = client.post(f"/organizations/{actors.outsider_org.id}/apply", data={"message": "Хотим вступить"})
    assert response.status_code == 302
    [application] = applications(actors.outsider_org)
    return application


def test_applying_creates_a_pending_application_and_tells_the_managers(client, actors, applied):
    assert applied.status == ApplicationStatus.PENDING
    assert applied.applicant_id == actors.outsider.id
    assert applied.message == "Хотим вступить"
    assert refreshed(actors.outsider_org).membership_status == MembershipStatus.APPLIED
    [mail] = mails()
    assert mail.recipient == actors.manager.email
    assert f"/organizations/applications/{applied.id}" in mail.body


def test_applying_twice_is_refused(client, actors, applied):
    response = client.post(f"/organizations/{actors.outsider_org.id}/apply", data={"message": "Ещё раз"})
    assert response.status_code == 302  # back to the profile with a notice
    [only] = applications(actors.outsider_org)
    assert (only.id, only.message, only.status) == (applied.id, "Хотим вступить", ApplicationStatus.PENDING)
    assert len(mails()) == 1  # the managers are not told twice


def test_members_cannot_apply(client, actors, login):
    login(actors.member)
    response = client.post(f"/organizations/{actors.org.id}/apply", data={"message": "x"})
    assert response.status_code == 302
    assert applications(actors.org) == []
    assert refreshed(actors.org).membership_status == MembershipStatus.MEMBER


def test_apply_requires_a_message(client, actors, login):
    login(actors.outsider)
    response = client.post(f"/organizations/{actors.outsider_org.id}/apply?lang=en", data={"message": "  "})
    assert response.status_code == 400
    assert b"This field is required." in response.data
    assert applications(actors.outsider_org) == []
    assert refreshed(actors.outsider_org).membership_status == MembershipStatus.NONE


def test_apply_service_rechecks_the_status(app, actors):
    """Two concurrent applications: the second sees the first's status after the lock."""
    with app.test_request_context():
        membership.apply_for_membership(actors.outsider_org, actors.outsider, "первая")
        db.session.commit()
        with pytest.raises(Conflict):
            membership.apply_for_membership(actors.outsider_org, actors.outsider, "вторая")
        db.session.rollback()
    assert len(applications(actors.outsider_org)) == 1


def test_manager_approves(client, actors, applied, login):
    login(actors.manager)
    response = client.post(f"/organizations/applications/{applied.id}/approve")
    assert response.status_code == 302
    application = refreshed(applied)
    assert application.status == ApplicationStatus.APPROVED
    assert application.decided_by_id == actors.manager.id
    assert application.decided_at is not None
    org = refreshed(actors.outsider_org)
    assert org.membership_status == MembershipStatus.MEMBER
    assert org.member_since == dt.date.today()
    mail = mails()[-1]
    assert mail.recipient == actors.outsider.email
    assert f"/organizations/{actors.outsider_org.id}" in mail.body


def test_outsider_becomes_member_level(client, actors, applied, login):
    login(actors.manager)
    assert client.post(f"/organizations/applications/{applied.id}/approve").status_code == 302
    assert refreshed(actors.outsider).is_member


def test_manager_rejects_with_a_reason(client, actors, applied, login):
    login(actors.manager)
    response = client.post(
        f"/organizations/applications/{applied.id}/reject", data={"reason": "Нет производственной площадки"}
    )
    assert response.status_code == 302
    application = refreshed(applied)
    assert application.status == ApplicationStatus.REJECTED
    assert application.decision_reason == "Нет производственной площадки"
    assert refreshed(actors.outsider_org).membership_status == MembershipStatus.REJECTED
    mail = mails()[-1]
    assert mail.recipient == actors.outsider.email
    assert "Нет производственной площадки" in mail.body

    # The applicant sees the reason and may apply again.
    login(actors.outsider)
    html = client.get(f"/organizations/{actors.outsider_org.id}?lang=en").get_data(as_text=True)
    assert "Нет производственной площадки" in html
    assert (
        client.post(
            f"/organizations/{actors.outsider_org.id}/apply", data={"message": "Площадка появилась"}
        ).status_code
        == 302
    )
    assert [a.status for a in applications(actors.outsider_org)] == [
        ApplicationStatus.REJECTED,
        ApplicationStatus.PENDING,
    ]


def test_rejection_reason_is_not_shown_to_others(client, actors, applied, login):
    login(actors.manager)
    response = client.post(f"/organizations/applications/{applied.id}/reject", data={"reason": "Секретная причина"})
    assert response.status_code == 302
    assert refreshed(applied).decision_reason == "Секретная причина"
    login(actors.registered)
    assert "Секретная причина" not in client.get(f"/organizations/{actors.outsider_org.id}").get_data(as_text=True)


def test_reject_requires_a_reason(client, actors, applied, login):
    login(actors.manager)
    response = client.post(f"/organizations/applications/{applied.id}/reject?lang=en", data={"reason": " "})
    assert response.status_code == 400
    assert b"Give the reason: the applicant will see it." in response.data
    assert refreshed(applied).status == ApplicationStatus.PENDING
    assert refreshed(actors.outsider_org).membership_status == MembershipStatus.APPLIED


@pytest.mark.parametrize(("first", "second"), [("approve", "approve"), ("approve", "reject"), ("reject", "approve")])
def test_deciding_twice_is_a_conflict(client, actors, applied, login, first, second):
    login(actors.manager)
    data = {"reason": "Причина"}
    assert client.post(f"/organizations/applications/{applied.id}/{first}", data=data).status_code == 302
    mail_count = len(mails())
    response = client.post(f"/organizations/applications/{applied.id}/{second}?lang=en", data=data)
    assert response.status_code == 409
    assert b"This application has already been decided." in response.data
    expected = ApplicationStatus.APPROVED if first == "approve" else ApplicationStatus.REJECTED
    assert refreshed(applied).status == expected
    assert len(mails()) == mail_count


def test_concurrent_decision_loses_on_the_conditional_update(app, client, actors, applied, login):
    """Our copy still says PENDING, but another request decided meanwhile."""
    stale = db.session.get(MembershipApplication, applied.id)
    assert stale.status == ApplicationStatus.PENDING
    login(actors.manager)
    assert client.post(f"/organizations/applications/{applied.id}/approve").status_code == 302
    with app.test_request_context(), pytest.raises(Conflict):
        membership.reject_application(stale, actors.manager, "поздно")
    db.session.rollback()
    assert refreshed(applied).status == ApplicationStatus.APPROVED
    assert refreshed(actors.outsider_org).membership_status == MembershipStatus.MEMBER


def test_applications_list_pending_first(client, actors, login):
    decided = MembershipApplication(organization=actors.other_org, message="старая", status=ApplicationStatus.APPROVED)
    db.session.add(decided)
    db.session.commit()
    pending = MembershipApplication(organization=actors.outsider_org, message="новая")
    db.session.add(pending)
    db.session.commit()
    newest_decided = MembershipApplication(organization=actors.org, message="x", status=ApplicationStatus.REJECTED)
    db.session.add(newest_decided)
    db.session.commit()
    login(actors.manager)
    html = client.get("/organizations/applications?lang=en").get_data(as_text=True)
    positions = [html.index(f'/organizations/applications/{a.id}"') for a in (pending, newest_decided, decided)]
    assert positions == sorted(positions)


def test_application_page_shows_the_message_and_decision_forms(client, actors, applied, login):
    login(actors.manager)
    html = client.get(f"/organizations/applications/{applied.id}?lang=en").get_data(as_text=True)
    assert "Хотим вступить" in html
    assert 'data-testid="approve-form"' in html
    assert 'data-testid="reject-form"' in html
    assert client.post(f"/organizations/applications/{applied.id}/approve").status_code == 302
    html = client.get(f"/organizations/applications/{applied.id}?lang=en").get_data(as_text=True)
    assert 'data-testid="approve-form"' not in html
    assert "Approved" in html


def test_profile_notices_about_a_pending_application(client, actors, applied, login):
    path = f"/organizations/{actors.outsider_org.id}?lang=en"
    login(actors.manager)
    assert f'href="/organizations/applications/{applied.id}"' in client.get(path).get_data(as_text=True)
    login(actors.outsider)
    html = client.get(path).get_data(as_text=True)
    assert "being considered" in html
    assert "/organizations/applications/" not in html
    login(actors.registered)
    assert "being considered" not in client.get(path).get_data(as_text=True)


def test_mail_goes_to_the_organization_when_the_applicant_left(client, actors, applied, login):
    org = actors.outsider_org
    org.contact_email = "office@outsider.example.com"
    actors.outsider.active = False
    db.session.commit()
    login(actors.manager)
    assert client.post(f"/organizations/applications/{applied.id}/approve").status_code == 302
    assert refreshed(applied).status == ApplicationStatus.APPROVED
    assert mails()[-1].recipient == "office@outsider.example.com"


def test_guest_is_sent_to_log_in_from_the_apply_form(client, actors):
    response = client.get(f"/organizations/{actors.org.id}/apply")
    assert response.status_code == 302
    assert "/account/login" in response.headers["Location"]
