"""Factories for domain objects. Each call adds, commits and returns a fresh object.

Defaults are valid and minimal; pass keyword arguments to override any column.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from functools import lru_cache

from sqlalchemy import event
from werkzeug.security import generate_password_hash

from marketplace.db import db, utcnow
from marketplace.models import (
    Booking,
    BookingStatus,
    Competency,
    Equipment,
    EquipmentCategory,
    MembershipStatus,
    Offer,
    Order,
    OrderKind,
    OrderStatus,
    Organization,
    OrganizationCompetency,
    OrgKind,
    Product,
    Response,
    Role,
    User,
    Visibility,
)
from marketplace.validators import inn10_check_digit, ogrn_check_digit

PASSWORD = "correct-horse-battery"
_seq = itertools.count(1)


def valid_inn() -> str:
    """A fresh 10-digit INN of a legal entity (Stavropol region, code 26) with a correct check digit."""
    first_nine = f"26{next(_seq) + 3_510_000:07d}"
    return first_nine + inn10_check_digit(first_nine)


def valid_ogrn() -> str:
    """A fresh 13-digit OGRN (a legal entity registered in 2015 in region 26) with a correct check digit."""
    first_twelve = f"11526{next(_seq) + 6_510_000:07d}"
    return first_twelve + ogrn_check_digit(first_twelve)


def broken(number: str) -> str:
    """The same registration number with a wrong check digit."""
    return number[:-1] + str((int(number[-1]) + 1) % 10)


@lru_cache(maxsize=1)
def _password_hash() -> str:
    return generate_password_hash(PASSWORD)


def _save(obj):
    db.session.add(obj)
    db.session.commit()
    return obj


def organization(**kw) -> Organization:
    n = next(_seq)
    values = {
        "name_ru": f"ООО «Тестовое предприятие {n}»",
        "name_en": f"Test Enterprise {n} LLC",
        "kind": OrgKind.SME,
        "region": "Ставропольский край",
        "city": "Ставрополь",
        "membership_status": MembershipStatus.MEMBER,
        "member_since": dt.date(2024, 1, 15),
        "description_ru": "Механическая обработка деталей на станках с ЧПУ.",
        "description_en": "CNC machining of parts.",
    }
    values.update(kw)
    return _save(Organization(**values))


def user(organization: Organization | None = None, **kw) -> User:
    n = next(_seq)
    values = {
        "email": f"user{n}@example.test",
        "full_name": f"Иван Тестов {n}",
        "password_hash": _password_hash(),
        "role": Role.USER,
        "organization": organization,
    }
    values.update(kw)
    return _save(User(**values))


def member(**org_kw) -> User:
    """A user who administers a member organization."""
    return user(organization=organization(**org_kw), is_org_admin=True)


def registered(**kw) -> User:
    """A registered user without an organization."""
    return user(**kw)


def outsider(**org_kw) -> User:
    """A user of an organization that is not a cluster member."""
    org_kw.setdefault("membership_status", MembershipStatus.NONE)
    org_kw.setdefault("member_since", None)
    return user(organization=organization(**org_kw), is_org_admin=True)


def manager(**kw) -> User:
    kw.setdefault("full_name", "Мария Менеджерова")
    return user(role=Role.MANAGER, **kw)


def competency(parent: Competency | None = None, **kw) -> Competency:
    n = next(_seq)
    values = {"code": f"T{n:04d}", "name_ru": f"Компетенция {n}", "name_en": f"Competency {n}", "parent": parent}
    values.update(kw)
    return _save(Competency(**values))


def give_competency(org: Organization, comp: Competency, level: int = 2, note: str = "") -> None:
    _save(OrganizationCompetency(organization=org, competency=comp, level=level, note=note))


def product(organization: Organization, **kw) -> Product:
    n = next(_seq)
    values = {
        "organization": organization,
        "name_ru": f"Фланец стальной {n}",
        "name_en": f"Steel flange {n}",
        "description_ru": "Фланцы плоские приварные из стали 09Г2С по ГОСТ 33259.",
        "okpd2": "25.62.10",
        "unit": "шт",
        "price": Decimal("1500.00"),
    }
    values.update(kw)
    return _save(Product(**values))


def equipment(organization: Organization, **kw) -> Equipment:
    n = next(_seq)
    values = {
        "organization": organization,
        "name_ru": f"Обрабатывающий центр {n}",
        "name_en": f"Machining centre {n}",
        "category": EquipmentCategory.MACHINING,
        "location": "Ставрополь, ул. Ленина, 1",
        "price_per_hour": Decimal(2500),
    }
    values.update(kw)
    return _save(Equipment(**values))


def booking(equipment: Equipment, organization: Organization, starts_at: dt.datetime, hours: int = 2, **kw) -> Booking:
    values = {
        "equipment": equipment,
        "organization": organization,
        "starts_at": starts_at,
        "ends_at": starts_at + dt.timedelta(hours=hours),
        "status": BookingStatus.PENDING,
        "purpose": "Испытания опытной партии",
    }
    values.update(kw)
    return _save(Booking(**values))


def order(organization: Organization, **kw) -> Order:
    n = next(_seq)
    status = kw.get("status", OrderStatus.OPEN)
    values = {
        "organization": organization,
        "kind": OrderKind.PRODUCTION,
        "title": f"Изготовление фланцев, партия {n}",
        "description": "Требуется изготовить 200 фланцев из стали 09Г2С по чертежу заказчика.",
        "okpd2_codes": ["25.62.10"],
        "quantity": Decimal(200),
        "unit": "шт",
        "deadline": dt.date.today() + dt.timedelta(days=60),
        "budget": Decimal(450000),
        "region": "Ставропольский край",
        "visibility": Visibility.MEMBERS,
        "status": status,
        "published_at": None if status == OrderStatus.DRAFT else utcnow(),
    }
    values.update(kw)
    return _save(Order(**values))


def response(order: Order, organization: Organization, **kw) -> Response:
    values = {
        "order": order,
        "organization": organization,
        "price": Decimal(420000),
        "lead_time_days": 30,
        "message": "Готовы изготовить в срок, есть опыт аналогичных работ.",
    }
    values.update(kw)
    return _save(Response(**values))


def offer(organization: Organization, **kw) -> Offer:
    n = next(_seq)
    values = {
        "organization": organization,
        "kind": OrderKind.PRODUCTION,
        "title": f"Пятиосевая обработка деталей до 2 м, предложение {n}",
        "description": "Пятиосевые обрабатывающие центры DMG MORI, детали до 2000 мм.",
        "okpd2_codes": ["25.62"],
        "region": "Ставропольский край",
        "visibility": Visibility.PUBLIC,
    }
    values.update(kw)
    return _save(Offer(**values))


# Reading back what the requests stored (each request commits in a session of its own).


def fresh(model, pk):
    """The row ``pk`` of ``model`` as stored now (None if there is none)."""
    db.session.expire_all()
    return db.session.get(model, pk)


def count(model, *where) -> int:
    """How many rows of ``model`` are stored now (matching ``where``)."""
    db.session.expire_all()
    return db.session.scalar(db.select(db.func.count()).select_from(model).where(*where))


def stored_rows() -> dict[str, list[tuple]]:
    """Every row of every table, read on a connection of its own: what has been committed."""
    with db.engine.connect() as connection:
        return {
            table.name: sorted((tuple(row) for row in connection.execute(table.select())), key=repr)
            for table in db.metadata.sorted_tables
        }


def assert_unchanged(before: dict[str, list[tuple]]) -> None:
    """No table gained, lost or changed a row since ``before = stored_rows()``."""
    after = stored_rows()
    changes = {
        name: {
            "added": [row for row in after.get(name, []) if row not in rows],
            "removed": [row for row in rows if row not in after.get(name, [])],
        }
        for name, rows in before.items()
        if after.get(name) != rows
    }
    assert not changes, f"the database changed: {changes}"


@contextmanager
def sql_statements() -> Iterator[list[str]]:
    """The SQL statements run inside the ``with`` block, in order (for "no N+1" and "no query" checks)."""
    statements: list[str] = []

    def record(_connection: object, _cursor: object, statement: str, *_rest: object) -> None:
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(db.engine, "before_cursor_execute", record)
