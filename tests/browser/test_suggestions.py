"""The matcher's journeys in the browser (docs/features/suggestions.md).

1. A large customer sees the suppliers the matcher suggests for its open order, with their reasons,
   and invites the best one to respond; the supplier finds the order among "orders for us", with the
   invitation badge and the reasons, opens it and responds.
2. The manager sees the partners proposed for a project's open needs, invites the proposed university
   from the proposal (the form comes preselected); the university accepts; the project shows the need
   covered and stops proposing the university.

The cluster is the Russian one of tests/suggestions (a petrochemical plant, a flange-machining SME,
a paint maker, a university lab, a non-member flange workshop).
"""

from __future__ import annotations

import re

from playwright.sync_api import expect
from sqlalchemy import select

from marketplace.db import db
from marketplace.models import (
    ConsortiumMember,
    ConsortiumStatus,
    OrderInvitation,
    OrgKind,
    Response,
    Visibility,
)
from tests.projects import helpers
from tests.suggestions import conftest as suggestion_fixtures

from .support import path_of, reread, submit

# The small Russian cluster of the matcher's HTTP tests, shared as fixtures.
cluster = suggestion_fixtures.cluster
flange_order = suggestion_fixtures.flange_order
FLANGE_ORDER = suggestion_fixtures.FLANGE_ORDER

PROJECT = "Опытный узел фланцевых соединений с покрытием"
MACHINING_NEED = "Механическая обработка фланцев"
TESTING_NEED = "Испытания материалов"


def proposed(page, org_id: int):
    """An organization among the partners proposed on the project page."""
    return page.locator(
        "[data-testid=project-proposal] [data-testid=consortium-proposal] "
        f"[data-testid=consortium-member][data-org-id='{org_id}']"
    )


def test_customer_invites_the_suggested_supplier_and_it_responds(new_page, cluster, flange_order):
    order_id, flanges_id = flange_order.id, cluster.flanges.id
    others = {cluster.paints.id, cluster.university.id}
    outsider_id, customer_id = cluster.outsider.id, cluster.customer.id
    customer, supplier = cluster.users["customer"], cluster.users["flanges"]
    reread()  # no read transaction of the test while the live server writes

    customer_page = new_page(customer)
    customer_page.goto(f"/orders/{order_id}")
    panel = customer_page.locator("[data-testid=suggested-suppliers]")
    expect(panel).to_contain_text("Рекомендуемые исполнители")
    suppliers = panel.locator("[data-testid=supplier]")
    first = suppliers.first
    expect(first).to_have_attribute("data-org-id", str(flanges_id))  # the flange SME ranks first
    expect(first.locator(".supplier-name")).to_have_text("1. ООО «Фланцевый завод»")
    shown = {int(i) for i in (s.get_attribute("data-org-id") for s in suppliers.all())}
    assert outsider_id not in shown
    assert customer_id not in shown
    assert shown <= {flanges_id} | others
    # Why: the words of the order found in the SME's texts, and the competency the order asks for.
    reasons = first.locator("[data-testid=reasons]")
    expect(reasons.locator(".reason-sentence")).not_to_be_empty()
    expect(reasons.locator(".chip-term", has_text="09г2с")).to_have_count(1)
    expect(reasons.locator(".chip-competency")).to_contain_text("C-MECH")
    expect(reasons.locator(".chip-competency")).to_contain_text("Механическая обработка")
    expect(first).to_contain_text("тот же регион")  # the order's region is the SME's

    assert (
        submit(
            customer_page, f"[data-testid=supplier][data-org-id='{flanges_id}'] [data-testid=invite-supplier]"
        ).status
        == 200
    )
    assert path_of(customer_page) == f"/orders/{order_id}"
    expect(customer_page.locator(".alert-success")).to_contain_text(
        "Организация ООО «Фланцевый завод» приглашена откликнуться"
    )
    invited = panel.locator(f"[data-testid=supplier][data-org-id='{flanges_id}']")
    expect(invited.locator("[data-testid=supplier-invited]")).to_contain_text("приглашение")
    expect(invited.locator("[data-testid=invite-supplier]")).to_have_count(0)  # no second invitation
    # the other suggestions can still be invited
    expect(panel.locator("[data-testid=invite-supplier]")).to_have_count(suppliers.count() - 1)

    reread()
    assert [(i.order_id, i.organization_id) for i in db.session.scalars(select(OrderInvitation))] == [
        (order_id, flanges_id)
    ]
    reread()

    supplier_page = new_page(supplier)
    supplier_page.goto("/orders/")
    supplier_page.click("[data-testid=matching-orders]")
    assert path_of(supplier_page) == "/matches/orders"
    expect(supplier_page.locator("h1")).to_have_text("Открытые заказы, подходящие организации ООО «Фланцевый завод»")
    fit = supplier_page.locator(f"[data-testid=matching-order][data-order-id='{order_id}']")
    expect(fit).to_contain_text(FLANGE_ORDER)
    expect(fit).to_contain_text("ПАО «Нефтехимзавод»")
    expect(fit.locator("[data-testid=order-invited]")).to_have_text("вы приглашены")
    expect(fit.locator("[data-testid=reasons] .chip-term", has_text="09г2с")).to_have_count(1)
    expect(fit.locator("[data-testid=reasons] .chip-competency")).to_contain_text("Механическая обработка")

    fit.get_by_role("link", name=FLANGE_ORDER).click()
    supplier_page.wait_for_url(f"**/orders/{order_id}")
    expect(supplier_page.locator("[data-testid=order-invitation]")).to_contain_text("ПАО «Нефтехимзавод»")
    expect(supplier_page.locator("[data-testid=suggested-suppliers]")).to_have_count(0)  # the customer's panel
    form = supplier_page.locator("[data-testid=responses-block] [data-testid=response-form]")
    form.locator("input[name=price]").fill("640000")
    form.locator("input[name=lead_time_days]").fill("30")
    form.locator("textarea[name=message]").fill("Фланцы Ду 300 из 09Г2С делаем серийно на ЧПУ.")
    assert submit(supplier_page, "[data-testid=submit-response]").status == 200
    expect(supplier_page.locator("[data-testid=my-response]")).to_contain_text("Фланцы Ду 300 из 09Г2С")

    supplier_page.goto("/matches/orders")  # an order we responded to is no longer "for us"
    expect(supplier_page.locator(f"[data-testid=matching-order][data-order-id='{order_id}']")).to_have_count(0)
    customer_page.reload()
    expect(
        panel.locator(f"[data-testid=supplier][data-org-id='{flanges_id}'] [data-testid=supplier-responded]")
    ).to_be_visible()

    reread()
    response = db.session.scalar(select(Response).where(Response.order_id == order_id))
    assert response.organization_id == flanges_id
    assert response.created_by_id == supplier.id


def test_manager_invites_the_proposed_university_and_it_joins(new_page, cluster):
    project = helpers.project(
        title=PROJECT,
        lead_organization=cluster.customer,
        visibility=Visibility.MEMBERS,
        description="Фланцевые соединения из стали 09Г2С с антикоррозионным покрытием.",
    )
    machining = helpers.need(
        project,
        title=MACHINING_NEED,
        competency=cluster.machining,
        description="Токарная обработка фланцев из стали 09Г2С на станках с ЧПУ.",
    )
    testing = helpers.need(
        project,
        title=TESTING_NEED,
        org_kind=OrgKind.UNIVERSITY,
        description="Механические испытания сталей и металлография.",
    )
    project_id, machining_id, testing_id = project.id, machining.id, testing.id
    university_id, flanges_id = cluster.university.id, cluster.flanges.id
    manager, rector = cluster.manager, cluster.users["university"]
    reread()

    manager_page = new_page(manager)
    manager_page.goto("/projects/")
    manager_page.get_by_role("link", name=PROJECT).first.click()
    manager_page.wait_for_url(f"**/projects/{project_id}")
    proposal = manager_page.locator("[data-testid=project-proposal]")
    expect(proposal.locator("h2")).to_have_text("Предлагаемые партнёры")
    needs_table = proposal.locator("[data-testid=consortium-needs]")
    testing_row = needs_table.locator("tr", has_text=TESTING_NEED)
    expect(testing_row).to_contain_text("требуется: Вуз")  # the need asks for a university…
    expect(testing_row.get_by_role("link")).to_have_text(["Политехнический университет"])  # …and only it covers
    expect(needs_table.locator("tr", has_text=MACHINING_NEED)).to_contain_text("ООО «Фланцевый завод»")

    university, flanges = proposed(manager_page, university_id), proposed(manager_page, flanges_id)
    expect(university).to_contain_text("Закрывает:")
    expect(university).to_contain_text(f"{TESTING_NEED} ·")
    expect(university).not_to_contain_text(f"{MACHINING_NEED} ·")
    expect(flanges).to_contain_text(f"{MACHINING_NEED} ·")
    expect(flanges).not_to_contain_text(f"{TESTING_NEED} ·")  # a SME does not cover a need for a university
    expect(flanges.locator("[data-testid=invite-proposed]")).to_have_attribute(
        "href", re.compile(rf"[?&]need={machining_id}(&|$)")
    )
    expect(university.locator("[data-testid=reasons]")).to_be_visible()

    university.locator("[data-testid=invite-proposed]").click()
    manager_page.wait_for_url(f"**/projects/{project_id}/invite?*")
    invite = manager_page.locator("[data-testid=invite-form]")
    expect(invite.locator("select[name=organization]")).to_have_value(str(university_id))
    expect(invite.locator("select[name=needs]")).to_have_values([str(testing_id)])
    invite.locator("input[name=role]").fill("Испытательная лаборатория")
    invite.locator("textarea[name=message]").fill("Просим провести механические испытания образцов.")
    assert submit(manager_page, "[data-testid=send-invitation]").status == 200
    assert path_of(manager_page) == f"/projects/{project_id}"
    consortium = manager_page.locator("[data-testid=consortium] [data-testid=consortium-member]")
    expect(consortium.filter(has_text="Политехнический университет")).to_have_attribute("data-status", "invited")
    expect(manager_page.locator("[data-testid=need][data-coverage=pending]")).to_contain_text(TESTING_NEED)
    # invited: neither proposed again nor counted as a gap
    expect(proposed(manager_page, university_id)).to_have_count(0)

    rector_page = new_page(rector)
    rector_page.goto("/projects/")
    rector_page.click("[data-testid=invitations-link]")
    invitation = rector_page.locator("[data-testid=invitation][data-status=invited]", has_text=PROJECT)
    expect(invitation).to_contain_text("Испытательная лаборатория")
    expect(invitation).to_contain_text(TESTING_NEED)
    expect(invitation).to_contain_text("Просим провести механические испытания образцов.")
    invitation.locator("textarea[name=message]").fill("Лаборатория готова, сроки согласуем.")
    assert submit(rector_page, "[data-testid=invitation] [data-testid=accept-invitation]").status == 200
    expect(rector_page.locator("[data-testid=invitation]", has_text=PROJECT)).to_have_attribute(
        "data-status", "accepted"
    )

    reread()
    member = db.session.scalar(select(ConsortiumMember).where(ConsortiumMember.project_id == project_id))
    assert member.organization_id == university_id
    assert member.status == ConsortiumStatus.ACCEPTED
    assert [n.id for n in member.needs] == [testing_id]
    reread()

    manager_page.reload()
    expect(consortium.filter(has_text="Политехнический университет")).to_have_attribute("data-status", "accepted")
    expect(consortium.filter(has_text="Политехнический университет")).to_contain_text(TESTING_NEED)
    expect(manager_page.locator("[data-testid=need][data-coverage=covered]")).to_contain_text(TESTING_NEED)
    expect(manager_page.locator("[data-testid=need][data-coverage=uncovered]")).to_contain_text(MACHINING_NEED)
    # the proposal is for the need still open: the flange SME, never the university again
    expect(needs_table.locator("tr", has_text=TESTING_NEED)).to_have_count(0)
    expect(proposed(manager_page, university_id)).to_have_count(0)
    expect(proposed(manager_page, flanges_id)).to_be_visible()
    expect(manager_page.locator("[data-testid=project-history]")).to_contain_text(
        "Лаборатория готова, сроки согласуем."
    )
