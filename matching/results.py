"""What the matcher returns: proposals with structured reasons, and sentences about them."""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class MatchedDocument:
    """A document of the organization's profile that matched the query well."""

    id: str | None
    title: str
    kind: str
    similarity: float  # cosine between the query and the document


@dataclass(frozen=True)
class MatchedCode:
    """A query code matched (prefix-aware) by one of the organization's codes."""

    query_code: str
    org_code: str
    match: float  # share of the query code covered, 0..1
    name: str = ""


@dataclass(frozen=True)
class Reasons:
    """Why an organization was proposed: words, codes and documents that matched."""

    terms: tuple[str, ...] = ()
    competencies: tuple[MatchedCode, ...] = ()
    okpd2: tuple[MatchedCode, ...] = ()
    documents: tuple[MatchedDocument, ...] = ()
    places: tuple[str, ...] = ()  # the organization's region, city or country that the query names

    def is_empty(self) -> bool:
        return not (self.terms or self.competencies or self.okpd2 or self.documents or self.places)


@dataclass(frozen=True)
class Match:
    """One proposed organization. ``score`` orders proposals (log units; higher is better)."""

    org_id: Hashable
    score: float
    kind: str
    region: str
    is_member: bool
    text_similarity: float  # cosine between the query and the organization's profile centroid
    best_document_similarity: float
    reasons: Reasons = field(default_factory=Reasons)

    def explain(self, lang: str = "ru") -> str:
        return explain(self.reasons, lang)


@dataclass(frozen=True)
class OrderMatch:
    """One open order proposed to a supplier (``match_orders``)."""

    order_id: Hashable
    score: float
    text_similarity: float
    reasons: Reasons = field(default_factory=Reasons)

    def explain(self, lang: str = "ru") -> str:
        return explain(self.reasons, lang)


@dataclass(frozen=True)
class ConsortiumMember:
    """A proposed member, the needs it covers (labels) and how strongly (0..1 each)."""

    org_id: Hashable
    kind: str
    covers: tuple[str, ...]
    coverage: dict[str, float]
    reasons: Reasons = field(default_factory=Reasons)


@dataclass(frozen=True)
class NeedCoverage:
    """Which proposed members cover one need; ``best_strength`` is the best any candidate reached."""

    label: str
    covered: bool
    org_ids: tuple[Hashable, ...]
    best_strength: float


@dataclass(frozen=True)
class ConsortiumProposal:
    """A proposed consortium, best member first, with the needs nobody covers.

    ``NeedCoverage.covered`` is True when a proposed member covers the need.
    """

    members: tuple[ConsortiumMember, ...]
    needs: tuple[NeedCoverage, ...]
    gaps: tuple[str, ...]  # needs no known organization covers
    uncovered: tuple[str, ...]  # needs the proposed members do not cover (gaps included)
    unmet_kinds: dict[str, int]  # kinds of the requested mix that could not be filled, and how many

    @property
    def org_ids(self) -> list[Hashable]:
        return [m.org_id for m in self.members]


_WORDS = {
    "ru": {
        "terms": "совпадают слова",
        "competencies": "компетенции",
        "okpd2": "коды ОКПД2",
        "documents": "похожие работы",
        "places": "указано место",
        "none": "явных совпадений нет",
    },
    "en": {
        "terms": "matching words",
        "competencies": "competencies",
        "okpd2": "OKPD2 codes",
        "documents": "similar work",
        "places": "named place",
        "none": "no explicit matches",
    },
}
_QUOTES = {"ru": ("«", "»"), "en": ("“", "”")}


def explain(reasons: Reasons, lang: str = "ru", *, max_items: int = 3) -> str:
    """A short sentence in Russian (``ru``) or English (``en``) saying why."""
    words = _WORDS.get(lang, _WORDS["en"])
    left, right = _QUOTES.get(lang, _QUOTES["en"])
    parts = []
    if reasons.terms:
        parts.append(f"{words['terms']}: {', '.join(reasons.terms[: max_items * 2])}")
    if reasons.competencies:
        items = [f"{c.org_code} {c.name}".strip() for c in reasons.competencies[:max_items]]
        parts.append(f"{words['competencies']}: {', '.join(items)}")
    if reasons.okpd2:
        items = [c.org_code for c in reasons.okpd2[:max_items]]
        parts.append(f"{words['okpd2']}: {', '.join(items)}")
    titled = [d for d in reasons.documents if d.title][:max_items]
    if titled:
        parts.append(f"{words['documents']}: " + ", ".join(f"{left}{d.title}{right}" for d in titled))
    if reasons.places:
        parts.append(f"{words['places']}: {', '.join(reasons.places[:max_items])}")
    if not parts:
        return words["none"].capitalize() + "."
    sentence = "; ".join(parts)
    return sentence[0].upper() + sentence[1:] + "."
