"""Regions of the Russian Federation (and neighbours seen in cluster work).

The Russian name is what the database stores; the English one is for display.
"""

from __future__ import annotations

REGIONS: list[tuple[str, str]] = [
    ("Москва", "Moscow"),
    ("Санкт-Петербург", "Saint Petersburg"),
    ("Севастополь", "Sevastopol"),
    ("Республика Адыгея", "Republic of Adygea"),
    ("Республика Алтай", "Altai Republic"),
    ("Республика Башкортостан", "Republic of Bashkortostan"),
    ("Республика Бурятия", "Republic of Buryatia"),
    ("Республика Дагестан", "Republic of Dagestan"),
    ("Республика Ингушетия", "Republic of Ingushetia"),
    ("Кабардино-Балкарская Республика", "Kabardino-Balkarian Republic"),
    ("Республика Калмыкия", "Republic of Kalmykia"),
    ("Карачаево-Черкесская Республика", "Karachay-Cherkess Republic"),
    ("Республика Карелия", "Republic of Karelia"),
    ("Республика Коми", "Komi Republic"),
    ("Республика Крым", "Republic of Crimea"),
    ("Республика Марий Эл", "Mari El Republic"),
    ("Республика Мордовия", "Republic of Mordovia"),
    ("Республика Саха (Якутия)", "Sakha (Yakutia) Republic"),
    ("Республика Северная Осетия — Алания", "Republic of North Ossetia–Alania"),
    ("Республика Татарстан", "Republic of Tatarstan"),
    ("Республика Тыва", "Tuva Republic"),
    ("Удмуртская Республика", "Udmurt Republic"),
    ("Республика Хакасия", "Republic of Khakassia"),
    ("Чеченская Республика", "Chechen Republic"),
    ("Чувашская Республика", "Chuvash Republic"),
    ("Алтайский край", "Altai Krai"),
    ("Забайкальский край", "Zabaykalsky Krai"),
    ("Камчатский край", "Kamchatka Krai"),
    ("Краснодарский край", "Krasnodar Krai"),
    ("Красноярский край", "Krasnoyarsk Krai"),
    ("Пермский край", "Perm Krai"),
    ("Приморский край", "Primorsky Krai"),
    ("Ставропольский край", "Stavropol Krai"),
    ("Хабаровский край", "Khabarovsk Krai"),
    ("Амурская область", "Amur Oblast"),
    ("Архангельская область", "Arkhangelsk Oblast"),
    ("Астраханская область", "Astrakhan Oblast"),
    ("Белгородская область", "Belgorod Oblast"),
    ("Брянская область", "Bryansk Oblast"),
    ("Владимирская область", "Vladimir Oblast"),
    ("Волгоградская область", "Volgograd Oblast"),
    ("Вологодская область", "Vologda Oblast"),
    ("Воронежская область", "Voronezh Oblast"),
    ("Ивановская область", "Ivanovo Oblast"),
    ("Иркутская область", "Irkutsk Oblast"),
    ("Калининградская область", "Kaliningrad Oblast"),
    ("Калужская область", "Kaluga Oblast"),
    ("Кемеровская область — Кузбасс", "Kemerovo Oblast – Kuzbass"),
    ("Кировская область", "Kirov Oblast"),
    ("Костромская область", "Kostroma Oblast"),
    ("Курганская область", "Kurgan Oblast"),
    ("Курская область", "Kursk Oblast"),
    ("Ленинградская область", "Leningrad Oblast"),
    ("Липецкая область", "Lipetsk Oblast"),
    ("Магаданская область", "Magadan Oblast"),
    ("Московская область", "Moscow Oblast"),
    ("Мурманская область", "Murmansk Oblast"),
    ("Нижегородская область", "Nizhny Novgorod Oblast"),
    ("Новгородская область", "Novgorod Oblast"),
    ("Новосибирская область", "Novosibirsk Oblast"),
    ("Омская область", "Omsk Oblast"),
    ("Оренбургская область", "Orenburg Oblast"),
    ("Орловская область", "Oryol Oblast"),
    ("Пензенская область", "Penza Oblast"),
    ("Псковская область", "Pskov Oblast"),
    ("Ростовская область", "Rostov Oblast"),
    ("Рязанская область", "Ryazan Oblast"),
    ("Самарская область", "Samara Oblast"),
    ("Саратовская область", "Saratov Oblast"),
    ("Сахалинская область", "Sakhalin Oblast"),
    ("Свердловская область", "Sverdlovsk Oblast"),
    ("Смоленская область", "Smolensk Oblast"),
    ("Тамбовская область", "Tambov Oblast"),
    ("Тверская область", "Tver Oblast"),
    ("Томская область", "Tomsk Oblast"),
    ("Тульская область", "Tula Oblast"),
    ("Тюменская область", "Tyumen Oblast"),
    ("Ульяновская область", "Ulyanovsk Oblast"),
    ("Челябинская область", "Chelyabinsk Oblast"),
    ("Ярославская область", "Yaroslavl Oblast"),
    ("Еврейская автономная область", "Jewish Autonomous Oblast"),
    ("Ненецкий автономный округ", "Nenets Autonomous Okrug"),
    ("Ханты-Мансийский автономный округ — Югра", "Khanty-Mansi Autonomous Okrug – Yugra"),
    ("Чукотский автономный округ", "Chukotka Autonomous Okrug"),
    ("Ямало-Ненецкий автономный округ", "Yamalo-Nenets Autonomous Okrug"),
    ("Витебская область (Беларусь)", "Vitebsk Region (Belarus)"),
    ("Минская область (Беларусь)", "Minsk Region (Belarus)"),
    ("Минск (Беларусь)", "Minsk (Belarus)"),
]

_ENGLISH = dict(REGIONS)


def region_name(stored: str, language: str) -> str:
    """The region's name in ``language`` ("ru" or "en"); unknown names pass through."""
    if language == "en":
        return _ENGLISH.get(stored, stored)
    return stored


def region_choices(language: str) -> list[tuple[str, str]]:
    """Choices for a select: stored value and display name, sorted by display name."""
    return sorted(((ru, region_name(ru, language)) for ru, _ in REGIONS), key=lambda pair: pair[1])
