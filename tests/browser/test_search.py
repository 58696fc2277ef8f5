"""The search box of the navigation bar: word forms, a result leads to its page, suggestions as you type."""

from __future__ import annotations

from playwright.sync_api import expect

from marketplace.models import MembershipStatus
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


def test_navbar_suggestions_as_you_type_chosen_with_the_keyboard(new_page):
    page = new_page(viewport={"width": 1440, "height": 900})
    org = factories.organization(name_ru="ООО «Фланцевый завод»", name_en="Flange Works LLC")
    welded = factories.product(org, name_ru="Фланец стальной приварной", okpd2="25.62.10")
    factories.product(org, name_ru="Фланец воротниковый", okpd2="25.62.10")
    hidden = factories.organization(name_ru="ООО «Фланец-Кандидат»", membership_status=MembershipStatus.APPLIED)

    page.goto("/")
    box = page.locator("nav form[role=search] input[name=q]")
    expect(box).to_have_attribute("role", "combobox")
    expect(box).to_have_attribute("aria-expanded", "false")
    box.press_sequentially("флан", delay=40)
    listbox = page.locator("nav [role=listbox]")
    options = listbox.locator("[role=option]")
    expect(listbox).to_be_visible()
    expect(box).to_have_attribute("aria-expanded", "true")
    expect(options).to_have_count(3)  # the member organization and its two products
    expect(options.filter(has_text=hidden.name_ru)).to_have_count(0)  # a guest may not open it

    # Escape closes the list and keeps the text; an arrow opens it again.
    box.press("Escape")
    expect(listbox).to_be_hidden()
    expect(box).to_have_value("флан")
    texts = options.locator(".text").all_text_contents()
    target = texts.index("Фланец стальной приварной")
    for _ in range(target + 1):
        box.press("ArrowDown")
    chosen = options.nth(target)
    expect(chosen).to_have_attribute("aria-selected", "true")
    expect(box).to_have_attribute("aria-activedescendant", chosen.get_attribute("id"))
    box.press("Enter")
    page.wait_for_url(f"**/catalog/{welded.id}")
    assert path_of(page) == f"/catalog/{welded.id}"


def test_without_a_choice_enter_still_submits_the_search(new_page):
    page = new_page(viewport={"width": 1440, "height": 900})
    org = factories.organization(name_ru="ООО «Фланцевый завод»")
    factories.product(org, name_ru="Фланец стальной приварной")
    page.goto("/")
    box = page.locator("nav form[role=search] input[name=q]")
    box.press_sequentially("фланец", delay=30)
    expect(page.locator("nav [role=listbox]")).to_be_visible()
    box.press("Enter")
    page.wait_for_url("**/search/?q=*")
    expect(page.locator("[data-testid=search-results] > li")).not_to_have_count(0)
