"""The public catalog list: what is shown, the filters and the sorting."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from marketplace.models import OrgKind
from tests import factories

from .helpers import listed_ids, okpd2


def test_guest_sees_products_with_code_names_organization_region_and_price(client, app):
    okpd2("25.62.10", "Услуги по обработке металлических изделий", "Machining services")
    org = factories.organization(name_ru="ООО «Фланец-Юг»", name_en="Flanets-Yug LLC", region="Ставропольский край")
    product = factories.product(org, name_ru="Фланец плоский", name_en="Flat flange", price=Decimal(1500), unit="шт")

    response = client.get("/catalog/?lang=en")
    page = response.get_data(as_text=True)

    assert response.status_code == 200
    assert listed_ids(response) == [product.id]
    assert "Flat flange" in page
    assert "Machining services" in page
    assert "Flanets-Yug LLC" in page
    assert "Stavropol Krai" in page
    assert "1,500 ₽" in page
    assert "/ шт" in page

    page_ru = client.get("/catalog/?lang=ru").get_data(as_text=True)
    assert "Фланец плоский" in page_ru
    assert "Услуги по обработке металлических изделий" in page_ru


def test_english_page_falls_back_to_the_russian_name(client, app):
    org = factories.organization()
    factories.product(org, name_ru="Краска полимерная", name_en="", price=None)

    page = client.get("/catalog/?lang=en").get_data(as_text=True)

    assert "Краска полимерная" in page
    assert "Price on request" in page


def test_code_filter_matches_the_code_and_everything_below_it(client, app):
    org = factories.organization()
    inside = [factories.product(org, okpd2=code).id for code in ("25.62", "25.62.1", "25.62.10", "25.62.10.110")]
    outside = [factories.product(org, okpd2=code).id for code in ("25.6", "25.61.11", "25.63", "20.30")]

    assert sorted(listed_ids(client.get("/catalog/?code=25.62"))) == sorted(inside)
    assert sorted(listed_ids(client.get("/catalog/?code=25.62."))) == sorted(inside)  # a trailing dot is forgiven
    assert sorted(listed_ids(client.get("/catalog/?code=25.6"))) == sorted(inside + outside[:3])
    assert listed_ids(client.get("/catalog/?code=25.62.10.110")) == [inside[3]]


def test_an_invalid_code_is_flagged_and_ignored(client, app):
    org = factories.organization()
    ids = {factories.product(org, okpd2="25.62").id, factories.product(org, okpd2="20.30").id}

    response = client.get("/catalog/?code=25_%&lang=en")

    assert response.status_code == 200
    assert set(listed_ids(response)) == ids
    assert "Not an OKPD2 code" in response.get_data(as_text=True)


def test_organization_page_lists_only_its_products_under_its_name(client, app):
    mine = factories.organization(name_ru="АО «Полимер»", name_en="Polymer JSC")
    other = factories.organization()
    own = factories.product(mine)
    factories.product(other)

    response = client.get(f"/catalog/?org={mine.id}&lang=en")
    page = response.get_data(as_text=True)

    assert listed_ids(response) == [own.id]
    assert 'data-testid="catalog-heading">Polymer JSC</h1>' in page
    assert f'href="/organizations/{mine.id}"' in page


def test_unknown_organization_is_404(client, app):
    assert client.get("/catalog/?org=999").status_code == 404


def test_region_and_organization_kind_filters(client, app):
    stavropol_sme = factories.organization(region="Ставропольский край", kind=OrgKind.SME)
    stavropol_uni = factories.organization(region="Ставропольский край", kind=OrgKind.UNIVERSITY)
    moscow_sme = factories.organization(region="Москва", kind=OrgKind.SME)
    a = factories.product(stavropol_sme).id
    b = factories.product(stavropol_uni).id
    c = factories.product(moscow_sme).id

    assert sorted(listed_ids(client.get("/catalog/?region=Ставропольский край"))) == sorted([a, b])
    assert sorted(listed_ids(client.get("/catalog/?kind=sme"))) == sorted([a, c])
    assert listed_ids(client.get("/catalog/?kind=university&region=Ставропольский край")) == [b]
    assert listed_ids(client.get("/catalog/?kind=sme&region=Москва")) == [c]
    # Unknown values are ignored rather than matching nothing.
    assert len(listed_ids(client.get("/catalog/?region=Атлантида&kind=pirate"))) == 3


def test_products_versus_services(client, app):
    org = factories.organization()
    goods = factories.product(org, is_service=False).id
    service = factories.product(org, is_service=True, okpd2="71.20.1").id

    assert listed_ids(client.get("/catalog/?type=service")) == [service]
    assert listed_ids(client.get("/catalog/?type=product")) == [goods]
    assert sorted(listed_ids(client.get("/catalog/"))) == sorted([goods, service])


def test_text_filter_is_case_insensitive_in_both_languages(client, app):
    org = factories.organization()
    flange = factories.product(
        org, name_ru="Фланец стальной", name_en="Steel flange", description_ru="Приварной", description_en=""
    )
    paint = factories.product(
        org,
        name_ru="Краска",
        name_en="Paint",
        description_ru="Эмаль для металлоконструкций",
        description_en="Enamel for STEELWORK",
    )

    assert listed_ids(client.get("/catalog/?q=ФЛАНЕЦ")) == [flange.id]
    assert listed_ids(client.get("/catalog/?q=фланец")) == [flange.id]
    assert listed_ids(client.get("/catalog/?q=paint")) == [paint.id]
    assert listed_ids(client.get("/catalog/?q=металлоконструкций")) == [paint.id]  # description
    assert sorted(listed_ids(client.get("/catalog/?q=steel"))) == sorted([flange.id, paint.id])
    assert listed_ids(client.get("/catalog/?q=%25")) == []  # a literal "%", not a wildcard
    assert listed_ids(client.get("/catalog/?q=нет такого")) == []


def test_filters_combine(client, app):
    org = factories.organization(region="Москва")
    factories.product(org, name_ru="Фланец", okpd2="25.62.10", is_service=False)
    wanted = factories.product(org, name_ru="Фланцевая обработка", okpd2="25.62", is_service=True)
    factories.product(org, name_ru="Фланец услуга", okpd2="20.30", is_service=True)

    response = client.get(f"/catalog/?q=фланц&code=25.62&type=service&region=Москва&org={org.id}")

    assert listed_ids(response) == [wanted.id]


def test_sorting_by_name_price_and_newest(client, app):
    org = factories.organization()
    now = dt.datetime(2024, 5, 1)
    b = factories.product(org, name_ru="Болт", name_en="Bolt", price=Decimal(10), created_at=now - dt.timedelta(days=2))
    a = factories.product(org, name_ru="арматура", name_en="Rebar", price=None, created_at=now)
    c = factories.product(org, name_ru="Вал", name_en="Axle", price=Decimal(5), created_at=now - dt.timedelta(days=1))

    assert listed_ids(client.get("/catalog/")) == [a.id, c.id, b.id]
    assert listed_ids(client.get("/catalog/?sort=name&lang=ru")) == [a.id, b.id, c.id]  # case-insensitive
    assert listed_ids(client.get("/catalog/?sort=name&lang=en")) == [c.id, b.id, a.id]
    assert listed_ids(client.get("/catalog/?sort=price")) == [c.id, b.id, a.id]  # "on request" last
    assert listed_ids(client.get("/catalog/?sort=price_desc")) == [b.id, c.id, a.id]
    assert listed_ids(client.get("/catalog/?sort=bogus")) == [a.id, c.id, b.id]


def test_add_button_only_for_users_who_may_add(client, app, login):
    org = factories.organization()
    owner = factories.user(organization=org)
    lonely = factories.registered()

    assert 'data-testid="add-product"' not in client.get("/catalog/").get_data(as_text=True)
    login(lonely)
    assert 'data-testid="add-product"' not in client.get("/catalog/").get_data(as_text=True)
    login(owner)
    assert 'data-testid="add-product"' in client.get("/catalog/").get_data(as_text=True)
    other = factories.organization()
    assert 'data-testid="add-product"' not in client.get(f"/catalog/?org={other.id}").get_data(as_text=True)
    login(factories.manager())
    page = client.get(f"/catalog/?org={other.id}").get_data(as_text=True)
    assert f'href="/catalog/new?org={other.id}"' in page
