"""The search page: both languages, tabs, paging, visibility per role, confidential fields."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import text

from marketplace.db import db
from marketplace.models import MembershipStatus, OrderStatus, Visibility
from marketplace.search.documents import DocumentBuilder
from marketplace.search.engine import get_index
from search_index import Document, SearchIndexError
from tests import factories


def results(response) -> list[tuple[str, int]]:
    """The ``(type, id)`` of each result on the page, in order."""
    html = response.get_data(as_text=True)
    return [(t, int(i)) for t, i in re.findall(r'class="search-result[^"]*" data-type="(\w+)" data-id="(\d+)"', html)]


def tab_count(response, doc_type: str) -> int:
    html = response.get_data(as_text=True)
    match = re.search(
        rf'data-testid="tab-{doc_type}">.*?<span class="badge rounded-pill">(\d+)</span>', html, re.DOTALL
    )
    return int(match.group(1))


@pytest.fixture
def catalog(app):
    """A small cluster: a flange maker, a machining shop, a lab, and their records."""
    flanges = factories.organization(
        name_ru="ООО «Уралфланец»",
        name_en="Uralflanets LLC",
        description_ru="Производство фланцев и заглушек.",
        description_en="We make flanges and blind plates.",
    )
    shop = factories.organization(
        name_ru="ООО «Точмех»",
        name_en="Tochmekh LLC",
        description_ru="Механическая обработка на станках с ЧПУ.",
        description_en="Precision CNC machining of shafts and housings.",
    )
    return {
        "flanges": flanges,
        "shop": shop,
        "flange": factories.product(
            flanges,
            name_ru="Фланец плоский приварной",
            name_en="Slip-on flange",
            description_ru="Фланцы из стали 09Г2С по ГОСТ 33259.",
        ),
        "shaft": factories.product(
            shop, name_ru="Вал ступенчатый", name_en="Stepped shaft", description_en="Shafts machined from alloy steel."
        ),
        "lathe": factories.equipment(
            shop,
            name_ru="Токарный центр",
            name_en="Turning centre",
            description_ru="Токарная обработка деталей диаметром до 500 мм.",
        ),
    }


def test_russian_query_finds_word_forms(client, catalog):
    response = client.get("/search/?q=фланцы&lang=en")
    assert response.status_code == 200
    found = results(response)
    assert ("product", catalog["flange"].id) in found
    assert ("organization", catalog["flanges"].id) in found
    assert "<mark" in response.get_data(as_text=True)


def test_english_query_finds_word_forms(client, catalog):
    response = client.get("/search/?q=machining&lang=en")
    # The lathe is found through its category, "Machining".
    assert set(results(response)) == {
        ("product", catalog["shaft"].id),
        ("organization", catalog["shop"].id),
        ("equipment", catalog["lathe"].id),
    }


def test_results_link_to_their_pages(client, catalog):
    html = client.get("/search/?q=фланец").get_data(as_text=True)
    assert f'href="/catalog/{catalog["flange"].id}"' in html
    assert f'href="/organizations/{catalog["flanges"].id}"' in html
    html = client.get("/search/?q=токарный").get_data(as_text=True)
    assert f'href="/equipment/{catalog["lathe"].id}"' in html


def test_tabs_count_per_type_and_filter(client, catalog):
    response = client.get("/search/?q=обработка&lang=en")
    assert tab_count(response, "organization") == 1
    assert tab_count(response, "equipment") == 1
    assert tab_count(response, "product") == 0
    assert tab_count(response, "all") == 2
    only = client.get("/search/?q=обработка&type=equipment&lang=en")
    assert results(only) == [("equipment", catalog["lathe"].id)]
    assert tab_count(only, "organization") == 1  # the other tabs keep their counts


def test_unknown_type_is_bad_input(client, catalog):
    assert client.get("/search/?q=фланец&type=users").status_code == 400


def test_empty_query_shows_the_form_only(client, catalog):
    response = client.get("/search/?lang=en")
    assert response.status_code == 200
    assert 'data-testid="search-form"' in response.get_data(as_text=True)
    assert results(response) == []


def test_no_results(client, catalog):
    response = client.get("/search/?q=хроматограф&lang=en")
    assert response.status_code == 200
    assert results(response) == []
    assert "Nothing found" in response.get_data(as_text=True)


def test_any_word_fallback_when_no_record_has_all(client, catalog):
    response = client.get("/search/?q=фланец+хроматограф&lang=en")
    assert ("product", catalog["flange"].id) in results(response)
    assert 'data-testid="search-relaxed"' in response.get_data(as_text=True)


@pytest.mark.parametrize("app_config", [{"PER_PAGE": 2}])
def test_pagination(client, app):
    org = factories.organization()
    for n in range(5):
        factories.product(org, name_ru=f"Подшипник шариковый {n}")
    first = client.get("/search/?q=подшипник&type=product")
    third = client.get("/search/?q=подшипник&type=product&page=3")
    assert len(results(first)) == 2
    assert len(results(third)) == 1
    assert not set(results(first)) & set(results(third))
    assert "page=2" in first.get_data(as_text=True)
    assert client.get("/search/?q=подшипник&type=product&page=4").status_code == 404
    assert client.get("/search/?q=подшипник&page=0").status_code == 404


def test_html_in_records_is_escaped(client, app):
    factories.product(
        factories.organization(),
        name_ru="Фланец <script>alert(1)</script>",
        description_ru="Фланцы <img src=x onerror=alert(1)>",
    )
    html = client.get("/search/?q=фланец").get_data(as_text=True)
    assert "<script>alert(1)" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;" in html


def test_records_gone_from_the_database_are_skipped(client, catalog):
    # A Core DELETE bypasses the ORM hooks, leaving the index behind the database.
    flange_id = catalog["flange"].id
    db.session.execute(text("DELETE FROM product WHERE id = :id"), {"id": flange_id})
    db.session.commit()
    assert str(flange_id) in [h.id for h in get_index().query("фланцы", types=["product"]).hits]  # stale
    response = client.get("/search/?q=фланцы")
    assert response.status_code == 200
    assert ("product", flange_id) not in results(response)
    assert ("organization", catalog["flanges"].id) in results(response)


def test_index_unavailable(client, catalog, monkeypatch):

    def broken(*args, **kwargs):
        raise SearchIndexError("cannot read")

    monkeypatch.setattr(type(get_index()), "query", broken)
    response = client.get("/search/?q=фланцы&lang=en")
    assert response.status_code == 503
    assert 'data-testid="search-unavailable"' in response.get_data(as_text=True)


# --- visibility -----------------------------------------------------------------------------------------


@pytest.fixture
def exchange(app):
    """Orders and offers of one member organization, in each visibility, plus a draft."""
    owner = factories.member(name_ru="ООО «Заказчик»")
    org = owner.organization
    return {
        "owner": owner,
        "public_order": factories.order(org, title="Поставка задвижек, открытый заказ", visibility=Visibility.PUBLIC),
        "members_order": factories.order(org, title="Поставка задвижек для участников", visibility=Visibility.MEMBERS),
        "draft": factories.order(
            org, title="Поставка задвижек, черновик", status=OrderStatus.DRAFT, visibility=Visibility.PUBLIC
        ),
        "public_offer": factories.offer(org, title="Ремонт задвижек для всех", visibility=Visibility.PUBLIC),
        "members_offer": factories.offer(org, title="Ремонт задвижек для участников", visibility=Visibility.MEMBERS),
    }


def visible_ids(client, login, user):
    login(user)
    return set(results(client.get("/search/?q=задвижек")))


def test_guest_sees_public_records_only(client, login, exchange):
    assert visible_ids(client, login, None) == {
        ("order", exchange["public_order"].id),
        ("offer", exchange["public_offer"].id),
    }


@pytest.mark.parametrize("role", ["registered", "outsider"])
def test_non_members_see_public_records_only(client, login, exchange, role):
    user = getattr(factories, role)()
    assert visible_ids(client, login, user) == {
        ("order", exchange["public_order"].id),
        ("offer", exchange["public_offer"].id),
    }


@pytest.mark.parametrize("role", ["owner", "other_member", "manager"])
def test_members_and_manager_see_members_only_records_but_never_drafts(client, login, exchange, role):
    user = (
        exchange["owner"] if role == "owner" else factories.member() if role == "other_member" else factories.manager()
    )
    assert visible_ids(client, login, user) == {
        ("order", exchange["public_order"].id),
        ("order", exchange["members_order"].id),
        ("offer", exchange["public_offer"].id),
        ("offer", exchange["members_offer"].id),
    }


def test_a_non_member_sees_its_own_members_only_offer(client, login, app):
    user = factories.outsider()
    own = factories.offer(user.organization, title="Ремонт задвижек своими силами", visibility=Visibility.MEMBERS)
    assert visible_ids(client, login, user) == {("offer", own.id)}


def test_stale_visibility_in_the_index_is_checked_again(client, login, exchange):
    # The index says "public" but the database says "members": the database wins.

    order = exchange["members_order"]
    real = DocumentBuilder(db.session).build(order)
    get_index().add([Document(**{**real.__dict__, "fields": {**real.fields, "visibility": "public"}})])
    assert ("order", order.id) not in visible_ids(client, login, None)


def test_guests_do_not_find_organizations_that_are_not_members(client, login, app):
    org = factories.organization(name_ru="ООО «Кандидат»", membership_status=MembershipStatus.APPLIED)
    assert results(client.get("/search/?q=кандидат")) == []
    login(factories.registered())
    assert results(client.get("/search/?q=кандидат")) == [("organization", org.id)]


# --- confidential fields ----------------------------------------------------------------------------------


def test_confidential_fields_are_never_searchable(client, login, app):
    owner = factories.member(
        certifications="ISO 13485 медицинские изделия",
        capacity="Литье под давлением 800 тонн",
        phone="+7 495 111-22-33",
        contact_email="secret@example.test",
        inn="7712345678",
        confidential_fields=["certifications"],
    )
    for user in (None, factories.registered(), factories.member(), owner, factories.manager()):
        login(user)
        assert results(client.get("/search/?q=13485")) == []
        assert results(client.get("/search/?q=медицинские")) == []
    login(factories.manager())
    for contact in ("111-22-33", "secret@example.test", "7712345678"):
        assert results(client.get(f"/search/?q={contact}")) == []


def test_protected_fields_are_searchable_by_registered_users_only(client, login, app):
    owner = factories.member(capacity="Литье под давлением, машины до 800 тонн", certifications="ISO 9001")
    login(None)
    assert results(client.get("/search/?q=литье+под+давлением")) == []
    login(factories.registered())
    assert results(client.get("/search/?q=литье+под+давлением")) == [("organization", owner.organization_id)]


def test_making_a_field_confidential_removes_it_from_search(client, login, app):
    owner = factories.member(capacity="Гальваника, цинкование")
    login(factories.registered())
    assert results(client.get("/search/?q=цинкование")) == [("organization", owner.organization_id)]
    org = owner.organization
    org.confidential_fields = ["capacity"]
    db.session.commit()
    assert results(client.get("/search/?q=цинкование")) == []


def test_orders_and_offers_link_to_their_pages(client, exchange):
    html = client.get("/search/?q=задвижек").get_data(as_text=True)
    assert f'href="/orders/{exchange["public_order"].id}"' in html
    assert f'href="/offers/{exchange["public_offer"].id}"' in html
