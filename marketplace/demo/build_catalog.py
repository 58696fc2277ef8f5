"""Seed step 2: the product catalog, shared equipment and its bookings."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from ..catalog.models import Product
from ..db import db
from ..equipment.models import Booking, BookingStatus, Equipment, EquipmentStatus
from . import products_chem, products_engineering, products_materials, products_services
from .context import Demo
from .equipment_data import EQUIPMENT, EquipmentSpec
from .templates import index

TEMPLATES = index(products_chem.ALL, products_materials.ALL, products_engineering.ALL, products_services.ALL)


def jitter(demo: Demo, base: int | None, spread: float = 0.1) -> Decimal | None:
    """``base`` moved by up to ±``spread``, rounded the way a price list would be."""
    if base is None:
        return None
    value = base * (1 - spread + 2 * spread * demo.rng.random())
    step = 1000 if value >= 100_000 else 10 if value >= 1_000 else 1
    return Decimal(max(step, round(value / step) * step)).quantize(Decimal("0.01"))


def build_products(demo: Demo) -> None:
    for key, spec in demo.specs.items():
        org = demo.orgs[key]
        for template_key in spec.products:
            template = TEMPLATES[template_key]
            db.session.add(
                Product(
                    organization=org,
                    name_ru=template.name_ru,
                    name_en=template.name_en,
                    description_ru=template.description_ru,
                    description_en=template.description_en,
                    is_service=template.is_service,
                    okpd2=template.okpd2,
                    hs_code=template.hs_code,
                    unspsc=template.unspsc,
                    specs=[{"name": name, "value": value} for name, value in template.specs],
                    unit=template.unit,
                    price=jitter(demo, template.price),
                    created_at=max(org.created_at, demo.days_ago(demo.rng.randint(10, 400))),
                )
            )
            demo.counts["products"] += 1


_PURPOSES = {
    "ANALYTICAL": (
        "Анализ примесей в опытной партии продукции",
        "Входной контроль сырья нового поставщика",
        "Исследование причин брака партии",
    ),
    "TESTING": (
        "Испытания образцов для технических условий",
        "Сравнительные испытания материалов двух поставщиков",
        "Квалификационные испытания перед запуском серии",
    ),
    "MACHINING": ("Изготовление прототипа корпуса", "Отработка технологии обработки перед заказом оснастки"),
    "MEASUREMENT": ("Контроль геометрии первой партии деталей", "Обмер изношенной детали для изготовления замены"),
    "ADDITIVE": ("Печать прототипов для испытаний", "Изготовление вставок пресс-формы с конформным охлаждением"),
    "CHEMICAL": ("Наработка опытной партии для испытаний у заказчика", "Масштабирование лабораторной методики"),
    "COMPOSITES": ("Изготовление опытных панелей", "Отверждение деталей из препрега"),
    "COMPUTING": ("Расчёт прочности аппарата для экспертизы", "CFD-моделирование перемешивания в реакторе"),
    "ELECTRONICS": ("Отладка обмена данными с ПЛК линии", "Пилот интеграции с MES"),
}


def build_equipment(demo: Demo) -> None:
    """The shared equipment and, for most available items, bookings: approved and pending in the coming
    weeks, a past approved one, and a few rejected or cancelled. Windows of one item never overlap."""
    requesters = [key for key, spec in demo.specs.items() if spec.status == "member"]
    for number, spec in enumerate(EQUIPMENT):
        item = _equipment(demo, spec)
        if item.status == EquipmentStatus.AVAILABLE and number % 4 != 3:
            _bookings(demo, item, spec, [key for key in requesters if key != spec.owner], number)
    demo.counts["equipment"] = len(EQUIPMENT)


def _equipment(demo: Demo, spec: EquipmentSpec) -> Equipment:
    org = demo.orgs[spec.owner]
    item = Equipment(
        organization=org,
        name_ru=spec.name_ru,
        name_en=spec.name_en,
        category=spec.category,
        manufacturer=spec.manufacturer,
        model=spec.model,
        description_ru=spec.description_ru,
        description_en=spec.description_en,
        location=f"{org.address}, {spec.room}",
        specs=[{"name": name, "value": value} for name, value in spec.specs],
        price_per_hour=jitter(demo, spec.price_per_hour, 0),
        price_per_day=jitter(demo, spec.price_per_day, 0),
        access=spec.access,
        requirements=spec.requirements,
        status=spec.status,
        created_at=max(org.created_at, demo.days_ago(demo.rng.randint(30, 300))),
    )
    db.session.add(item)
    return item


def _bookings(demo: Demo, item: Equipment, spec: EquipmentSpec, requesters: list[str], number: int) -> None:
    rng = demo.rng
    owner_admin = demo.admin(spec.owner)
    daily = spec.price_per_hour is None
    # (day offset from today, status): one past use, then future windows on distinct days.
    plan = [(-rng.randint(5, 12), BookingStatus.APPROVED)]
    day = rng.randint(1, 4)
    for status in (BookingStatus.APPROVED, BookingStatus.PENDING, BookingStatus.APPROVED, BookingStatus.PENDING):
        plan.append((day, status))
        day += rng.randint(2, 6) + (2 if daily else 0)
    if number % 5 == 0:
        plan.append((day, BookingStatus.REJECTED))
    if number % 7 == 1:
        plan.append((day + 3, BookingStatus.CANCELLED))
    for offset, status in plan:
        if status == BookingStatus.PENDING and rng.random() < 0.3:
            continue
        requester_key = rng.choice(requesters)
        requester = demo.staff(requester_key)
        start_hour = 6 if daily else rng.choice((6, 7, 9, 11))  # UTC: 09:00–14:00 in Moscow
        starts = dt.datetime.combine(demo.today + dt.timedelta(days=offset), dt.time(start_hour))
        ends = starts + (
            dt.timedelta(days=rng.choice((1, 2)), hours=-15) if daily else dt.timedelta(hours=rng.choice((2, 3, 4, 6)))
        )
        requested = min(demo.now, starts) - dt.timedelta(days=rng.randint(2, 9))
        decided = status in (BookingStatus.APPROVED, BookingStatus.REJECTED)
        db.session.add(
            Booking(
                equipment=item,
                organization=demo.orgs[requester_key],
                requested_by=requester,
                starts_at=starts,
                ends_at=ends,
                purpose=rng.choice(_PURPOSES[spec.category.name]),
                status=status,
                decision_note=(
                    "Окно занято плановым обслуживанием прибора, предложили перенос на следующую неделю."
                    if status == BookingStatus.REJECTED
                    else ""
                ),
                decided_by=owner_admin if decided else None,
                decided_at=requested + dt.timedelta(hours=rng.randint(2, 30)) if decided else None,
                created_at=requested,
            )
        )
        demo.counts["bookings"] += 1
