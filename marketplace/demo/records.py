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


@dataclass(frozen=True, kw_only=True)
class OrgSpec:
    """One demo organization as written by hand; the seed adds INN/OGRN, phone, e-mail and users."""

    key: str  # short latin slug: the e-mail domain <key>.demo, the key other demo data refers to it by
    kind: OrgKind  # SME, LARGE, UNIVERSITY, RESEARCH, PUBLIC or OTHER
    name_ru: str  # full legal name in Russian
    name_en: str  # name in English
    region: str  # a value of reference.regions.REGIONS (and a key of REGION_TAX_CODES for an INN)
    city: str  # a key of CITY_PHONE_CODES
    address: str  # street address within the city (the seed prefixes the city)
    staff_size: int  # number of employees
    description_ru: str  # what the organization does, in Russian
    description_en: str  # the same in English
    competencies: tuple[tuple[str, int, str], ...]  # (competency code, level 1–3, note) triples
    products: tuple[str, ...] = ()  # keys of product templates (products_*.py) it lists in the catalog
    certifications: tuple[str, ...] = ()  # certificates and accreditations, one per entry
    capacity: str = ""  # production capacity, free text
    status: str = "member"  # membership: member | none | applied | rejected
    member_years: int = 2  # years since joining (members only)
    confidential: tuple[str, ...] = ()  # protected fields (PROTECTED_FIELDS) hidden from non-members
    founded: int = 2008  # registration year, used in the OGRN


def org(
    *,
    key: str,
    kind: OrgKind,
    name_ru: str,
    name_en: str,
    region: str,
    city: str,
    address: str,
    staff_size: int,
    description_ru: str,
    description_en: str,
    competencies: str,
    products: str = "",
    certifications: str = "",
    capacity: str = "",
    status: str = "member",
    member_years: int = 2,
    confidential: tuple[str, ...] = (),
    founded: int = 2008,
) -> OrgSpec:
    """An ``OrgSpec`` written compactly: ``competencies`` as "CODE/level/note; CODE/level/note",
    ``products`` and ``certifications`` as lists separated by "; "."""
    triples = []
    for item in competencies.split("; "):
        code, level, note = item.split("/", 2)
        triples.append((code, int(level), note))
    return OrgSpec(
        key=key,
        kind=kind,
        name_ru=name_ru,
        name_en=name_en,
        region=region,
        city=city,
        address=address,
        staff_size=staff_size,
        description_ru=description_ru,
        description_en=description_en,
        competencies=tuple(triples),
        products=tuple(p for p in products.split("; ") if p),
        certifications=tuple(c for c in certifications.split("; ") if c),
        capacity=capacity,
        status=status,
        member_years=member_years,
        confidential=confidential,
        founded=founded,
    )
