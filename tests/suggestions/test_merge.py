"""The manager merges a duplicate organization into the one that is kept: every record moves, history is kept."""

from __future__ import annotations

import json
import re

import pytest
from sqlalchemy import func, select

from marketplace.db import db
from marketplace.models import (
    Attachment,
    ConsortiumMember,
    ConsortiumStatus,
    Equipment,
    MatcherChange,
    Order,
    OrderEvent,
    OrderInvitation,
    Organization,
    OrganizationCompetency,
    OrganizationMerge,
    Product,
    ProjectEvent,
    Response,
    ResponseStatus,
    User,
)
from marketplace.organizations.models import InvitationStatus, OrganizationInvitation
from marketplace.search.engine import get_index
from marketplace.suggestions.engine import get_engine
from marketplace.suggestions.services import suggest_suppliers
from tests import factories
from tests.projects import helpers as project_helpers


@pytest.fixture
def twin(cluster, flange_order):
    """A second profile of the flange SME, with records of every kind."""
    user = factories.member(
        name_ru="Фланцевый завод, ООО",
        name_en="Twin Flanges Dubl",
        inn="2310000005",
        description_ru="Фланцы и заглушки из стали 09Г2С.",
        website="https://flanges.example",
        region="Краснодарский край",
    )
    org = user.organization
    colleague = factories.user(organization=org, full_name="Пётр Дублёв")
    db.session.scalar(
        select(OrganizationCompetency).where(  # the kept profile's level is the lower one
            OrganizationCompetency.organization_id == cluster.flanges.id
        )
    ).level = 1
    factories.give_competency(org, cluster.machining, level=3, note="Ду до 1600")
    factories.give_competency(org, cluster.coating, level=1, note="грунтовка")
    product = factories.product(org, name_ru="Заглушка фланцевая", description_ru="Заглушки из стали 09Г2С.")
    db.session.add(
        Attachment(
            product_id=product.id,
            original_name="чертёж.pdf",
            stored_name="a" * 32,
            content_type="application/pdf",
            size=10,
        )
    )
    item = factories.equipment(org, name_ru="Фрезерный станок", description_ru="Фрезерование пазов.")
    posted = factories.order(org, title="Поковки для фланцев", description="Поковки из стали 09Г2С.")
    both = factories.order(cluster.customer, title="Фланцы для обоих профилей")
    kept_response = factories.response(both, cluster.flanges, status=ResponseStatus.ACTIVE)
    twin_response = factories.response(both, org, status=ResponseStatus.WITHDRAWN)
    only_twin = factories.response(flange_order, org, status=ResponseStatus.ACTIVE)
    db.session.add(
        OrderInvitation(order_id=flange_order.id, organization_id=org.id, invited_by_id=cluster.users["customer"].id)
    )
    project = project_helpers.project(title="Установка переработки ПЭТ")
    place = project_helpers.consortium_member(project, org, status=ConsortiumStatus.INVITED)
    db.session.commit()
    return {
        "org_id": org.id,
        "user": user,
        "colleague": colleague,
        "product": product,
        "item": item,
        "posted": posted,
        "both": both,
        "kept_response": kept_response.id,
        "twin_response": twin_response.id,
        "only_twin": only_twin.id,
        "project": project,
        "place": place,
    }


def merge(client, keep_id: int, drop_id: int, **data):
    return client.post(
        f"/organizations/merge/{keep_id}/{drop_id}?lang=en",
        data={"confirm": "y", "note": "Один и тот же завод, два профиля."} | data,
    )


def organization_hits(word: str) -> set[int]:
    result = get_index().query(word, types=["organization"], match="all", search_protected=True, limit=50)
    return {int(h.id) for h in result.hits}


def product_hits(text: str) -> set[int]:
    result = get_index().query(text, types=["product"], match="all", search_protected=True, limit=50)
    return {int(h.id) for h in result.hits}


def test_manager_merges_every_record_into_the_kept_organization(client, login, cluster, flange_order, twin):
    keep, drop_id = cluster.flanges, twin["org_id"]
    with get_engine().use() as matcher:
        assert drop_id in matcher
    assert organization_hits("Dubl") == {drop_id}
    assert product_hits("Заглушка Works") == set()  # the owner's names are in the product's document
    changes_before = db.session.scalar(select(func.max(MatcherChange.id)))
    manager = login(cluster.manager)
    preview = client.get(f"/organizations/merge/{keep.id}/{drop_id}?lang=en")
    assert preview.status_code == 200
    drop_side = preview.get_data(as_text=True).split('data-testid="merge-drop"')[1]
    assert "Users: <strong>2</strong>" in drop_side
    assert "Products: <strong>1</strong>" in drop_side

    # the manager confirms the duplicate's administrator as an ordinary user; the colleague waits for the kept
    # organization's administrators (the default)
    response = merge(client, keep.id, drop_id, **{f"user_{twin['user'].id}": "confirmed"})
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/organizations/{keep.id}")
    db.session.expire_all()
    assert db.session.get(Organization, drop_id) is None
    keep = db.session.get(Organization, keep.id)
    moved = db.session.get(User, twin["user"].id)
    assert (moved.organization_id, moved.is_org_admin) == (keep.id, False)
    assert db.session.get(User, twin["colleague"].id).organization_id is None
    waiting = db.session.scalars(select(OrganizationInvitation)).all()
    assert [(w.organization_id, w.user_id, w.status) for w in waiting] == [
        (keep.id, twin["colleague"].id, InvitationStatus.PENDING)
    ]
    for model, obj in (
        (Product, twin["product"]),
        (Equipment, twin["item"]),
        (Order, twin["posted"]),
    ):
        assert db.session.get(model, obj.id).organization_id == keep.id, model
    attachment = db.session.scalar(select(Attachment))
    assert attachment.product_id == twin["product"].id
    assert attachment.product.organization_id == keep.id
    # responses: one per order; the kept one was better (active > withdrawn), the history says so
    assert db.session.get(Response, twin["twin_response"]) is None
    assert db.session.get(Response, twin["kept_response"]).organization_id == keep.id
    assert db.session.get(Response, twin["only_twin"]).organization_id == keep.id
    event = db.session.scalar(
        select(OrderEvent).where(OrderEvent.order_id == twin["both"].id, OrderEvent.action == "merged")
    )
    assert event is not None
    assert "Фланцевый завод, ООО" in event.note
    # competencies: one link per competency, the higher level kept, notes joined
    links = {
        link.competency_id: link
        for link in db.session.scalars(
            select(OrganizationCompetency).where(OrganizationCompetency.organization_id == keep.id)
        )
    }
    assert set(links) == {cluster.machining.id, cluster.coating.id}
    assert links[cluster.machining.id].level == 3
    assert "09Г2С" in links[cluster.machining.id].note
    assert "Ду до 1600" in links[cluster.machining.id].note
    assert (
        db.session.scalar(
            select(func.count())
            .select_from(OrganizationCompetency)
            .where(OrganizationCompetency.organization_id == drop_id)
        )
        == 0
    )
    assert db.session.get(ConsortiumMember, twin["place"].id).organization_id == keep.id
    invitation = db.session.scalar(select(OrderInvitation))
    assert invitation.organization_id == keep.id
    # empty profile fields take the duplicate's values, filled ones stay
    assert keep.inn == "2310000005"
    assert keep.website == "https://flanges.example"
    assert keep.name_ru == "ООО «Фланцевый завод»"
    # the history
    history = db.session.scalar(select(OrganizationMerge))
    assert (history.kept_organization_id, history.merged_organization_id) == (keep.id, drop_id)
    assert (history.merged_name, history.merged_inn, history.merged_by_id) == (
        "Фланцевый завод, ООО",
        "2310000005",
        manager.id,
    )
    assert history.note == "Один и тот же завод, два профиля."
    summary = json.loads(history.summary)
    assert summary["users"] == {str(twin["user"].id): "confirmed", str(twin["colleague"].id): "pending"}
    assert summary["moved"]["product.organization_id"] == 1
    assert any(d.startswith("order_response:") for d in summary["dropped"])
    # the matcher's change log, the matcher and the search index follow
    logged = set(db.session.scalars(select(MatcherChange.organization_id).where(MatcherChange.id > changes_before)))
    assert {keep.id, drop_id} <= logged
    with get_engine().use() as matcher:
        assert drop_id not in matcher
        assert keep.id in matcher
    suppliers = suggest_suppliers(db.session.get(Order, flange_order.id), user=cluster.users["customer"]).suppliers
    assert drop_id not in {s.organization.id for s in suppliers}
    assert organization_hits("Dubl") == set()
    assert product_hits("Заглушка Works") == {twin["product"].id}
    # the duplicates page shows the merge in its history
    html = client.get("/organizations/duplicates?lang=en").get_data(as_text=True)
    assert "Фланцевый завод, ООО" in html


def test_the_better_response_of_the_duplicate_wins(client, login, cluster, twin):
    """The duplicate's response is the better one (accepted > active): the kept organization's is dropped."""
    keep = cluster.flanges
    db.session.get(Response, twin["kept_response"]).status = ResponseStatus.WITHDRAWN
    db.session.get(Response, twin["twin_response"]).status = ResponseStatus.ACTIVE
    db.session.commit()
    login(cluster.manager)
    assert merge(client, keep.id, twin["org_id"]).status_code == 302
    db.session.expire_all()
    assert db.session.get(Response, twin["kept_response"]) is None
    assert db.session.get(Response, twin["twin_response"]).organization_id == keep.id


def test_consortium_places_are_reconciled(client, login, cluster, twin):
    need = project_helpers.need(twin["project"], title="Механообработка фланцев")
    project_helpers.consortium_member(twin["project"], cluster.flanges, status=ConsortiumStatus.DECLINED, needs=[need])
    login(cluster.manager)
    assert merge(client, cluster.flanges.id, twin["org_id"]).status_code == 302
    db.session.expire_all()
    places = list(db.session.scalars(select(ConsortiumMember).where(ConsortiumMember.project_id == twin["project"].id)))
    assert len(places) == 1  # one place per project: invited beats declined, the needs are joined
    assert places[0].organization_id == cluster.flanges.id
    assert places[0].status == ConsortiumStatus.INVITED
    assert [n.id for n in places[0].needs] == [need.id]


def test_the_kept_organization_does_not_answer_its_own_order_or_sit_in_its_own_consortium(client, login, cluster, twin):
    """The duplicate posted an order and leads a project; the kept profile answered both. After the merge the
    kept organization would answer itself: the open response is withdrawn, the invitation dropped and the
    consortium place removed, each with a line of history; nothing else is lost."""
    keep = cluster.flanges
    own_response = factories.response(twin["posted"], keep, status=ResponseStatus.ACTIVE)
    db.session.add(OrderInvitation(order_id=twin["posted"].id, organization_id=keep.id, invited_by_id=twin["user"].id))
    led = project_helpers.project(title="Модернизация кузнечного участка", lead_organization_id=twin["org_id"])
    place = project_helpers.consortium_member(led, keep, status=ConsortiumStatus.ACCEPTED)
    other_place = project_helpers.consortium_member(twin["project"], keep, status=ConsortiumStatus.ACCEPTED)
    db.session.commit()
    login(cluster.manager)
    assert merge(client, keep.id, twin["org_id"]).status_code == 302
    db.session.expire_all()
    posted = db.session.get(Order, twin["posted"].id)
    assert posted.organization_id == keep.id
    response = db.session.get(Response, own_response.id)
    assert response.organization_id == keep.id
    assert response.status == ResponseStatus.WITHDRAWN
    notes = [
        e.note
        for e in db.session.scalars(
            select(OrderEvent).where(OrderEvent.order_id == posted.id, OrderEvent.action == "merged")
        )
    ]
    assert len(notes) == 1
    assert "withdrawn" in notes[0]
    assert not db.session.scalars(select(OrderInvitation).where(OrderInvitation.order_id == posted.id)).all()
    assert db.session.get(ConsortiumMember, place.id).status == ConsortiumStatus.REMOVED
    events = db.session.scalars(
        select(ProjectEvent).where(ProjectEvent.project_id == led.id, ProjectEvent.action == "merged")
    ).all()
    assert len(events) == 1
    assert events[0].organization_id == keep.id
    # a project the duplicate only took part in (another lead) keeps the merged place as it was
    places = db.session.scalars(select(ConsortiumMember).where(ConsortiumMember.project_id == twin["project"].id)).all()
    assert [(p.id, p.status) for p in places] == [(other_place.id, ConsortiumStatus.ACCEPTED)]
    # the untouched response of the duplicate to somebody else's order stays active
    assert db.session.get(Response, twin["only_twin"]).status == ResponseStatus.ACTIVE
    summary = json.loads(db.session.scalars(select(OrganizationMerge)).one().summary)
    assert sorted(summary["withdrawn"]) == sorted(
        [f"order_response:{own_response.id}:order {posted.id}", f"consortium_member:{place.id}:project {led.id}"]
    )
    page = client.get("/organizations/duplicates?lang=en").get_data(as_text=True)
    assert "withdrawn because the organization would answer its own order or project: 2" in page


@pytest.mark.parametrize("who", ["customer", "flanges", "colleague", "registered"])
def test_only_the_manager_merges(client, login, cluster, twin, who):
    user = cluster.users.get(who) or getattr(cluster, who)
    login(user)
    assert client.get(f"/organizations/merge/{cluster.flanges.id}/{twin['org_id']}").status_code == 403
    assert merge(client, cluster.flanges.id, twin["org_id"]).status_code == 403
    login(None)
    response = merge(client, cluster.flanges.id, twin["org_id"])
    assert response.status_code == 302
    assert "/login" in response.headers["Location"]
    db.session.expire_all()
    assert db.session.get(Organization, twin["org_id"]) is not None
    assert db.session.scalar(select(func.count()).select_from(OrganizationMerge)) == 0


def test_merge_needs_the_confirmation_and_two_organizations(client, login, cluster, twin):
    login(cluster.manager)
    response = merge(client, cluster.flanges.id, twin["org_id"], confirm="")
    assert response.status_code == 400
    assert "Confirm that the two are the same organization." in response.get_data(as_text=True)
    assert merge(client, cluster.flanges.id, cluster.flanges.id).status_code == 400
    assert merge(client, cluster.flanges.id, 999999).status_code == 404
    db.session.expire_all()
    assert db.session.get(Organization, twin["org_id"]) is not None


def test_merge_form_demands_a_csrf_token(app, client, login, cluster, twin):
    app.config["WTF_CSRF_ENABLED"] = True  # restored by the app fixture
    login(cluster.manager)
    html = client.get(f"/organizations/merge/{cluster.flanges.id}/{twin['org_id']}").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html).group(1)
    assert merge(client, cluster.flanges.id, twin["org_id"]).status_code == 400
    db.session.expire_all()
    assert db.session.get(Organization, twin["org_id"]) is not None
    assert merge(client, cluster.flanges.id, twin["org_id"], csrf_token=token).status_code == 302
    db.session.expire_all()
    assert db.session.get(Organization, twin["org_id"]) is None
