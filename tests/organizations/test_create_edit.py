"""Creating and editing an organization's profile."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from marketplace.accounts.models import User
from marketplace.db import db
from marketplace.models import MembershipStatus, Organization, OrgKind
from marketplace.organizations.forms import OrganizationForm
from tests import factories
from tests.factories import broken, valid_inn, valid_ogrn
from tests.organizations.helpers import profile_data, refreshed


def organization_count() -> int:
    db.session.expire_all()
    return db.session.scalar(select(func.count()).select_from(Organization))


def test_registered_user_creates_a_profile_and_becomes_its_admin(client, app, login):
    user = login(factories.registered())
    data = profile_data()
    response = client.post("/organizations/new", data=data)
    assert response.status_code == 302
    user = refreshed(user)
    org = user.organization
    assert response.headers["Location"].endswith(f"/organizations/{org.id}")
    assert user.is_org_admin
    assert (org.name_ru, org.kind, org.inn, org.ogrn) == (data["name_ru"], OrgKind.SME, data["inn"], data["ogrn"])
    assert org.membership_status == MembershipStatus.NONE
    assert org.website == "https://polymer-south.example"  # scheme added
    assert org.certifications == "ISO 9001:2015\nГОСТ Р 54475"  # one per line, blanks dropped
    assert org.staff_size == 120
    assert sorted(org.confidential_fields) == ["capacity", "phone"]


def test_inn_and_ogrn_are_optional(client, app, login):
    user = login(factories.registered())
    response = client.post("/organizations/new", data=profile_data(inn="", ogrn="", region="Минск (Беларусь)"))
    assert response.status_code == 302
    org = refreshed(user).organization
    assert org.inn is None
    assert org.ogrn is None


def test_manager_creates_a_profile_without_joining_it(client, app, login):
    manager = login(factories.manager())
    assert client.post("/organizations/new", data=profile_data()).status_code == 302
    assert organization_count() == 1
    assert refreshed(manager).organization_id is None


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"inn": broken(valid_inn())}, b"This INN is not valid: check the digits."),
        ({"inn": "12345"}, b"This INN is not valid: check the digits."),
        ({"ogrn": broken(valid_ogrn())}, b"This OGRN is not valid: check the digits."),
        ({"name_ru": ""}, b"This field is required."),
        ({"region": "Атлантида"}, b"Choose a region from the list."),
        ({"kind": "pirate"}, b"Invalid Choice: could not coerce."),
        ({"website": "javascript:alert(1)"}, b"Enter a web address"),
        ({"contact_email": "nope"}, b"Enter a valid e-mail address."),
        ({"staff_size": "-5"}, b"Number must be between 0 and 10000000."),
        ({"confidential_fields": ["name_ru"]}, b"is not a valid choice"),
    ],
)
def test_create_rejects_bad_input_and_saves_nothing(client, app, login, changes, message):
    user = login(factories.registered())
    response = client.post("/organizations/new?lang=en", data=profile_data(**changes))
    assert response.status_code == 400
    assert message in response.data
    assert organization_count() == 0
    assert refreshed(user).organization_id is None


@pytest.mark.parametrize(
    ("field", "message"),
    [
        ("inn", b"An organization with this INN is already registered."),
        ("ogrn", b"An organization with this OGRN is already registered."),
    ],
)
def test_create_rejects_duplicate_registration_numbers(client, app, login, field, message):
    data = profile_data()
    factories.organization(**{field: data[field]})
    login(factories.registered())
    response = client.post("/organizations/new?lang=en", data=data)
    assert response.status_code == 400
    assert message in response.data
    assert organization_count() == 1


def test_lost_race_on_unique_inn_becomes_a_field_error(client, app, login, monkeypatch):
    """The form's check passes, then a concurrent request takes the INN: the unique index decides."""
    data = profile_data()
    factories.organization(inn=data["inn"])
    user = login(factories.registered())
    monkeypatch.setattr(OrganizationForm, "validate_inn", lambda _form, _field: None)
    # the user has confirmed past the duplicate warning (``organizations.duplicates``), which sees the same INN
    response = client.post("/organizations/new?lang=en", data={**data, "confirm_different": "y"})
    assert response.status_code == 400
    assert b"An organization with this INN or OGRN is already registered." in response.data
    assert organization_count() == 1
    user = refreshed(user)
    assert user.organization_id is None
    assert not user.is_org_admin


def test_user_with_an_organization_cannot_create_another(client, app, login):
    member = login(factories.member())
    response = client.post("/organizations/new", data=profile_data())
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/organizations/{member.organization_id}")
    assert organization_count() == 1


def test_member_edits_own_profile_keeping_its_inn(client, actors, login):
    inn = valid_inn()
    actors.org.inn = inn
    db.session.commit()
    login(actors.member)
    data = profile_data(inn=inn, name_ru="ООО «Фланец-Новый»", confidential_fields=[])
    response = client.post(f"/organizations/{actors.org.id}/edit", data=data)
    assert response.status_code == 302
    org = refreshed(actors.org)
    assert org.name_ru == "ООО «Фланец-Новый»"
    assert org.inn == inn
    assert org.confidential_fields == []
    assert org.membership_status == MembershipStatus.MEMBER  # not a form field


def test_edit_shows_current_values(client, actors, login):
    actors.org.capacity = "Сорок станков"
    db.session.commit()
    login(actors.colleague)
    assert "Сорок станков" in client.get(f"/organizations/{actors.org.id}/edit").get_data(as_text=True)


def test_edit_rejects_inn_of_another_organization(client, actors, login):
    taken = valid_inn()
    actors.other_org.inn = taken
    db.session.commit()
    login(actors.member)
    response = client.post(f"/organizations/{actors.org.id}/edit?lang=en", data=profile_data(inn=taken))
    assert response.status_code == 400
    assert b"An organization with this INN is already registered." in response.data
    assert refreshed(actors.org).inn is None


def test_manager_edits_any_organization(client, actors, login):
    login(actors.manager)
    response = client.post(f"/organizations/{actors.outsider_org.id}/edit", data=profile_data(name_ru="Новое имя"))
    assert response.status_code == 302
    assert refreshed(actors.outsider_org).name_ru == "Новое имя"


def test_other_member_cannot_edit(client, actors, login):
    name = actors.org.name_ru
    login(actors.other_member)
    response = client.post(f"/organizations/{actors.org.id}/edit", data=profile_data(name_ru="Захват"))
    assert response.status_code == 403
    assert refreshed(actors.org).name_ru == name


def test_user_count_unchanged_by_profile_creation(client, app, login):
    login(factories.registered())
    assert client.post("/organizations/new", data=profile_data()).status_code == 302
    assert organization_count() == 1
    assert db.session.scalar(select(func.count()).select_from(User)) == 1
