"""Comparing and awarding: atomic, once, with every responding supplier told the outcome."""

from __future__ import annotations

from decimal import Decimal

import pytest
from flask_babel import force_locale, gettext
from sqlalchemy import select

from marketplace.db import db
from marketplace.errors import MarketplaceError
from marketplace.models import Order, OrderStatus, OutboxMessage, Response, ResponseStatus, User
from marketplace.orders import services
from tests import factories
from tests.concurrency import COMMITTED, CONFLICT
from tests.factories import assert_unchanged, fresh, stored_rows


@pytest.fixture
def bidding(people, order_of):
    order = order_of(title="Валы по чертежу")
    cheap = factories.response(
        order,
        people.member.organization,
        created_by=people.member,
        price=Decimal(300000),
        lead_time_days=40,
        message="Cheap but slow",
    )
    fast = factories.response(
        order,
        people.member2.organization,
        created_by=people.member2,
        price=Decimal(500000),
        lead_time_days=10,
        message="Fast but dear",
    )
    third = factories.member(name_en="Withdrawn Works")
    gone = factories.response(order, third.organization, created_by=third, status=ResponseStatus.WITHDRAWN)
    return order, cheap, fast, gone


def test_compare_sorts_by_price_and_lead_time(client, people, login, bidding):
    order, *_ = bidding
    login(people.customer)
    by_price = client.get(f"/orders/{order.id}/responses?lang=en").get_data(as_text=True)
    assert by_price.index("Cheap but slow") < by_price.index("Fast but dear")
    assert "Supplier LLC" in by_price
    assert "Krasnodar Krai" in by_price
    assert "Withdrawn Works" not in by_price
    by_time = client.get(f"/orders/{order.id}/responses?sort=lead_time").get_data(as_text=True)
    assert by_time.index("Fast but dear") < by_time.index("Cheap but slow")


def test_manager_compares_but_cannot_award(client, people, login, bidding):
    order, cheap, *_ = bidding
    login(people.manager)
    html = client.get(f"/orders/{order.id}/responses").get_data(as_text=True)
    assert "Cheap but slow" in html
    assert 'data-testid="award-response"' not in html
    before = stored_rows()
    assert client.post(f"/orders/{order.id}/award", data={"response_id": cheap.id}).status_code == 403
    assert_unchanged(before)  # still open, no response accepted, nobody told


def test_award_flow(client, people, login, bidding):
    order, cheap, fast, gone = bidding
    login(people.customer)
    response = client.post(f"/orders/{order.id}/award", data={"response_id": str(fast.id)})
    assert response.status_code == 302
    order = fresh(Order, order.id)
    assert order.status == OrderStatus.AWARDED
    assert order.awarded_response_id == fast.id
    assert order.awarded_at is not None
    statuses = {r.id: r.status for r in order.responses}
    assert statuses == {
        fast.id: ResponseStatus.ACCEPTED,
        cheap.id: ResponseStatus.DECLINED,
        gone.id: ResponseStatus.WITHDRAWN,
    }
    event = order.events[-1]
    assert (event.action, event.actor_id, event.from_status, event.to_status) == (
        "awarded",
        people.customer.id,
        OrderStatus.OPEN,
        OrderStatus.AWARDED,
    )
    mails = {m.recipient: m for m in db.session.scalars(select(OutboxMessage))}
    assert set(mails) == {people.member.email, people.member2.email}  # the withdrawn supplier is not told
    with force_locale("ru"):  # each mail is in its recipient's language (Russian by default)
        assert mails[people.member2.email].subject == gettext(
            "Your response was selected: %(title)s", title=order.title
        )
        assert mails[people.member.email].subject == gettext(
            "Order awarded to another supplier: %(title)s", title=order.title
        )
    assert "300" not in mails[people.member.email].body
    assert "500" not in mails[people.member.email].body

    # the outcome, as each supplier sees it
    login(people.member2)
    html = client.get(f"/orders/{order.id}?lang=en").get_data(as_text=True)
    assert "Your response was selected" in html
    login(people.member)
    html = client.get(f"/orders/{order.id}?lang=en").get_data(as_text=True)
    assert 'data-testid="response-outcome"' in html
    assert "Not selected" in html
    assert "500,000" not in html  # never the winner's price

    # awarded once: a second award is refused and changes nothing
    login(people.customer)
    assert client.post(f"/orders/{order.id}/award", data={"response_id": str(cheap.id)}).status_code == 409
    assert fresh(Order, order.id).awarded_response_id == fast.id


def test_award_refuses_foreign_withdrawn_and_bogus_responses(client, people, login, order_of, bidding):
    order, _, _, gone = bidding
    other_order = order_of()
    foreign = factories.response(other_order, people.member.organization)
    login(people.customer)
    for bad, status in [(foreign.id, 404), (gone.id, 409), (999999, 404), ("abc", 400), ("", 400)]:
        assert client.post(f"/orders/{order.id}/award", data={"response_id": bad}).status_code == status
    order = fresh(Order, order.id)
    assert order.status == OrderStatus.OPEN
    assert order.awarded_response_id is None
    assert all(r.status != ResponseStatus.ACCEPTED for r in order.responses)
    assert db.session.scalars(select(OutboxMessage)).all() == []


def test_award_race_awards_exactly_once(app, rendezvous, people, bidding):
    """Two customers' users award different responses of one order at the same moment."""
    order, cheap, fast, _ = bidding
    actors = {cheap.id: people.customer.id, fast.id: people.colleague.id}

    def award(response_id: int) -> None:
        actor = db.session.get(User, actors[response_id])
        target = db.session.get(Order, order.id)
        rendezvous.wait()
        services.award_order(target, response_id, actor)

    contenders = [cheap.id, fast.id]
    outcomes = rendezvous.in_sessions(app, award, [(rid,) for rid in contenders])
    assert sorted(outcomes) == [COMMITTED, CONFLICT], outcomes

    winner_id = contenders[outcomes.index(COMMITTED)]
    loser_id = contenders[outcomes.index(CONFLICT)]
    order = fresh(Order, order.id)
    assert order.status == OrderStatus.AWARDED
    assert order.awarded_response_id == winner_id
    accepted = db.session.scalars(
        select(Response).where(Response.order_id == order.id, Response.status == ResponseStatus.ACCEPTED)
    ).all()
    assert [r.id for r in accepted] == [winner_id]
    assert db.session.get(Response, loser_id).status == ResponseStatus.DECLINED
    assert [e.action for e in order.events] == ["awarded"]
    assert len(db.session.scalars(select(OutboxMessage)).all()) == 2  # one award's mail, not two


def test_award_service_checks_the_actor(app, people, bidding):
    order, cheap, *_ = bidding
    with pytest.raises(MarketplaceError):
        services.award_order(order, cheap.id, people.member)
    db.session.rollback()
    assert fresh(Order, order.id).status == OrderStatus.OPEN


def test_award_after_cancellation_is_refused(client, people, login, bidding):
    """The conditional UPDATE itself refuses: the responses are still active, only the order moved on."""
    order, cheap, *_ = bidding
    login(people.customer)
    assert client.post(f"/orders/{order.id}/cancel", data={"reason": "Budget cut"}).status_code == 302
    assert client.post(f"/orders/{order.id}/award", data={"response_id": str(cheap.id)}).status_code == 409
    order = fresh(Order, order.id)
    assert order.status == OrderStatus.CANCELLED
    assert order.awarded_response_id is None
    assert fresh(Response, cheap.id).status == ResponseStatus.ACTIVE
