"""Product templates: what a demo organization can list in the catalog.

A template is written once and may be listed by several organizations of
the same trade; the seed jitters the price per organization so two
suppliers of the same service do not look identical.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, kw_only=True)
class ProductTemplate:
    key: str  # unique template key, listed in OrgSpec.products
    okpd2: str  # OKPD2 code of the product; must exist in the classifier
    name_ru: str  # product name in Russian
    name_en: str  # product name in English
    unit: str  # unit of measure the price is per (т, шт, н/ч, проект…)
    price: int | None  # roubles per unit, before the per-organization jitter; None: on request
    description_ru: str  # catalog description in Russian
    description_en: str  # catalog description in English
    specs: tuple[tuple[str, str], ...] = ()  # (name, value) specification lines
    hs_code: str | None = None  # 6-digit HS (ТН ВЭД) code, for goods that are traded
    unspsc: str | None = None  # 8-digit UNSPSC code
    is_service: bool = False  # a service rather than goods


def parse_specs(text: str) -> tuple[tuple[str, str], ...]:
    """Specification lines written as "Name: value; Name: value" → ((name, value), ...)."""
    pairs = []
    for part in text.split("; "):
        if part:
            name, value = part.split(": ", 1)
            pairs.append((name, value))
    return tuple(pairs)


def product(
    *,
    key: str,
    okpd2: str,
    name_ru: str,
    name_en: str,
    unit: str,
    price: int | None,
    description_ru: str,
    description_en: str,
    specs: str = "",
    hs_code: str | None = None,
    unspsc: str | None = None,
    is_service: bool = False,
) -> ProductTemplate:
    """A ``ProductTemplate`` written compactly: ``specs`` as "Name: value; Name: value"."""
    return ProductTemplate(
        key=key,
        okpd2=okpd2,
        name_ru=name_ru,
        name_en=name_en,
        unit=unit,
        price=price,
        description_ru=description_ru,
        description_en=description_en,
        specs=parse_specs(specs),
        hs_code=hs_code,
        unspsc=unspsc,
        is_service=is_service,
    )


def service(
    *,
    key: str,
    okpd2: str,
    name_ru: str,
    name_en: str,
    unit: str,
    price: int | None,
    description_ru: str,
    description_en: str,
    specs: str = "",
    hs_code: str | None = None,
    unspsc: str | None = None,
) -> ProductTemplate:
    """A service template: ``product(..., is_service=True)``."""
    return product(
        key=key,
        okpd2=okpd2,
        name_ru=name_ru,
        name_en=name_en,
        unit=unit,
        price=price,
        description_ru=description_ru,
        description_en=description_en,
        specs=specs,
        hs_code=hs_code,
        unspsc=unspsc,
        is_service=True,
    )


def index(*groups: tuple[ProductTemplate, ...]) -> dict[str, ProductTemplate]:
    """All templates by key; a duplicate key is a programming error."""
    result: dict[str, ProductTemplate] = {}
    for group in groups:
        for template in group:
            if template.key in result:
                raise ValueError(f"duplicate product template {template.key}")
            result[template.key] = template
    return result
