"""Service offers: post, edit and archive by the owner's users; visibility like orders."""

from __future__ import annotations

from sqlalchemy import select

from marketplace.db import db
from marketplace.models import Offer, OfferStatus, OrderKind, Visibility
from tests import factories

FORM = {
    "title": "Пятиосевая обработка, детали до 2 м",
    "kind": "production",
    "description": "DMG MORI DMU 210 P, точность 0,01 мм.",
    "okpd2_codes": "25.62",
    "region": "Ставропольский край",
    "visibility": "public",
}


def only_offer() -> Offer:
    db.session.expire_all()
    return db.session.scalars(select(Offer)).one()


def test_member_posts_an_offer(client, people, login):
    comp = factories.competency()
    login(people.member)
    response = client.post("/offers/new", data={**FORM, "competencies": [str(comp.id)]})
    assert response.status_code == 302
    offer = only_offer()
    assert response.headers["Location"].endswith(f"/offers/{offer.id}")
    assert offer.organization_id == people.member.organization_id
    assert offer.created_by_id == people.member.id
    assert (offer.kind, offer.visibility, offer.status) == (OrderKind.PRODUCTION, Visibility.PUBLIC, OfferStatus.ACTIVE)
    assert offer.okpd2_codes == ["25.62"]
    assert [c.id for c in offer.competencies] == [comp.id]


def test_bad_offer_is_400(client, people, login):
    login(people.member)
    for field, value in [("title", ""), ("okpd2_codes", "x1"), ("region", ""), ("visibility", "all")]:
        assert client.post("/offers/new", data={**FORM, field: value}).status_code == 400
    assert db.session.scalars(select(Offer)).all() == []


def test_non_members_cannot_post(client, people, login):
    for user in (people.outsider, people.registered, people.manager):
        login(user)
        assert client.post("/offers/new", data=FORM).status_code == 403
    assert db.session.scalars(select(Offer)).all() == []


def test_owner_edits_others_cannot(client, people, login):
    offer = factories.offer(people.member.organization)
    title = offer.title
    login(people.member2)
    assert client.post(f"/offers/{offer.id}/edit", data={**FORM, "title": "Hijacked"}).status_code == 403
    login(people.manager)
    assert client.post(f"/offers/{offer.id}/edit", data={**FORM, "title": "Hijacked"}).status_code == 403
    assert only_offer().title == title
    login(people.member)
    assert client.post(f"/offers/{offer.id}/edit", data={**FORM, "title": "Updated"}).status_code == 302
    assert only_offer().title == "Updated"


def test_archive_hides_the_offer_and_restore_brings_it_back(client, people, login):
    offer = factories.offer(people.member.organization, title="Archivable offer")
    login(people.member)
    assert client.post(f"/offers/{offer.id}/archive").status_code == 302
    assert only_offer().status == OfferStatus.ARCHIVED
    assert client.post(f"/offers/{offer.id}/archive").status_code == 409
    assert client.get(f"/offers/{offer.id}").status_code == 200  # the owner still reads it
    assert "Archivable offer" in client.get("/offers/mine").get_data(as_text=True)
    login(people.member2)
    assert client.get(f"/offers/{offer.id}").status_code == 404
    assert "Archivable offer" not in client.get("/offers/").get_data(as_text=True)
    assert client.post(f"/offers/{offer.id}/restore").status_code == 404
    assert only_offer().status == OfferStatus.ARCHIVED
    login(people.member)
    assert client.post(f"/offers/{offer.id}/restore").status_code == 302
    assert only_offer().status == OfferStatus.ACTIVE


def test_manager_archives_as_moderator(client, people, login):
    offer = factories.offer(people.member.organization)
    login(people.manager)
    assert client.post(f"/offers/{offer.id}/archive").status_code == 302
    assert only_offer().status == OfferStatus.ARCHIVED
    assert client.post(f"/offers/{offer.id}/restore").status_code == 403
    assert only_offer().status == OfferStatus.ARCHIVED


def test_offer_page_shows_actions_to_owner_only(client, people, login):
    offer = factories.offer(people.member.organization)
    login(people.member)
    assert 'data-testid="edit-offer"' in client.get(f"/offers/{offer.id}").get_data(as_text=True)
    login(people.member2)
    assert 'data-testid="edit-offer"' not in client.get(f"/offers/{offer.id}").get_data(as_text=True)
