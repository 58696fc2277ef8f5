"""The demo's production chains (document 003: raw materials → plastics, fertilizers, paints → testing, sales).

Each stage names the competency codes and OKPD2 prefixes that place member
organizations there; ``pins`` are organizations the manager placed by hand
(organization key, note). The paints chain starts with pigments, which nobody
in the cluster makes: a weak link the map shows.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, kw_only=True)
class StageSpec:
    name_ru: str  # stage name in Russian
    name_en: str  # stage name in English
    competencies: tuple[str, ...] = ()  # competency codes that place an organization at this stage
    okpd2: tuple[str, ...] = ()  # OKPD2 prefixes of products that place an organization at this stage
    pins: tuple[tuple[str, str], ...] = ()  # (organization key, note): placed here by the manager


@dataclass(frozen=True, kw_only=True)
class ChainSpec:
    name_ru: str  # chain name in Russian
    name_en: str  # chain name in English
    description_ru: str  # what the chain covers, in Russian
    description_en: str  # the same in English
    stages: tuple[StageSpec, ...]  # the stages, from raw materials to the market


CHAINS = (
    ChainSpec(
        name_ru="Полимеры и изделия из пластмасс",
        name_en="Polymers and plastic products",
        description_ru="От углеводородного сырья и мономеров через синтез полимеров к трубам, плёнкам, таре и "
        "техническим изделиям; испытания, сертификация, сбыт и переработка отходов обратно во вторичное сырьё.",
        description_en="From hydrocarbon feedstock and monomers through polymer synthesis to pipes, films, packaging "
        "and technical parts; testing, certification, sales and recycling of waste back into secondary raw material.",
        stages=(
            StageSpec(
                name_ru="Сырьё: углеводороды и мономеры",
                name_en="Feedstock: hydrocarbons and monomers",
                competencies=("PETRO.OLEFIN", "PETRO.GAS"),
                okpd2=("20.14.1",),
            ),
            StageSpec(
                name_ru="Синтез полимеров и компаундирование",
                name_en="Polymer synthesis and compounding",
                competencies=("CHEM.POLY.RESIN", "CHEM.POLY.COMP"),
                okpd2=("20.16",),
            ),
            StageSpec(
                name_ru="Изделия из пластмасс",
                name_en="Plastic products",
                competencies=("CHEM.POLY.INJ", "CHEM.POLY.EXTR", "CHEM.POLY.BLOW"),
                okpd2=("22.2",),
                pins=(("termoplastmash", "Поставляет и обслуживает экструзионные и литьевые линии"),),
            ),
            StageSpec(
                name_ru="Испытания и сертификация",
                name_en="Testing and certification",
                competencies=("RND.POLYTEST",),
                okpd2=(),
                pins=(("sktu", "Лаборатория испытаний полимеров центра коллективного пользования"),),
            ),
            StageSpec(
                name_ru="Сбыт и вторичная переработка",
                name_en="Sales and recycling",
                competencies=("CHEM.POLY.RECYC",),
                okpd2=("46.76", "38.21"),
            ),
        ),
    ),
    ChainSpec(
        name_ru="Минеральные удобрения",
        name_en="Mineral fertilizers",
        description_ru="Природный газ, аммиак и кислоты — азотные и комплексные удобрения — упаковка и отгрузка по "
        "железной дороге — агрохимический анализ — оптовые поставки и применение в хозяйствах края.",
        description_en="Natural gas, ammonia and acids — nitrogen and compound fertilizers — packaging and rail "
        "shipment — agrochemical analysis — wholesale and application on the region's farms.",
        stages=(
            StageSpec(
                name_ru="Сырьё: газ, аммиак, кислоты",
                name_en="Feedstock: gas, ammonia, acids",
                competencies=("PETRO.GAS", "CHEM.BASIC", "CHEM.GAS"),
                okpd2=("20.11", "20.13"),
            ),
            StageSpec(
                name_ru="Производство удобрений",
                name_en="Fertilizer production",
                competencies=("CHEM.FERT",),
                okpd2=("20.15",),
            ),
            StageSpec(
                name_ru="Упаковка и логистика",
                name_en="Packaging and logistics",
                competencies=("LOG.PACK", "LOG.RAIL", "LOG.TANK"),
                okpd2=("22.22.1",),
            ),
            StageSpec(
                name_ru="Агрохимические испытания", name_en="Agrochemical testing", competencies=(), okpd2=("71.20.11",)
            ),
            StageSpec(
                name_ru="Сбыт и применение",
                name_en="Sales and application",
                competencies=("CHEM.AGRO", "LOG.TRADE"),
                okpd2=("46.75.1",),
                pins=(("statu", "Полевые опыты и рекомендации по применению удобрений"),),
            ),
        ),
    ),
    ChainSpec(
        name_ru="Лакокрасочные материалы",
        name_en="Paints and coatings",
        description_ru="Пигменты, смолы и растворители — производство красок, эмалей и порошковых покрытий — испытания "
        "покрытий — нанесение на металлоконструкции — оптовая торговля. Пигменты в кластере не производятся.",
        description_en="Pigments, resins and solvents — paints, enamels and powder coatings — coating tests — "
        "application to steel structures — wholesale. No member makes pigments yet.",
        stages=(
            StageSpec(
                name_ru="Пигменты и наполнители", name_en="Pigments and fillers", competencies=(), okpd2=("20.12",)
            ),
            StageSpec(
                name_ru="Смолы и растворители",
                name_en="Resins and solvents",
                competencies=("CHEM.ORG",),
                okpd2=("20.14.3", "20.16.4"),
            ),
            StageSpec(
                name_ru="Производство ЛКМ",
                name_en="Paint manufacturing",
                competencies=("CHEM.PAINT",),
                okpd2=("20.30",),
            ),
            StageSpec(
                name_ru="Испытания и сертификация",
                name_en="Testing and certification",
                competencies=("RND.POLYTEST", "RND.CLIMATE"),
                okpd2=(),
            ),
            StageSpec(
                name_ru="Нанесение покрытий",
                name_en="Coating application",
                competencies=("METAL.COAT",),
                okpd2=("25.61.1",),
            ),
            StageSpec(
                name_ru="Оптовая торговля",
                name_en="Wholesale",
                competencies=(),
                okpd2=("46.73.14",),
                pins=(("terminalyug", "Складирование и отгрузка ЛКМ для дилеров края"),),
            ),
        ),
    ),
)
