"""The order page's suppliers panel, end to end in Russian: ranking, reasons, exclusions, who sees it."""

from __future__ import annotations

from flask_login import AnonymousUserMixin

from marketplace.db import db
from marketplace.suggestions.engine import get_engine
from marketplace.suggestions.presenters import present_reasons
from marketplace.suggestions.profiles import load_profiles
from marketplace.suggestions.services import suggest_suppliers
from matching import Matcher, MatchQuery
from tests import factories
from tests.suggestions.conftest import page


def panel_of(html: str) -> str:
    start = html.index('id="suggested-suppliers"')
    return html[start : html.index("</section>", start)]


def test_flange_order_ranks_the_flange_sme_first_with_reasons(client, login, cluster, flange_order):
    login(cluster.users["customer"])
    html = page(client, f"/orders/{flange_order.id}", lang="ru")
    panel = panel_of(html)
    names = [s.organization.name_ru for s in suggest_suppliers(flange_order, user=cluster.users["customer"]).suppliers]
    assert names[0] == "ООО «Фланцевый завод»"
    first = panel[panel.index('data-testid="supplier"') :]
    first = first[: first.index("</li>")]
    assert "Фланцевый завод" in first
    assert "фланец" in first.lower()
    assert "09г2с" in first
    assert "25.62.10" in first  # the OKPD2 code that matched
    assert "C-MECH" in first
    assert "Механическая обработка" in first
    assert "Фланец стальной приварной" in first  # the product that matched, linked
    assert f"/catalog/{cluster.product.id}" in first


def test_reasons_follow_the_language(client, login, cluster, flange_order):
    login(cluster.users["customer"])
    english = panel_of(page(client, f"/orders/{flange_order.id}", lang="en"))
    assert "Matching words" in english
    assert "Machining" in english
    russian = panel_of(page(client, f"/orders/{flange_order.id}", lang="ru"))
    assert "Совпадают слова" in russian
    assert "Механическая обработка" in russian


def test_customer_and_non_members_are_never_proposed(app, cluster, flange_order):
    result = suggest_suppliers(flange_order, user=cluster.users["customer"])
    ids = {s.organization.id for s in result.suppliers}
    assert cluster.flanges.id in ids
    assert cluster.customer.id not in ids
    assert cluster.outsider.id not in ids  # its profile matches well, but it is not a member
    assert all(s.organization.is_member for s in result.suppliers)


def test_panel_only_for_the_customer_and_the_manager(client, login, cluster, flange_order):
    for who, shown in [
        (cluster.users["customer"], True),
        (cluster.colleague, True),
        (cluster.manager, True),
        (cluster.users["flanges"], False),
        (cluster.users["outsider"], None),
        (None, None),
    ]:
        login(who)
        response = client.get(f"/orders/{flange_order.id}?lang=en")
        if shown is None:  # a members-only order: guests log in, outsiders get 404
            assert response.status_code in (302, 404)
            continue
        assert response.status_code == 200
        assert ('id="suggested-suppliers"' in response.get_data(as_text=True)) is shown


def test_manager_sees_suppliers_but_no_invite_buttons(client, login, cluster, flange_order):
    login(cluster.manager)
    panel = panel_of(page(client, f"/orders/{flange_order.id}"))
    assert "Flange Works LLC" in panel
    assert 'data-testid="invite-supplier"' not in panel
    login(cluster.users["customer"])
    assert 'data-testid="invite-supplier"' in panel_of(page(client, f"/orders/{flange_order.id}"))


def test_suppliers_of_the_order_region_are_marked_not_filtered(app, cluster, flange_order):
    result = suggest_suppliers(flange_order, user=cluster.users["customer"])
    by_id = {s.organization.id: s for s in result.suppliers}
    assert by_id[cluster.flanges.id].same_region  # Краснодарский край, like the order
    assert cluster.paints.id in by_id or cluster.university.id in by_id  # other regions are still proposed


def test_past_orders_are_quoted_only_to_viewers_who_may_open_them(app, cluster):
    """A won order is past work; its title is a reason only for viewers who may open the order."""

    with get_engine().use() as matcher:
        match = matcher.match_suppliers(MatchQuery("Кольца уплотнительные из стали 20, токарная обработка"), top_k=1)[0]
    assert match.org_id == cluster.flanges.id
    assert any(d.id and d.id.startswith(f"order:{cluster.won_order.id}:") for d in match.reasons.documents)
    with app.test_request_context():
        (member_view,) = present_reasons([match.reasons], user=cluster.users["paints"], lang="ru")
        (guest_view,) = present_reasons([match.reasons], user=AnonymousUserMixin(), lang="ru")
    title = cluster.won_order.title
    assert any(
        d.kind == "order" and d.title == title and d.url == f"/orders/{cluster.won_order.id}"
        for d in member_view.documents
    )
    assert title in member_view.sentence
    assert all(d.kind != "order" for d in guest_view.documents)  # members-only order: not for guests
    assert title not in guest_view.sentence


def test_empty_cluster_shows_a_message(client, login):
    customer = factories.member(description_ru="", description_en="")
    order = factories.order(customer.organization, title="Заказ", description="")
    login(customer)
    html = page(client, f"/orders/{order.id}")
    assert 'id="suggested-suppliers"' in html
    assert "No suggestions yet" in html


def test_an_order_naming_a_region_shows_it_among_the_reasons(client, login, cluster):
    order = factories.order(
        cluster.customer,
        title="Фланцы для насосной станции",
        description="Нужны фланцы из стали 09Г2С, поставка на площадку в Краснодарском крае.",
    )
    get_engine().refit()
    login(cluster.users["customer"])
    panel = panel_of(page(client, f"/orders/{order.id}", lang="ru"))
    first = panel[panel.index('data-testid="supplier"') :]
    first = first[: first.index("</li>")]
    assert "Фланцевый завод" in first
    assert 'class="chip chip-place"' in first
    assert "Краснодарский край" in first
    assert "указано место: краснодарский край" in first.lower()


def test_an_order_naming_the_city_prefers_the_organizations_there(app, cluster):
    """The profile's places are its region and its city: an order naming the city is such an order too."""
    cluster.flanges.city = "Армавир"
    db.session.commit()
    profile = load_profiles(db.session, [cluster.flanges.id])[cluster.flanges.id]
    assert profile.place_names() == ["Краснодарский край", "Армавир"]
    matcher = Matcher().fit(load_profiles(db.session).values())
    named = matcher.places_named("Поставка фланцев в Армавир")
    row = matcher.org_row_[cluster.flanges.id]
    assert named is not None
    assert named[row] == 1.0
    assert named.sum() == 1.0
