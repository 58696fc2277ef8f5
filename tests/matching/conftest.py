"""Small, hand-written profiles for the matcher's unit tests (no app, no database)."""

from __future__ import annotations

import pytest

from matching import Competency, Matcher, MatcherConfig, OrganizationProfile, ProfileDocument

#: A joint project listed by two organizations: indexed once, shared.
JOINT = ProfileDocument(
    "Pilot plant for pyrolysis of mixed plastic waste", title="Pyrolysis pilot", id="joint-1", lang="en"
)


def make_profiles() -> list[OrganizationProfile]:
    return [
        OrganizationProfile(
            id=1,
            name="ООО «Токарь»",
            kind="sme",
            region="Смоленская область",
            is_member=True,
            description="Токарная обработка и фрезерование деталей на станках с ЧПУ. Изготавливаем фланец "
            "любого диаметра, фланец воротниковый, фланец плоский.",
            competencies=[Competency("02.01", "Механическая обработка металлов")],
            products=[
                ProfileDocument(
                    "Фланцы стальные по ГОСТ 33259 из стали 20 и 09Г2С", title="Фланцы стальные", kind="product"
                )
            ],
            projects=[
                ProfileDocument("Поставка 500 фланцев для насосной станции", title="Фланцы для НПС", id="order-17")
            ],
            okpd2_codes=["25.62"],
        ),
        OrganizationProfile(
            id=2,
            name="АО «Литейщик»",
            kind="large",
            region="Ставропольский край",
            is_member=True,
            description="Литье чугуна и стали, отливки для насосов и арматуры, термообработка.",
            competencies=[Competency("02.02", "Литейное производство")],
            okpd2_codes=["24.51"],
        ),
        OrganizationProfile(
            id=3,
            name="Политехнический университет",
            kind="university",
            region="Смоленская область",
            is_member=True,
            description="Кафедра полимерных материалов: исследования катализаторов и переработки пластмасс.",
            competencies=[Competency("05.01", "Химия полимеров"), Competency("02.01.03", "Испытания металлов")],
            equipment=[ProfileDocument("Испытательная машина для испытаний металлов на растяжение", kind="equipment")],
            projects=[
                ProfileDocument("Разработка катализатора полимеризации этилена", title="Катализатор", id="p-1"),
                JOINT,
            ],
        ),
        OrganizationProfile(
            id=4,
            name="Polymer Research Institute",
            kind="REC",
            region="Moscow",
            is_member=False,
            description="Research institute for polymer recycling, plastics testing and catalysis.",
            projects=[
                ProfileDocument(
                    "Chemical recycling of polyethylene waste into fuel", title="Recycling pilot", id="p-2", lang="en"
                ),
                ProfileDocument(
                    "Catalyst development for ethylene polymerization", title="Catalyst", id="p-3", lang="en"
                ),
                JOINT,
            ],
        ),
        OrganizationProfile(
            id=5,
            name="Chem Plant Ltd",
            kind="PRC",
            region="Ставропольский край",
            is_member=True,
            description="Production of polyethylene, polypropylene and plastic packaging.",
            products=["Polyethylene film for packaging", "Polypropylene granules"],
            okpd2_codes=["20.16.10"],
        ),
        OrganizationProfile(
            id=6,
            name="ООО «Ромашка»",
            kind="sme",
            region="Смоленская область",
            is_member=False,
            description="Механическая обработка, токарные работы, изготовление валов и втулок.",
            competencies=[Competency("02.01", "Механическая обработка металлов")],
            okpd2_codes=["25.62.20"],
        ),
        OrganizationProfile(
            id=7,
            name="Управление экологии",
            kind="public",
            region="Смоленская область",
            description="Экологический мониторинг, очистка сточных вод, контроль выбросов.",
        ),
    ]


@pytest.fixture
def profiles() -> list[OrganizationProfile]:
    return make_profiles()


@pytest.fixture
def matcher(profiles) -> Matcher:
    return Matcher(MatcherConfig()).fit(profiles)
