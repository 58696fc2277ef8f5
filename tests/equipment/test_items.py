"""The equipment list and its filters, the item page, adding, editing and retiring items."""

from __future__ import annotations

import io
import re
from decimal import Decimal

import pytest

from marketplace.db import db
from marketplace.models import (
    AccessPolicy,
    Attachment,
    Booking,
    BookingStatus,
    Equipment,
    EquipmentCategory,
    EquipmentStatus,
)
from tests import factories
from tests.factories import assert_unchanged, fresh, stored_rows

from .conftest import at, make_booking

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def card_names(html: str) -> list[str]:
    return re.findall(r'<h2 class="h6 card-title mb-1">\s*<a href="/equipment/\d+">([^<]+)</a>', html)


def all_items():
    db.session.expire_all()
    return list(db.session.scalars(db.select(Equipment).order_by(Equipment.id)))


# --- list ----------------------------------------------------------------------------------------------------


def test_guests_see_cards_with_owner_location_prices_and_access(client, people, item):
    html = client.get("/equipment/?lang=en").get_data(as_text=True)
    assert card_names(html) == ["Coordinate measuring machine"]
    assert "Stavropol State University" in html
    assert "Ставрополь, ул. Ленина, 1" in html
    assert "per hour" in html
    assert "2,500" in html
    assert "Cluster members" in html  # the access policy


def test_filters(client, people):
    university = people.owner.organization
    moscow = factories.member(region="Москва", name_en="Moscow Lab")
    factories.equipment(university, name_en="CNC lathe", category=EquipmentCategory.MACHINING)
    factories.equipment(
        university,
        name_en="Gas chromatograph",
        name_ru="Газовый хроматограф",
        category=EquipmentCategory.ANALYTICAL,
        access=AccessPolicy.REGISTERED,
        description_en="Agilent 8890 with FID",
    )
    factories.equipment(
        moscow.organization, name_en="Tensile tester", category=EquipmentCategory.TESTING, manufacturer="Zwick"
    )
    factories.equipment(university, name_en="Old mill", status=EquipmentStatus.RETIRED)
    factories.equipment(university, name_en="Climate chamber", status=EquipmentStatus.MAINTENANCE)

    def names(query):
        response = client.get(f"/equipment/?lang=en&{query}")
        assert response.status_code == 200
        return sorted(card_names(response.get_data(as_text=True)))

    assert names("") == ["CNC lathe", "Climate chamber", "Gas chromatograph", "Tensile tester"]  # retired hidden
    assert names("category=analytical") == ["Gas chromatograph"]
    assert names(f"org={moscow.organization_id}") == ["Tensile tester"]
    assert names("region=Москва") == ["Tensile tester"]
    assert names("access=registered") == ["Gas chromatograph"]
    assert names("status=retired") == ["Old mill"]
    assert names("status=maintenance") == ["Climate chamber"]
    assert names("q=agilent") == ["Gas chromatograph"]  # description, any case
    assert names("q=Zwick") == ["Tensile tester"]  # manufacturer
    assert names("q=хроматограф") == ["Gas chromatograph"]
    assert names("q=100%25") == []  # LIKE wildcards are taken literally
    assert names("category=bogus&org=abc") == names("")  # a bad filter is ignored, not an error
    assert "Equipment of Moscow Lab" in client.get(f"/equipment/?lang=en&org={moscow.organization_id}").get_data(
        as_text=True
    )


def test_pagination(client, people):
    for n in range(23):
        factories.equipment(people.owner.organization, name_en=f"Item {n:02d}")
    first = client.get("/equipment/?lang=en").get_data(as_text=True)
    second = client.get("/equipment/?lang=en&page=2").get_data(as_text=True)
    assert len(card_names(first)) == 20
    assert len(card_names(second)) == 3
    assert set(card_names(first)).isdisjoint(card_names(second))
    assert 'rel="next"' in first
    assert client.get("/equipment/?page=9").status_code == 404


# --- item page -----------------------------------------------------------------------------------------------


def test_item_page_shows_description_specs_conditions_files_and_owner(client, login, people):
    item = factories.equipment(
        people.owner.organization,
        name_en="Coordinate measuring machine",
        manufacturer="Zeiss",
        model="Contura",
        description_en="Measuring range 700 × 1000 × 600 mm.",
        specs=[{"name": "Accuracy", "value": "1.8 + L/300 µm"}],
        price_per_day=Decimal(15000),
        requirements="Operator training at the university lab is required.",
    )
    db.session.add(
        Attachment(
            equipment=item,
            original_name="datasheet.pdf",
            stored_name="abc.pdf",
            content_type="application/pdf",
            size=2048,
        )
    )
    db.session.commit()
    html = client.get(f"/equipment/{item.id}?lang=en").get_data(as_text=True)
    for text in (
        "Coordinate measuring machine",
        "Zeiss Contura",
        "Measuring range 700",
        "Accuracy",
        "1.8 + L/300 µm",
        "15,000",
        "per day",
        "Operator training at the university lab is required.",
        "datasheet.pdf",
        "Stavropol State University",
        "Available",
        'data-testid="owner-card"',
    ):
        assert text in html, text
    assert "lab@university.test" not in html  # contact details are for registered users
    login(people.member)
    assert "lab@university.test" in client.get(f"/equipment/{item.id}?lang=en").get_data(as_text=True)


# --- adding --------------------------------------------------------------------------------------------------


def item_form(**overrides) -> dict:
    data = {
        "name_ru": "Координатно-измерительная машина",
        "name_en": "CMM",
        "category": "measurement",
        "manufacturer": "Zeiss",
        "model": "Contura",
        "description_ru": "Диапазон 700 × 1000 × 600 мм.",
        "location": "Ставрополь, корпус 2, ауд. 101",
        "specs": "Точность: 1,8 мкм\nМасса детали: до 500 кг",
        "price_per_hour": "2 500,50",
        "price_per_day": "",
        "access": "registered",
        "requirements": "Обучение оператора",
        "status": "available",
    }
    data.update(overrides)
    return data


def test_member_adds_an_item_with_files(client, login, people):
    login(people.member)
    data = item_form(
        files=[(io.BytesIO(PNG), "photo.png"), (io.BytesIO(b"%PDF-1.4 test"), "sheet.pdf")],
        organization_id=str(people.owner.organization_id),
    )  # ignored: members add their own items
    response = client.post("/equipment/new", data=data, content_type="multipart/form-data")
    assert response.status_code == 302
    [item] = all_items()
    assert response.headers["Location"].endswith(f"/equipment/{item.id}")
    assert item.organization_id == people.member.organization_id
    assert item.category == EquipmentCategory.MEASUREMENT
    assert item.access == AccessPolicy.REGISTERED
    assert item.specs == [{"name": "Точность", "value": "1,8 мкм"}, {"name": "Масса детали", "value": "до 500 кг"}]
    assert item.price_per_hour == Decimal("2500.50")
    assert item.price_per_day is None
    assert sorted(a.original_name for a in item.attachments) == ["photo.png", "sheet.pdf"]


def test_a_bad_file_is_a_field_error_and_nothing_is_saved(client, login, people):
    login(people.member)
    data = item_form(files=[(io.BytesIO(b"MZ\x90\x00 not a pdf"), "manual.pdf")])
    response = client.post("/equipment/new?lang=en", data=data, content_type="multipart/form-data")
    assert response.status_code == 400
    assert "does not look like a .pdf file" in response.get_data(as_text=True)
    assert all_items() == []
    db.session.expire_all()
    assert db.session.scalar(db.select(db.func.count()).select_from(Attachment)) == 0


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"name_ru": "  "}, "name_ru", "This field is required."),
        ({"category": "spaceship"}, "category", "Not a valid choice."),
        ({"price_per_hour": "-5"}, "price_per_hour", "A price cannot be negative."),
        ({"price_per_day": "много"}, "price_per_day", "Enter a number, for example 1500 or 1500.50."),
        ({"specs": "no colon here"}, "specs", 'Line 1: write "name: value".'),
    ],
)
def test_bad_item_input_is_a_field_error(client, login, people, overrides, field, message):
    login(people.member)
    response = client.post("/equipment/new?lang=en", data=item_form(**overrides))
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert message in html
    assert f'id="{field}"' in html
    assert all_items() == []


def test_manager_adds_an_item_for_a_member_organization(client, login, people):
    login(people.manager)
    assert (
        client.post("/equipment/new", data=item_form(organization_id=str(people.outsider.organization_id))).status_code
        == 400
    )  # not a member: not offered
    response = client.post("/equipment/new", data=item_form(organization_id=str(people.owner.organization_id)))
    assert response.status_code == 302
    [item] = all_items()
    assert item.organization_id == people.owner.organization_id


# --- editing and retiring ------------------------------------------------------------------------------------


def test_owner_edits_an_item_and_removes_a_file(client, login, people, item):
    keep = Attachment(
        equipment=item, original_name="keep.pdf", stored_name="k.pdf", content_type="application/pdf", size=10
    )
    drop = Attachment(
        equipment=item, original_name="drop.pdf", stored_name="d.pdf", content_type="application/pdf", size=10
    )
    db.session.add_all([keep, drop])
    db.session.commit()
    login(people.owner)
    form_page = client.get(f"/equipment/{item.id}/edit").get_data(as_text=True)
    assert "drop.pdf" in form_page
    assert 'value="Coordinate measuring machine"' in form_page
    response = client.post(
        f"/equipment/{item.id}/edit",
        data=item_form(name_en="CMM Contura", status="maintenance", remove_files=str(drop.id)),
    )
    assert response.status_code == 302
    [edited] = all_items()
    assert edited.name_en == "CMM Contura"
    assert edited.status == EquipmentStatus.MAINTENANCE
    assert edited.organization_id == people.owner.organization_id
    assert [a.original_name for a in edited.attachments] == ["keep.pdf"]


def test_files_of_another_item_cannot_be_removed(client, login, people, item):
    other = factories.equipment(people.member.organization)
    foreign = Attachment(
        equipment=other, original_name="x.pdf", stored_name="x.pdf", content_type="application/pdf", size=10
    )
    own = Attachment(
        equipment=item, original_name="own.pdf", stored_name="own.pdf", content_type="application/pdf", size=10
    )
    db.session.add_all([foreign, own])
    db.session.commit()
    login(people.owner)
    before = stored_rows()
    response = client.post(f"/equipment/{item.id}/edit", data=item_form(remove_files=str(foreign.id)))
    assert response.status_code == 400
    assert_unchanged(before)  # both files kept, the item not edited


def test_retired_items_leave_the_list_but_keep_their_page(client, login, people, item):
    login(people.owner)
    assert client.post(f"/equipment/{item.id}/retire").status_code == 302
    assert fresh(Equipment, item.id).status == EquipmentStatus.RETIRED
    login(None)
    assert card_names(client.get("/equipment/").get_data(as_text=True)) == []
    page = client.get(f"/equipment/{item.id}?lang=en")
    assert page.status_code == 200
    assert "Retired" in page.get_data(as_text=True)


def test_editing_to_retired_releases_bookings_too(client, login, people, item):
    pending = make_booking(item, people.member.organization, at(3, 10), requested_by=people.member)
    login(people.owner)
    assert client.post(f"/equipment/{item.id}/edit", data=item_form(status="retired")).status_code == 302
    assert fresh(Booking, pending.id).status == BookingStatus.REJECTED
    assert fresh(Equipment, item.id).status == EquipmentStatus.RETIRED


def test_new_item_page_of_a_member_has_no_owner_choice(client, login, people):
    login(people.member)
    assert 'name="organization_id"' not in client.get("/equipment/new").get_data(as_text=True)
    login(people.manager)
    html = client.get("/equipment/new?lang=en").get_data(as_text=True)
    assert 'name="organization_id"' in html
    assert "Member Machining LLC" in html
    assert "Outsider Trading LLC" not in html  # only member organizations are offered
