"""The competence map in the browser: the manager opens it from the user menu, filters by an area,
collapses and expands it, and drills down to a competency's holders and the orders asking for it."""

from __future__ import annotations

from playwright.sync_api import expect

from marketplace.models import OrgKind
from tests import factories

from .support import path_of, submit


def test_manager_filters_the_map_by_an_area_and_drills_down(new_page):
    chemistry = factories.competency(code="CHEM", name_ru="Химическое производство", name_en="Chemicals", position=1)
    paints = factories.competency(
        chemistry, code="CHEM.PAINT", name_ru="Лакокрасочные материалы", name_en="Paints", position=1
    )
    metal = factories.competency(code="METAL", name_ru="Металлообработка", name_en="Metalworking", position=2)
    turning = factories.competency(
        metal, code="METAL.TURN", name_ru="Токарная обработка", name_en="Turning", position=1
    )
    paint_maker = factories.member(name_ru="ООО «Кавказские краски»", kind=OrgKind.SME).organization
    plant = factories.member(name_ru="АО «Ставропольский завод ЛКМ»", kind=OrgKind.LARGE).organization
    machinist = factories.member(name_ru="ООО «ТехноМеталл»", kind=OrgKind.SME).organization
    factories.give_competency(paint_maker, paints, level=3, note="Акриловые фасадные краски")
    factories.give_competency(plant, paints, level=2)
    factories.give_competency(machinist, turning, level=2)
    factories.order(machinist, title="Окраска металлоконструкций", competencies=[paints])
    manager = factories.manager()

    page = new_page(manager)
    page.click("[data-testid=user-menu]")
    page.click("[data-testid=nav-competence]")
    page.wait_for_url("**/competence/")
    matrix = page.locator("[data-testid=competence-matrix]")
    expect(matrix.locator("tr[data-code]")).to_have_count(4)
    expect(matrix.locator("[data-testid=org-column]")).to_have_count(3)

    filters = page.locator("[data-testid=matrix-filters]")
    filters.locator("select[name=branch]").select_option(str(chemistry.id))
    assert submit(page, "[data-testid=matrix-filter-submit]").status == 200
    expect(matrix.locator("tr[data-code]")).to_have_count(2)
    expect(matrix.locator("tr[data-code='METAL.TURN']")).to_have_count(0)
    expect(matrix.locator("[data-testid=org-column]")).to_have_count(2)  # the machinist holds nothing here
    cell = matrix.locator(f"tr[data-code='CHEM.PAINT'] td[data-org='{paint_maker.id}']")
    expect(cell).to_have_text("3")
    expect(cell).to_have_attribute(
        "title", "ООО «Кавказские краски» — Лакокрасочные материалы: Экспертный. Акриловые фасадные краски"
    )

    # The area folds away and comes back.
    child_row = matrix.locator("tr[data-code='CHEM.PAINT']")
    page.click("[data-testid=toggle-group]")
    expect(child_row).to_be_hidden()
    page.click("[data-testid=expand-all]")
    expect(child_row).to_be_visible()

    page.click("tr[data-code='CHEM.PAINT'] [data-testid=competency-link]")
    page.wait_for_url(f"**/competence/competencies/{paints.id}")
    expect(page.locator("[data-testid=competency-name]")).to_have_text("Лакокрасочные материалы")
    holders = page.locator("[data-testid=holder]")
    expect(holders).to_have_count(2)
    expect(holders.first).to_contain_text("ООО «Кавказские краски»")
    expect(holders.first).to_contain_text("Акриловые фасадные краски")
    expect(page.locator("[data-testid=demand-order]")).to_contain_text("Окраска металлоконструкций")
    holders.first.locator("a").click()
    page.wait_for_url(f"**/organizations/{paint_maker.id}")
    assert path_of(page) == f"/organizations/{paint_maker.id}"
