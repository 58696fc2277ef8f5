"""The demo cluster: enough of everything, valid identifiers and codes, consistent histories."""

from __future__ import annotations

import datetime as dt
import itertools
from collections import defaultdict

from sqlalchemy import func, select

from marketplace.catalog.models import Okpd2Code, Product
from marketplace.competence.chains import chain_views
from marketplace.competence.models import ChainStage, ChainStageMember, ValueChain
from marketplace.db import db, utcnow
from marketplace.demo.seed import DEMO_PASSWORD, seed_demo
from marketplace.equipment.models import Booking, BookingStatus, Equipment
from marketplace.models import (
    AccessLevel,
    ApplicationStatus,
    ConsortiumMember,
    ConsortiumStatus,
    Event,
    EventKind,
    EventRegistration,
    EventStatus,
    Idea,
    IdeaComment,
    IdeaKind,
    IdeaStatus,
    MembershipApplication,
    MembershipStatus,
    Offer,
    Order,
    OrderStatus,
    Organization,
    OrgKind,
    Project,
    ProjectKind,
    ProjectNeed,
    ProjectStatus,
    RegistrationStatus,
    ResponseStatus,
    Role,
    User,
    Visibility,
)
from marketplace.organizations.models import PROTECTED_FIELDS, Competency
from marketplace.projects.queries import coverage
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
    assert len(inns) >= len(orgs) - 2
    assert len(ogrns) == len(inns)
    assert all(is_valid_inn(inn) and len(inn) == 10 for inn in inns)
    assert all(is_valid_ogrn(ogrn) for ogrn in ogrns)
    assert len(set(inns)) == len(inns)
    assert len(set(ogrns)) == len(ogrns)

    regions = {ru for ru, _ in REGIONS}
    assert all(org.region in regions for org in orgs)
    assert sum(org.region == "Ставропольский край" for org in orgs) > len(orgs) / 2

    for org in orgs:
        assert org.name_ru
        assert org.name_en
        assert org.description_ru
        assert org.description_en
        assert org.city
        assert org.phone
        assert org.contact_email.endswith(".demo")
        assert org.staff_size
        assert org.staff_size > 0
        assert set(org.confidential_fields) <= set(PROTECTED_FIELDS)
        assert org.competencies
        assert all(1 <= link.level <= 3 for link in org.competencies)
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
    assert pending
    assert all(a.organization.membership_status == MembershipStatus.APPLIED for a in pending)
    assert rejected
    assert all(a.decision_reason and a.decided_by.role == Role.MANAGER for a in rejected)
    assert all(a.organization.membership_status == MembershipStatus.REJECTED for a in rejected)
    approved = [a for a in applications if a.status == ApplicationStatus.APPROVED]
    assert approved
    assert all(a.organization.is_member and a.decided_at for a in approved)


def test_products_use_the_classifier(seeded):
    products = _all(Product)
    assert seeded["products"] == len(products) >= 200
    classifier = set(db.session.scalars(select(Okpd2Code.code)))
    for product in products:
        assert is_valid_okpd2(product.okpd2), product.okpd2
        assert product.okpd2 in classifier, product.okpd2
        assert product.hs_code is None or is_valid_hs(product.hs_code)
        assert product.unspsc is None or is_valid_unspsc(product.unspsc)
        assert product.name_ru
        assert product.name_en
        assert product.unit
        assert all(set(spec) == {"name", "value"} and spec["name"] and spec["value"] for spec in product.specs)
        assert product.price is None or product.price > 0
    assert sum(p.hs_code is not None for p in products) >= 50
    assert sum(p.unspsc is not None for p in products) >= 10
    assert any(p.is_service for p in products)
    assert any(not p.is_service for p in products)
    assert len({p.organization_id for p in products}) >= 55


def test_documented_logins(seeded):
    users = {user.email: user for user in _all(User)}
    assert seeded["users"] == len(users)
    # One shared hash (computed once, for speed): checking it once checks every demo login.
    assert len({user.password_hash for user in users.values()}) == 1
    assert users["manager@cluster.demo"].check_password(DEMO_PASSWORD)
    assert not users["sme@cluster.demo"].check_password("demo123456")

    manager = users["manager@cluster.demo"]
    assert manager.role == Role.MANAGER
    assert manager.access_level == AccessLevel.MANAGER

    sme = users["sme@cluster.demo"]
    assert sme.is_org_admin
    assert sme.access_level == AccessLevel.MEMBER
    assert sme.organization.kind == OrgKind.SME
    assert any(link.competency.code.startswith("METAL.") for link in sme.organization.competencies)

    buyer = users["buyer@cluster.demo"]
    assert not buyer.is_org_admin
    assert buyer.access_level == AccessLevel.MEMBER
    assert buyer.organization.kind == OrgKind.LARGE

    lab = users["lab@cluster.demo"]
    assert lab.organization.kind == OrgKind.UNIVERSITY
    assert lab.access_level == AccessLevel.MEMBER
    assert (
        db.session.scalar(
            select(func.count()).select_from(Equipment).where(Equipment.organization_id == lab.organization_id)
        )
        >= 5
    )

    applicant = users["applicant@cluster.demo"]
    assert applicant.is_org_admin
    assert applicant.access_level == AccessLevel.USER
    assert applicant.organization.membership_status == MembershipStatus.APPLIED
    assert applicant.organization.applications[0].applicant_id == applicant.id

    plain = users["user@cluster.demo"]
    assert plain.organization is None
    assert plain.access_level == AccessLevel.USER

    for org in _all(Organization):  # every organization has a user, and an admin at info@<slug>.demo
        assert any(u.is_org_admin for u in org.users)
        assert any(u.email.startswith("info@") for u in org.users)


def test_orders_responses_and_offers(seeded):
    orders = _all(Order)
    assert seeded["orders"] == len(orders) >= 20
    by_status = defaultdict(list)
    for order in orders:
        by_status[order.status].append(order)
    assert {
        OrderStatus.OPEN,
        OrderStatus.AWARDED,
        OrderStatus.COMPLETED,
        OrderStatus.DRAFT,
        OrderStatus.CANCELLED,
    } == set(by_status)
    classifier = set(db.session.scalars(select(Okpd2Code.code)))
    today = dt.date.today()
    for order in orders:
        assert order.okpd2_codes
        assert set(order.okpd2_codes) <= classifier
        assert order.competencies
        assert order.events[0].action == "created"
        actions = [event.action for event in order.events]
        assert ("published" in actions) == (order.status != OrderStatus.DRAFT)
        assert all(r.organization_id != order.organization_id and r.organization.is_member for r in order.responses)
        if order.status in (OrderStatus.OPEN, OrderStatus.AWARDED):
            assert order.responses
            assert order.deadline > today
        if order.status in (OrderStatus.AWARDED, OrderStatus.COMPLETED):
            assert order.awarded_response.status == ResponseStatus.ACCEPTED
            assert order.awarded_response.order_id == order.id
            assert all(r.status == ResponseStatus.DECLINED for r in order.responses if r is not order.awarded_response)
            assert "awarded" in actions
            assert order.awarded_at > order.published_at
        if order.status == OrderStatus.DRAFT:
            assert not order.responses
            assert order.published_at is None
        if order.status == OrderStatus.CANCELLED:
            assert order.events[-1].action == "cancelled"
            assert order.events[-1].note
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
        for earlier, later in itertools.pairwise(windows):
            assert earlier.ends_at <= later.starts_at


def test_projects_and_consortia(seeded):
    projects = _all(Project)
    assert seeded["projects"] == len(projects) >= 4
    assert seeded["project_needs"] == _count(ProjectNeed)
    assert seeded["consortium_members"] == _count(ConsortiumMember)
    assert {p.kind for p in projects} == set(ProjectKind)
    assert {
        ProjectStatus.IDEA,
        ProjectStatus.PLANNED,
        ProjectStatus.ACTIVE,
        ProjectStatus.COMPLETED,
        ProjectStatus.CANCELLED,
    } == {p.status for p in projects}
    titles = {p.title for p in projects}
    assert "Пилотная установка химической переработки отходов ПЭТ" in titles
    assert "Совместная заявка на тендер по поставке оборудования для водоподготовки" in titles
    members = _all(ConsortiumMember)
    assert set(ConsortiumStatus) == {m.status for m in members}
    classifier = set(db.session.scalars(select(Okpd2Code.code)))
    states = set()
    for project in projects:
        assert project.manager.role == Role.MANAGER
        assert project.needs
        assert project.members
        assert project.okpd2_codes
        assert set(project.okpd2_codes) <= classifier
        assert project.starts_on < project.ends_on
        assert 0 <= project.percent_complete <= 100
        assert project.lead_organization.is_member
        assert project.events[0].action == "created"
        moments = [event.created_at for event in project.events]
        assert moments == sorted(moments)  # the history reads in time order
        if project.status == ProjectStatus.COMPLETED:
            assert project.percent_complete == 100
        if project.status == ProjectStatus.CANCELLED:
            assert project.events[-1].action == "cancelled"
            assert project.events[-1].note
        for member in project.members:
            assert member.organization.is_member
            assert member.invited_by.role == Role.MANAGER
            assert all(need.project_id == project.id for need in member.needs)
            assert (member.responded_at is None) == (member.status == ConsortiumStatus.INVITED)
        states |= {entry.state for entry in coverage(project.needs, project.members)}
    assert states == {"covered", "pending", "uncovered"}  # the demo shows gaps too


def test_production_chains(seeded):
    chains = list(db.session.scalars(select(ValueChain).order_by(ValueChain.position)))
    assert seeded["value_chains"] == len(chains) == 3
    assert seeded["chain_stages"] == _count(ChainStage)
    assert seeded["chain_stage_members"] == _count(ChainStageMember)
    assert [c.name_ru for c in chains] == [
        "Полимеры и изделия из пластмасс",
        "Минеральные удобрения",
        "Лакокрасочные материалы",
    ]
    codes = set(db.session.scalars(select(Competency.code)))
    for chain in chains:
        assert chain.name_en
        assert chain.description_ru
        assert chain.description_en
        assert len(chain.stages) >= 5
        assert [stage.position for stage in chain.stages] == list(range(len(chain.stages)))
        for stage in chain.stages:
            assert stage.name_ru
            assert stage.name_en
            assert stage.competency_codes or stage.okpd2_prefixes
            assert set(stage.competency_codes) <= codes
            assert all(is_valid_okpd2(p) for p in stage.okpd2_prefixes)
            assert all(member.note and member.added_by.role == Role.MANAGER for member in stage.members)
    views = chain_views(chains)
    weak = {view.chain.name_ru: [stage.stage.name_ru for stage in view.weak_stages] for view in views}
    assert weak == {
        "Полимеры и изделия из пластмасс": [],
        "Минеральные удобрения": [],
        "Лакокрасочные материалы": ["Пигменты и наполнители"],
    }  # the demo shows a weak link
    reasons = {reason for view in views for stage in view.stages for item in stage.orgs for reason in item.reasons}
    assert reasons == {"competency", "product", "pinned"}


def test_events_and_registrations(seeded):
    events = _all(Event)
    assert seeded["events"] == len(events)
    assert 6 <= len(events) <= 10
    assert seeded["event_registrations"] == _count(EventRegistration)
    titles = {event.title_ru for event in events}
    assert {
        "Биржа контактов: субподряд для химических предприятий",
        "Круглый стол по импортозамещению катализаторов",
        "Семинар: меры господдержки кластеров",
    } <= titles
    assert {EventKind.BROKERAGE_DAY, EventKind.SUPPLIER_CONFERENCE, EventKind.ROUND_TABLE} <= {e.kind for e in events}
    assert {e.status for e in events} == set(EventStatus)
    now = utcnow()
    held = [e for e in events if e.status == EventStatus.PUBLISHED and e.ends_at < now]
    upcoming = [e for e in events if e.status == EventStatus.PUBLISHED and e.starts_at > now]
    assert len(held) >= 2
    assert len(upcoming) >= 4
    assert any(e.organizer is None for e in events)
    assert any(e.visibility == Visibility.MEMBERS for e in events)
    full = 0
    for event in events:
        assert event.ends_at > event.starts_at
        assert event.title_ru
        assert event.description_ru
        assert event.place or event.online_url
        assert event.organizer is None or event.organizer.is_member
        assert (event.published_at is None) == (event.status == EventStatus.DRAFT)
        active = [r for r in event.registrations if r.status == RegistrationStatus.REGISTERED]
        assert event.capacity is None or len(active) <= event.capacity
        full += event.capacity is not None and len(active) == event.capacity
        if event.status == EventStatus.DRAFT:
            assert not event.registrations
        for registration in event.registrations:
            assert registration.organization_id == registration.user.organization_id
            assert event.published_at <= registration.created_at <= min(event.registration_closes_at, now)
            assert not registration.user.is_manager
            if event.visibility == Visibility.MEMBERS:
                assert registration.user.organization.is_member
    assert full >= 1  # the demo shows a full event
    assert any(r.user.organization is None for e in events for r in e.registrations)


def test_ideas_and_discussions(seeded):
    ideas = _all(Idea)
    assert seeded["ideas"] == len(ideas)
    assert 8 <= len(ideas) <= 12
    assert seeded["idea_comments"] == _count(IdeaComment) >= 15
    assert {idea.kind for idea in ideas} == set(IdeaKind)
    assert {idea.status for idea in ideas} == set(IdeaStatus)
    assert any(idea.visibility == Visibility.MEMBERS for idea in ideas)
    assert any(idea.author.organization is None for idea in ideas)  # anyone registered may post
    assert any(comment.author.is_manager for idea in ideas for comment in idea.comments)
    for idea in ideas:
        assert idea.organization_id == idea.author.organization_id
        assert idea.title
        assert idea.body
        assert idea.competencies
        assert idea.converted_project_id is None
        if idea.visibility == Visibility.MEMBERS:
            assert idea.author.is_member
        moments = [comment.created_at for comment in idea.comments]
        assert moments == sorted(moments)
        assert all(idea.created_at < moment <= utcnow() for moment in moments)
        assert (idea.closed_at is not None) == (idea.status == IdeaStatus.CLOSED)
        if idea.closed_at:
            assert all(moment <= idea.closed_at for moment in moments)


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
    assert again.exit_code == 0
    assert "already holds organizations" in again.output
