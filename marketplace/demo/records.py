"""The shape of a hand-written demo organization, and reference tables used to fill it in."""

from __future__ import annotations

from dataclasses import dataclass

from ..organizations.models import OrgKind

SME, LARGE, UNIVERSITY, RESEARCH, PUBLIC, OTHER = (
    OrgKind.SME,
    OrgKind.LARGE,
    OrgKind.UNIVERSITY,
    OrgKind.RESEARCH,
    OrgKind.PUBLIC,
    OrgKind.OTHER,
)

#: Tax-office region code (first two digits of INN/OGRN region part) of each region used.
REGION_TAX_CODES = {
    "Ставропольский край": 26,
    "Краснодарский край": 23,
    "Ростовская область": 61,
    "Волгоградская область": 34,
    "Кабардино-Балкарская Республика": 7,
    "Карачаево-Черкесская Республика": 9,
    "Республика Северная Осетия — Алания": 15,
    "Москва": 77,
    "Республика Татарстан": 16,
}

#: Dialling code of each city used (Russian long-distance codes; Novopolotsk is in Belarus).
CITY_PHONE_CODES = {
    "Ставрополь": "8652",
    "Невинномысск": "86554",
    "Будённовск": "86559",
    "Пятигорск": "8793",
    "Георгиевск": "87951",
    "Ессентуки": "87934",
    "Кисловодск": "87937",
    "Михайловск": "86553",
    "Изобильный": "86545",
    "Минеральные Воды": "87922",
    "Краснодар": "861",
    "Новороссийск": "8617",
    "Славянск-на-Кубани": "86146",
    "Ростов-на-Дону": "863",
    "Таганрог": "8634",
    "Новочеркасск": "8635",
    "Волгоград": "8442",
    "Нальчик": "8662",
    "Черкесск": "8782",
    "Владикавказ": "8672",
    "Моздок": "86736",
    "Казань": "843",
    "Новополоцк": "+375 214",
}


@dataclass(frozen=True)
class OrgSpec:
    """One demo organization as written by hand; the seed adds INN/OGRN, phone, e-mail and users."""

    key: str  # short latin slug: e-mail domain <key>.demo
    kind: OrgKind
    name_ru: str
    name_en: str
    region: str  # a value of reference.regions.REGIONS
    city: str
    address: str
    staff: int
    description_ru: str
    description_en: str
    competencies: tuple[tuple[str, int, str], ...]  # (competency code, level 1–3, note)
    products: tuple[str, ...] = ()  # product template keys
    certifications: tuple[str, ...] = ()
    capacity: str = ""
    status: str = "member"  # member | none | applied | rejected
    member_years: int = 2  # years since joining (members only)
    confidential: tuple[str, ...] = ()
    founded: int = 2008  # registration year, used in the OGRN


def O(
    key: str,
    kind: OrgKind,
    name_ru: str,
    name_en: str,
    region: str,
    city: str,
    address: str,
    staff: int,
    description_ru: str,
    description_en: str,
    competencies: str,
    products: str = "",
    *,
    certifications: str = "",
    **kw,
) -> OrgSpec:
    """Shorthand: ``competencies`` is "CODE/level/note; ...", ``products`` and
    ``certifications`` are separated by "; "."""
    comps = []
    for item in competencies.split("; "):
        code, level, note = item.split("/", 2)
        comps.append((code, int(level), note))
    return OrgSpec(
        key,
        kind,
        name_ru,
        name_en,
        region,
        city,
        address,
        staff,
        description_ru,
        description_en,
        tuple(comps),
        tuple(p for p in products.split("; ") if p),
        tuple(c for c in certifications.split("; ") if c),
        **kw,
    )
