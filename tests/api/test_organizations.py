"""/api/v1/organizations: the member directory, with fields by access tier."""

import pytest

from marketplace.db import db
from marketplace.models import MembershipStatus, OrgKind
from marketplace.organizations.models import PROTECTED_FIELDS, PUBLIC_FIELDS
from tests import factories
from tests.api.conftest import ROLES, assert_absent, assert_error, assert_present, ids

SUMMARY_KEYS = {"id", "url", "name", "kind", "region", "city", "website", "membership_status"}
PUBLIC_KEYS = SUMMARY_KEYS | {"description", "competencies"}
# ASCII values, so that escaping in the JSON body cannot hide a leak.
PROTECTED_VALUES = {
    "inn": "2635000013",
    "ogrn": "1022601934486",
    "address": "Industrialnaya 7, office 12",
    "contact_email": "secret-sales@owner.test",
    "phone": "+7 865 200-11-22",
    "staff_size": 987,
    "certifications": "ISO 9001:2015\nAS9100D",
    "capacity": "Forging press 6300 tf",
}
CONFIDENTIAL = ["inn", "contact_email", "phone", "capacity"]


@pytest.fixture
def profiled(people):
    """The owner's organization with every protected field filled and four of them confidential."""
    org = people.org
    for field, value in PROTECTED_VALUES.items():
        setattr(org, field, value)
    org.confidential_fields = CONFIDENTIAL
    org.website = "https://owner.test"
    db.session.commit()
    return org


def test_list_shape_and_public_fields_only(people, get_json):
    data = get_json("/api/v1/organizations").json
    assert set(data) == {"items", "page", "per_page", "total", "pages"}
    assert (data["page"], data["per_page"], data["pages"]) == (1, 20, 1)
    item = next(i for i in data["items"] if i["id"] == people.org.id)
    assert set(item) == SUMMARY_KEYS
    assert item["name"] == {"ru": "ООО «Владелец»", "en": "Owner LLC"}
    assert item["kind"] == "sme"
    assert item["membership_status"] == "member"
    assert item["region"] == {"ru": "Ставропольский край", "en": "Stavropol Krai"}
    assert item["url"] == f"/api/v1/organizations/{people.org.id}"


def test_guests_see_only_members(people, as_role, get_json):
    members = {people.org.id, people.member.organization_id}
    assert ids(get_json("/api/v1/organizations")) == members
    assert ids(get_json("/api/v1/organizations?member=false")) == set()
    as_role("registered")
    assert ids(get_json("/api/v1/organizations")) == members | {people.outsider.organization_id}
    assert ids(get_json("/api/v1/organizations?member=false")) == {people.outsider.organization_id}
    assert ids(get_json("/api/v1/organizations?member=true")) == members


def test_guest_gets_401_on_non_member_organization(people, as_role, get_json):
    url = f"/api/v1/organizations/{people.outsider.organization_id}"
    assert_error(get_json(url, 401), 401)
    as_role("registered")
    assert get_json(url).json["membership_status"] == "none"


def test_filters(people, as_role, get_json):
    as_role("registered")
    university = factories.organization(
        name_ru="Технический университет", name_en="Technical University", kind=OrgKind.UNIVERSITY, region="Москва"
    )
    parent = factories.competency(code="MECH", name_en="Mechanics")
    child = factories.competency(parent=parent, code="MECH.CNC")
    factories.give_competency(people.org, child, level=3)
    factories.give_competency(university, parent, level=1)
    assert ids(get_json("/api/v1/organizations?q=technical")) == {university.id}
    assert ids(get_json("/api/v1/organizations?q=Университет")) == {university.id}
    assert ids(get_json("/api/v1/organizations?region=Москва")) == {university.id}
    assert ids(get_json("/api/v1/organizations?region=moscow")) == {university.id}
    assert ids(get_json("/api/v1/organizations?kind=university")) == {university.id}
    # A competency matches its holders and the holders of any narrower competency.
    assert ids(get_json("/api/v1/organizations?competency=MECH")) == {university.id, people.org.id}
    assert ids(get_json("/api/v1/organizations?competency=MECH.CNC")) == {people.org.id}
    assert ids(get_json("/api/v1/organizations?kind=sme&competency=MECH")) == {people.org.id}
    assert ids(get_json("/api/v1/organizations?q=100%25")) == set()  # % is literal, not a wildcard


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("kind=xyz", "kind"),
        ("region=Atlantis", "region"),
        ("competency=NOPE", "competency"),
        ("member=maybe", "member"),
        ("q=" + "x" * 201, "q"),
    ],
)
def test_bad_filters_are_400(app, client, query, parameter):
    assert_error(client.get(f"/api/v1/organizations?{query}"), 400, parameter)


EXPECTED_PROTECTED = {
    "guest": set(),
    "registered": {"ogrn", "address", "staff_size", "certifications"},
    "outsider": {"ogrn", "address", "staff_size", "certifications"},
    "member": {"ogrn", "address", "staff_size", "certifications"},
    "owner": set(PROTECTED_VALUES) | {"member_since", "confidential_fields"},
    "manager": set(PROTECTED_VALUES) | {"member_since", "confidential_fields"},
}


@pytest.mark.parametrize("role", ROLES)
def test_detail_fields_by_tier(profiled, as_role, get_json, role):
    as_role(role)
    response = get_json(f"/api/v1/organizations/{profiled.id}")
    assert set(response.json) == PUBLIC_KEYS | EXPECTED_PROTECTED[role]
    shown = EXPECTED_PROTECTED[role]
    for field, value in PROTECTED_VALUES.items():
        rendered = str(value).splitlines()[0]
        if field in shown:
            assert_present(response, rendered)
        else:
            assert_absent(response, rendered)


def test_owner_sees_everything_rendered(profiled, as_role, get_json):
    as_role("owner")
    data = get_json(f"/api/v1/organizations/{profiled.id}").json
    assert data["inn"] == "2635000013"
    assert data["staff_size"] == 987
    assert data["certifications"] == ["ISO 9001:2015", "AS9100D"]
    assert data["member_since"] == "2024-01-15"
    assert data["confidential_fields"] == sorted(CONFIDENTIAL)
    assert data["description"] == {
        "ru": "Механическая обработка деталей на станках с ЧПУ.",
        "en": "CNC machining of parts.",
    }


def test_every_field_the_rules_know_is_rendered(profiled, as_role, get_json):
    as_role("manager")
    data = get_json(f"/api/v1/organizations/{profiled.id}").json
    for field in PUBLIC_FIELDS + PROTECTED_FIELDS:
        assert field.removesuffix("_ru").removesuffix("_en") in data, field


def test_detail_lists_competencies_with_levels(people, get_json):
    comp = factories.competency(code="WELD", name_ru="Сварка", name_en="Welding")
    factories.give_competency(people.org, comp, level=3, note="TIG, MIG")
    data = get_json(f"/api/v1/organizations/{people.org.id}").json
    assert data["competencies"] == [
        {
            "competency": {"id": comp.id, "code": "WELD", "name": {"ru": "Сварка", "en": "Welding"}},
            "level": 3,
            "note": "TIG, MIG",
        }
    ]


def test_non_member_statuses_are_filtered_together(people, as_role, get_json):
    applied = factories.organization(membership_status=MembershipStatus.APPLIED, member_since=None)
    as_role("manager")
    assert applied.id in ids(get_json("/api/v1/organizations?member=false"))
    assert applied.id not in ids(get_json("/api/v1/organizations?member=true"))


def test_unknown_organization_is_404(app, get_json):
    assert_error(get_json("/api/v1/organizations/999999", 404), 404)
