"""Search at scale: reindex time and query latency of each search backend on a synthetic corpus.

    .venv/bin/python bench/search_scale.py                          # both backends, 134,000 records
    .venv/bin/python bench/search_scale.py --backend whoosh --json search-whoosh.json
    .venv/bin/python bench/search_scale.py --backend postgres --dsn postgresql://postgres@127.0.0.1:5432/bench
    .venv/bin/python bench/search_scale.py --backend whoosh --profile facets suggest   # where the time goes

The corpus (``SearchCorpus``, deterministic for a seed) is made of ``search_index.Document``s
shaped as ``marketplace/search/documents.py`` builds them: 100,000 products, 10,000
organizations, 20,000 orders and 4,000 pieces of equipment by default. Texts come from
``bench/synthetic.py``'s vocabulary (real Russian and English industrial words in several
inflected forms, then a long tail of generated rare words, Zipf–Mandelbrot frequencies; 20% of
the records write in English); OKPD2-like codes from several sections, HS codes, owners'
names, regions, kinds, membership, visibility (public, members, registered) and dates.

For each backend (``--backend both``: each in a fresh process, so the memory figures are its own):

1. **Baseline**, measured in the same run: a corpus of the same shape, 1,000 records
   (``--baseline-records``), is indexed, and one-word queries on it are timed. Every latency
   below is also given as a ratio to this baseline's p50 (the cost of a trivial query on this
   backend on this machine).
2. **Reindex**: ``rebuild`` of the whole corpus (whoosh: in a temporary directory or ``--dir``;
   PostgreSQL: in a schema of its own in the ``--dsn`` database, never in the tables of the app
   or the tests, dropped afterwards unless ``--keep``; see ``Backend``), with a progress line on
   stderr; records/s, the CPU time it took, and how much of the time came after the last record
   was handed over (the commit).
3. **Queries**, each case ``--queries`` times after a warm-up, wall-clock p50/p95/p99
   (``time.perf_counter``) and the CPU time of this process (for PostgreSQL most of the work
   is the server's):

   - ``1 word``, ``3 words``, ``5 words``: words of one record's title and body, in random
     order, as a user who saw it would type them (common and rare words alike, by their
     frequency in the texts); 1 word: one word drawn by its frequency. Defaults otherwise
     (every word required, 20 hits with highlights).
   - ``3 words, typo``: one word of 5+ letters misspelt (a letter dropped, doubled, swapped
     with the next or replaced), ``spelling=True``.
   - ``3 words + facets`` (the issue's target): ``facets`` region, org_kind and okpd2_section,
     ``counts=True`` and the visibility filters of a member's user,
     ``[{"visibility": ["public", "members"]}, {"organization_id": "17"}]``.
   - ``3 words + facet filter``: the same with one region chosen (added to each alternative).
   - ``3 words by date``: newest first.
   - ``3 words, search page``: what the search page asks for a member's user
     (``marketplace.search.services.search_records``): the filters above, all five facets of the
     page (region, org_kind, okpd2_section, membership, available), ``counts``, protected text,
     ``spelling=True``, and a second query for any of the words when none has them all.
   - ``suggest``: what is typed into the search box, 2–6 letters of a title's word (sometimes
     after a whole word, sometimes a code's beginning), organizations and products, with the same
     visibility filters, 8 at most (as ``suggest_records``).

4. Peak RSS of the process (``ru_maxrss``), and the RSS after imports and after making the corpus.

Prints a table per backend and the issue's targets (3 words + facets p95 ≤ 50 ms,
suggestions p95 ≤ 30 ms, reindex of the corpus ≤ 60 s on whoosh); ``--json`` writes the
figures. ``--profile CASE...`` runs those cases (or ``reindex``) once more under cProfile and
prints the functions where the time goes. The load average at the start and end is printed:
the machine is shared, so compare ratios within a run.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import io
import json
import os
import pstats
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta
from functools import partial
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any, TextIO

import numpy as np
import psycopg
from psycopg import sql
from psycopg.conninfo import make_conninfo

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import KIND_SHARES, REGIONS, Corpus

from search_index import Document, SearchIndex, open_index
from search_index.postgres_backend import create_schema, plain_dsn
from text_analysis import latin_words

DEFAULT_DSN = "postgresql://postgres@127.0.0.1:5432/test"
BACKENDS = ("whoosh", "postgres")

#: The visibility filters of a member organization's user, as ``marketplace.search.services`` builds them.
APP_FILTERS: list[dict[str, Any]] = [{"visibility": ["public", "members"]}, {"organization_id": "17"}]
#: The facets the issue's target names, and all those the search page asks for (``documents.FACETS``).
FACETS = ("region", "org_kind", "okpd2_section")
PAGE_FACETS = ("region", "org_kind", "okpd2_section", "membership", "available")
#: The types the search box suggests (``services.SUGGESTION_TYPES``).
SUGGESTION_TYPES = ("organization", "product")

#: Targets of the issue, on the 2-core machine: (case, percentile field, milliseconds).
LATENCY_TARGETS = (("3 words + facets", "p95_ms", 50.0), ("suggest", "p95_ms", 30.0))
REINDEX_TARGET_S = 60.0

# -- the corpus -----------------------------------------------------------------------------------------

#: OKPD2 sections and the classes (first two digits) they hold; manufacturing (C) has most.
OKPD2_SECTIONS = {
    "A": (1, 2, 3),
    "B": (5, 6, 7, 8, 9),
    "C": tuple(range(10, 34)),
    "D": (35,),
    "E": (36, 37, 38, 39),
    "F": (41, 42, 43),
    "G": (45, 46),
    "H": (49, 52),
    "J": (58, 62, 63),
    "M": (71, 72, 74),
    "P": (85,),
}
#: Russian syllables of ``synthetic.SYLLABLES`` with a Latin spelling, for organizations' names.
NAME_SYLLABLES = {
    "ка": "ka",
    "ро": "ro",
    "ни": "ni",
    "те": "te",
    "ла": "la",
    "ми": "mi",
    "ст": "st",
    "ве": "ve",
    "по": "po",
    "ра": "ra",
    "до": "do",
    "ко": "ko",
    "ли": "li",
    "на": "na",
    "та": "ta",
    "ре": "re",
}
NAME_ENDINGS = {"тех": "tekh", "пром": "prom", "маш": "mash", "хим": "khim", "нефть": "neft", "сталь": "stal", "": ""}
LEGAL_FORMS = {
    "sme": ("ООО", "LLC"),
    "large": ("АО", "JSC"),
    "university": ("Университет", "University"),
    "research": ("НИИ", "Research Institute"),
    "public": ("ГУП", "State Enterprise"),
    "other": ("АНО", "ANO"),
}
KIND_LABELS = {
    "sme": ("Малое или среднее предприятие", "Small or medium enterprise"),
    "large": ("Крупное предприятие", "Large enterprise"),
    "university": ("Университет", "University"),
    "research": ("Научная организация", "Research organization"),
    "public": ("Государственная организация", "Public body"),
    "other": ("Другое", "Other"),
}
MEMBERSHIP_SHARES = {"member": 0.4, "nonmember": 0.6}
UNITS = ("шт", "т", "кг", "м", "м2", "компл", "л")
SPEC_NAMES = ("Диаметр", "Давление", "Масса", "Длина", "Мощность", "Материал", "Температура")
EQUIPMENT_CATEGORIES = ("machining", "additive", "testing", "measurement", "analytical", "chemical", "composites")
EQUIPMENT_STATUSES = {"available": 0.8, "maintenance": 0.15, "retired": 0.05}
ORDER_STATUSES = {"open": 0.6, "awarded": 0.2, "completed": 0.2}
ORDER_KINDS = ("production", "service", "rnd", "purchase")
MANUFACTURERS = ("DMG Mori", "Haas", "Mazak", "Trumpf", "Zeiss", "Shimadzu", "Stratasys", "Станкомаш", "Стерлитамак")
NEWEST = datetime(2025, 6, 1, tzinfo=UTC)
DATE_SPAN_S = 3 * 365 * 24 * 3600


@dataclass(frozen=True)
class Owner:
    """What a record shows of the organization it belongs to."""

    id: int
    names: tuple[str, str]
    region: str
    kind: str
    membership: str


class SearchCorpus:
    """Search documents of the marketplace's types for one seed (see the module docstring)."""

    def __init__(self, seed: int, tail_words: int = 60_000) -> None:
        self.words = Corpus(seed, tail_words)
        self.rng = self.words.rng
        self.okpd2: list[tuple[str, str, str]] = []  # (code, section, name)
        for section, classes in OKPD2_SECTIONS.items():
            for cls in classes:
                for group in range(1, 10):
                    for sub in (1, 2, 3, 4):
                        code = f"{cls:02d}.{group}{sub}.{int(self.rng.integers(1, 10))}"
                        self.okpd2.append((code, section, self.words.text("ru", 3, 8)))
        self.owners: list[Owner] = []

    def _choice(self, shares: dict[str, float]) -> str:
        return str(self.rng.choice(list(shares), p=list(shares.values())))

    def _lang(self) -> str:
        return "en" if self.rng.random() < 0.2 else "ru"  # one record in five writes in English

    def _date(self) -> datetime:
        return NEWEST - timedelta(seconds=int(self.rng.integers(0, DATE_SPAN_S)))

    def _codes(self, low: int, high: int) -> list[tuple[str, str, str]]:
        picks = self.rng.choice(len(self.okpd2), int(self.rng.integers(low, high)), replace=False)
        return [self.okpd2[i] for i in picks]

    def _name(self, kind: str) -> tuple[str, str]:
        syllables = [str(s) for s in self.rng.choice(list(NAME_SYLLABLES), int(self.rng.integers(2, 4)))]
        ending = str(self.rng.choice(list(NAME_ENDINGS)))
        ru = ("".join(syllables) + ending).capitalize()
        en = ("".join(NAME_SYLLABLES[s] for s in syllables) + NAME_ENDINGS[ending]).capitalize()
        form_ru, form_en = LEGAL_FORMS[kind]
        return f"{form_ru} «{ru}»", f"{en} {form_en}"

    def organization(self, org_id: int) -> Document:
        kind = self._choice(KIND_SHARES)
        membership = self._choice(MEMBERSHIP_SHARES)
        region = str(self.rng.choice(REGIONS))
        names = self._name(kind)
        self.owners.append(Owner(org_id, names, region, kind, membership))
        lang = self._lang()
        picks = self.rng.choice(len(self.words.competencies), int(self.rng.integers(2, 6)), replace=False)
        return Document(
            type="organization",
            id=org_id,
            title="\n".join(names),
            body=self.words.text(lang, 25, 60) + "\n" + self.words.text("ru", 1, 2).capitalize(),  # and the city
            tags=[
                *(self.words.competencies[i].name for i in picks),
                region,
                region.replace("Регион", "Region"),
                *KIND_LABELS[kind],
            ],
            protected=self.words.text(lang, 3, 10),
            names=names,
            fields={
                "visibility": "public" if membership == "member" else "registered",
                "organization_id": org_id,
                "region": region,
                "org_kind": kind,
                "membership": membership,
            },
            date=self._date(),
        )

    def _owner(self) -> Owner:
        return self.owners[int(self.rng.integers(len(self.owners)))]

    def _specs(self) -> str:
        names = self.rng.choice(SPEC_NAMES, int(self.rng.integers(0, 4)), replace=False)
        return "\n".join(f"{name}: {int(self.rng.integers(1, 2000))}" for name in names)

    def product(self, product_id: int) -> Document:
        owner, lang = self._owner(), self._lang()
        title = self.words.text(lang, 2, 5)
        if lang == "ru" and self.rng.random() < 0.3:  # an English name beside the Russian one
            title += "\n" + self.words.text("en", 2, 5)
        [(code, section, code_name)] = self._codes(1, 2)
        hs_code = f"{int(self.rng.integers(2500, 9700))}{int(self.rng.integers(0, 1_000_000)):06d}"
        return Document(
            type="product",
            id=product_id,
            title=title,
            body="\n".join(filter(None, [self.words.text(lang, 8, 25), self._specs()])),
            tags=[*owner.names, code_name, str(self.rng.choice(UNITS))],
            codes=[code, hs_code],
            names=[latin_words(title.split("\n")[0])],  # as marketplace/search/documents.py
            fields={
                "visibility": "public",
                "organization_id": owner.id,
                "region": owner.region,
                "org_kind": owner.kind,
                "membership": owner.membership,
                "okpd2_section": [section],
            },
            date=self._date(),
        )

    def equipment(self, item_id: int) -> Document:
        owner, lang = self._owner(), self._lang()
        status = self._choice(EQUIPMENT_STATUSES)
        category = str(self.rng.choice(EQUIPMENT_CATEGORIES))
        manufacturer = str(self.rng.choice(MANUFACTURERS))
        title = self.words.text(lang, 2, 5)
        body = "\n".join(filter(None, [self.words.text(lang, 5, 15), self._specs()]))
        model = f"{manufacturer[:3].upper()}-{int(self.rng.integers(100, 999))}"
        return Document(
            type="equipment",
            id=item_id,
            title=title,
            body=body,
            tags=[manufacturer, model, *owner.names],
            names=[title, manufacturer, model],  # as marketplace/search/documents.py
            fields={
                "visibility": "public",
                "organization_id": owner.id,
                "status": status,
                "category": category,
                "available": "yes" if status == "available" else "no",
                "region": owner.region,
                "org_kind": owner.kind,
                "membership": owner.membership,
            },
            date=self._date(),
        )

    def order(self, order_id: int) -> Document:
        owner, lang = self._owner(), self._lang()
        codes = self._codes(0, 3)
        picks = self.rng.choice(len(self.words.competencies), int(self.rng.integers(0, 3)), replace=False)
        region = owner.region if self.rng.random() < 0.8 else str(self.rng.choice(REGIONS))  # the order's own
        sections = sorted({section for _code, section, _name in codes})
        return Document(
            type="order",
            id=order_id,
            title=self.words.text(lang, 3, 8),
            body=self.words.text(lang, 15, 40),
            tags=[
                *(self.words.competencies[i].name for i in picks),
                *(name for _code, _section, name in codes),
                region,
                region.replace("Регион", "Region"),
                *owner.names,
            ],
            codes=[code for code, _section, _name in codes],
            fields={
                "visibility": "public" if self.rng.random() < 0.7 else "members",  # most orders are public
                "organization_id": owner.id,
                "status": self._choice(ORDER_STATUSES),
                "kind": str(self.rng.choice(ORDER_KINDS)),
                "region": region,
                "org_kind": owner.kind,
                "membership": owner.membership,
                **({"okpd2_section": sections} if sections else {}),  # as the app: no empty facet value
            },
            date=self._date(),
        )

    def documents(self, *, products: int, orgs: int, orders: int, equipment: int) -> list[Document]:
        """Organizations first (the others name one of them as owner), then products, equipment, orders."""
        self.owners = []
        found = [self.organization(i) for i in range(1, orgs + 1)]
        found += [self.product(i) for i in range(1, products + 1)]
        found += [self.equipment(i) for i in range(1, equipment + 1)]
        found += [self.order(i) for i in range(1, orders + 1)]
        return found


# -- what users type --------------------------------------------------------------------------------------

_WORD = re.compile(r"\b\w*[^\W\d_]\w*\b")  # a whole word with a letter in it
_LETTERS = {"ru": "абвгдежзийклмнопрстуфхцчшщыэюя", "en": "abcdefghijklmnopqrstuvwxyz"}
MIN_TYPO_LENGTH = 5


@dataclass(frozen=True)
class Probe:
    """One query as typed: its text, and the filters chosen with it (``None``: the case's own)."""

    text: str
    filters: list[dict[str, Any]] | None = None


class Typist:
    """Queries as users type them, drawn from a corpus (its own generator: the corpus stays as it is)."""

    def __init__(self, corpus: SearchCorpus, documents: Sequence[Document], seed: int) -> None:
        self.corpus = corpus
        self.documents = documents
        self.rng = np.random.default_rng(seed + 1_000_003)

    def _document(self) -> Document:
        return self.documents[int(self.rng.integers(len(self.documents)))]

    def words_of_a_record(self, n: int) -> tuple[list[str], Document]:
        """``n`` different words of one record's title and body, in random order, and the record."""
        while True:
            document = self._document()
            found = _WORD.findall(f"{document.title} {document.body}")
            words = list(dict.fromkeys(w.lower() for w in found if len(w) > 1))
            if len(words) >= n:
                return [words[i] for i in self.rng.choice(len(words), n, replace=False)], document

    def words(self, n: int) -> Probe:
        return Probe(" ".join(self.words_of_a_record(n)[0]))

    def one_word(self) -> Probe:
        """One word drawn by its frequency in the texts."""
        words = self.corpus.words
        vocabulary, cdf = (
            (words.en, words.en_cdf) if self.rng.random() < 0.2 else (words.ru, words.ru_cdf)
        )  # as the texts
        pick = min(int(np.searchsorted(cdf, self.rng.random() * cdf[-1])), len(vocabulary) - 1)
        return Probe(str(vocabulary[pick]))

    def misspelt(self, word: str) -> str:
        """``word`` with one letter dropped, doubled, swapped with the next or replaced."""
        i = int(self.rng.integers(1, len(word) - 1))  # the first letter is rarely wrong
        edit = int(self.rng.integers(4))
        if edit == 0:
            return word[:i] + word[i + 1 :]
        if edit == 1:
            return word[:i] + word[i] + word[i:]
        if edit == 2 and word[i] != word[i + 1]:  # the third kind of edit
            return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        letters = _LETTERS["ru" if re.search("[а-я]", word) else "en"].replace(word[i], "")
        return word[:i] + letters[int(self.rng.integers(len(letters)))] + word[i + 1 :]

    def with_typo(self, n: int) -> Probe:
        """``n`` words of a record, one of 5+ letters misspelt."""
        while True:
            words, _document = self.words_of_a_record(n)
            long = [i for i, w in enumerate(words) if len(w) >= MIN_TYPO_LENGTH and w.isalpha()]
            if long:
                i = long[int(self.rng.integers(len(long)))]
                words[i] = self.misspelt(words[i])
                return Probe(" ".join(words))

    def in_region(self, n: int) -> Probe:
        """``n`` words of a record and the app's filters narrowed to the record's region (a facet value
        the unfiltered query shows)."""
        words, document = self.words_of_a_record(n)
        region = str(document.fields["region"])
        return Probe(" ".join(words), [{**alternative, "region": region} for alternative in APP_FILTERS])

    def prefix(self) -> Probe:
        """2–6 letters of a word of a title, sometimes after a whole word; or a code's beginning."""
        while True:
            document = self._document()
            if document.codes and self.rng.random() < 0.1:  # one in ten types a code
                return Probe(document.codes[0][: int(self.rng.integers(2, 6))])
            words = [w for w in _WORD.findall(document.title) if len(w) >= 2]  # 2+ letters to complete
            if words:
                i = int(self.rng.integers(len(words)))
                typed = words[i][: int(self.rng.integers(2, 7))]
                if i and self.rng.random() < 0.3:  # some keep typing after a whole word
                    typed = f"{words[i - 1]} {typed}"
                return Probe(typed.lower())


# -- the cases ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    """One kind of query: how it is drawn, and how the index is asked (``ask`` returns how many were found)."""

    name: str
    draw: Callable[[Typist], Probe]
    ask: Callable[[SearchIndex, Probe], int]


def _query(**options: Any) -> Callable[[SearchIndex, Probe], int]:
    def ask(index: SearchIndex, probe: Probe) -> int:
        chosen = {"filters": probe.filters} if probe.filters is not None else {}
        return index.query(probe.text, **{**options, **chosen}).total

    return ask


def _search_page(index: SearchIndex, probe: Probe) -> int:
    """What ``marketplace.search.services.search_records`` asks for a member's user (and asks again,
    for any of the words, when no record has them all)."""
    query = partial(
        index.query,
        probe.text,
        filters=APP_FILTERS,
        search_protected=True,
        counts=True,
        facets=PAGE_FACETS,
    )
    result = query(match="all", spelling=True)
    if not any(result.counts.values()):
        result = query(match="any")
    return result.total


def _suggest(index: SearchIndex, probe: Probe) -> int:
    return len(index.suggest(probe.text, types=SUGGESTION_TYPES, filters=APP_FILTERS, limit=8))


CASES = (
    Case("1 word", Typist.one_word, _query()),
    Case("3 words", lambda t: t.words(3), _query()),
    Case("5 words", lambda t: t.words(5), _query()),
    Case("3 words, typo", lambda t: t.with_typo(3), _query(spelling=True)),
    Case("3 words + facets", lambda t: t.words(3), _query(filters=APP_FILTERS, facets=FACETS, counts=True)),
    Case("3 words + facet filter", lambda t: t.in_region(3), _query(facets=FACETS, counts=True)),
    Case("3 words by date", lambda t: t.words(3), _query(sort="date")),
    Case("3 words, search page", lambda t: t.words(3), _search_page),
    Case("suggest", Typist.prefix, _suggest),
)
CASE_KEYS = {re.sub(r"\W+", "_", case.name).strip("_"): case for case in CASES}
#: What ``--profile`` takes: a case's key, a word of it (``typo``, ``page``, ``facets``), or ``reindex``.
PROFILE_KEYS = {"reindex", *CASE_KEYS, *(w for key in CASE_KEYS for w in key.split("_")[2:] if len(w) > 2)}


def case_named(key: str) -> list[Case]:
    """The cases a ``--profile`` word names: a case key, or a word of case names (``facets``)."""
    if key in CASE_KEYS:
        return [CASE_KEYS[key]]
    return [case for name, case in CASE_KEYS.items() if key in name.split("_")]


# -- measuring ---------------------------------------------------------------------------------------------


@dataclass
class Latency:
    """One case's figures (milliseconds; ``ratio`` = p50 / the baseline's p50)."""

    queries: int
    p50_ms: float
    p95_ms: float
    p99_ms: float
    max_ms: float
    cpu_p50_ms: float
    cpu_p95_ms: float
    found_median: float
    ratio: float | None = None


def measure(index: SearchIndex, case: Case, typist: Typist, queries: int, warmup: int) -> Latency:
    probes = [case.draw(typist) for _ in range(warmup + queries)]
    for probe in probes[:warmup]:
        case.ask(index, probe)
    wall, cpu, found = [], [], []
    for probe in probes[warmup:]:
        start, start_cpu = time.perf_counter(), time.thread_time()
        found.append(case.ask(index, probe))
        wall.append(1000 * (time.perf_counter() - start))
        cpu.append(1000 * (time.thread_time() - start_cpu))
    return Latency(
        queries=queries,
        p50_ms=round(float(np.percentile(wall, 50)), 2),
        p95_ms=round(float(np.percentile(wall, 95)), 2),
        p99_ms=round(float(np.percentile(wall, 99)), 2),
        max_ms=round(max(wall), 2),
        cpu_p50_ms=round(float(np.percentile(cpu, 50)), 2),
        cpu_p95_ms=round(float(np.percentile(cpu, 95)), 2),
        found_median=float(np.median(found)),
    )


class Progress:
    """Hands documents over while writing a progress line to ``stream``: redrawn in place on a
    terminal, one line per 10% otherwise. ``handed_at`` is when the last one was taken."""

    def __init__(self, label: str, documents: Sequence[Document], stream: TextIO = sys.stderr) -> None:
        self.label = label
        self.documents = documents
        self.stream = stream
        self.started = self.handed_at = time.perf_counter()

    def _line(self, done: int, now: float) -> str:
        total = max(len(self.documents), 1)
        filled = 30 * done // total
        rate = done / max(now - self.started, 1e-9)
        return f"{self.label} [{'#' * filled}{'.' * (30 - filled)}] {done:,}/{total:,} {rate:,.0f} records/s"

    def __iter__(self) -> Iterator[Document]:
        terminal = self.stream.isatty()
        total = len(self.documents)
        step = max(total // 10, 1)
        self.started = last = time.perf_counter()
        for done, document in enumerate(self.documents, 1):
            yield document
            now = time.perf_counter()
            if (now - last >= 0.25 if terminal else done % step == 0) or done == total:  # 4 redraws/s
                self.stream.write(("\r" if terminal else "") + self._line(done, now) + ("" if terminal else "\n"))
                self.stream.flush()
                last = now
        self.handed_at = time.perf_counter()
        self.stream.write(("\n" if terminal else "") + f"{self.label}: all handed over, committing\n")
        self.stream.flush()


@dataclass
class Reindex:
    records: int
    seconds: float
    records_per_s: float
    commit_s: float  # after the last record was handed over
    cpu_s: float  # of this process and the writer processes it waited for (PostgreSQL's work is the server's)


def reindex(index: SearchIndex, label: str, documents: Sequence[Document]) -> Reindex:
    progress = Progress(label, documents)
    start, start_cpu = time.perf_counter(), cpu_seconds()
    count = index.rebuild(progress)
    seconds = time.perf_counter() - start
    cpu_s = cpu_seconds() - start_cpu
    return Reindex(
        records=count,
        seconds=round(seconds, 2),
        records_per_s=round(count / max(seconds, 1e-9)),
        commit_s=round(start + seconds - progress.handed_at, 2) if count else 0.0,
        cpu_s=round(cpu_s, 2),
    )


def cpu_seconds() -> float:
    """User and system CPU time of this process and of its children that have ended (writer processes)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def profiled(run: Callable[[], object], top: int = 25) -> str:
    """Function-level profile of ``run``: the functions taking most time, by own time and by cumulative time."""
    profiler = cProfile.Profile()
    profiler.enable()
    run()
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out).strip_dirs()
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)
    return "\n".join(line for line in out.getvalue().splitlines() if line.strip())


# -- one backend ----------------------------------------------------------------------------------------------


@dataclass
class Figures:
    backend: str
    records: dict[str, int]
    baseline: Latency
    baseline_reindex: Reindex
    reindex: Reindex | None
    cases: dict[str, Latency]
    rss_start_mb: float
    rss_corpus_mb: float
    peak_rss_mb: float
    corpus_s: float
    load_start: float
    load_end: float
    machine: dict[str, str] = field(default_factory=dict)
    profiles: dict[str, str] = field(default_factory=dict)


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return round(int(line.split()[1]) / 1024, 1)
    return float("nan")


def peak_rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def machine(backend: str, dsn: str) -> dict[str, str]:
    cpuinfo = Path("/proc/cpuinfo").read_text() if Path("/proc/cpuinfo").exists() else ""
    model = next((line.split(":", 1)[1].strip() for line in cpuinfo.splitlines() if line.startswith("model name")), "")
    found = {"cpu": model, "cores": str(os.cpu_count()), "python": sys.version.split()[0]}
    package = {"whoosh": "Whoosh-Reloaded", "postgres": "psycopg"}[backend]
    with contextlib.suppress(PackageNotFoundError):
        found[package] = version(package)
    if backend == "postgres":
        with psycopg.connect(plain_dsn(dsn)) as connection:
            row = connection.execute("SHOW server_version").fetchone()
            found["postgresql"] = str(row[0]) if row else ""
    return found


class Backend:
    """Opens the index a run measures and the baseline's, each in its own place: whoosh in a
    temporary directory (the measured one in ``--dir`` when given); PostgreSQL in schemas of the
    database that the run makes and drops (``search_scale_<pid>``, ``search_scale_baseline_<pid>``:
    runs at the same time do not meet), the measured one named ``search_scale`` and kept with
    ``--keep`` (for ``--skip-build``). The tables the app or the tests use are never touched."""

    KEPT_SCHEMA = "search_scale"

    def __init__(self, name: str, dsn: str, directory: Path | None, *, keep: bool) -> None:
        self.name = name
        self.dsn = dsn
        self.directory = directory
        self.keep = keep
        self._temporary: list[Path] = []
        self._schemas: list[str] = []

    def open(self, *, baseline: bool, fresh: bool) -> SearchIndex:
        """The index; ``fresh``: made anew (an existing one is dropped), else as a previous run left it."""
        if self.name == "postgres":
            if baseline:
                schema = f"{self.KEPT_SCHEMA}_baseline_{os.getpid()}"
            else:
                schema = self.KEPT_SCHEMA if self.keep or not fresh else f"{self.KEPT_SCHEMA}_{os.getpid()}"
            if fresh:
                self._create_schema(schema)
            if baseline or (fresh and not self.keep):
                self._schemas.append(schema)
            return open_index("postgres", dsn=self._dsn(schema))
        if self.directory is not None and not baseline:  # a rebuild replaces what it held
            return open_index("whoosh", str(self.directory))
        path = Path(tempfile.mkdtemp(prefix="search-scale-"))
        self._temporary.append(path)
        return open_index("whoosh", str(path))

    def _dsn(self, schema: str) -> str:
        """The database's address with ``schema`` first on the search path (``public`` after it, for pg_trgm)."""
        return make_conninfo(plain_dsn(self.dsn), options=f"-csearch_path={schema},public")

    def _create_schema(self, schema: str) -> None:
        with psycopg.connect(plain_dsn(self.dsn), autocommit=True) as connection:
            connection.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public")
            connection.execute(sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(schema)))
            connection.execute(sql.SQL("CREATE SCHEMA {}").format(sql.Identifier(schema)))
        with psycopg.connect(self._dsn(schema), autocommit=True) as connection:
            create_schema(connection)

    def cleanup(self) -> None:
        for path in self._temporary:
            shutil.rmtree(path, ignore_errors=True)
        if self._schemas:
            with psycopg.connect(plain_dsn(self.dsn), autocommit=True) as connection:
                for schema in self._schemas:
                    connection.execute(sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(schema)))


def sizes(args: argparse.Namespace) -> dict[str, int]:
    return {"products": args.products, "orgs": args.orgs, "orders": args.orders, "equipment": args.equipment}


def baseline_sizes(full: dict[str, int], records: int) -> dict[str, int]:
    """The same shares as ``full``, ``records`` in all (at least one organization)."""
    total = max(sum(full.values()), 1)
    scaled = {kind: round(n * records / total) for kind, n in full.items()}
    scaled["orgs"] = max(scaled["orgs"], 1)
    return scaled


def run_backend(args: argparse.Namespace) -> Figures:
    load_start = os.getloadavg()[0]
    rss_start = rss_mb()
    backend = Backend(args.backend, args.dsn, args.dir, keep=args.keep)
    started = time.perf_counter()
    full_sizes = sizes(args)
    corpus = SearchCorpus(args.seed)
    documents = corpus.documents(**full_sizes)
    corpus_s = time.perf_counter() - started
    rss_corpus = rss_mb()
    warmup = max(min(20, args.queries // 5), 1)
    try:
        # The baseline first, in a place of its own (see ``Backend``).
        small = corpus.documents(**baseline_sizes(full_sizes, args.baseline_records))
        index = backend.open(baseline=True, fresh=True)
        baseline_reindex = reindex(index, f"{args.backend} baseline", small)
        baseline = measure(index, CASES[0], Typist(corpus, small, args.seed), args.queries, warmup)
        index.close()
        del small
        index = backend.open(baseline=False, fresh=not args.skip_build)
        full_reindex = None
        if not args.skip_build:
            full_reindex = reindex(index, args.backend, documents)
        elif index.doc_count() != len(documents):
            raise SystemExit(
                f"--skip-build: the {args.backend} index holds {index.doc_count():,} records, "
                f"not the corpus' {len(documents):,}: build it once without --skip-build"
            )
        typist = Typist(corpus, documents, args.seed)
        cases = {}
        for case in CASES:
            print(f"{args.backend}: {case.name} …", file=sys.stderr, flush=True)
            latency = measure(index, case, typist, args.queries, warmup)
            latency.ratio = round(latency.p50_ms / max(baseline.p50_ms, 1e-3), 1)
            cases[case.name] = latency
        profiles = profile(args, index, documents, typist)
        index.close()
    finally:
        backend.cleanup()
    return Figures(
        backend=args.backend,
        records=dict(Counter(d.type for d in documents)),
        baseline=baseline,
        baseline_reindex=baseline_reindex,
        reindex=full_reindex,
        cases=cases,
        rss_start_mb=rss_start,
        rss_corpus_mb=rss_corpus,
        peak_rss_mb=peak_rss_mb(),
        corpus_s=round(corpus_s, 1),
        load_start=round(load_start, 2),
        load_end=round(os.getloadavg()[0], 2),
        machine=machine(args.backend, args.dsn),
        profiles=profiles,
    )


def profile(
    args: argparse.Namespace, index: SearchIndex, documents: Sequence[Document], typist: Typist
) -> dict[str, str]:
    """cProfile of each case ``--profile`` names (its ``--queries`` queries once more), and of a reindex."""
    found: dict[str, str] = {}
    for key in args.profile or ():
        if key == "reindex":
            found["reindex"] = profiled(partial(rebuild_in_process, index, documents))
            continue
        for case in case_named(key):
            probes = [case.draw(typist) for _ in range(args.queries)]
            found[case.name] = profiled(partial(ask_all, case, index, probes))
    return found


def rebuild_in_process(index: SearchIndex, documents: Sequence[Document]) -> int:
    """``rebuild`` with the writing done in this process, where cProfile sees it: a whoosh index
    in a directory writes a rebuild from several processes (``rebuild_procs``)."""
    procs = getattr(index, "rebuild_procs", None)
    if procs is not None:
        index.rebuild_procs = 1  # type: ignore[attr-defined]  # whoosh's, checked just above
    try:
        return index.rebuild(documents)
    finally:
        if procs is not None:
            index.rebuild_procs = procs  # type: ignore[attr-defined]


def ask_all(case: Case, index: SearchIndex, probes: Sequence[Probe]) -> list[int]:
    return [case.ask(index, probe) for probe in probes]


# -- output ------------------------------------------------------------------------------------------------------


def table(figures: Figures) -> str:
    records = sum(figures.records.values())
    head = [
        f"## {figures.backend}: {records:,} records ({', '.join(f'{n:,} {k}' for k, n in figures.records.items())})",
        f"machine: {figures.machine.get('cpu')}, {figures.machine.get('cores')} cores, Python "
        f"{figures.machine.get('python')}; "
        + ", ".join(f"{k} {v}" for k, v in figures.machine.items() if k not in {"cpu", "cores", "python"}),
        f"load average {figures.load_start} → {figures.load_end}; corpus made in {figures.corpus_s} s",
        (
            f"baseline ({figures.baseline_reindex.records:,} records, 1 word): p50 {figures.baseline.p50_ms} ms, "
            f"p95 {figures.baseline.p95_ms} ms; its reindex {figures.baseline_reindex.records_per_s:,} records/s"
        ),
    ]
    if figures.reindex is not None:
        r = figures.reindex
        head.append(
            f"reindex: {r.records:,} records in {r.seconds} s = {r.records_per_s:,} records/s "
            f"(of which {r.commit_s} s after the last record; CPU {r.cpu_s} s)"
        )
    head.append(
        f"RSS: {figures.rss_start_mb} MB after imports, {figures.rss_corpus_mb} MB with the corpus, "
        f"peak {figures.peak_rss_mb} MB"
    )
    cols = "| case | p50 ms | p95 ms | p99 ms | max ms | CPU p50 / p95 ms | found (median) | p50 × baseline |"
    rows = [cols, "|" + "---|" * (cols.count("|") - 1)]
    for name, c in figures.cases.items():
        rows.append(
            f"| {name} | {c.p50_ms} | {c.p95_ms} | {c.p99_ms} | {c.max_ms} | {c.cpu_p50_ms} / {c.cpu_p95_ms} "
            f"| {c.found_median:g} | {c.ratio} |"
        )
    return "\n".join([*head, "", *rows, "", *targets(figures)])


def targets(figures: Figures) -> list[str]:
    lines = []
    for name, column, limit in LATENCY_TARGETS:
        value = getattr(figures.cases[name], column)
        verdict = "met" if value <= limit else "NOT met"
        lines.append(f"target {name} {column[:3]} ≤ {limit:g} ms: {value} ms, {verdict}")
    if figures.reindex is not None and figures.backend == "whoosh":
        verdict = "met" if figures.reindex.seconds <= REINDEX_TARGET_S else "NOT met"
        lines.append(f"target reindex ≤ {REINDEX_TARGET_S:g} s: {figures.reindex.seconds} s, {verdict}")
    return lines


def parse_arguments(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--products", type=int, default=100_000, help="records of this kind; default 100,000")
    parser.add_argument("--orgs", type=int, default=10_000, help="records of this kind; default 10,000")
    parser.add_argument("--orders", type=int, default=20_000, help="records of this kind; default 20,000")
    parser.add_argument("--equipment", type=int, default=4_000, help="records of this kind; default 4,000")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--backend", choices=[*BACKENDS, "both"], default="both")
    parser.add_argument(
        "--dsn",
        default=os.environ.get("TEST_DATABASE_URL") or DEFAULT_DSN,
        help=f"the PostgreSQL database, in schemas of its own; default $TEST_DATABASE_URL or {DEFAULT_DSN}",
    )
    parser.add_argument("--queries", type=int, default=200, help="timed queries per case (after a warm-up)")
    parser.add_argument(
        "--baseline-records", type=int, default=1_000, help="size of the baseline's corpus; default 1,000"
    )
    parser.add_argument(
        "--skip-build",
        action="store_true",
        help="query the index a previous run left (whoosh: in --dir; postgres: a run with --keep)",
    )
    parser.add_argument("--dir", type=Path, help="whoosh: keep the index in this directory (default: a temporary one)")
    parser.add_argument("--keep", action="store_true", help="postgres: keep the schema search_scale after the run")
    parser.add_argument(
        "--profile", nargs="*", metavar="CASE", help=f"cProfile these cases: {', '.join(sorted(PROFILE_KEYS))}"
    )
    parser.add_argument("--json", type=Path, help="write the figures of every backend to this file")
    parser.add_argument("--child-out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.skip_build and args.backend in {"whoosh", "both"} and args.dir is None:
        parser.error("--skip-build with whoosh needs --dir (where the index was kept)")
    unknown = [key for key in args.profile or () if key not in PROFILE_KEYS]
    if unknown:
        parser.error(f"unknown --profile case(s): {', '.join(unknown)}")
    return args


def run_in_child(argv: Sequence[str], backend: str) -> dict[str, Any]:
    """This script for one backend in a fresh process (its memory figures are its own)."""
    with tempfile.TemporaryDirectory(prefix="search-scale-") as temporary:
        out = Path(temporary) / "figures.json"
        command = [sys.executable, __file__, *argv, "--backend", backend, "--child-out", str(out)]
        subprocess.run(command, check=True)  # noqa: S603  this script, with this interpreter and the same arguments
        figures: dict[str, Any] = json.loads(out.read_text())
        return figures


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    args = parse_arguments(argv)
    if args.backend != "both":
        figures = run_backend(args)
        print(table(figures), flush=True)
        for name, text in figures.profiles.items():
            print(f"\n### {figures.backend}: profile of {name}\n{text}", flush=True)
        results = [asdict(figures)]
        if args.child_out is not None:
            args.child_out.write_text(json.dumps(results[0], ensure_ascii=False))
    else:
        results = [run_in_child(_without_backend(argv), backend) for backend in BACKENDS]
    if args.json is not None and args.child_out is None:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n")
    return 0


def _without_backend(argv: Sequence[str]) -> list[str]:
    """``argv`` without its ``--backend`` choice and ``--json`` file (the parent writes that)."""
    out: list[str] = []
    skip = False
    for arg in argv:
        if skip:
            skip = False
            continue
        if arg in {"--backend", "--json"}:
            skip = True
            continue
        if arg.startswith(("--backend=", "--json=")):
            continue
        out.append(arg)
    return out


if __name__ == "__main__":
    sys.exit(main())
