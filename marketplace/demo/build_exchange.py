"""Seed step 3: the subcontracting exchange — orders with their history and responses, and offers."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from ..accounts.models import User
from ..db import db
from ..orders.models import Offer, OfferStatus, Order, OrderEvent, OrderStatus, Response, ResponseStatus
from .context import Demo
from .orders_data import OFFERS, ORDERS, OrderSpec

#: Who posts the orders of an organization when it has a documented login.
_POSTED_BY = {"stavazot": "buyer", "technometal": "sme", "ckr": "manager"}


def build_orders(demo: Demo) -> None:
    for number, spec in enumerate(ORDERS):
        _order(demo, spec, number)
    demo.counts["orders"] = len(ORDERS)


def _order(demo: Demo, spec: OrderSpec, number: int) -> None:
    rng = demo.rng
    customer = demo.orgs[spec.customer]
    author = demo.special[_POSTED_BY[spec.customer]] if spec.customer in _POSTED_BY else demo.admin(spec.customer)
    created = demo.days_ago(spec.age_days, hour=rng.randint(6, 12))
    published = None if spec.status == OrderStatus.DRAFT else created + dt.timedelta(hours=1)
    order = Order(
        organization=customer,
        created_by=author,
        kind=spec.kind,
        title=spec.title,
        description=spec.description,
        okpd2_codes=list(spec.okpd2),
        quantity=Decimal(str(spec.quantity)) if spec.quantity else None,
        unit=spec.unit,
        deadline=demo.today + dt.timedelta(days=spec.deadline_days),
        budget=Decimal(spec.budget) if spec.budget is not None else None,
        budget_confidential=spec.budget_confidential,
        region=customer.region,
        visibility=spec.visibility,
        status=spec.status,
        published_at=published,
        created_at=created,
        competencies=[demo.competencies[code] for code in spec.competencies],
    )
    db.session.add(order)
    _event(order, author, "created", created, to_status=OrderStatus.DRAFT)
    if published is None:
        return
    if number % 6 == 1:  # some customers fix their order before publishing it
        _event(order, author, "edited", published - dt.timedelta(minutes=20), note="description, deadline")
    _event(order, author, "published", published, OrderStatus.DRAFT, OrderStatus.OPEN)

    span = dt.timedelta(days=max(spec.age_days, 1))
    responses = {}
    for index, reply in enumerate(spec.replies):
        at = published + span * (0.5 * (index + 1) / (len(spec.replies) + 1))
        budget = spec.budget or 1_000_000
        responses[reply.org] = Response(
            order=order,
            organization=demo.orgs[reply.org],
            created_by=demo.staff(reply.org),
            price=Decimal(round(budget * reply.price_factor, -3 if budget >= 100_000 else -1)),
            lead_time_days=reply.lead_days,
            message=reply.message,
            status=ResponseStatus.ACTIVE,
            created_at=at,
            updated_at=at,
        )
        db.session.add(responses[reply.org])
        demo.counts["responses"] += 1

    if spec.status in (OrderStatus.AWARDED, OrderStatus.COMPLETED):
        if spec.winner is None:
            raise ValueError(f"demo order {spec.title!r}: awarded without a winner")
        awarded = published + span * 0.6
        for key, response in responses.items():
            response.status = ResponseStatus.ACCEPTED if key == spec.winner else ResponseStatus.DECLINED
            response.updated_at = awarded
        order.awarded_response = responses[spec.winner]
        order.awarded_at = awarded
        _event(order, author, "awarded", awarded, OrderStatus.OPEN, OrderStatus.AWARDED)
        if spec.status == OrderStatus.COMPLETED:
            _event(
                order,
                author,
                "completed",
                published + span * 0.9,
                OrderStatus.AWARDED,
                OrderStatus.COMPLETED,
                note=spec.note,
            )
    elif spec.status == OrderStatus.CANCELLED:
        _event(
            order, author, "cancelled", published + span * 0.7, OrderStatus.OPEN, OrderStatus.CANCELLED, note=spec.note
        )


def _event(
    order: Order,
    actor: User,
    action: str,
    at: dt.datetime,
    from_status: OrderStatus | None = None,
    to_status: OrderStatus | None = None,
    note: str = "",
) -> None:
    order.events.append(
        OrderEvent(actor=actor, action=action, from_status=from_status, to_status=to_status, note=note, created_at=at)
    )


def build_offers(demo: Demo) -> None:
    for spec in OFFERS:
        org = demo.orgs[spec.org]
        created = demo.days_ago(demo.rng.randint(3, 120))
        db.session.add(
            Offer(
                organization=org,
                created_by=demo.admin(spec.org),
                kind=spec.kind,
                title=spec.title,
                description=spec.description,
                okpd2_codes=list(spec.okpd2),
                region=org.region,
                visibility=spec.visibility,
                status=OfferStatus.ARCHIVED if spec.archived else OfferStatus.ACTIVE,
                competencies=[demo.competencies[code] for code in spec.competencies],
                created_at=created,
                updated_at=created,
            )
        )
    demo.counts["offers"] = len(OFFERS)
