"""Browsing by OKPD2: the tree of codes that have products, drill-down, breadcrumbs."""

from __future__ import annotations

import re

import pytest

from marketplace.catalog.tree import build_tree
from tests import factories

from .helpers import listed_ids, okpd2


@pytest.fixture
def catalog(app):
    """25 > 25.6 > 25.62 are known; several product codes are not in the classifier."""
    okpd2("20", "Вещества химические и продукты химические", "Chemicals and chemical products")
    okpd2("25", "Изделия металлические готовые", "Fabricated metal products")
    okpd2("25.6", "Услуги по обработке металлов", "Treatment and coating of metals; machining")
    okpd2("25.62", "Услуги по механической обработке", "Machining")
    okpd2("30.30", "Аппараты летательные", "Air and spacecraft")  # no products: not in the tree
    org = factories.organization()
    return {
        "25.62.10": factories.product(org, okpd2="25.62.10"),  # unknown: under 25.62
        "25.62": factories.product(org, okpd2="25.62"),
        "25.62.10b": factories.product(org, okpd2="25.62.10"),
        "25.61.11": factories.product(org, okpd2="25.61.11"),  # unknown: under 25.6
        "20.30.11": factories.product(org, okpd2="20.30.11"),  # unknown: under class 20
        "28.41.2": factories.product(org, okpd2="28.41.2"),  # nothing known: under class 28
    }


def _shape(nodes):
    return {n.code: (n.count, _shape(n.children)) for n in nodes}


def test_tree_holds_only_codes_with_products_counting_descendants(catalog):
    tree = build_tree()

    assert _shape(tree.roots) == {
        "20": (1, {}),
        "25": (4, {"25.6": (4, {"25.62": (3, {})})}),
        "28": (1, {}),
    }
    assert tree.nodes["28"].entry is None
    assert tree.nodes["25.62"].entry.name_en == "Machining"
    assert "30.30" not in tree.nodes


def test_codes_page_shows_the_tree_with_counts(client, catalog):
    response = client.get("/catalog/codes?lang=en")
    page = response.get_data(as_text=True)

    assert response.status_code == 200
    counts = dict(re.findall(r'data-code="([\d.]+)".*?data-testid="code-count">(\d+)<', page, re.DOTALL))
    assert counts == {"20": "1", "25": "4", "25.6": "4", "28": "1"}  # two levels on the top page
    assert "Fabricated metal products" in page
    assert "Air and spacecraft" not in page


def test_drill_down_shows_breadcrumbs_subgroups_and_products_below(client, catalog):
    response = client.get("/catalog/codes/25.6?lang=en")
    page = response.get_data(as_text=True)

    assert response.status_code == 200
    assert re.findall(r'data-testid="crumb" data-code="([\d.]+)"', page) == ["25"]
    assert "Treatment and coating of metals" in page
    assert re.findall(r'data-testid="code-node" data-code="([\d.]+)"', page) == ["25.62"]
    expected = {catalog[k].id for k in ("25.62.10", "25.62", "25.62.10b", "25.61.11")}
    assert set(listed_ids(response)) == expected


def test_drill_down_to_a_code_missing_from_the_classifier(client, catalog):
    response = client.get("/catalog/codes/25.62.10?lang=en")
    page = response.get_data(as_text=True)

    assert response.status_code == 200
    assert re.findall(r'data-testid="crumb" data-code="([\d.]+)"', page) == ["25", "25.6", "25.62"]
    assert "not in the loaded classifier" in page
    assert sorted(listed_ids(response)) == sorted([catalog["25.62.10"].id, catalog["25.62.10b"].id])


def test_unknown_class_still_lists_its_products(client, catalog):
    response = client.get("/catalog/codes/28")

    assert response.status_code == 200
    assert listed_ids(response) == [catalog["28.41.2"].id]


def test_a_valid_code_without_products_is_an_empty_page_and_garbage_is_404(client, catalog):
    empty = client.get("/catalog/codes/30.30?lang=en")
    assert empty.status_code == 200
    assert listed_ids(empty) == []
    assert "Air and spacecraft" in empty.get_data(as_text=True)

    assert client.get("/catalog/codes/abc").status_code == 404
    assert client.get("/catalog/codes/25.6.2.1").status_code == 404


def test_empty_catalog_codes_page(client, app):
    response = client.get("/catalog/codes?lang=en")
    assert response.status_code == 200
    assert "The catalog is empty." in response.get_data(as_text=True)


def test_okpd2_lookup_by_code_prefix_and_by_name(client, app):
    okpd2("25.62", "Услуги по механической обработке", "Machining")
    okpd2("25.62.1", "Услуги токарные", "Turning")
    okpd2("25.61", "Услуги по обработке покрытий", "Coating")

    by_code = client.get("/catalog/okpd2.json?q=25.62&lang=en").get_json()["results"]
    by_name = client.get("/catalog/okpd2.json?q=ТОКАРН").get_json()["results"]

    assert by_code == [{"code": "25.62", "name": "Machining"}, {"code": "25.62.1", "name": "Turning"}]
    assert by_name == [{"code": "25.62.1", "name": "Услуги токарные"}]
    assert client.get("/catalog/okpd2.json?q=").get_json() == {"results": []}


def test_an_intermediate_code_missing_from_the_classifier_shows_the_known_codes_below(client, app):
    okpd2("25", "Изделия металлические готовые", "Fabricated metal products")
    okpd2("25.62.10", "Услуги токарные", "Turning")  # 25.6, 25.62 and 25.62.1 are not loaded
    org = factories.organization()
    product = factories.product(org, okpd2="25.62.10")

    assert _shape(build_tree().roots) == {"25": (1, {"25.62.10": (1, {})})}
    response = client.get("/catalog/codes/25.62?lang=en")
    page = response.get_data(as_text=True)
    assert re.findall(r'data-testid="code-node" data-code="([\d.]+)"', page) == ["25.62.10"]
    assert re.findall(r'data-testid="crumb" data-code="([\d.]+)"', page) == ["25"]
    assert listed_ids(response) == [product.id]
