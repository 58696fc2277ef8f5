"""The search box of the navigation bar: word forms, and a result leads to its page."""

from __future__ import annotations

from playwright.sync_api import expect

from tests import factories

from .support import path_of


def test_navbar_search_finds_word_forms_and_opens_the_result(new_page):
    page = new_page(viewport={"width": 1440, "height": 900})  # the navbar box shows on wide screens
    org = factories.organization(name_ru="ООО «ТехноМеталл»")
    product = factories.product(org, name_ru="Фланец стальной приварной", name_en="Welded steel flange")
    factories.product(
        org,
        name_ru="Краска полимерная",
        name_en="Polymer paint",
        description_ru="Порошковая краска для металла.",
        okpd2="20.30.12",
    )
    hidden = factories.order(org, title="Фланцы для закрытого заказа")  # members only: a guest must not find it

    page.goto("/")
    box = page.locator("nav form[role=search] input[name=q]")
    box.fill("фланцы")
    box.press("Enter")
    page.wait_for_url("**/search/?q=*")
    results = page.locator("[data-testid=search-results] > li")
    expect(results.filter(has_text="Фланец стальной приварной")).to_have_count(1)  # «фланцы» finds «фланец»
    expect(results.filter(has_text="Краска полимерная")).to_have_count(0)
    expect(results.filter(has_text=hidden.title)).to_have_count(0)

    results.filter(has_text="Фланец стальной приварной").locator("a.result-title").click()
    page.wait_for_url(f"**/catalog/{product.id}")
    assert path_of(page) == f"/catalog/{product.id}"
    expect(page.locator("[data-testid=product-name]")).to_have_text("Фланец стальной приварной")
