"""Incremental updates: index one profile with the fitted vocabulary and idf, no refit."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from .profiles import OrganizationProfile, ProfileDocument, document_title
from .scoring import KIND_CODE

if TYPE_CHECKING:
    from .matcher import Matcher


def add_or_update(matcher: Matcher, profile: OrganizationProfile) -> None:
    """Add ``profile`` as a new organization or replace the existing one with the same id.

    New documents are vectorized with the fitted vocabulary (unknown words are
    ignored until the next ``fit``) and go to the index's delta segment;
    documents whose id is already indexed (a joint project) are shared, not
    re-analysed. The delta is merged into the main segment when it grows past
    the configured size.
    """
    cfg = matcher.config
    index = matcher.index_
    row = matcher.org_row_.get(profile.id)
    if row is None:
        row = index.add_org()
        matcher.org_ids_.append(profile.id)
        matcher.org_row_[profile.id] = row
        matcher.names_.append(profile.name)
        matcher.regions_.append(profile.region)
        matcher.competency_names_.append({})
        matcher.kinds_ = np.append(matcher.kinds_, np.int8(KIND_CODE[profile.kind]))
        matcher.region_codes_ = np.append(matcher.region_codes_, np.int32(0))
        matcher.members_ = np.append(matcher.members_, False)
        matcher.active_ = np.append(matcher.active_, True)
        matcher.activity_ = np.append(matcher.activity_, 0.0)
    else:
        index.drop_org_pairs(row)
    matcher.names_[row] = profile.name
    matcher.regions_[row] = profile.region
    matcher.kinds_[row] = KIND_CODE[profile.kind]
    matcher.region_codes_[row] = matcher.region_code(profile.region)
    matcher.members_[row] = bool(profile.is_member)
    matcher.okpd2_.set(row, profile.okpd2_codes)
    matcher.competency_.set(row, profile.all_competency_codes())
    matcher.competency_names_[row] = profile.competency_names()
    matcher.places_.set(row, profile.place_names())

    docs: list[int] = []
    weights: list[float] = []
    activity = 0.0
    new_docs: list[tuple[ProfileDocument, float]] = []
    for doc in profile.documents():
        weight = doc.weight * cfg.field_weight(doc.kind)
        if weight <= 0:
            continue
        existing = index.doc_row.get(doc.id) if doc.id is not None else None
        if existing is None:
            new_docs.append((doc, weight))
        else:
            docs.append(existing)
            weights.append(weight)
        if doc.kind == "project":
            activity += weight
    if new_docs:
        rows = matcher.model_.transform([(d.full_text, d.lang) for d, _ in new_docs])
        for i, (doc, weight) in enumerate(new_docs):
            docs.append(index.add_doc(rows[i], doc.id, document_title(doc.title, doc.text), doc.kind))
            weights.append(weight)
    index.set_org_docs(row, docs, weights)
    matcher.activity_[row] = activity
    if index.n_delta_docs > max(cfg.delta_merge_docs, cfg.delta_merge_fraction * index.n_main_docs):
        index.merge()
