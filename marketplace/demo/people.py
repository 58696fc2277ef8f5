"""Names and job titles for demo users, drawn from a seeded random generator."""

from __future__ import annotations

import random

from ..organizations.models import OrgKind

_MALE = (
    "Алексей",
    "Сергей",
    "Андрей",
    "Дмитрий",
    "Игорь",
    "Олег",
    "Виктор",
    "Николай",
    "Павел",
    "Роман",
    "Артём",
    "Михаил",
    "Владимир",
    "Евгений",
    "Константин",
    "Руслан",
    "Тимур",
    "Георгий",
)
_FEMALE = (
    "Елена",
    "Ольга",
    "Наталья",
    "Ирина",
    "Татьяна",
    "Марина",
    "Анна",
    "Светлана",
    "Юлия",
    "Екатерина",
    "Людмила",
    "Мадина",
    "Алина",
    "Вероника",
)
_FATHERS = (
    "Александр",
    "Сергей",
    "Виктор",
    "Николай",
    "Пётр",
    "Иван",
    "Анатолий",
    "Юрий",
    "Михаил",
    "Владимир",
    "Геннадий",
    "Борис",
    "Аслан",
)
_SURNAMES = (
    "Иванов",
    "Кузнецов",
    "Соколов",
    "Морозов",
    "Волков",
    "Лебедев",
    "Козлов",
    "Новиков",
    "Захаров",
    "Белов",
    "Гончаров",
    "Тарасов",
    "Борисов",
    "Мельников",
    "Карпов",
    "Фролов",
    "Данилов",
    "Давыдов",
    "Макаров",
    "Литвинов",
    "Абрамов",
    "Гусев",
    "Ткаченко",
    "Шевченко",
    "Кравченко",
    "Бондаренко",
    "Руденко",
    "Савченко",
    "Коваленко",
    "Петренко",
    "Хачатуров",
    "Алиев",
    "Кочиев",
    "Дзуцев",
    "Сидорин",
    "Ерохин",
)

_POSITIONS = {
    OrgKind.SME: ("Генеральный директор", "Коммерческий директор", "Главный инженер"),
    OrgKind.LARGE: ("Директор по закупкам", "Главный инженер", "Начальник отдела материально-технического снабжения"),
    OrgKind.UNIVERSITY: (
        "Проректор по научной работе",
        "Директор центра коллективного пользования",
        "Начальник отдела трансфера технологий",
    ),
    OrgKind.RESEARCH: ("Заместитель директора по науке", "Руководитель испытательной лаборатории"),
    OrgKind.PUBLIC: ("Директор", "Руководитель проектного офиса"),
    OrgKind.OTHER: ("Директор", "Руководитель учебных программ"),
}
_SECOND_POSITIONS = {
    OrgKind.SME: "Менеджер по продажам",
    OrgKind.LARGE: "Ведущий специалист по закупкам",
    OrgKind.UNIVERSITY: "Заведующий лабораторией",
    OrgKind.RESEARCH: "Старший научный сотрудник",
    OrgKind.PUBLIC: "Специалист",
    OrgKind.OTHER: "Методист",
}


def full_name(rng: random.Random) -> str:
    """ "Фамилия Имя Отчество", grammatically consistent in gender."""
    surname = rng.choice(_SURNAMES)
    father = rng.choice(_FATHERS)
    if rng.random() < 0.6:
        first = rng.choice(_MALE)
        patronymic = _patronymic(father, male=True)
    else:
        first = rng.choice(_FEMALE)
        patronymic = _patronymic(father, male=False)
        surname = _female_surname(surname)
    return f"{surname} {first} {patronymic}"


def position(rng: random.Random, kind: OrgKind, *, second: bool = False) -> str:
    return _SECOND_POSITIONS[kind] if second else rng.choice(_POSITIONS[kind])


def _patronymic(father: str, *, male: bool) -> str:
    irregular = {"Пётр": "Петр", "Юрий": "Юрьев", "Анатолий": "Анатольев", "Геннадий": "Геннадьев", "Михаил": "Михайл"}
    stem = irregular.get(father, father)
    if stem.endswith("ев"):  # Юрьевич, Анатольевич, Геннадьевич
        return stem + ("ич" if male else "на")
    if stem.endswith("й"):  # Сергеевич, Николаевич
        return stem[:-1] + ("евич" if male else "евна")
    return stem + ("ович" if male else "овна")


def _female_surname(surname: str) -> str:
    return surname + "а" if surname.endswith(("ов", "ев", "ин")) else surname
