"""The sections of OKPD2 (OK 034-2014): letters A–U over the two-digit classes of its codes.

The reference data (``okpd2.json``) starts at classes ("25"); a section groups classes the way
OKVED2 and NACE Rev. 2 do (section C, "manufactured products", is classes 10–33). The Russian
name is the classifier's; the English one is for display.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple


class Okpd2Section(NamedTuple):
    letter: str
    first: int  # the first and last two-digit class of the section
    last: int
    name_ru: str
    name_en: str


SECTIONS: tuple[Okpd2Section, ...] = (
    Okpd2Section("A", 1, 3, "Продукция сельского, лесного и рыбного хозяйства", "Agriculture, forestry and fishing"),
    Okpd2Section("B", 5, 9, "Продукция горнодобывающих производств", "Mining and quarrying"),
    Okpd2Section("C", 10, 33, "Продукция обрабатывающих производств", "Manufactured products"),
    Okpd2Section(
        "D",
        35,
        35,
        "Электроэнергия, газ, пар и кондиционирование воздуха",
        "Electricity, gas, steam and air conditioning",
    ),
    Okpd2Section(
        "E",
        36,
        39,
        "Водоснабжение; водоотведение, услуги по удалению и рекультивации отходов",
        "Water supply, sewerage, waste management and remediation",
    ),
    Okpd2Section("F", 41, 43, "Сооружения и строительные работы", "Constructions and construction works"),
    Okpd2Section(
        "G",
        45,
        47,
        "Услуги по оптовой и розничной торговле; услуги по ремонту автотранспортных средств и мотоциклов",
        "Wholesale and retail trade; repair of motor vehicles and motorcycles",
    ),
    Okpd2Section("H", 49, 53, "Услуги транспорта и складского хозяйства", "Transportation and storage services"),
    Okpd2Section(
        "I", 55, 56, "Услуги гостиничного хозяйства и общественного питания", "Accommodation and food services"
    ),
    Okpd2Section("J", 58, 63, "Услуги в области информации и связи", "Information and communication services"),
    Okpd2Section("K", 64, 66, "Услуги финансовые и страховые", "Financial and insurance services"),
    Okpd2Section("L", 68, 68, "Услуги, связанные с недвижимым имуществом", "Real estate services"),
    Okpd2Section(
        "M",
        69,
        75,
        "Услуги, связанные с научной, инженерно-технической и профессиональной деятельностью",
        "Professional, scientific and technical services",
    ),
    Okpd2Section("N", 77, 82, "Услуги административные и вспомогательные", "Administrative and support services"),
    Okpd2Section(
        "O",
        84,
        84,
        "Услуги в сфере государственного управления и обеспечения военной безопасности; "
        "услуги по обязательному социальному обеспечению",
        "Public administration and defence; compulsory social security services",
    ),
    Okpd2Section("P", 85, 85, "Услуги в области образования", "Education services"),
    Okpd2Section(
        "Q", 86, 88, "Услуги в области здравоохранения и социальные услуги", "Human health and social work services"
    ),
    Okpd2Section(
        "R",
        90,
        93,
        "Услуги в области искусства, развлечений, отдыха и спорта",
        "Arts, entertainment and recreation services",
    ),
    Okpd2Section("S", 94, 96, "Услуги общественных организаций; прочие услуги для населения", "Other services"),
    Okpd2Section(
        "T",
        97,
        98,
        "Товары и услуги различные, производимые домашними хозяйствами для собственного потребления, "
        "включая услуги работодателя для домашнего персонала",
        "Goods and services of households for own use, including services of households as employers",
    ),
    Okpd2Section(
        "U",
        99,
        99,
        "Услуги, предоставляемые экстерриториальными организациями и органами",
        "Services of extraterritorial organisations and bodies",
    ),
)

_BY_LETTER = {section.letter: section for section in SECTIONS}
_BY_CLASS = {number: section.letter for section in SECTIONS for number in range(section.first, section.last + 1)}


def okpd2_section(code: str | None) -> str | None:
    """The section letter of an OKPD2 code by its two-digit class ("25.62.10" → "C"), or ``None``
    when the code does not start with a class of the classifier."""
    head = (code or "").strip()[:2]
    if len(head) != 2 or not (head.isascii() and head.isdigit()):
        return None
    return _BY_CLASS.get(int(head))


def okpd2_sections(codes: Iterable[str | None]) -> list[str]:
    """The distinct section letters of ``codes``, in alphabetical order (unknown codes are left out)."""
    return sorted({letter for code in codes if (letter := okpd2_section(code))})


def section_name(letter: str, language: str) -> str:
    """The section's name in ``language`` ("ru" or "en"); an unknown letter passes through."""
    section = _BY_LETTER.get(letter)
    if section is None:
        return letter
    return section.name_en if language == "en" else section.name_ru


def is_section(letter: str) -> bool:
    """Whether ``letter`` names a section (A–U)."""
    return letter in _BY_LETTER
