"""Synthetic organization profiles and orders for the scale benchmark.

Texts are drawn from a vocabulary with a Zipf-like (Zipf–Mandelbrot) distribution: a core of
real Russian and English industrial words (in several inflected forms, so
the analyzer's stemming does real work) followed by a long tail of
generated pseudo-words that behave like rare technical terms. Every
organization has several documents (description, competencies, products,
equipment, past projects); 20% write in English. Deterministic for a seed.
"""

from __future__ import annotations

import numpy as np

from matching import (
    Competency,
    ConsortiumQuery,
    MatchQuery,
    Need,
    OrganizationProfile,
    ProfileDocument,
)
from matching.arrays import Float64Array

RU_CORE = [
    "обработка",
    "обработки",
    "обработку",
    "механическая",
    "механической",
    "токарная",
    "токарной",
    "фрезерная",
    "фрезерной",
    "фланец",
    "фланца",
    "фланцев",
    "фланцы",
    "сталь",
    "стали",
    "стальной",
    "стальных",
    "09г2с",
    "12х18н10т",
    "деталь",
    "детали",
    "деталей",
    "сварка",
    "сварки",
    "сварочные",
    "сварочных",
    "литье",
    "литья",
    "отливки",
    "отливок",
    "штамповка",
    "штамповки",
    "изготовление",
    "изготовления",
    "производство",
    "производства",
    "поставка",
    "поставки",
    "ремонт",
    "ремонта",
    "монтаж",
    "монтажа",
    "насос",
    "насосы",
    "насосов",
    "клапан",
    "клапаны",
    "клапанов",
    "трубопровод",
    "трубопроводов",
    "арматура",
    "арматуры",
    "резервуар",
    "резервуаров",
    "полимер",
    "полимеры",
    "полимерных",
    "пластик",
    "пластика",
    "пластмасс",
    "полиэтилен",
    "полипропилен",
    "катализатор",
    "катализаторов",
    "нефтепереработка",
    "нефтепереработки",
    "нефтехимия",
    "нефтехимической",
    "химический",
    "химической",
    "реактор",
    "реакторов",
    "испытания",
    "испытаний",
    "лаборатория",
    "лаборатории",
    "анализ",
    "анализа",
    "контроль",
    "контроля",
    "качество",
    "качества",
    "сертификация",
    "измерение",
    "измерений",
    "станок",
    "станка",
    "станков",
    "чпу",
    "оборудование",
    "оборудования",
    "установка",
    "установки",
    "модернизация",
    "проектирование",
    "проектирования",
    "разработка",
    "разработки",
    "исследование",
    "исследования",
    "технология",
    "технологии",
    "технологий",
    "материал",
    "материалы",
    "материалов",
    "композит",
    "композитных",
    "покрытие",
    "покрытия",
    "автоматизация",
    "автоматизации",
    "система",
    "системы",
    "систем",
    "управление",
    "управления",
    "датчик",
    "датчиков",
    "энергетика",
    "энергоэффективность",
    "теплообменник",
    "теплообменников",
    "компрессор",
    "компрессоров",
    "двигатель",
    "двигателей",
    "гидравлика",
    "пневматика",
    "электроника",
    "электротехника",
    "кабель",
    "кабеля",
    "шкаф",
    "шкафов",
    "упаковка",
    "упаковки",
    "логистика",
    "склад",
    "хранения",
    "переработка",
    "переработки",
    "отходов",
    "утилизация",
    "экология",
    "очистка",
    "очистных",
    "вода",
    "воды",
    "газ",
    "газа",
    "нефть",
    "нефти",
    "удобрения",
    "удобрений",
    "краски",
    "красок",
    "резина",
    "резиновых",
    "шины",
    "шин",
]
EN_CORE = [
    "machining",
    "milling",
    "turning",
    "flange",
    "flanges",
    "steel",
    "welding",
    "casting",
    "forging",
    "stamping",
    "manufacturing",
    "production",
    "supply",
    "repair",
    "installation",
    "pump",
    "pumps",
    "valve",
    "valves",
    "pipeline",
    "tank",
    "polymer",
    "polymers",
    "plastic",
    "polyethylene",
    "catalyst",
    "catalysts",
    "refining",
    "petrochemical",
    "chemical",
    "reactor",
    "testing",
    "laboratory",
    "analysis",
    "quality",
    "certification",
    "measurement",
    "machine",
    "cnc",
    "equipment",
    "design",
    "development",
    "research",
    "technology",
    "materials",
    "composite",
    "coating",
    "automation",
    "control",
    "sensor",
    "energy",
    "efficiency",
    "heat",
    "exchanger",
    "compressor",
    "engine",
    "hydraulics",
    "electronics",
    "cable",
    "packaging",
    "logistics",
    "recycling",
    "waste",
    "water",
    "treatment",
    "gas",
    "oil",
    "fertilizer",
    "paint",
    "rubber",
    "tyre",
    "software",
    "simulation",
    "modelling",
    "additive",
    "printing",
    "inspection",
]
RU_SUFFIXES = ["ация", "ный", "ной", "ные", "ка", "ки", "ов", "ение", "ения", "ость", "ер", "ит"]
SYLLABLES = ["ка", "ро", "ни", "те", "ла", "ми", "ст", "ве", "по", "ра", "до", "ко", "ли", "на", "та", "ре"]
EN_SYLLABLES = ["ta", "ro", "ni", "te", "lo", "mi", "str", "ve", "po", "ra", "dex", "ko", "li", "na", "tor", "gen"]
KIND_SHARES = {"sme": 0.5, "large": 0.15, "university": 0.1, "research": 0.1, "public": 0.05, "other": 0.1}
REGIONS = [f"Регион {i}" for i in range(85)]


class Corpus:
    """Vocabularies and samplers for one seed."""

    def __init__(self, seed: int = 0, tail_words: int = 60_000) -> None:
        self.rng = np.random.default_rng(seed)
        rng = self.rng
        ru_tail = ["".join(rng.choice(SYLLABLES, 3)) + rng.choice(RU_SUFFIXES) for _ in range(tail_words)]
        en_tail = [
            "".join(rng.choice(EN_SYLLABLES, 3)) + rng.choice(["ing", "ion", "er", "ic", "s", ""])
            for _ in range(tail_words // 2)
        ]
        self.ru = np.array(RU_CORE + ru_tail, dtype=object)
        self.en = np.array(EN_CORE + en_tail, dtype=object)
        self.ru_cdf = np.cumsum(self._zipf(len(self.ru)))
        self.en_cdf = np.cumsum(self._zipf(len(self.en)))
        self.competencies = [
            Competency(f"{a:02d}.{b:02d}", " ".join(self._words("ru", 3))) for a in range(1, 21) for b in range(1, 16)
        ]
        self.okpd2 = [
            f"{a}.{b}{c}.{d}"
            for a in (20, 22, 24, 25, 26, 27, 28, 29, 33)
            for b in range(1, 10)
            for c in range(0, 10, 3)
            for d in (1, 2, 3)
        ]

    @staticmethod
    def _zipf(n: int, s: float = 1.05, q: float = 10.0) -> Float64Array:
        """Zipf–Mandelbrot: the most common content word is about 1% of the text."""
        p = 1.0 / (np.arange(1, n + 1) + q) ** s
        probabilities: Float64Array = p / p.sum()
        return probabilities

    def _words(self, lang: str, n: int) -> list[str]:
        vocab, cdf = (self.ru, self.ru_cdf) if lang == "ru" else (self.en, self.en_cdf)
        picks = np.searchsorted(cdf, self.rng.random(n) * cdf[-1])
        return list(vocab[np.minimum(picks, len(vocab) - 1)])

    def text(self, lang: str, low: int, high: int) -> str:
        return " ".join(self._words(lang, int(self.rng.integers(low, high))))

    def profile(self, org_id: int) -> OrganizationProfile:
        rng = self.rng
        lang = "en" if rng.random() < 0.2 else "ru"
        kind = rng.choice(list(KIND_SHARES), p=list(KIND_SHARES.values()))
        picks = rng.choice(len(self.competencies), int(rng.integers(2, 6)), replace=False)
        comps = [self.competencies[i] for i in picks]
        return OrganizationProfile(
            id=org_id,
            name=f"Организация {org_id}",
            kind=str(kind),
            region=str(rng.choice(REGIONS)),
            is_member=bool(rng.random() < 0.4),
            description=self.text(lang, 25, 60),
            description_lang=lang,
            competencies=comps,
            products=[
                ProfileDocument(self.text(lang, 8, 25), title=self.text(lang, 2, 5), kind="product", lang=lang)
                for _ in range(int(rng.integers(0, 4)))
            ],
            equipment=[
                ProfileDocument(self.text(lang, 5, 15), kind="equipment", lang=lang)
                for _ in range(int(rng.integers(0, 3)))
            ],
            projects=[
                ProfileDocument(self.text(lang, 25, 70), title=self.text(lang, 3, 8), kind="project", lang=lang)
                for _ in range(int(rng.integers(0, 6)))
            ],
            okpd2_codes=[str(c) for c in rng.choice(self.okpd2, int(rng.integers(0, 4)), replace=False)],
        )

    def profiles(self, n: int) -> list[OrganizationProfile]:
        return [self.profile(i) for i in range(n)]

    def order(self) -> MatchQuery:
        lang = "en" if self.rng.random() < 0.2 else "ru"
        return MatchQuery(
            text=self.text(lang, 15, 40),
            lang=lang,
            okpd2_codes=[str(self.rng.choice(self.okpd2))] if self.rng.random() < 0.5 else [],
            exclude_ids=[int(self.rng.integers(0, 1000))],
        )

    def consortium(self) -> ConsortiumQuery:
        needs = [
            Need(
                label=f"need {i}",
                text=self.text("ru", 5, 15),
                competency_codes=[self.competencies[int(self.rng.integers(len(self.competencies)))].code],
            )
            for i in range(4)
        ]
        return ConsortiumQuery(
            needs=needs, text=self.text("ru", 20, 40), kind_mix={"university": 1, "sme": 2}, max_size=5
        )
