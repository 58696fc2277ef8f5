"""The matcher's configuration: one frozen dataclass, saved with every artifact.

Defaults are the product's defaults and the ones the CORDIS evaluation uses
(``python -m matching.evaluate``); they were chosen on the first half of the
benchmark queries (see docs/benchmarks.md).
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass, field
from typing import Any

from .profiles import KINDS

DEFAULT_FIELD_WEIGHTS = {
    "description": 1.0,
    "competencies": 1.0,
    "product": 1.0,
    "offer": 1.0,
    "equipment": 1.0,
    "project": 1.0,
}

#: Documents under this share of a query's best document similarity are not looked at (the kernel's floor).
DOC_FLOOR = 0.15

#: Log units added to every score of an organization of this kind (kinds of ``profiles.KINDS``; absent = 0).
DEFAULT_KIND_OFFSETS = {"public": -3.0, "other": -3.0}


@dataclass(frozen=True)
class MatcherConfig:
    """How text is analysed and how an organization's score is put together.

    The score of an organization for a query is, in log units::

        log(K/K_max + doc_eps) + centroid_weight * log(C/C_max + centroid_eps)
          + related_weight * log(1 + N)
          + activity_weight * log(1 + activity) + kind_offsets[kind]
          + okpd2_weight * okpd2_match + competency_weight * competency_match
          + place_weight * (the query names the organization's place)
          + kind_balance shift

    where K sums ``(doc_cosine / best_doc_cosine) ** doc_power`` over the
    organization's ``doc_top`` best documents (each times its document weight), N is
    the summed weight of its documents above ``related_floor`` × the best document
    cosine (its "related past projects"), C is the
    cosine between the query and the organization's centroid (the normalized
    sum of its document vectors), and ``activity`` is the weighted number of
    its past-work documents (kind ``project``).

    Kinds are calibrated onto one scale in two steps: ``kind_offsets`` (log
    units per organization kind, fixed) and then the per-query kind balance
    (each kind's best moved ``kind_balance`` of the way towards the overall
    best). The offsets were chosen on the first half of the CORDIS queries:
    public bodies and "other" organizations rarely join a consortium or do an
    order for the text that matches them, and the slots they took go to
    companies and universities.

    The head: the ``head_size`` organizations with evidence that fit best by
    the formula without offsets and balance (centroid weight
    ``head_centroid_weight``) score at least the best balanced score plus
    their fit minus the best fit (the first one just above it), so the
    calibration never pushes the closest fits down (``ScoredQuery.head``).
    """

    # text analysis
    bigrams: bool = True
    min_df: int = 1
    bigram_min_df: int = 2
    max_df: float = 1.0
    sublinear_tf: bool = True
    max_query_terms: int = 512
    # query-time work cap: the query's lowest-weight terms are dropped once the
    # postings of the kept ones reach this many entries (common words carry least)
    max_postings: int = 1_000_000
    # scoring
    doc_power: float = 5.0
    # an organization's kernel counts its ``doc_top`` best documents (0: all): many past projects on a
    # topic count, but a hundred weak ones do not outweigh a few close ones
    doc_top: int = 10
    # "has N related projects": + related_weight · log(1 + N), N = the summed weights of the organization's
    # documents above related_floor × the best document similarity of the query
    related_weight: float = 0.5
    related_floor: float = 0.4
    doc_eps: float = 0.01
    centroid_weight: float = 3.0
    centroid_eps: float = 0.05
    activity_weight: float = 0.2
    kind_balance: float = 0.28
    # the first ``head_size`` places: the organizations with evidence that fit best by text and codes alone
    # (no kind offsets or balance; centroid weight ``head_centroid_weight``), then the kind-balanced ranking
    head_size: int = 1
    head_centroid_weight: float = 2.0
    kind_offsets: dict[str, float] = field(default_factory=lambda: dict(DEFAULT_KIND_OFFSETS))
    field_weights: dict[str, float] = field(default_factory=lambda: dict(DEFAULT_FIELD_WEIGHTS))
    # structured boosts, log units added for a full match (not covered by the benchmark: a judgement —
    # a full code match is worth about as much as the gap between a fair and the best text match)
    okpd2_weight: float = 3.0
    competency_weight: float = 3.0
    # log units for an organization whose region, city or country the query names (places.py); chosen on the
    # first half of the CORDIS queries, where a project naming a country often has partners there
    place_weight: float = 3.0
    # reasons
    reason_terms: int = 6
    reason_documents: int = 3
    # incremental updates: merge the delta segment into the main one beyond this many documents
    delta_merge_docs: int = 5000
    delta_merge_fraction: float = 0.1

    def __post_init__(self) -> None:
        if self.min_df < 1 or self.bigram_min_df < 1:
            raise ValueError("min_df and bigram_min_df must be >= 1")
        if not 0 < self.max_df <= 1:
            raise ValueError("max_df must be in (0, 1]")
        if self.doc_power <= 0 or self.doc_eps <= 0 or self.centroid_eps <= 0:
            raise ValueError("doc_power, doc_eps and centroid_eps must be positive")
        if self.doc_top < 0 or self.head_size < 0:
            raise ValueError("doc_top and head_size must be >= 0")
        if not DOC_FLOOR <= self.related_floor <= 1 or self.related_weight < 0:
            raise ValueError(f"related_floor must be in [{DOC_FLOOR}, 1] and related_weight >= 0")
        if self.max_query_terms < 1 or self.max_postings < 1:
            raise ValueError("max_query_terms and max_postings must be >= 1")
        unknown = set(self.kind_offsets) - set(KINDS)
        if unknown:
            raise ValueError(f"kind_offsets: unknown kinds {sorted(unknown)}; expected some of {KINDS}")
        if not all(math.isfinite(float(v)) for v in self.kind_offsets.values()):
            raise ValueError("kind_offsets must be finite numbers")

    def field_weight(self, kind: str) -> float:
        return float(self.field_weights.get(kind, 1.0))

    def kind_offset(self, kind: str) -> float:
        return float(self.kind_offsets.get(kind, 0.0))

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> MatcherConfig:
        known = {f.name for f in dataclasses.fields(cls)}
        unknown = set(data) - known
        if unknown:
            raise ValueError(f"unknown MatcherConfig fields: {sorted(unknown)}")
        return cls(**data)
