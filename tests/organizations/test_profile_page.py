"""The profile page: fields by tier, confidential fields, competencies, links."""

from __future__ import annotations

import pytest

from marketplace.db import db
from tests import factories

INN = "7707083893"
ADDRESS = "ул. Заводская, 17"
PHONE = "+7 (8652) 55-44-33"
CAPACITY = "Пять обрабатывающих центров DMU 65"
CERTIFICATE = "ISO 3834-2 welding"


@pytest.fixture
def profile(actors):
    """The member organization with protected fields filled in; phone and capacity confidential."""
    org = actors.org
    org.inn, org.address, org.phone, org.capacity, org.certifications = INN, ADDRESS, PHONE, CAPACITY, CERTIFICATE
    org.website = "https://flanges.example.com"
    org.confidential_fields = ["phone", "capacity"]
    db.session.commit()
    return org


def page(client, org) -> str:
    response = client.get(f"/organizations/{org.id}?lang=en")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_guest_sees_public_fields_only(client, profile, as_role):
    as_role("guest")
    html = page(client, profile)
    assert profile.name_en in html
    assert "https://flanges.example.com" in html
    for secret in (INN, ADDRESS, PHONE, CAPACITY, CERTIFICATE):
        assert secret not in html


@pytest.mark.parametrize("role", ["registered", "outsider", "other_member"])
def test_registered_users_see_protected_but_not_confidential_fields(client, profile, as_role, role):
    as_role(role)
    html = page(client, profile)
    for shown in (INN, ADDRESS, CERTIFICATE):
        assert shown in html
    for secret in (PHONE, CAPACITY):
        assert secret not in html
    assert "confidential" not in html


@pytest.mark.parametrize("role", ["member", "manager"])
def test_own_users_and_manager_see_everything_with_locks(client, profile, as_role, role):
    as_role(role)
    html = page(client, profile)
    for shown in (INN, ADDRESS, CERTIFICATE, PHONE, CAPACITY):
        assert shown in html
    assert html.count('class="confidential') == 2  # phone and capacity are marked


def test_colleague_sees_confidential_fields(client, profile, actors, login):
    login(actors.colleague)
    assert PHONE in page(client, profile)


def test_directory_cards_never_show_protected_fields(client, profile, as_role):
    as_role("manager")
    html = client.get("/organizations/?lang=en").get_data(as_text=True)
    assert profile.name_en in html
    for secret in (INN, ADDRESS, PHONE, CAPACITY, CERTIFICATE):
        assert secret not in html


def test_competencies_links_and_badge(client, actors, as_role):
    parent = factories.competency(name_en="Metalworking")
    child = factories.competency(parent=parent, name_en="Five-axis milling")
    factories.give_competency(actors.org, child, level=3, note="parts up to 2 m")
    as_role("registered")
    html = page(client, actors.org)
    assert "Five-axis milling" in html
    assert "Expert" in html
    assert "parts up to 2 m" in html
    assert "Cluster member" in html  # membership badge
    for path in ("/catalog/", "/equipment/", "/orders/", "/offers/"):
        assert f'href="{path}?org={actors.org.id}"' in html


def test_edit_controls_only_for_those_who_may_edit(client, actors, as_role):
    for role, visible in (("registered", False), ("other_member", False), ("member", True), ("manager", True)):
        as_role(role)
        html = page(client, actors.org)
        assert ('data-testid="org-edit-link"' in html) is visible, role


def test_apply_button_for_the_admin_of_a_non_member(client, actors, as_role, login):
    as_role("outsider")
    assert 'data-testid="org-apply-link"' in page(client, actors.outsider_org)
    as_role("manager")
    assert 'data-testid="org-apply-link"' not in page(client, actors.outsider_org)
    as_role("member")
    assert 'data-testid="org-apply-link"' not in page(client, actors.org)
