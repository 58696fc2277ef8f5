"""``Matcher``: organizations for an order or project, with reasons.

Lifecycle::

    matcher = Matcher(MatcherConfig()).fit(profiles)   # learned attributes end in "_"
    matcher.match_suppliers(MatchQuery(text=...), top_k=10)
    matcher.add_or_update(profile); matcher.remove(org_id)   # no refit
    matcher.save(path); Matcher.load(path)

Scoring goes through the query's postings (see ``index.TextIndex``) and is
vectorized over organizations; ``MatcherConfig`` documents the formula.
"""

from __future__ import annotations

import uuid
from collections import OrderedDict
from collections.abc import Hashable, Iterable, Sequence
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

from .arrays import Float32Array
from .codes import CodeIndex
from .config import MatcherConfig
from .consortium import assemble
from .errors import NotFittedError, UnknownOrganizationError
from .index import TextIndex
from .orders import OrderIndex
from .persistence import load as load_artifact, save as save_artifact
from .places import PlaceIndex
from .profiles import (
    ConsortiumQuery,
    MatchQuery,
    OrderDocument,
    OrganizationProfile,
    document_title,
    normalize_kind,
)
from .reasons import build_matches
from .results import ConsortiumProposal, Match, OrderMatch
from .scoring import KIND_CODE, Allowed, ScoredQuery, ScoringMixin
from .updates import add_or_update
from .vectorizer import TextModel

__all__ = ["KIND_CODE", "Matcher", "ScoredQuery"]


class Matcher(ScoringMixin):
    """TF-IDF matcher of organizations to orders, projects and consortium needs.

    Learned attributes (after ``fit`` or ``load``): ``model_`` (analyzer,
    vocabulary, idf), ``index_`` (documents, organizations, centroids),
    ``org_ids_``, ``version_`` (changes with every fit and update).
    """

    model_: TextModel
    org_ids_: list[Hashable]
    org_row_: dict[Hashable, int]
    names_: list[str]
    regions_: list[str]
    region_codes_: NDArray[np.int32]
    members_: NDArray[np.bool_]
    competency_names_: list[dict[str, str]]
    places_: PlaceIndex
    _region_codes: dict[str, int]
    _active_cache: tuple[str, bool] | None = None
    #: Answers to recent ``match_suppliers`` questions, valid for one ``version_`` (an order page asks the
    #: same question on every view; the answer changes only with the order or the matcher).
    _answers: tuple[str, OrderedDict[Hashable, tuple[Match, ...]]] | None = None
    ANSWERS_KEPT = 256

    def __init__(self, config: MatcherConfig | None = None) -> None:
        self.config = config or MatcherConfig()

    # -- lifecycle -----------------------------------------------------------
    @property
    def is_fitted(self) -> bool:
        return hasattr(self, "index_")

    def check_fitted(self) -> None:
        """Raise ``NotFittedError`` unless ``fit`` or ``load`` has run."""
        if not self.is_fitted:
            raise NotFittedError("Matcher")

    def fit(self, profiles: Iterable[OrganizationProfile]) -> Matcher:
        """Learn vocabulary and idf from the profiles' documents and index them. Returns ``self``."""
        profiles = list(profiles)
        ids = [p.id for p in profiles]
        if len(set(ids)) != len(ids):
            raise ValueError("organization ids must be unique")
        cfg = self.config
        texts: list[tuple[str, str]] = []
        keys: list[str | None] = []
        titles: list[str] = []
        kinds: list[str] = []
        key_row: dict[str, int] = {}
        pair_doc: list[int] = []
        pair_org: list[int] = []
        pair_w: list[float] = []
        for org, profile in enumerate(profiles):
            for doc in profile.documents():
                weight = doc.weight * cfg.field_weight(doc.kind)
                if weight <= 0:
                    continue
                row = key_row.get(doc.id) if doc.id is not None else None
                if row is None:
                    row = len(texts)
                    texts.append((doc.full_text, doc.lang))
                    keys.append(doc.id)
                    titles.append(document_title(doc.title, doc.text))
                    kinds.append(doc.kind)
                    if doc.id is not None:
                        key_row[doc.id] = row
                pair_doc.append(row)
                pair_org.append(org)
                pair_w.append(weight)
        model = TextModel(cfg)
        doc_rows = model.fit_transform(texts) if texts else None
        if doc_rows is None or not model.vocabulary:
            raise ValueError("the profiles have no indexable text")
        index = TextIndex(model)
        index.build(
            doc_rows,
            keys,
            titles,
            kinds,
            np.asarray(pair_doc, dtype=np.int64),
            np.asarray(pair_org, dtype=np.int32),
            np.asarray(pair_w, dtype=np.float32),
            len(profiles),
        )
        self.model_ = model
        self.index_ = index
        self._set_organizations(profiles)
        self.activity_ = index.org_activity()
        self.version_ = f"{uuid.uuid4().hex[:12]}-0"
        return self

    def _set_organizations(self, profiles: Sequence[OrganizationProfile]) -> None:
        self.org_ids_ = [p.id for p in profiles]
        self.org_row_ = {p.id: i for i, p in enumerate(profiles)}
        self.names_ = [p.name for p in profiles]
        self.kinds_ = np.array([KIND_CODE[p.kind] for p in profiles], dtype=np.int8)
        self.regions_ = [p.region for p in profiles]
        self._region_codes = {}
        self.region_codes_ = np.array([self.region_code(r) for r in self.regions_], dtype=np.int32)
        self.members_ = np.array([bool(p.is_member) for p in profiles], dtype=bool)
        self.active_ = np.ones(len(profiles), dtype=bool)
        self.okpd2_ = CodeIndex("okpd2")
        self.competency_ = CodeIndex("competency")
        self.competency_names_ = []
        self.places_ = PlaceIndex()
        for row, p in enumerate(profiles):
            self.okpd2_.set(row, p.okpd2_codes)
            self.competency_.set(row, p.all_competency_codes())
            self.competency_names_.append(p.competency_names())
            self.places_.set(row, p.place_names())

    def region_code(self, region: str) -> int:
        """The number of a region (its name, case and surrounding spaces aside); a new one gets the next."""
        key = (region or "").strip().lower()
        return self._region_codes.setdefault(key, len(self._region_codes))

    def _bump(self) -> None:
        token, _, counter = self.version_.rpartition("-")
        self.version_ = f"{token}-{int(counter) + 1}"

    @property
    def n_organizations_(self) -> int:
        self.check_fitted()
        return int(self.active_.sum())

    def __contains__(self, org_id: Hashable) -> bool:
        return self.is_fitted and org_id in self.org_row_

    # -- incremental updates -----------------------------------------------
    def add_or_update(self, profile: OrganizationProfile) -> None:
        """Index a new profile or replace an organization's profile, with the fitted vocabulary and idf."""
        self.check_fitted()
        add_or_update(self, profile)
        self._bump()

    def remove(self, org_id: Hashable) -> None:
        """Forget an organization (its shared documents stay for the other participants)."""
        self.check_fitted()
        row = self.org_row_.pop(org_id, None)
        if row is None:
            raise UnknownOrganizationError(org_id)
        self.active_[row] = False
        self.index_.drop_org_pairs(row)
        self.activity_[row] = 0.0
        self._bump()

    # -- scoring -------------------------------------------------------------
    def allowed(
        self, kinds: Sequence[str], regions: Sequence[str], members_only: bool, exclude_ids: Iterable[Hashable]
    ) -> Allowed:
        """(allowed organizations, or None for all active ones; rows excluded by id)."""
        mask = None if self._all_active() else self.active_.copy()
        if kinds:
            codes = [KIND_CODE[normalize_kind(k)] for k in kinds]
            mask = np.isin(self.kinds_, codes) & (self.active_ if mask is None else mask)
        if regions:
            codes = [self._region_codes.get(r.strip().lower(), -1) for r in regions]
            mask = np.isin(self.region_codes_, codes) & (self.active_ if mask is None else mask)
        if members_only:
            mask = self.members_ & (self.active_ if mask is None else mask)
        excluded = np.array([self.org_row_[i] for i in exclude_ids if i in self.org_row_], dtype=np.int64)
        return mask, excluded

    def _all_active(self) -> bool:
        cached = self._active_cache
        if cached is None or cached[0] != self.version_:
            cached = (self.version_, bool(self.active_.all()))
            self._active_cache = cached
        return cached[1]

    def query_vector(
        self, text: str, lang: str = "auto", terms: Sequence[str] | None = None
    ) -> tuple[NDArray[np.int64], Float32Array]:
        """(term columns, weights) of a query text, capped by ``max_query_terms`` and ``max_postings``
        (``terms``: the text's analyzed terms, when already at hand)."""
        cols, weights = self.model_.query_vector(text, lang, self.config.max_query_terms, terms)
        return self.index_.within_budget(cols, weights, self.config.max_postings)

    def score_query(self, query: MatchQuery) -> ScoredQuery:
        """Scores of every known organization for ``query`` (aligned with ``org_ids_``)."""
        self.check_fitted()
        terms = self.model_.analyzer.terms(query.text, query.lang)  # analysed once: the vector and the places
        cols, weights = self.query_vector(query.text, query.lang, terms)
        mask = self.allowed(query.kinds, query.regions, query.members_only, query.exclude_ids)
        stems = [t for t in terms if " " not in t]  # the unigrams (bigrams are "stem1 stem2")
        scored = self.score_vector(
            cols, weights, query.okpd2_codes, query.competency_codes, mask, self._places_of(stems)
        )
        scored.query_stems = stems
        return scored

    def places_named(self, text: str, lang: str = "auto") -> Float32Array | None:
        """Per organization 1.0 where ``text`` names its region, city or country (None: no place named)."""
        return self._places_of(self.model_.analyzer.stems(text, lang))

    def _places_of(self, stems: Sequence[str]) -> Float32Array | None:
        if not self.config.place_weight or not stems:
            return None
        return self.places_.match(self.model_.analyzer, stems, self.index_.n_orgs)

    # -- public queries -----------------------------------------------------
    def match_suppliers(self, query: MatchQuery, top_k: int = 10, *, with_reasons: bool = True) -> list[Match]:
        """The organizations that should do an order or project, best first, with reasons.

        Only organizations with evidence are proposed: a document close to the
        best match or a shared code; when fewer than ``top_k`` have that, any
        organization sharing a word with the query.
        """
        self.check_fitted()
        key = _answer_key(query, top_k, with_reasons)
        answers = self._answers_now()
        if key is not None and key in answers:
            answers.move_to_end(key)
            return list(answers[key])
        scored = self.score_query(query)
        # only organizations with some evidence: a shared word or a shared code
        pool = scored.strong if scored.strong.size >= top_k else scored.evidence
        rows = scored.top(top_k, pool)  # computes the scores of these rows only
        matches = build_matches(self, scored, rows.tolist(), with_reasons)
        if key is not None:
            answers[key] = tuple(matches)
            if len(answers) > self.ANSWERS_KEPT:
                answers.popitem(last=False)
        return matches

    def _answers_now(self) -> OrderedDict[Hashable, tuple[Match, ...]]:
        """The remembered answers of this version (a new version starts afresh)."""
        if self._answers is None or self._answers[0] != self.version_:
            self._answers = (self.version_, OrderedDict())
        return self._answers[1]

    def match_orders(
        self,
        profile_or_org_id: OrganizationProfile | Hashable,
        orders: Sequence[OrderDocument] | OrderIndex,
        top_k: int = 10,
    ) -> list[OrderMatch]:
        """Open orders that fit a supplier (a known organization id or a profile), best first."""
        self.check_fitted()
        index = orders if isinstance(orders, OrderIndex) else OrderIndex(self).fit(orders)
        return index.match(profile_or_org_id, top_k)

    def assemble_consortium(self, project: ConsortiumQuery) -> ConsortiumProposal:
        """A small consortium covering the project's needs, respecting the kind mix; gaps named."""
        self.check_fitted()
        return assemble(self, project)

    # -- persistence ---------------------------------------------------------
    def save(self, path: str | Path) -> Path:
        """Write a versioned artifact (one ``.npz`` file, no pickle). Returns the path written."""
        self.check_fitted()
        return save_artifact(self, Path(path))

    @classmethod
    def load(cls, path: str | Path) -> Matcher:
        """Read an artifact written by ``save``; refuses other formats and versions."""
        return load_artifact(cls, Path(path))


def _answer_key(query: MatchQuery, top_k: int, with_reasons: bool) -> Hashable | None:
    """A key for remembering an answer: the whole question (None when a part of it cannot be hashed)."""
    key = (query, top_k, with_reasons)
    try:
        hash(key)
    except TypeError:  # a list among the query's sequences
        return None
    return key
