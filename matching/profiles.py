"""What the matcher is fitted on and queried with: plain dataclasses.

The web app builds these from its database records (organizations, their
competencies, products, offers, equipment, completed orders and projects);
the CORDIS evaluation builds them from past projects. Nothing here knows
about Flask or SQLAlchemy.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

#: Organization kinds, as the marketplace stores them.
KINDS = ("sme", "large", "university", "research", "public", "other")

#: CORDIS kinds (and a few common synonyms) mapped onto ``KINDS``.
_KIND_ALIASES = {
    "hes": "university",
    "rec": "research",
    "pub": "public",
    "oth": "other",
    "company": "large",
    "enterprise": "large",
}

#: Document kinds of a profile; ``project`` is past work (completed orders and projects).
DOCUMENT_KINDS = ("description", "competencies", "product", "offer", "equipment", "project")
LANGS = ("ru", "en", "auto")

OrgId = Hashable


def normalize_kind(kind: str, *, sme: bool | None = None) -> str:
    """One of ``KINDS``. CORDIS ``PRC`` becomes ``sme`` or ``large`` by the SME flag."""
    value = (kind or "").strip().lower()
    if value == "prc":
        return "sme" if sme else "large"
    value = _KIND_ALIASES.get(value, value)
    return value if value in KINDS else "other"


@dataclass(frozen=True)
class ProfileDocument:
    """One text of a profile: a product, a piece of equipment, a past project...

    ``id`` identifies a document shared by several organizations (a joint
    project): profiles that list the same id share one indexed document.
    ``weight`` scales its contribution (e.g. 0.2 for an associated partner).
    """

    text: str
    title: str = ""
    id: str | None = None
    kind: str = "project"
    lang: str = "auto"
    weight: float = 1.0

    def __post_init__(self) -> None:
        if self.kind not in DOCUMENT_KINDS:
            raise ValueError(f"unknown document kind {self.kind!r}; expected one of {DOCUMENT_KINDS}")
        if self.lang not in LANGS:
            raise ValueError(f"unknown language {self.lang!r}; expected one of {LANGS}")
        if self.weight < 0:
            raise ValueError("document weight must be >= 0")

    @property
    def full_text(self) -> str:
        return f"{self.title}\n{self.text}" if self.title else self.text


def document_title(title: str, text: str, limit: int = 120) -> str:
    """A document's title as reasons show it: ``title``, else the first line of ``text`` (cut at ``limit``)."""
    if title.strip():
        return title.strip()
    first = text.strip().split("\n", 1)[0].strip()
    return first if len(first) <= limit else first[: limit - 1].rstrip() + "…"


@dataclass(frozen=True)
class Competency:
    """A competency from the cluster's directory: a code and its name."""

    code: str
    name: str = ""


def _as_document(item: str | ProfileDocument, kind: str) -> ProfileDocument:
    if isinstance(item, ProfileDocument):
        return item
    return ProfileDocument(text=str(item), kind=kind)


@dataclass
class OrganizationProfile:
    """Everything the matcher knows about one organization.

    Texts: ``description``, ``competencies`` (code + name), ``products``,
    ``offers``, ``equipment``, ``projects`` (past orders and projects) — plain
    strings or ``ProfileDocument``. Structured: ``kind`` (one of ``KINDS``;
    CORDIS kinds are accepted), ``region``, ``is_member``, ``okpd2_codes``,
    ``competency_codes`` (codes of ``competencies`` are added automatically),
    ``places`` (where it is, besides ``region``).
    """

    id: OrgId
    name: str = ""
    kind: str = "other"
    region: str = ""
    is_member: bool = False
    description: str = ""
    description_lang: str = "auto"
    competencies: Sequence[Competency] = ()
    products: Sequence[str | ProfileDocument] = ()
    offers: Sequence[str | ProfileDocument] = ()
    equipment: Sequence[str | ProfileDocument] = ()
    projects: Sequence[str | ProfileDocument] = ()
    okpd2_codes: Sequence[str] = ()
    competency_codes: Sequence[str] = ()
    #: Other names of where it is (city, country and its adjective, other spellings); with ``region``, a query
    #: naming one of them prefers the organization (``MatcherConfig.place_weight``, ``places.py``).
    places: Sequence[str] = ()

    def __post_init__(self) -> None:
        self.kind = normalize_kind(self.kind)

    def place_names(self) -> list[str]:
        return [n for n in (self.region, *self.places) if n and n.strip()]

    def all_competency_codes(self) -> list[str]:
        codes = [c.code for c in self.competencies if c.code]
        codes.extend(self.competency_codes)
        return list(dict.fromkeys(codes))

    def competency_names(self) -> dict[str, str]:
        return {c.code: c.name for c in self.competencies if c.code}

    def documents(self) -> Iterator[ProfileDocument]:
        """The profile's texts as documents, empty ones left out."""
        if self.description.strip():
            yield ProfileDocument(text=self.description, title="", kind="description", lang=self.description_lang)
        names = [c.name for c in self.competencies if c.name.strip()]
        if names:
            yield ProfileDocument(text="\n".join(names), kind="competencies")
        for items, kind in (
            (self.products, "product"),
            (self.offers, "offer"),
            (self.equipment, "equipment"),
            (self.projects, "project"),
        ):
            for item in items:
                doc = _as_document(item, kind)
                if doc.full_text.strip():
                    yield doc


@dataclass(frozen=True)
class MatchQuery:
    """An order or project to find organizations for, with filters and structured signals.

    Filters: ``kinds`` and ``regions`` (any of), ``members_only``,
    ``exclude_ids`` (e.g. the customer itself). Signals: ``okpd2_codes`` and
    ``competency_codes``, matched prefix-aware against the profiles' codes.
    """

    text: str
    lang: str = "auto"
    okpd2_codes: Sequence[str] = ()
    competency_codes: Sequence[str] = ()
    kinds: Sequence[str] = ()
    regions: Sequence[str] = ()
    members_only: bool = False
    exclude_ids: Sequence[OrgId] = ()


@dataclass(frozen=True)
class Need:
    """One need of a project: what it asks for, in words and/or codes."""

    label: str
    text: str = ""
    competency_codes: Sequence[str] = ()
    okpd2_codes: Sequence[str] = ()
    lang: str = "auto"


@dataclass(frozen=True)
class ConsortiumQuery:
    """A project to assemble a consortium for.

    ``kind_mix`` asks for a minimum number of members per kind, e.g.
    ``{"university": 1, "sme": 2}``; ``max_size`` caps the consortium.
    ``text`` (the project's description) is added to every need's query with
    ``context_weight``.
    """

    needs: Sequence[Need]
    text: str = ""
    kind_mix: Mapping[str, int] = field(default_factory=dict)
    max_size: int = 5
    regions: Sequence[str] = ()
    members_only: bool = False
    exclude_ids: Sequence[OrgId] = ()
    coverage_threshold: float = 0.1
    candidates_per_need: int = 30
    context_weight: float = 0.3


@dataclass(frozen=True)
class OrderDocument:
    """An open order (or project) for the reverse search ``match_orders``."""

    id: OrgId
    text: str
    title: str = ""
    lang: str = "auto"
    okpd2_codes: Sequence[str] = ()
    competency_codes: Sequence[str] = ()
    region: str = ""
    customer_id: OrgId | None = None

    @property
    def full_text(self) -> str:
        return f"{self.title}\n{self.text}" if self.title else self.text
