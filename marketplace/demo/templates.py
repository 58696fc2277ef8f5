"""Product templates: what a demo organization can list in the catalog.

A template is written once and may be listed by several organizations of
the same trade; the seed jitters the price per organization so two
suppliers of the same service do not look identical.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ProductTemplate:
    key: str
    okpd2: str
    name_ru: str
    name_en: str
    unit: str
    price: int | None  # roubles per unit, before the per-organization jitter; None: on request
    description_ru: str
    description_en: str
    specs: tuple[tuple[str, str], ...] = ()
    hs_code: str | None = None
    unspsc: str | None = None
    is_service: bool = False


def P(
    key: str,
    okpd2: str,
    name_ru: str,
    name_en: str,
    unit: str,
    price: int | None,
    description_ru: str,
    description_en: str,
    specs: str = "",
    *,
    hs: str | None = None,
    unspsc: str | None = None,
    service: bool = False,
) -> ProductTemplate:
    """Shorthand: ``specs`` is written as "Name: value; Name: value"."""
    pairs = tuple(tuple(part.split(": ", 1)) for part in specs.split("; ") if part)  # type: ignore[misc]
    return ProductTemplate(
        key, okpd2, name_ru, name_en, unit, price, description_ru, description_en, pairs, hs, unspsc, service
    )


def S(
    key: str,
    okpd2: str,
    name_ru: str,
    name_en: str,
    unit: str,
    price: int | None,
    description_ru: str,
    description_en: str,
    specs: str = "",
    **kw,
) -> ProductTemplate:
    """A service template."""
    return P(key, okpd2, name_ru, name_en, unit, price, description_ru, description_en, specs, service=True, **kw)


def index(*groups: tuple[ProductTemplate, ...]) -> dict[str, ProductTemplate]:
    """All templates by key; a duplicate key is a programming error."""
    result: dict[str, ProductTemplate] = {}
    for group in groups:
        for template in group:
            if template.key in result:
                raise ValueError(f"duplicate product template {template.key}")
            result[template.key] = template
    return result
