"""The change log: every change that alters a profile writes one row per organization, in the same transaction."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select, update

from marketplace.db import db
from marketplace.models import (
    Competency,
    MatcherChange,
    OfferStatus,
    OrderStatus,
    Organization,
    OrganizationCompetency,
    Product,
    ResponseStatus,
)
from marketplace.orders import services as order_services
from marketplace.organizations.services import lock_organization
from tests import factories


def logged() -> list[int]:
    """Organization ids in the log, oldest first."""
    return list(db.session.scalars(select(MatcherChange.organization_id).order_by(MatcherChange.id)))


@pytest.fixture
def org(app):
    return factories.organization(name_ru="ООО «Станкомаш»")


def since(mark: int) -> list[int]:
    return logged()[mark:]


def test_new_organization_is_logged_and_contacts_are_not(org):
    assert logged() == [org.id]
    mark = len(logged())
    org.phone = "+7 900 000 00 00"
    org.contact_email = "sales@example.test"
    db.session.commit()
    assert since(mark) == []  # contacts are not in the profile
    org.description_ru = "Литьё под давлением"
    db.session.commit()
    assert since(mark) == [org.id]


@pytest.mark.parametrize("change", ["add", "edit", "delete"])
def test_records_of_the_profile_are_logged(org, change):
    competency = factories.competency()
    product = factories.product(org)
    offer = factories.offer(org)
    item = factories.equipment(org)
    mark = len(logged())
    if change == "add":
        factories.give_competency(org, competency)
        factories.product(org)
        factories.offer(org)
        factories.equipment(org)
        assert since(mark) == [org.id] * 4  # one row per committed transaction and organization
    elif change == "edit":
        product.description_ru = "Новое описание"
        db.session.commit()
        offer.status = OfferStatus.ARCHIVED
        db.session.commit()
        item.description_ru = "Пятиосевой"
        db.session.commit()
        assert since(mark) == [org.id] * 3
    else:
        for obj in (product, offer, item):
            db.session.delete(obj)
        db.session.commit()
        assert since(mark) == [org.id]


def test_several_changes_in_one_transaction_write_one_row_per_organization(org):
    other = factories.organization()
    mark = len(logged())
    factories.product(org)  # commits
    mark = len(logged())
    db.session.add(Product(organization=org, name_ru="А", okpd2="25.62"))
    db.session.add(Product(organization=org, name_ru="Б", okpd2="25.62"))
    other.description_ru = "Другое"
    db.session.commit()
    assert sorted(since(mark)) == sorted([org.id, other.id])


def test_rollback_logs_nothing(org):
    mark = len(logged())
    org.description_ru = "Черновик"
    db.session.flush()
    db.session.rollback()
    assert since(mark) == []


def test_competency_rename_logs_its_holders(org):
    competency = factories.competency()
    factories.give_competency(org, competency)
    mark = len(logged())
    competency.name_ru = "Новое название"
    db.session.commit()
    assert since(mark) == [org.id]


def test_lock_rows_and_bulk_updates(org):
    mark = len(logged())
    lock_organization(org.id)  # rewrites a column with itself: not a change
    db.session.commit()
    assert since(mark) == []

    db.session.execute(update(Organization).where(Organization.id == org.id).values(region="Москва"))
    db.session.commit()
    assert since(mark) == [org.id]


def test_award_and_completion_log_the_winner_only(app):
    customer = factories.member()
    winner = factories.member()
    loser = factories.member()
    order = factories.order(customer.organization, created_by=customer)
    accepted = factories.response(order, winner.organization, created_by=winner)
    factories.response(order, loser.organization, created_by=loser)
    mark = len(logged())
    order_services.award_order(order, accepted.id, customer)  # conditional bulk UPDATEs
    db.session.commit()
    assert since(mark) == [winner.organization_id]
    mark = len(logged())
    order = db.session.get(type(order), order.id)
    order_services.complete_order(order, customer)
    db.session.commit()
    assert since(mark) == [winner.organization_id]


def test_accepted_response_created_directly_is_logged(app):
    customer, supplier = factories.member(), factories.member()
    order = factories.order(customer.organization, status=OrderStatus.COMPLETED)
    mark = len(logged())
    factories.response(order, supplier.organization, status=ResponseStatus.ACCEPTED)
    assert since(mark) == [supplier.organization_id]


def test_deleted_organization_stays_in_the_log(org):
    org_id = org.id
    db.session.delete(org)
    db.session.commit()
    assert logged()[-1] == org_id
    assert db.session.scalar(select(func.count()).select_from(OrganizationCompetency)) == 0


def test_unrelated_changes_log_nothing(org):
    mark = len(logged())
    factories.user(organization=org)
    factories.competency()
    db.session.execute(select(Competency)).all()
    assert since(mark) == []
