"""The demo's production chains (document 003: raw materials → plastics, fertilizers, paints → testing, sales).

Each stage names the competency codes and OKPD2 prefixes that place member
organizations there; ``pins`` are organizations the manager placed by hand
(organization key, note). The paints chain starts with pigments, which nobody
in the cluster makes: a weak link the map shows.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class StageSpec:
    name_ru: str
    name_en: str
    competencies: tuple[str, ...] = ()
    okpd2: tuple[str, ...] = ()
    pins: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class ChainSpec:
    name_ru: str
    name_en: str
    description_ru: str
    description_en: str
    stages: tuple[StageSpec, ...]


CHAINS = (
    ChainSpec(
        "Полимеры и изделия из пластмасс",
        "Polymers and plastic products",
        "От углеводородного сырья и мономеров через синтез полимеров к трубам, плёнкам, таре и техническим "
        "изделиям; испытания, сертификация, сбыт и переработка отходов обратно во вторичное сырьё.",
        "From hydrocarbon feedstock and monomers through polymer synthesis to pipes, films, packaging and "
        "technical parts; testing, certification, sales and recycling of waste back into secondary raw material.",
        (
            StageSpec(
                "Сырьё: углеводороды и мономеры",
                "Feedstock: hydrocarbons and monomers",
                ("PETRO.OLEFIN", "PETRO.GAS"),
                ("20.14.1",),
            ),
            StageSpec(
                "Синтез полимеров и компаундирование",
                "Polymer synthesis and compounding",
                ("CHEM.POLY.RESIN", "CHEM.POLY.COMP"),
                ("20.16",),
            ),
            StageSpec(
                "Изделия из пластмасс",
                "Plastic products",
                ("CHEM.POLY.INJ", "CHEM.POLY.EXTR", "CHEM.POLY.BLOW"),
                ("22.2",),
                pins=(("termoplastmash", "Поставляет и обслуживает экструзионные и литьевые линии"),),
            ),
            StageSpec(
                "Испытания и сертификация",
                "Testing and certification",
                ("RND.POLYTEST",),
                (),
                pins=(("sktu", "Лаборатория испытаний полимеров центра коллективного пользования"),),
            ),
            StageSpec("Сбыт и вторичная переработка", "Sales and recycling", ("CHEM.POLY.RECYC",), ("46.76", "38.21")),
        ),
    ),
    ChainSpec(
        "Минеральные удобрения",
        "Mineral fertilizers",
        "Природный газ, аммиак и кислоты — азотные и комплексные удобрения — упаковка и отгрузка по железной "
        "дороге — агрохимический анализ — оптовые поставки и применение в хозяйствах края.",
        "Natural gas, ammonia and acids — nitrogen and compound fertilizers — packaging and rail shipment — "
        "agrochemical analysis — wholesale and application on the region's farms.",
        (
            StageSpec(
                "Сырьё: газ, аммиак, кислоты",
                "Feedstock: gas, ammonia, acids",
                ("PETRO.GAS", "CHEM.BASIC", "CHEM.GAS"),
                ("20.11", "20.13"),
            ),
            StageSpec("Производство удобрений", "Fertilizer production", ("CHEM.FERT",), ("20.15",)),
            StageSpec(
                "Упаковка и логистика", "Packaging and logistics", ("LOG.PACK", "LOG.RAIL", "LOG.TANK"), ("22.22.1",)
            ),
            StageSpec("Агрохимические испытания", "Agrochemical testing", (), ("71.20.11",)),
            StageSpec(
                "Сбыт и применение",
                "Sales and application",
                ("CHEM.AGRO", "LOG.TRADE"),
                ("46.75.1",),
                pins=(("statu", "Полевые опыты и рекомендации по применению удобрений"),),
            ),
        ),
    ),
    ChainSpec(
        "Лакокрасочные материалы",
        "Paints and coatings",
        "Пигменты, смолы и растворители — производство красок, эмалей и порошковых покрытий — испытания "
        "покрытий — нанесение на металлоконструкции — оптовая торговля. Пигменты в кластере не производятся.",
        "Pigments, resins and solvents — paints, enamels and powder coatings — coating tests — application to "
        "steel structures — wholesale. No member makes pigments yet.",
        (
            StageSpec("Пигменты и наполнители", "Pigments and fillers", (), ("20.12",)),
            StageSpec("Смолы и растворители", "Resins and solvents", ("CHEM.ORG",), ("20.14.3", "20.16.4")),
            StageSpec("Производство ЛКМ", "Paint manufacturing", ("CHEM.PAINT",), ("20.30",)),
            StageSpec("Испытания и сертификация", "Testing and certification", ("RND.POLYTEST", "RND.CLIMATE"), ()),
            StageSpec("Нанесение покрытий", "Coating application", ("METAL.COAT",), ("25.61.1",)),
            StageSpec(
                "Оптовая торговля",
                "Wholesale",
                (),
                ("46.73.14",),
                pins=(("terminalyug", "Складирование и отгрузка ЛКМ для дилеров края"),),
            ),
        ),
    ),
)
