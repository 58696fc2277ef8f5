"""find_organizations: suppliers ranked by how well their profile, offers, products and equipment fit."""

from __future__ import annotations

import pytest

from marketplace.models import MembershipStatus, Visibility
from marketplace.search.services import find_organizations
from tests import factories

ORDER_TEXT = "Изготовление 200 фланцев из стали 09Г2С по чертежу заказчика, поставка до марта."
MACHINING_TEXT = "Механическая обработка корпусов на станках с ЧПУ, фрезерование и точение."


@pytest.fixture
def cluster(app):
    """Five organizations, as the cluster's directory would hold them."""
    flanges = factories.organization(
        name_ru="ООО «Уралфланец»",
        name_en="Uralflanets LLC",
        description_ru="Производим фланцы и заглушки из углеродистой и низколегированной стали.",
        description_en="Flanges and blind plates.",
    )
    factories.product(flanges, name_ru="Фланец плоский приварной", description_ru="Сталь 09Г2С, ГОСТ 33259.")
    factories.product(flanges, name_ru="Фланец воротниковый", description_ru="Сталь 09Г2С, 20.")
    machining = factories.organization(
        name_ru="ООО «Точмех»",
        name_en="Tochmekh LLC",
        description_ru="Механическая обработка деталей на станках с ЧПУ.",
        description_en="CNC machining.",
    )
    factories.offer(
        machining,
        title="Токарная и фрезерная обработка на станках с ЧПУ",
        description="Детали до 500 мм, любые марки стали.",
    )
    factories.equipment(machining, name_ru="Фрезерный обрабатывающий центр с ЧПУ", description_ru="")
    catalog_only = factories.organization(
        name_ru="ООО «Альфа»", name_en="Alpha LLC", description_ru="Поставки промышленной продукции.", description_en=""
    )
    factories.product(catalog_only, name_ru="Фланцы стальные", description_ru="Фланцы из стали 09Г2С.")
    paints = factories.organization(
        name_ru="ООО «Полимер-Юг»",
        name_en="Polymer South LLC",
        description_ru="Полимерные краски и покрытия.",
        description_en="Polymer paints.",
    )
    factories.product(
        paints,
        name_ru="Эмаль алкидная",
        name_en="Alkyd enamel",  # not the factory's "Steel flange": synonyms make languages meet
        description_ru="Для окраски металлоконструкций.",
        okpd2="20.30.12",
    )
    customer = factories.organization(name_ru="ООО «Заказчик»", description_ru="Нефтехимия.")
    return {
        "flanges": flanges,
        "machining": machining,
        "catalog_only": catalog_only,
        "paints": paints,
        "customer": customer,
    }


def ids(pairs):
    return [org.id for org, _ in pairs]


def test_ranks_the_best_suppliers_first(cluster):
    ranking = find_organizations(ORDER_TEXT, exclude_ids=[cluster["customer"].id], user=None)
    # The flange maker (profile and two products) before a trader with one flange product.
    assert ids(ranking)[:2] == [cluster["flanges"].id, cluster["catalog_only"].id]
    assert cluster["paints"].id not in ids(ranking)
    scores = [score for _, score in ranking]
    assert scores == sorted(scores, reverse=True)
    assert all(s > 0 for s in scores)


def test_a_different_need_ranks_a_different_supplier_first(cluster):
    ranking = find_organizations(MACHINING_TEXT, user=None)
    assert ids(ranking)[0] == cluster["machining"].id
    assert cluster["paints"].id not in ids(ranking)


def test_excludes_and_limits(cluster):
    ranking = find_organizations(ORDER_TEXT, exclude_ids=[cluster["flanges"].id, cluster["customer"].id], limit=1)
    assert ids(ranking) == [cluster["catalog_only"].id]


def test_nothing_for_empty_text_or_limit(cluster):
    assert find_organizations("   ") == []
    assert find_organizations(ORDER_TEXT, limit=0) == []
    assert find_organizations("хроматограф газовый") == []


def test_members_only_offers_count_for_members_only(cluster):
    lab = factories.organization(name_ru="ООО «Лаборатория»", description_ru="", description_en="")
    factories.offer(lab, title="Ультразвуковой контроль сварных швов", visibility=Visibility.MEMBERS)
    assert find_organizations("ультразвуковой контроль", user=None) == []
    assert find_organizations("ультразвуковой контроль", user=factories.registered()) == []
    assert ids(find_organizations("ультразвуковой контроль", user=factories.member())) == [lab.id]


def test_guests_are_not_offered_non_members(cluster):
    candidate = factories.organization(
        name_ru="ООО «Новичок»", description_ru="Фланцы под заказ.", membership_status=MembershipStatus.APPLIED
    )
    assert candidate.id not in ids(find_organizations("фланцы", user=None))
    assert candidate.id in ids(find_organizations("фланцы", user=factories.registered()))


def test_order_text_with_query_syntax_characters(cluster):
    text = 'Фланцы "DN 50 (PN 16) AND NOT заглушки: OR title:фланец'
    assert cluster["flanges"].id in ids(find_organizations(text))
