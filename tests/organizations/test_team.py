"""The organization's users: removing, administrators (inviting people is in test_invitations.py)."""

from __future__ import annotations

from marketplace.accounts.models import User
from marketplace.db import db
from tests import factories
from tests.organizations.helpers import refreshed


def users_of(org) -> dict[str, bool]:
    db.session.expire_all()
    return {u.email: u.is_org_admin for u in db.session.query(User).filter_by(organization_id=org.id)}


def test_grant_and_revoke_admin(client, actors, login):
    login(actors.member)
    base = f"/organizations/{actors.org.id}/users/{actors.colleague.id}"
    assert client.post(f"{base}/admin").status_code == 302
    assert refreshed(actors.colleague).is_org_admin
    assert client.post(f"{base}/admin/revoke").status_code == 302
    assert not refreshed(actors.colleague).is_org_admin


def test_the_last_admin_can_be_neither_revoked_nor_removed(client, actors, login):
    login(actors.member)
    base = f"/organizations/{actors.org.id}/users/{actors.member.id}"
    for action in ("/admin/revoke", "/remove"):
        response = client.post(base + action + "?lang=en")
        assert response.status_code == 409
        assert b"at least one administrator" in response.data
    assert users_of(actors.org) == {actors.member.email: True, actors.colleague.email: False}


def test_admin_may_step_down_once_another_admin_exists(client, actors, login):
    login(actors.member)
    assert client.post(f"/organizations/{actors.org.id}/users/{actors.colleague.id}/admin").status_code == 302
    response = client.post(f"/organizations/{actors.org.id}/users/{actors.member.id}/remove")
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/account/profile")
    assert users_of(actors.org) == {actors.colleague.email: True}
    assert refreshed(actors.member).organization_id is None


def test_removing_a_user_frees_them(client, actors, login):
    login(actors.member)
    assert client.post(f"/organizations/{actors.org.id}/users/{actors.colleague.id}/remove").status_code == 302
    colleague = refreshed(actors.colleague)
    assert colleague.organization_id is None
    assert not colleague.is_org_admin


def test_users_of_another_organization_are_404(client, actors, login):
    login(actors.member)
    assert client.post(f"/organizations/{actors.org.id}/users/{actors.other_member.id}/remove").status_code == 404
    assert client.post(f"/organizations/{actors.org.id}/users/{actors.other_member.id}/admin").status_code == 404
    other_member = refreshed(actors.other_member)
    assert other_member.organization_id == actors.other_org.id
    assert other_member.is_org_admin
    assert users_of(actors.org) == {actors.member.email: True, actors.colleague.email: False}


def test_other_member_cannot_manage_users(client, actors, login):
    newcomer = factories.registered()
    login(actors.other_member)
    assert client.post(f"/organizations/{actors.org.id}/users/{actors.colleague.id}/remove").status_code == 403
    assert client.post(f"/organizations/{actors.org.id}/users", data={"email": newcomer.email}).status_code == 403
    assert users_of(actors.org) == {actors.member.email: True, actors.colleague.email: False}
    assert refreshed(newcomer).organization_id is None


def test_users_page_lists_users_and_controls_for_admins(client, actors, login):
    login(actors.colleague)
    html = client.get(f"/organizations/{actors.org.id}/users?lang=en").get_data(as_text=True)
    assert actors.member.email in html
    assert actors.colleague.email in html
    assert 'data-testid="org-add-user-form"' not in html
    login(actors.member)
    html = client.get(f"/organizations/{actors.org.id}/users?lang=en").get_data(as_text=True)
    assert 'data-testid="org-add-user-form"' in html
    assert 'data-testid="remove-user"' in html
