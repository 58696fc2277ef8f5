"""Facets and filters, sort by date, spelling suggestions, bad queries, and suggestions as you type."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from marketplace.db import db
from marketplace.models import EquipmentStatus, MembershipStatus, OrgKind, Visibility
from marketplace.reference.okpd2_sections import okpd2_section, okpd2_sections, section_name
from marketplace.search.documents import DocumentBuilder, all_documents
from marketplace.search.services import search_records
from tests import factories
from tests.search.test_page import results, tab_count

URAL = "Свердловская область"
TATARSTAN = "Республика Татарстан"


def facet_counts(response, field: str) -> dict[str, int]:
    """``{value: count}`` of one facet panel of the page (a chosen value included)."""
    html = response.get_data(as_text=True)
    panel = re.search(rf'data-testid="facet-{field}">(.*?)</section>', html, re.DOTALL)
    if panel is None:
        return {}
    return {
        value: int(count)
        for value, count in re.findall(r'data-value="([^"]*)"[^>]*>.*?class="count">(\d+)<', panel.group(1), re.DOTALL)
    }


def facet_link(response, field: str, value: str) -> str:
    html = response.get_data(as_text=True)
    panel = re.search(rf'data-testid="facet-{field}">(.*?)</section>', html, re.DOTALL)
    assert panel is not None, f"no {field} facet"
    link = re.search(rf'href="([^"]*)" data-value="{re.escape(value)}"', panel.group(1))
    assert link is not None, f"no link for {field}={value}"
    return link.group(1).replace("&amp;", "&")


# --- the OKPD2 sections -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "section"),
    [
        ("01.11", "A"),
        ("03", "A"),
        ("05.10", "B"),
        ("10.11.1", "C"),
        ("25.62.10.110", "C"),
        ("33.12", "C"),
        ("35.11", "D"),
        ("41.20.40", "F"),
        ("62.01", "J"),
        ("71.12.1", "M"),
        ("99.00", "U"),
        ("04.10", None),  # no such class
        ("", None),
        ("x5", None),
        ("２５", None),  # full-width digits are not a code
    ],
)
def test_okpd2_section_of_a_code(code, section):
    assert okpd2_section(code) == section


def test_sections_of_several_codes_and_their_names():
    assert okpd2_sections(["25.62", "28.41", "71.12", "", "04"]) == ["C", "M"]
    assert section_name("C", "ru") == "Продукция обрабатывающих производств"
    assert section_name("C", "en") == "Manufactured products"


# --- the documents' facet fields ------------------------------------------------------------------------


def test_documents_carry_facet_fields_and_dates(app):
    owner = factories.organization(region=URAL, kind=OrgKind.LARGE)
    outsider = factories.organization(
        region=TATARSTAN, kind=OrgKind.UNIVERSITY, membership_status=MembershipStatus.APPLIED
    )
    product = factories.product(owner, okpd2="25.62.10")
    idle = factories.equipment(outsider, status=EquipmentStatus.MAINTENANCE)
    free = factories.equipment(owner)
    order = factories.order(owner, region=TATARSTAN, okpd2_codes=["25.62.10", "71.12", "25.99"])
    offer = factories.offer(outsider, region="", okpd2_codes=["62.01"])
    builder = DocumentBuilder(db.session)
    assert {k: builder.build(owner).fields[k] for k in ("region", "org_kind", "membership")} == {
        "region": URAL,
        "org_kind": "large",
        "membership": "member",
    }
    assert builder.build(owner).date == owner.updated_at
    assert builder.build(outsider).fields["membership"] == "nonmember"
    product_doc = builder.build(product)
    assert {k: product_doc.fields[k] for k in ("region", "org_kind", "membership", "okpd2_section")} == {
        "region": URAL,
        "org_kind": "large",
        "membership": "member",
        "okpd2_section": ["C"],
    }
    assert product_doc.date == product.updated_at
    assert builder.build(idle).fields["available"] == "no"
    assert builder.build(idle).fields["membership"] == "nonmember"
    assert builder.build(free).fields["available"] == "yes"
    order_doc = builder.build(order)
    assert order_doc.fields["region"] == TATARSTAN  # its own, not the owner's
    assert order_doc.fields["okpd2_section"] == ["C", "M"]
    assert order_doc.date == order.created_at
    offer_doc = builder.build(offer)
    assert "region" not in offer_doc.fields  # none given
    assert offer_doc.fields["okpd2_section"] == ["J"]
    assert offer_doc.fields["org_kind"] == "university"


def test_a_full_rebuild_reads_owners_without_a_query_per_document(app):
    orgs = [factories.organization() for _ in range(3)]
    for org in orgs:
        factories.product(org)
        factories.equipment(org)
        factories.order(org)
    db.session.expire_all()
    with factories.sql_statements() as few:
        list(all_documents(db.session))
    for org in orgs:
        for _ in range(3):
            factories.product(org)
    db.session.expire_all()
    with factories.sql_statements() as more:
        documents = list(all_documents(db.session))
    assert len(more) == len(few)
    products = [d for d in documents if d.type == "product"]
    assert len(products) == 12
    assert all(d.fields["org_kind"] == "sme" and d.fields["membership"] == "member" for d in products)


def test_an_organization_changing_region_kind_or_membership_refreshes_its_records(app, index):
    org = factories.organization(region=URAL)
    product = factories.product(org, name_ru="Муфта соединительная")
    order = factories.order(org, title="Поставка муфт", region=TATARSTAN, visibility=Visibility.PUBLIC)
    org.region = TATARSTAN
    org.kind = OrgKind.RESEARCH
    org.membership_status = MembershipStatus.NONE
    db.session.commit()
    hits = {(h.type, int(h.id)): h.fields for h in index.query("муфта", limit=10).hits}
    assert hits[("product", product.id)]["region"] == TATARSTAN
    assert hits[("product", product.id)]["org_kind"] == "research"
    assert hits[("product", product.id)]["membership"] == "nonmember"
    assert hits[("order", order.id)]["membership"] == "nonmember"


# --- facets and filters on the search page ---------------------------------------------------------------


@pytest.fixture
def cluster(app):
    """Valve makers in two regions, of two kinds; their products, equipment, orders and offers."""
    ural = factories.organization(name_ru="ООО «Урал-Клапан»", region=URAL, kind=OrgKind.LARGE)
    kazan = factories.organization(name_ru="ООО «Казанские клапаны»", region=TATARSTAN, kind=OrgKind.SME)
    applicant = factories.organization(
        name_ru="ООО «Клапан-Старт»", region=URAL, membership_status=MembershipStatus.APPLIED
    )
    return {
        "ural": ural,
        "kazan": kazan,
        "applicant": applicant,
        "ural_valve": factories.product(ural, name_ru="Клапан обратный", okpd2="28.14.13"),
        "kazan_valve": factories.product(kazan, name_ru="Клапан запорный", okpd2="28.14.13"),
        "applicant_valve": factories.product(applicant, name_ru="Клапан предохранительный", okpd2="28.14.13"),
        "valve_service": factories.product(kazan, name_ru="Испытания клапанов", okpd2="71.20.11"),
        "test_bench": factories.equipment(ural, name_ru="Стенд испытания клапанов"),
        "busy_bench": factories.equipment(kazan, name_ru="Стенд притирки клапанов", status=EquipmentStatus.MAINTENANCE),
        "public_order": factories.order(
            kazan, title="Клапаны для насосной станции", region=URAL, visibility=Visibility.PUBLIC
        ),
        "members_order": factories.order(
            kazan,
            title="Клапаны для закрытого проекта",
            region=URAL,
            okpd2_codes=["71.12"],
            visibility=Visibility.MEMBERS,
        ),
    }


def test_facet_counts_for_all_types(client, cluster):
    response = client.get("/search/?q=клапан")
    assert response.status_code == 200
    # A guest: the members-only order and the non-member organization are not counted.
    assert facet_counts(response, "region") == {URAL: 5, TATARSTAN: 4}
    assert facet_counts(response, "org_kind") == {"large": 3, "sme": 6}
    assert facet_counts(response, "okpd2_section") == {"C": 4, "M": 1}
    assert facet_counts(response, "membership") == {"member": 8, "nonmember": 1}
    assert facet_counts(response, "available") == {"yes": 1, "no": 1}


def test_facets_of_one_type(client, cluster):
    response = client.get("/search/?q=клапан&type=equipment")
    assert set(results(response)) == {("equipment", cluster["test_bench"].id), ("equipment", cluster["busy_bench"].id)}
    assert facet_counts(response, "available") == {"yes": 1, "no": 1}
    assert facet_counts(response, "okpd2_section") == {}  # equipment has no codes
    organizations = client.get("/search/?q=клапан&type=organization")
    assert facet_counts(organizations, "available") == {}
    assert facet_counts(organizations, "region") == {URAL: 1, TATARSTAN: 1}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"region": URAL}, {"ural", "ural_valve", "applicant_valve", "test_bench", "public_order"}),
        ({"kind": "large"}, {"ural", "ural_valve", "test_bench"}),
        ({"section": "C"}, {"ural_valve", "kazan_valve", "applicant_valve", "public_order"}),
        ({"section": "M"}, {"valve_service"}),
        ({"membership": "nonmember"}, {"applicant_valve"}),
        ({"available": "yes"}, {"test_bench"}),
        ({"available": "no"}, {"busy_bench"}),
    ],
)
def test_each_filter(client, cluster, query, expected):
    response = client.get("/search/", query_string={"q": "клапан", **query})
    assert response.status_code == 200
    assert set(results(response)) == {(type(cluster[name]).__name__.lower(), cluster[name].id) for name in expected}


def test_combined_filters_and_tabs_under_them(client, cluster):
    chosen = {"q": "клапан", "region": URAL, "section": "C"}
    response = client.get("/search/", query_string={**chosen, "membership": "member", "lang": "en"})
    assert set(results(response)) == {("product", cluster["ural_valve"].id), ("order", cluster["public_order"].id)}
    assert tab_count(response, "product") == 1
    assert tab_count(response, "organization") == 0
    assert facet_counts(response, "region") == {URAL: 2}  # the chosen value, with its count
    assert 'data-testid="facet-remove"' in response.get_data(as_text=True)
    only_products = client.get("/search/", query_string={**chosen, "type": "product"})
    assert set(results(only_products)) == {
        ("product", cluster["ural_valve"].id),
        ("product", cluster["applicant_valve"].id),
    }


def test_facet_links_add_and_remove_a_filter_keeping_the_others(client, cluster):
    response = client.get("/search/?q=клапан&type=product&sort=date")
    link = facet_link(response, "region", TATARSTAN)
    assert "type=product" in link
    assert "sort=date" in link
    narrowed = client.get(link)
    assert set(results(narrowed)) == {("product", cluster["kazan_valve"].id), ("product", cluster["valve_service"].id)}
    removal = facet_link(narrowed, "region", TATARSTAN)
    assert "region=" not in removal
    assert "type=product" in removal
    assert "sort=date" in removal
    tab = re.search(r'href="([^"]*)"\s+data-testid="tab-equipment"', narrowed.get_data(as_text=True)).group(1)
    assert "region=" in tab  # the tabs keep the filters


@pytest.mark.parametrize("role", ["member", "manager"])
def test_members_count_members_only_records_guests_never(client, login, cluster, role):
    query = {"q": "клапан", "region": URAL, "type": "order"}
    guest = client.get("/search/", query_string=query)
    assert results(guest) == [("order", cluster["public_order"].id)]
    assert facet_counts(guest, "okpd2_section") == {"C": 1}
    login(getattr(factories, role)())
    seen = client.get("/search/", query_string=query)
    assert set(results(seen)) == {("order", cluster["public_order"].id), ("order", cluster["members_order"].id)}
    assert facet_counts(seen, "okpd2_section") == {"C": 1, "M": 1}


def test_guests_never_count_organizations_that_are_not_members(client, login, cluster):
    guest = client.get("/search/?q=клапан&type=organization")
    assert facet_counts(guest, "membership") == {"member": 2}
    login(factories.registered())
    registered = client.get("/search/?q=клапан&type=organization")
    assert facet_counts(registered, "membership") == {"member": 2, "nonmember": 1}


def test_filters_narrow_the_visibility_alternatives(app, cluster):
    # A non-member sees its own members-only order by the organization_id alternative; a filter
    # must narrow that alternative too, not open it to everything.
    own = factories.outsider(region=TATARSTAN)
    factories.order(own.organization, title="Клапаны свои", region=TATARSTAN, visibility=Visibility.MEMBERS)
    outcome = search_records("клапан", user=own, region=URAL, doc_type="order")
    assert [item.record.id for item in outcome.page.items] == [cluster["public_order"].id]


@pytest.mark.parametrize(
    "query",
    [
        "region=Атлантида",
        "kind=giant",
        "section=Z",
        "section=c",
        "membership=yes",
        "available=maybe",
        "sort=price",
        "spell=1",
        "type=users",
    ],
)
def test_unknown_filter_values_are_bad_input(client, cluster, query):
    response = client.get(f"/search/?q=клапан&{query}&lang=en")
    assert response.status_code == 400
    assert "Unknown" in response.get_data(as_text=True)


def test_filters_without_matches_say_so(client, cluster):
    response = client.get("/search/?q=клапан&region=Москва&lang=en")
    assert response.status_code == 200
    assert results(response) == []
    assert "Nothing found with these filters" in response.get_data(as_text=True)


@pytest.mark.parametrize("app_config", [{"PER_PAGE": 2}])
def test_pagination_keeps_every_filter(client, app):
    org = factories.organization(region=URAL)
    for n in range(5):
        factories.product(org, name_ru=f"Подшипник шариковый {n}", okpd2="28.15.10")
    first = client.get(
        "/search/", query_string={"q": "подшипник", "type": "product", "region": URAL, "section": "C", "sort": "date"}
    )
    html = first.get_data(as_text=True)
    page_two = re.search(r'href="([^"]*page=2[^"]*)"', html).group(1).replace("&amp;", "&")
    for part in ("type=product", "section=C", "sort=date", "region="):
        assert part in page_two
    assert len(results(client.get(page_two))) == 2


# --- sort -------------------------------------------------------------------------------------------------


def test_sort_by_date_puts_the_newest_first(client, app):
    org = factories.organization()
    old = factories.order(
        org, title="Поставка редукторов", visibility=Visibility.PUBLIC, created_at=dt.datetime(2023, 1, 10)
    )
    new = factories.order(
        org, title="Редуктор червячный", visibility=Visibility.PUBLIC, created_at=dt.datetime(2025, 3, 1)
    )
    middle = factories.product(
        org,
        name_ru="Редуктор цилиндрический",
        description_ru="Редуктор, редукторы, редуктора",
        created_at=dt.datetime(2024, 5, 1),
        updated_at=dt.datetime(2024, 5, 1),
    )
    by_date = client.get("/search/?q=редуктор&sort=date&lang=en")
    assert results(by_date) == [("order", new.id), ("product", middle.id), ("order", old.id)]
    html = by_date.get_data(as_text=True)
    assert 'data-testid="sort-relevance"' in html
    assert 'data-testid="sort-date"' not in html  # the current order is not a link
    relevance = client.get("/search/?q=редуктор")
    assert 'data-testid="sort-date"' in relevance.get_data(as_text=True)


# --- spelling -----------------------------------------------------------------------------------------------


def test_a_misspelled_query_shows_the_corrected_results(client, app):
    org = factories.organization(name_ru="ООО «Фрезмаш»")
    product = factories.product(org, name_ru="Фрезеровка корпусных деталей", description_ru="Фрезеровка на ЧПУ.")
    response = client.get("/search/?q=фрезировка")
    html = response.get_data(as_text=True)
    assert ("product", product.id) in results(response)
    assert 'data-testid="search-respelled"' in html
    assert "Показаны результаты по запросу «фрезеровка»." in html
    as_typed = re.search(r'href="([^"]*)" data-testid="search-as-typed"', html).group(1).replace("&amp;", "&")
    assert "spell=0" in as_typed
    exact = client.get(as_typed)
    assert exact.status_code == 200
    assert 'data-testid="search-respelled"' not in exact.get_data(as_text=True)
    assert results(exact) == []


def test_a_query_finding_little_suggests_a_better_spelling(client, app):
    org = factories.organization(name_ru="ООО «Фрезмаш»", description_ru="Станки.")
    typo = factories.product(org, name_ru="Фрезировка пазов", description_ru="Пазы.")  # a typo in the catalog
    for n in range(11):
        factories.product(org, name_ru=f"Фрезеровка корпусов, серия {n}", description_ru="Корпуса.")
    response = client.get("/search/?q=фрезировка")
    html = response.get_data(as_text=True)
    assert results(response) == [("product", typo.id)]  # the typed word's results stay
    assert 'data-testid="search-did-you-mean"' in html
    assert "Возможно, вы искали:" in html
    assert re.search(r'<a href="/search/\?q=%D1%84%D1%80%D0%B5%D0%B7%D0%B5%D1%80%D0%BE%D0%B2%D0%BA%D0%B0"', html)


def test_the_any_word_fallback_stays_when_no_respelling_helps(client, app):
    factories.product(factories.organization(), name_ru="Фланец воротниковый")
    response = client.get("/search/?q=фланец+хроматограф&lang=en")
    html = response.get_data(as_text=True)
    assert 'data-testid="search-relaxed"' in html
    assert 'data-testid="search-did-you-mean"' not in html


# --- bad input -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "reason"),
    [
        ("и из для", "stop_words"),
        ("OR", "stop_words"),
        ("NOT", "stop_words"),
        ("AND OR NOT", "stop_words"),
        ("NOT фланец", "exclusions"),
        ("-фланец", "exclusions"),
        ("!!! ...", "no_words"),
        ('"', "no_words"),
        ("()", "no_words"),
    ],
)
def test_queries_with_nothing_to_look_for_say_so(client, app, query, reason):
    response = client.get("/search/", query_string={"q": query, "lang": "en"})
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert f'data-testid="search-unsearchable" data-reason="{reason}"' in html
    assert results(response) == []


@pytest.mark.parametrize(
    "query",
    [
        '"фланец стальной',
        "фланец (стальной",
        "фланец) OR (",
        "((((фланец",
        "фланец OR",
        "фланец NOT",
        "«фланец",
        "фланец:* ^2 ~3",
        "ф" * 5000,
        "фланец " * 1000,
        "\udcff\ufffd",
    ],
)
def test_malformed_queries_get_a_page(client, app, query):
    factories.product(factories.organization(), name_ru="Фланец стальной")
    query = query.encode("utf-8", "replace").decode("utf-8")
    response = client.get("/search/", query_string={"q": query})
    assert response.status_code == 200


def test_a_long_query_is_cut_and_says_so(client, app):
    product = factories.product(factories.organization(), name_ru="Фланец стальной")
    response = client.get("/search/", query_string={"q": "фланец " + "x" * 5000, "lang": "en"})
    assert response.status_code == 200
    assert 'data-testid="search-shortened"' in response.get_data(as_text=True)
    assert ("product", product.id) in results(response)


def test_a_nul_byte_is_refused(client, app):
    assert client.get("/search/?q=фланец%00").status_code == 400


# --- suggestions as you type -----------------------------------------------------------------------------------


@pytest.fixture
def names(app):
    valves = factories.organization(name_ru="ООО «Клапанный завод»", name_en="Valve Works LLC", region=URAL)
    hidden = factories.organization(
        name_ru="ООО «Клапан-Кандидат»", membership_status=MembershipStatus.APPLIED, member_since=None
    )
    return {
        "valves": valves,
        "hidden": hidden,
        "valve": factories.product(valves, name_ru="Клапан обратный", name_en="Check valve", okpd2="28.14.13"),
        "order": factories.order(valves, title="Клапаны для насосов", visibility=Visibility.PUBLIC),
    }


def suggestions(client, text, **headers):
    response = client.get("/search/suggest", query_string={"q": text}, headers=headers)
    assert response.status_code == 200
    return [(s["type"], s["url"]) for s in response.get_json()["suggestions"]]


def test_suggestions_complete_names_as_typed(client, names):
    response = client.get("/search/suggest?q=клапа")
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    body = response.get_json()
    assert {(s["type"], s["url"]) for s in body["suggestions"]} == {
        ("organization", f"/organizations/{names['valves'].id}"),
        ("product", f"/catalog/{names['valve'].id}"),
    }  # never orders, never an organization a guest may not open
    product = next(s for s in body["suggestions"] if s["type"] == "product")
    assert product["text"] == "Клапан обратный"
    assert product["detail"] == "28.14.13"
    assert product["type_label"] == "Товар"
    english = client.get("/search/suggest?q=check+val&lang=en").get_json()["suggestions"]
    assert english[0]["text"] == "Check valve"
    assert english[0]["type_label"] == "Product"


def test_suggestions_by_code(client, names):
    assert ("product", f"/catalog/{names['valve'].id}") in suggestions(client, "28.14")


def test_suggestions_follow_visibility(client, login, names):
    hidden = ("organization", f"/organizations/{names['hidden'].id}")
    assert hidden not in suggestions(client, "клапан")
    login(factories.registered())
    assert hidden in suggestions(client, "клапан")


def test_suggestions_are_private_and_at_most_eight(client, app):
    org = factories.organization(name_ru="ООО «Втулка»")
    for n in range(12):
        factories.product(org, name_ru=f"Втулка бронзовая {n}")
    response = client.get("/search/suggest?q=втул")
    assert len(response.get_json()["suggestions"]) == 8
    assert "private" in response.headers["Cache-Control"]
    assert "public" not in response.headers["Cache-Control"]
    assert "Cookie" in response.headers["Vary"]


@pytest.mark.parametrize("text", ["", "   ", "к", '"', "((", "!!!"])
def test_suggestions_for_nothing_in_particular_are_empty(client, names, text):
    assert suggestions(client, text) == []


@pytest.mark.parametrize("text", ["OR", "NOT клапан", "клапан OR", '"клапан', "клапан (", "и клапан"])
def test_query_syntax_is_plain_text_to_suggestions(client, names, text):
    assert all(kind in ("organization", "product") for kind, _url in suggestions(client, text))


@pytest.mark.parametrize("url", ["/search/suggest?q=" + "x" * 101, "/search/suggest?q=%00", "/search/suggest?q=a%00b"])
def test_bad_suggestion_queries_get_a_json_error(client, names, url):
    response = client.get(url)
    assert response.status_code == 400
    assert response.mimetype == "application/json"
    assert response.get_json()["error"]["code"] == "invalid_input"
