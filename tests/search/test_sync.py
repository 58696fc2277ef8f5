"""The index follows committed changes, and only committed ones."""

from __future__ import annotations

import logging

from sqlalchemy import delete, update

from marketplace.db import db, lock_row
from marketplace.models import (
    Equipment,
    OfferStatus,
    Order,
    OrderStatus,
    Organization,
    OrganizationCompetency,
    Product,
    Visibility,
)
from marketplace.search.engine import get_index
from search_index import SearchIndexError
from tests import factories
from tests.conftest import make_test_app


def test_factory_does_not_touch_the_index(app, tmp_path):

    fresh = make_test_app(app.config["SQLALCHEMY_DATABASE_URI"], tmp_path / "fresh", SEARCH_BACKEND="whoosh")
    assert "search" not in fresh.extensions
    assert not (tmp_path / "fresh" / "search-index").exists()


def test_committed_records_are_indexed(app, found):
    org = factories.organization(name_ru="ООО «Уральские фланцы»", name_en="Ural Flanges LLC")
    product = factories.product(org, name_ru="Фланец воротниковый", name_en="Weld neck flange")
    item = factories.equipment(org, name_ru="Токарный станок с ЧПУ", name_en="CNC lathe")
    order = factories.order(org, title="Изготовление валов")
    offer = factories.offer(org, title="Лазерная резка металла")
    assert ("organization", org.id) in found("уральские")
    assert found("воротниковые фланцы") == [("product", product.id)]
    assert found("lathes") == [("equipment", item.id)]
    assert found("валы") == [("order", order.id)]
    assert found("резка") == [("offer", offer.id)]


def test_rollback_leaves_the_index_untouched(app, found, index):
    org = factories.organization()
    before = index.doc_count()
    db.session.add(Product(organization=org, name_ru="Кронштейн оцинкованный", okpd2="25.99"))
    db.session.flush()
    db.session.rollback()
    assert found("кронштейн") == []
    assert index.doc_count() == before


def test_changes_show_only_after_commit(app, found):
    org = factories.organization()
    product = factories.product(org, name_ru="Кронштейн")
    product.name_ru = "Шестерня коническая"
    db.session.flush()
    assert found("шестерня") == []  # flushed, not committed
    db.session.commit()
    assert found("шестерни") == [("product", product.id)]
    assert found("кронштейн") == []


def test_a_failed_commit_leaves_the_index_untouched(app, found):
    org = factories.organization(inn="7701000001")
    db.session.add(Product(organization=org, name_ru="Подшипник роликовый", okpd2="28.15"))
    db.session.add(Organization(name_ru="Дубликат", kind=org.kind, region="Москва", inn="7701000001"))
    try:
        db.session.commit()
    except Exception:  # noqa: BLE001 (the unique INN fails the commit on every backend)
        db.session.rollback()
    else:
        raise AssertionError("the duplicate INN should have failed the commit")
    assert found("подшипник") == []


def test_savepoint_rollback_is_not_applied(app, found):
    org = factories.organization()
    with db.session.begin_nested() as savepoint:
        db.session.add(Product(organization=org, name_ru="Муфта упругая", okpd2="28.15"))
        db.session.flush()
        savepoint.rollback()
    db.session.add(Product(organization=org, name_ru="Шкив ременный", okpd2="28.15"))
    db.session.commit()
    assert found("муфта") == []
    assert len(found("шкив")) == 1


def test_deleting_a_record_removes_it(app, found):
    org = factories.organization()
    product = factories.product(org, name_ru="Редуктор червячный")
    assert found("редуктор") == [("product", product.id)]
    db.session.delete(product)
    db.session.commit()
    assert found("редуктор") == []


def test_deleting_an_organization_removes_its_records(app, found):
    org = factories.organization(name_ru="ООО «Гидросила»")
    factories.product(org, name_ru="Гидроцилиндр")
    factories.equipment(org, name_ru="Стенд гидравлический")
    factories.order(org, title="Поставка гидрораспределителей")
    other = factories.organization()
    kept = factories.product(other, name_ru="Гидроцилиндр малый")
    db.session.delete(db.session.get(Organization, org.id))  # products etc. go by ON DELETE CASCADE
    db.session.commit()
    assert found("гидросила") == []
    assert found("гидроцилиндр") == [("product", kept.id)]
    assert found("стенд") == []
    assert found("гидрораспределителей") == []


def test_drafts_and_cancelled_orders_are_not_indexed(app, found):
    org = factories.organization()
    order = factories.order(org, title="Модернизация компрессорной станции", status=OrderStatus.DRAFT)
    assert found("компрессорной") == []
    order.status = OrderStatus.OPEN
    db.session.commit()
    assert found("компрессорной") == [("order", order.id)]
    order.status = OrderStatus.CANCELLED
    db.session.commit()
    assert found("компрессорной") == []


def test_archived_offers_leave_the_index(app, found):
    offer = factories.offer(factories.organization(), title="Гальваническое цинкование")
    assert found("цинкование") == [("offer", offer.id)]
    offer.status = OfferStatus.ARCHIVED
    db.session.commit()
    assert found("цинкование") == []


def test_visibility_and_status_are_stored_for_filtering(app, index):
    order = factories.order(factories.organization(), title="Испытания на растяжение", visibility=Visibility.PUBLIC)
    hit = index.query("испытания").hits[0]
    assert hit.fields["visibility"] == "public"
    assert hit.fields["status"] == "open"
    order.visibility = Visibility.MEMBERS
    db.session.commit()
    assert index.query("испытания").hits[0].fields["visibility"] == "members"


def test_budget_is_never_indexed(app, found):
    factories.order(factories.organization(), title="Ремонт насосов", budget=987654)
    assert found("987654") == []
    assert found("987654.00") == []


def test_competencies_of_an_organization_refresh_its_document(app, found):
    org = factories.organization(description_ru="", description_en="")
    comp = factories.competency(name_ru="Порошковая металлургия", name_en="Powder metallurgy")
    assert found("металлургия") == []
    factories.give_competency(org, comp, note="Спекание твердых сплавов")
    assert found("металлургия") == [("organization", org.id)]
    assert found("спекание") == [("organization", org.id)]
    link = db.session.get(OrganizationCompetency, (org.id, comp.id))
    db.session.delete(link)
    db.session.commit()
    assert found("металлургия") == []


def test_renamed_competency_refreshes_organizations_orders_and_offers(app, found):
    comp = factories.competency(name_ru="Сварка", name_en="Welding")
    org = factories.organization(description_ru="", description_en="")
    factories.give_competency(org, comp)
    order = factories.order(factories.organization(), title="Заказ", description="")
    order.competencies.append(comp)
    db.session.commit()
    comp.name_ru = "Термическая обработка"
    db.session.commit()
    assert set(found("термическая")) == {("organization", org.id), ("order", order.id)}


def test_renamed_organization_refreshes_its_records(app, found):
    org = factories.organization(name_ru="ООО «Старое имя»", name_en="Old Name LLC")
    product = factories.product(org, name_ru="Заглушка")
    item = factories.equipment(org, name_ru="Пресс")
    org.name_ru = "ООО «Инкомтех»"
    db.session.commit()
    assert set(found("инкомтех")) == {("organization", org.id), ("product", product.id), ("equipment", item.id)}


def test_bulk_update_statements_are_followed(app, found):
    order = factories.order(factories.organization(), title="Поставка арматуры")
    db.session.execute(update(Order).where(Order.id == order.id).values(status=OrderStatus.CANCELLED))
    db.session.commit()
    assert found("арматуры") == []
    product = factories.product(factories.organization(), name_ru="Швеллер")
    db.session.execute(delete(Product).where(Product.id == product.id))
    db.session.commit()
    assert found("швеллер") == []


def test_lock_row_does_not_reindex(app, index, monkeypatch):
    item = factories.equipment(factories.organization())
    calls = []
    monkeypatch.setattr(type(index), "update", lambda _self, **kw: calls.append(kw))
    lock_row(Equipment, item.id)
    db.session.commit()
    assert calls == []


def test_index_errors_do_not_fail_the_commit(app, index, monkeypatch, caplog):

    def broken(self, **kw):
        raise SearchIndexError("disk full")

    monkeypatch.setattr(type(index), "update", broken)
    # Alembic's logging.config.fileConfig (run by the migration tests) disables existing loggers.
    monkeypatch.setattr(logging.getLogger("marketplace.search.sync"), "disabled", False)
    org = factories.organization(name_ru="ООО «Надёжность»")
    assert db.session.get(Organization, org.id) is not None
    assert "flask search sync" in caplog.text  # the change waits in the outbox (tests/search/test_outbox.py)


def test_on_disk_index_follows_commits(app, tmp_path):
    app.config.update(SEARCH_BACKEND="whoosh", SEARCH_INDEX_DIR=str(tmp_path / "idx"))
    app.extensions.pop("search", None)
    product = factories.product(factories.organization(), name_ru="Теплообменник пластинчатый")
    assert (tmp_path / "idx").is_dir()
    assert [h.id for h in get_index(app).query("теплообменники").hits] == [str(product.id)]
    get_index(app).close()
