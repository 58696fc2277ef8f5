"""/api/v1/products, /api/v1/okpd2 and /api/v1/competencies."""

import pytest

from marketplace.attachments.models import Attachment
from marketplace.catalog.models import Okpd2Code
from marketplace.db import db
from marketplace.models import OrgKind
from tests import factories
from tests.api.conftest import ROLES, assert_error, ids


@pytest.fixture
def catalog(people):
    university = factories.organization(name_ru="Университет", kind=OrgKind.UNIVERSITY, region="Москва")
    return {
        "flange": factories.product(
            people.org,
            name_ru="Фланец плоский",
            name_en="Flat flange",
            okpd2="25.62.10",
            specs=[{"name": "Диаметр", "value": "до 500 мм"}],
        ),
        "paint": factories.product(
            people.member.organization,
            name_ru="Краска",
            name_en="Paint",
            okpd2="20.30.11",
            price=None,
            description_en="Alkyd enamel",
        ),
        "testing": factories.product(
            university, name_ru="Испытания на растяжение", name_en="Tensile testing", okpd2="71.20.19", is_service=True
        ),
        "outsiders": factories.product(
            people.outsider.organization, okpd2="25.11.23", name_ru="Ферма", name_en="Truss"
        ),
    }


def test_list_shape(catalog, get_json):
    data = get_json("/api/v1/products").json
    assert data["total"] == 4
    flange = next(item for item in data["items"] if item["id"] == catalog["flange"].id)
    org = catalog["flange"].organization
    assert flange == {
        "id": catalog["flange"].id,
        "url": f"/api/v1/products/{catalog['flange'].id}",
        "name": {"ru": "Фланец плоский", "en": "Flat flange"},
        "is_service": False,
        "okpd2": "25.62.10",
        "hs_code": None,
        "unspsc": None,
        "unit": "шт",
        "price": "1500.00",
        "organization": {
            "id": org.id,
            "name": {"ru": org.name_ru, "en": org.name_en},
            "url": f"/api/v1/organizations/{org.id}",
        },
        "updated_at": flange["updated_at"],
    }
    assert flange["updated_at"].endswith("Z")
    assert "T" in flange["updated_at"]


@pytest.mark.parametrize("role", ROLES)
def test_catalog_is_public(catalog, as_role, get_json, role):
    as_role(role)
    assert ids(get_json("/api/v1/products")) == {p.id for p in catalog.values()}
    get_json(f"/api/v1/products/{catalog['outsiders'].id}")


def test_detail(catalog, get_json):
    flange = catalog["flange"]
    db.session.add(
        Attachment(
            product=flange, original_name="drawing.pdf", stored_name="a" * 32, content_type="application/pdf", size=1234
        )
    )
    db.session.commit()
    data = get_json(f"/api/v1/products/{flange.id}").json
    assert data["description"]["ru"].startswith("Фланцы плоские")
    assert data["specs"] == [{"name": "Диаметр", "value": "до 500 мм"}]
    assert data["attachments"][0]["name"] == "drawing.pdf"
    assert data["attachments"][0]["url"].endswith("/drawing.pdf")
    assert get_json(f"/api/v1/products/{catalog['paint'].id}").json["price"] is None


def test_filters(catalog, people, get_json):
    assert ids(get_json("/api/v1/products?code=25")) == {catalog["flange"].id, catalog["outsiders"].id}
    assert ids(get_json("/api/v1/products?code=25.6")) == {catalog["flange"].id}
    assert ids(get_json("/api/v1/products?code=25.62.10")) == {catalog["flange"].id}
    assert ids(get_json("/api/v1/products?code=25.62.11")) == set()
    assert ids(get_json(f"/api/v1/products?org={people.org.id}")) == {catalog["flange"].id}
    assert ids(get_json("/api/v1/products?region=Moscow")) == {catalog["testing"].id}
    assert ids(get_json("/api/v1/products?kind=university")) == {catalog["testing"].id}
    assert ids(get_json("/api/v1/products?service=true")) == {catalog["testing"].id}
    assert catalog["testing"].id not in ids(get_json("/api/v1/products?service=false"))
    assert ids(get_json("/api/v1/products?q=FLANGE")) == {catalog["flange"].id}
    assert ids(get_json("/api/v1/products?q=фланец")) == {catalog["flange"].id}  # Cyrillic, any case
    assert ids(get_json("/api/v1/products?q=alkyd")) == {catalog["paint"].id}  # descriptions too
    assert ids(get_json("/api/v1/products?code=25&kind=sme&org=" + str(people.org.id))) == {catalog["flange"].id}


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("code=25.", "code"),
        ("code=2", "code"),
        ("code=abc", "code"),
        ("code=25.62.1.1", "code"),
        ("org=abc", "org"),
        ("org=0", "org"),
        ("region=Nowhere", "region"),
        ("kind=xyz", "kind"),
        ("service=perhaps", "service"),
    ],
)
def test_bad_filters_are_400(app, client, query, parameter):
    assert_error(client.get(f"/api/v1/products?{query}"), 400, parameter)


@pytest.fixture
def okpd2_entries(app):
    for code, name_ru, name_en, parent in [
        ("25", "Изделия металлические готовые", "Fabricated metal products", None),
        ("25.6", "Обработка металлов", "Treatment of metals", "25"),
        ("25.62", "Обработка металлических изделий механическая", "Machining", "25.6"),
        ("25.62.10", "Услуги по токарной обработке", "Turning services", "25.62"),
        ("20.30", "Краски и лаки", "Paints and varnishes", None),
    ]:
        db.session.add(Okpd2Code(code=code, name_ru=name_ru, name_en=name_en, parent_code=parent))
    db.session.commit()


def test_okpd2(okpd2_entries, get_json):
    data = get_json("/api/v1/okpd2?prefix=25.6").json
    assert [item["code"] for item in data["items"]] == ["25.6", "25.62", "25.62.10"]
    assert data["items"][2] == {
        "code": "25.62.10",
        "name": {"ru": "Услуги по токарной обработке", "en": "Turning services"},
        "parent_code": "25.62",
    }
    assert get_json("/api/v1/okpd2").json["total"] == 5
    assert [i["code"] for i in get_json("/api/v1/okpd2?q=краски").json["items"]] == ["20.30"]
    assert get_json("/api/v1/okpd2?prefix=26").json["items"] == []


@pytest.mark.parametrize("prefix", ["2", "25.", "x", "25,6", "25.62.10.1"])
def test_okpd2_bad_prefix_is_400(app, client, prefix):
    assert_error(client.get(f"/api/v1/okpd2?prefix={prefix}"), 400, "prefix")


def test_competency_tree(app, get_json):
    root = factories.competency(code="CHEM", name_ru="Химия", name_en="Chemistry", position=1)
    second = factories.competency(code="A-MECH", name_en="Mechanics", position=0)
    polymers = factories.competency(parent=root, code="CHEM.POLY", name_en="Polymers", position=1)
    catalysts = factories.competency(parent=root, code="CHEM.CAT", name_en="Catalysts", position=0)
    deep = factories.competency(parent=polymers, code="CHEM.POLY.PE", name_en="Polyethylene")
    data = get_json("/api/v1/competencies").json
    assert data["total"] == 5
    assert [node["code"] for node in data["items"]] == ["A-MECH", "CHEM"]
    chem = data["items"][1]
    assert chem["name"] == {"ru": "Химия", "en": "Chemistry"}
    assert chem["id"] == root.id
    assert [child["code"] for child in chem["children"]] == ["CHEM.CAT", "CHEM.POLY"]
    assert chem["children"][1]["children"] == [
        {"id": deep.id, "code": "CHEM.POLY.PE", "name": {"ru": deep.name_ru, "en": "Polyethylene"}, "children": []}
    ]
    assert data["items"][0]["children"] == []
    assert second.id == data["items"][0]["id"]
    assert catalysts.id == chem["children"][0]["id"]
