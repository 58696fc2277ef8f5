"""Journeys 7 and 8: the RU/EN switch, and the site on a phone-sized screen."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from marketplace.db import db
from marketplace.models import User
from tests import factories

from .support import log_in, reread, submit

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


def _language(page) -> str:
    return page.locator("html").get_attribute("lang")


def test_language_switch_changes_the_interface_and_persists(new_page):
    org = factories.organization(name_ru="ООО «Кристалл»", name_en="Crystal LLC")
    page = new_page()

    page.goto("/organizations/")
    assert _language(page) == "ru"  # Russian by default
    switch = page.locator("[data-testid=lang-switch]")
    expect(switch).to_have_text("EN")
    card = page.locator("[data-testid=org-card]", has_text="Кристалл")
    expect(card).to_contain_text("ООО «Кристалл»")
    expect(card).to_contain_text("Ставропольский край")
    russian_nav = page.locator("#mainNav").inner_text()

    assert submit(page, "[data-testid=lang-switch]").status == 200
    assert page.url.endswith("/organizations/")  # back on the same page
    assert _language(page) == "en"
    expect(switch).to_have_text("RU")
    card = page.locator("[data-testid=org-card]", has_text="Crystal")
    expect(card).to_contain_text("Crystal LLC")
    expect(card).to_contain_text("Stavropol")
    assert page.locator("#mainNav").inner_text() != russian_nav

    # The choice holds on the following pages.
    page.click("#mainNav a.nav-link[href='/equipment/']")
    page.wait_for_url("**/equipment/")
    assert _language(page) == "en"
    page.goto(f"/organizations/{org.id}")
    assert _language(page) == "en"
    expect(page.locator("h1")).to_have_text("Crystal LLC")

    assert submit(page, "[data-testid=lang-switch]").status == 200
    assert _language(page) == "ru"
    expect(page.locator("h1")).to_have_text("ООО «Кристалл»")


def test_logged_in_users_language_is_kept_on_the_profile(new_page):
    user = factories.member()
    page = new_page(user)
    assert _language(page) == "ru"
    submit(page, "[data-testid=lang-switch]")
    assert _language(page) == "en"
    reread()
    assert db.session.get(User, user.id).locale == "en"

    # Another browser: the language comes back with the login.
    other = new_page()
    other.goto("/")
    assert _language(other) == "ru"
    log_in(other, user)
    assert _language(other) == "en"


def test_phone_navbar_collapses_into_the_toggler(new_page):
    member = factories.member()
    item = factories.equipment(member.organization)
    order = factories.order(member.organization)
    page = new_page(**PHONE)

    page.goto("/")
    toggler = page.locator(".navbar-toggler")
    menu = page.locator("#mainNav")
    expect(toggler).to_be_visible()
    expect(menu).to_be_hidden()
    expect(page.locator("#mainNav a.nav-link[href='/catalog/']")).to_be_hidden()

    toggler.click()
    expect(menu).to_be_visible()
    expect(toggler).to_have_attribute("aria-expanded", "true")
    catalog_link = page.locator("#mainNav a.nav-link[href='/catalog/']")
    expect(catalog_link).to_be_visible()
    catalog_link.click()
    page.wait_for_url("**/catalog/")
    expect(page.locator("#mainNav")).to_be_hidden()  # a new page starts with the menu closed

    # Nothing is wider than the screen (no sideways scrolling).
    log_in(page, member)
    for path in (
        "/",
        "/orders/",
        f"/orders/{order.id}",
        "/equipment/",
        f"/equipment/{item.id}",
        f"/equipment/{item.id}/calendar",
        "/catalog/",
        "/organizations/",
        f"/organizations/{member.organization_id}",
    ):
        page.goto(path)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, f"{path} is {width}px wide on a 390px screen"


@pytest.mark.parametrize("width", [390, 1024, 1280, 1440])
def test_desktop_navbar_fits_the_screen(new_page, width):
    manager = factories.manager(full_name="Ковалёва Марина Викторовна")
    page = new_page(manager, viewport={"width": width, "height": 800})
    page.goto("/organizations/")
    assert page.evaluate("document.documentElement.scrollWidth") <= width, "the page scrolls sideways"
    search = page.locator("nav form[role=search] input")
    if search.is_visible():
        assert search.bounding_box()["width"] >= 120, "the navbar search box is squeezed"
