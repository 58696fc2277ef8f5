"""The demo cluster: enough of everything, valid identifiers and codes, consistent histories."""
from __future__ import annotations

import datetime as dt
from collections import defaultdict

from sqlalchemy import func, select

from marketplace.catalog.models import Okpd2Code, Product
from marketplace.db import db, utcnow
from marketplace.demo.seed import DEMO_PASSWORD, seed_demo
from marketplace.equipment.models import Booking, BookingStatus, Equipment
from marketplace.models import (AccessLevel, ApplicationStatus, MembershipApplication, MembershipStatus, Offer, Order,
                                OrderStatus, Organization, OrgKind, ResponseStatus, Role, User)
from marketplace.organizations.models import PROTECTED_FIELDS
from marketplace.reference.regions import REGIONS
from marketplace.validators import is_valid_hs, is_valid_inn, is_valid_ogrn, is_valid_okpd2, is_valid_unspsc


def _count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def _all(model) -> list:
    return list(db.session.scalars(select(model)))


def test_organizations_are_many_valid_and_varied(seeded):
    orgs = _all(Organization)
    assert seeded["organizations"] == len(orgs) >= 60
    assert {OrgKind.SME, OrgKind.LARGE, OrgKind.UNIVERSITY, OrgKind.RESEARCH, OrgKind.PUBLIC} <= {o.kind for o in orgs}

    inns = [org.inn for org in orgs if org.inn]
    ogrns = [org.ogrn for org in orgs if org.ogrn]
    assert len(inns) >= len(orgs) - 2 and len(ogrns) == len(inns)  # only a foreign company has none
    assert all(is_valid_inn(inn) and len(inn) == 10 for inn in inns)
    assert all(is_valid_ogrn(ogrn) for ogrn in ogrns)
    assert len(set(inns)) == len(inns) and len(set(ogrns)) == len(ogrns)

    regions = {ru for ru, _ in REGIONS}
    assert all(org.region in regions for org in orgs)
    assert sum(org.region == "Ставропольский край" for org in orgs) > len(orgs) / 2

    for org in orgs:
        assert org.name_ru and org.name_en and org.description_ru and org.description_en
        assert org.city and org.phone and org.contact_email.endswith(".demo")
        assert org.staff_size and org.staff_size > 0
        assert set(org.confidential_fields) <= set(PROTECTED_FIELDS)
        assert org.competencies and all(1 <= link.level <= 3 for link in org.competencies)
        assert (org.member_since is not None) == (org.membership_status == MembershipStatus.MEMBER)
    assert any(org.confidential_fields for org in orgs)
    assert any("ISO 9001:2015" in org.certifications.splitlines() for org in orgs)
    assert sum(org.is_member for org in orgs) >= 0.8 * len(orgs)
    assert any(org.membership_status == MembershipStatus.NONE for org in orgs)


def test_membership_applications(seeded):
    applications = _all(MembershipApplication)
    assert seeded["applications"] == len(applications)
    pending = [a for a in applications if a.status == ApplicationStatus.PENDING]
    rejected = [a for a in applications if a.status == ApplicationStatus.REJECTED]
    assert pending and all(a.organization.membership_status == MembershipStatus.APPLIED for a in pending)
    assert rejected and all(a.decision_reason and a.decided_by.role == Role.MANAGER for a in rejected)
    assert all(a.organization.membership_status == MembershipStatus.REJECTED for a in rejected)
    approved = [a for a in applications if a.status == ApplicationStatus.APPROVED]
    assert approved and all(a.organization.is_member and a.decided_at for a in approved)


def test_products_use_the_classifier(seeded):
    products = _all(Product)
    assert seeded["products"] == len(products) >= 200
    classifier = set(db.session.scalars(select(Okpd2Code.code)))
    for product in products:
        assert is_valid_okpd2(product.okpd2) and product.okpd2 in classifier, product.okpd2
        assert product.hs_code is None or is_valid_hs(product.hs_code)
        assert product.unspsc is None or is_valid_unspsc(product.unspsc)
        assert product.name_ru and product.name_en and product.unit
        assert all(set(spec) == {"name", "value"} and spec["name"] and spec["value"] for spec in product.specs)
        assert product.price is None or product.price > 0
    assert sum(p.hs_code is not None for p in products) >= 50
    assert sum(p.unspsc is not None for p in products) >= 10
    assert any(p.is_service for p in products) and any(not p.is_service for p in products)
    assert len({p.organization_id for p in products}) >= 55


def test_documented_logins(seeded):
    users = {user.email: user for user in _all(User)}
    assert seeded["users"] == len(users)
    # One shared hash (computed once, for speed): checking it once checks every demo login.
    assert len({user.password_hash for user in users.values()}) == 1
    assert users["manager@cluster.demo"].check_password(DEMO_PASSWORD)
    assert not users["sme@cluster.demo"].check_password("demo123456")

    manager = users["manager@cluster.demo"]
    assert manager.role == Role.MANAGER and manager.access_level == AccessLevel.MANAGER

    sme = users["sme@cluster.demo"]
    assert sme.is_org_admin and sme.access_level == AccessLevel.MEMBER
    assert sme.organization.kind == OrgKind.SME
    assert any(link.competency.code.startswith("METAL.") for link in sme.organization.competencies)

    buyer = users["buyer@cluster.demo"]
    assert not buyer.is_org_admin and buyer.access_level == AccessLevel.MEMBER
    assert buyer.organization.kind == OrgKind.LARGE

    lab = users["lab@cluster.demo"]
    assert lab.organization.kind == OrgKind.UNIVERSITY and lab.access_level == AccessLevel.MEMBER
    assert db.session.scalar(select(func.count()).select_from(Equipment)
                             .where(Equipment.organization_id == lab.organization_id)) >= 5

    applicant = users["applicant@cluster.demo"]
    assert applicant.is_org_admin and applicant.access_level == AccessLevel.USER
    assert applicant.organization.membership_status == MembershipStatus.APPLIED
    assert applicant.organization.applications[0].applicant_id == applicant.id

    plain = users["user@cluster.demo"]
    assert plain.organization is None and plain.access_level == AccessLevel.USER

    for org in _all(Organization):  # every organization has a user, and an admin at info@<slug>.demo
        assert any(u.is_org_admin for u in org.users)
        assert any(u.email.startswith("info@") for u in org.users)


def test_orders_responses_and_offers(seeded):
    orders = _all(Order)
    assert seeded["orders"] == len(orders) >= 20
    by_status = defaultdict(list)
    for order in orders:
        by_status[order.status].append(order)
    assert {OrderStatus.OPEN, OrderStatus.AWARDED, OrderStatus.COMPLETED, OrderStatus.DRAFT,
            OrderStatus.CANCELLED} == set(by_status)
    classifier = set(db.session.scalars(select(Okpd2Code.code)))
    today = dt.date.today()
    for order in orders:
        assert order.okpd2_codes and set(order.okpd2_codes) <= classifier
        assert order.competencies
        assert order.events[0].action == "created"
        actions = [event.action for event in order.events]
        assert ("published" in actions) == (order.status != OrderStatus.DRAFT)
        assert all(r.organization_id != order.organization_id and r.organization.is_member for r in order.responses)
        if order.status in (OrderStatus.OPEN, OrderStatus.AWARDED):
            assert order.responses and order.deadline > today
        if order.status in (OrderStatus.AWARDED, OrderStatus.COMPLETED):
            assert order.awarded_response.status == ResponseStatus.ACCEPTED
            assert order.awarded_response.order_id == order.id
            assert all(r.status == ResponseStatus.DECLINED for r in order.responses if r is not order.awarded_response)
            assert "awarded" in actions and order.awarded_at > order.published_at
        if order.status == OrderStatus.DRAFT:
            assert not order.responses and order.published_at is None
        if order.status == OrderStatus.CANCELLED:
            assert order.events[-1].action == "cancelled" and order.events[-1].note
    assert sum(o.budget_confidential for o in orders) > len(orders) / 2
    assert any(o.title == "Механическая обработка 200 фланцев из стали 09Г2С" for o in orders)
    assert seeded["responses"] == sum(len(o.responses) for o in orders)

    offers = _all(Offer)
    assert seeded["offers"] == len(offers) >= 15
    assert all(o.organization.is_member and set(o.okpd2_codes) <= classifier and o.competencies for o in offers)


def test_equipment_and_bookings(seeded):
    equipment = _all(Equipment)
    assert seeded["equipment"] == len(equipment) >= 30
    assert sum(item.organization.kind == OrgKind.UNIVERSITY for item in equipment) >= len(equipment) / 2
    assert all(item.requirements and item.location for item in equipment)
    assert all(item.price_per_hour or item.price_per_day for item in equipment)

    bookings = _all(Booking)
    assert seeded["bookings"] == len(bookings)
    now = utcnow()
    soon = now + dt.timedelta(weeks=8)
    upcoming = [b for b in bookings if now < b.starts_at < soon]
    assert any(b.status == BookingStatus.APPROVED for b in upcoming)
    assert any(b.status == BookingStatus.PENDING for b in upcoming)
    approved = defaultdict(list)
    for booking in bookings:
        assert booking.ends_at > booking.starts_at
        assert booking.organization.is_member  # demo requests come from member organizations only
        if booking.status == BookingStatus.APPROVED:
            assert booking.decided_by is not None
            approved[booking.equipment_id].append(booking)
    for windows in approved.values():
        windows.sort(key=lambda b: b.starts_at)
        for earlier, later in zip(windows, windows[1:]):
            assert earlier.ends_at <= later.starts_at


def test_seed_is_deterministic(app):
    def snapshot():
        return (
            list(db.session.scalars(select(Organization.name_ru).order_by(Organization.id))),
            list(db.session.scalars(select(Organization.inn).order_by(Organization.id))),
            list(db.session.scalars(select(User.email).order_by(User.id))),
            list(db.session.scalars(select(Product.price).order_by(Product.id))),
        )

    first_counts = seed_demo()
    first = snapshot()
    db.session.rollback()
    assert _count(Organization) == 0
    assert seed_demo() == first_counts
    assert snapshot() == first


def test_cli_seed_demo(runner):
    result = runner.invoke(args=["seed-demo", "--if-empty"])
    assert result.exit_code == 0, result.output
    assert "Demo cluster loaded" in result.output
    assert _count(Organization) >= 60
    again = runner.invoke(args=["seed-demo", "--if-empty"])
    assert again.exit_code == 0 and "already holds organizations" in again.output
