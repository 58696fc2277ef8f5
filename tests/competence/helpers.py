"""Helpers of the competence tests: a small world of competencies and organizations, and an HTML reader
for the matrix (the standard library's parser: rows, columns and cells by their data attributes)."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from html.parser import HTMLParser

from marketplace.db import db
from marketplace.models import OrgKind
from tests import factories


@dataclass
class World:
    comps: dict  # code -> Competency
    orgs: dict  # key -> Organization
    users: dict  # role -> User (None for the guest)


def build_world() -> World:
    """Two areas A (A1, A2 > A2X) and B (B1); an SME, a large company and a university that are members,
    and a non-member; their users, a registered user without an organization and the manager."""
    a = factories.competency(code="A", name_en="Area A", name_ru="Область А", position=1)
    b = factories.competency(code="B", name_en="Area B", name_ru="Область Б", position=2)
    a1 = factories.competency(a, code="A1", name_en="Competency A1", name_ru="Компетенция А1", position=1)
    a2 = factories.competency(a, code="A2", name_en="Competency A2", name_ru="Компетенция А2", position=2)
    a2x = factories.competency(a2, code="A2X", name_en="Competency A2X", name_ru="Компетенция А2X", position=1)
    b1 = factories.competency(b, code="B1", name_en="Competency B1", name_ru="Компетенция Б1", position=1)
    sme = factories.member(name_ru="ООО «Альфа»", name_en="Alpha LLC", kind=OrgKind.SME)
    large = factories.member(name_ru="АО «Бета»", name_en="Beta JSC", kind=OrgKind.LARGE, region="Краснодарский край")
    uni = factories.member(name_ru="ФГБОУ ВО «Гамма»", name_en="Gamma University", kind=OrgKind.UNIVERSITY)
    outsider = factories.outsider(name_ru="ООО «Дельта»", name_en="Delta LLC", kind=OrgKind.SME)
    factories.give_competency(sme.organization, a1, level=3, note="Пятиосевые центры DMG")
    factories.give_competency(sme.organization, b1, level=1)
    factories.give_competency(large.organization, a1, level=2)
    factories.give_competency(large.organization, a2x, level=3, note="Опытный цех")
    factories.give_competency(uni.organization, a2, level=1)
    factories.give_competency(outsider.organization, a1, level=1)
    comps = {c.code: c for c in (a, b, a1, a2, a2x, b1)}
    orgs = {
        "sme": sme.organization,
        "large": large.organization,
        "uni": uni.organization,
        "outsider": outsider.organization,
    }
    users = {
        "guest": None,
        "registered": factories.registered(),
        "outsider": outsider,
        "member": sme,
        "manager": factories.manager(),
    }
    db.session.commit()
    return World(comps, orgs, users)


@dataclass
class Row:
    code: str
    classes: str
    total: int
    levels: tuple[int, int, int]
    cells: dict = field(default_factory=dict)  # org id -> {"level", "count", "title"}


class MatrixReader(HTMLParser):
    """Reads ``[data-testid=competence-matrix]``: ``columns`` (org ids in order), ``kinds`` ((kind, colspan)),
    ``rows`` (by code, in order) and ``column_totals`` (org id -> int)."""

    def __init__(self, html: str):
        super().__init__()
        self.columns: list[int] = []
        self.kinds: list[tuple[str, int]] = []
        self.rows: dict[str, Row] = {}
        self.column_totals: dict[int, int] = {}
        self._row: Row | None = None
        self._total_of: int | None = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "th" and "data-kind" in a:
            self.kinds.append((a["data-kind"], int(a["colspan"])))
        elif tag == "th" and "cm-org" in (a.get("class") or ""):
            self.columns.append(int(a["data-org"]))
        elif tag == "tr" and "data-code" in a:
            levels = tuple(int(n) for n in a["data-levels"].split(","))
            self._row = Row(a["data-code"], a["class"], int(a["data-total"]), levels)
            self.rows[self._row.code] = self._row
        elif tag == "td" and "data-org" in a and self._row is not None:
            self._row.cells[int(a["data-org"])] = {
                "level": int(a["data-level"]),
                "count": int(a.get("data-count", 1)),
                "title": a.get("title", ""),
            }
        elif tag == "td" and "cm-coltotal" in (a.get("class") or ""):
            self._total_of = int(a["data-org"])

    def handle_endtag(self, tag):
        if tag == "tr":
            self._row = None
        if tag == "td":
            self._total_of = None

    def handle_data(self, data):
        if self._total_of is not None and data.strip():
            self.column_totals[self._total_of] = int(data.strip())


def read_csv(response) -> list[list[str]]:
    """The rows of a CSV download (after checking its byte order mark)."""
    raw = response.get_data()
    assert raw.startswith(b"\xef\xbb\xbf"), "no UTF-8 byte order mark"
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
