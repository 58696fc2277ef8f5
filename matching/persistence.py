"""Saving and loading a fitted matcher as a versioned artifact the project itself writes.

The artifact is one ``.npz`` file (numpy arrays, loaded with
``allow_pickle=False``) holding the document matrix, the document →
organization pairs, idf, and a ``meta`` entry: UTF-8 JSON with the format
name, the format version, the config, the vocabulary and the organization
and document attributes. Anything else — another format, another version, a
pickled object — is refused with ``ArtifactError``. Centroids are rebuilt on
load (deterministically, so rankings are identical).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray

from .codes import CodeIndex
from .config import MatcherConfig
from .errors import ArtifactError
from .index import TextIndex
from .places import PlaceIndex
from .profiles import KINDS
from .vectorizer import TextModel

if TYPE_CHECKING:
    from .matcher import Matcher

FORMAT = "cluster-marketplace-matcher"
FORMAT_VERSION = 1
_ARRAYS = (
    "X_data",
    "X_indices",
    "X_indptr",
    "X_shape",
    "pair_doc",
    "pair_org",
    "pair_w",
    "idf",
    "kinds",
    "members",
    "active",
    "activity",
)


def _json_bytes(value: Any) -> NDArray[np.uint8]:
    return np.frombuffer(json.dumps(value, ensure_ascii=False).encode("utf-8"), dtype=np.uint8)


def save(matcher: Matcher, path: Path) -> Path:
    if path.suffix != ".npz":
        path = path.with_name(path.name + ".npz")
    index = matcher.index_
    index.merge()  # one segment; the content (and so the version) does not change
    doc_rows = sp.csr_matrix(index.doc_matrix)
    doc, org, w = index.main_pairs()
    meta = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "config": matcher.config.to_dict(),
        "version": matcher.version_,
        "vocabulary": matcher.model_.vocabulary,
        "surface": matcher.model_.surface,
        # the analyzer's stem cache: a loaded matcher answers as fast as a fitted one
        "stem_cache": matcher.model_.analyzer.export_cache(),
        "org_ids": matcher.org_ids_,
        "names": matcher.names_,
        "regions": matcher.regions_,
        "okpd2": matcher.okpd2_.codes,
        "competencies": matcher.competency_.codes,
        "competency_names": matcher.competency_names_,
        "places": matcher.places_.names,
        "doc_keys": index.doc_keys,
        "doc_titles": index.doc_titles,
        "doc_kinds": index.doc_kinds,
    }
    try:
        meta_bytes = _json_bytes(meta)
    except TypeError as exc:
        raise ArtifactError(f"organization and document ids must be JSON values (str or int): {exc}") from exc
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp.npz")
    np.savez(
        tmp,
        meta=meta_bytes,
        X_data=doc_rows.data,
        X_indices=doc_rows.indices,
        X_indptr=doc_rows.indptr,
        X_shape=np.asarray(doc_rows.shape, dtype=np.int64),
        pair_doc=doc,
        pair_org=org,
        pair_w=w,
        idf=matcher.model_.idf,
        kinds=matcher.kinds_,
        members=matcher.members_,
        active=matcher.active_,
        activity=matcher.activity_,
    )
    tmp.replace(path)  # atomic: a reader never sees a half-written artifact
    return path


def load(cls: type[Matcher], path: Path) -> Matcher:
    try:
        with np.load(path, allow_pickle=False) as npz:
            if "meta" not in npz.files:
                raise ArtifactError(f"{path} is not a matcher artifact (no meta entry)")
            meta = json.loads(npz["meta"].tobytes().decode("utf-8"))
            if not isinstance(meta, dict) or meta.get("format") != FORMAT:
                raise ArtifactError(f"{path} is not a {FORMAT} artifact")
            if meta.get("format_version") != FORMAT_VERSION:
                raise ArtifactError(
                    f"{path} has format version {meta.get('format_version')!r}; this code reads version "
                    f"{FORMAT_VERSION} only — refit and save again"
                )
            missing = [name for name in _ARRAYS if name not in npz.files]
            if missing:
                raise ArtifactError(f"{path} lacks arrays {missing}")
            arrays = {name: npz[name] for name in _ARRAYS}
    except (OSError, ValueError, json.JSONDecodeError, UnicodeDecodeError) as exc:
        if isinstance(exc, ArtifactError):
            raise
        raise ArtifactError(f"cannot read matcher artifact {path}: {exc}") from exc
    try:
        config = MatcherConfig.from_dict(meta["config"])
        return _restore(cls, config, meta, arrays)
    except (KeyError, TypeError, ValueError) as exc:
        if isinstance(exc, ArtifactError):
            raise
        raise ArtifactError(f"corrupt matcher artifact {path}: {exc}") from exc


def _restore(
    cls: type[Matcher], config: MatcherConfig, meta: dict[str, Any], arrays: dict[str, NDArray[Any]]
) -> Matcher:
    model = TextModel(config)
    model.restore(list(meta["vocabulary"]), arrays["idf"], meta["surface"])
    model.analyzer.import_cache(meta.get("stem_cache") or {})
    shape = tuple(int(v) for v in arrays["X_shape"])
    doc_rows = sp.csr_matrix((arrays["X_data"], arrays["X_indices"], arrays["X_indptr"]), shape=shape)
    org_ids = [_as_id(v) for v in meta["org_ids"]]
    n_orgs = len(org_ids)
    index = TextIndex(model)
    index.build(
        doc_rows,
        [_as_id(k) if k is not None else None for k in meta["doc_keys"]],
        meta["doc_titles"],
        meta["doc_kinds"],
        arrays["pair_doc"].astype(np.int64),
        arrays["pair_org"].astype(np.int32),
        arrays["pair_w"].astype(np.float32),
        n_orgs,
    )
    kinds = arrays["kinds"].astype(np.int8)
    if kinds.size != n_orgs or (kinds.size and (kinds.min() < 0 or kinds.max() >= len(KINDS))):
        raise ValueError("organization kinds do not match the organizations")
    matcher = cls(config)
    matcher.model_ = model
    matcher.index_ = index
    matcher.org_ids_ = org_ids
    active = arrays["active"].astype(bool)
    matcher.org_row_ = {org_id: i for i, org_id in enumerate(org_ids) if active[i]}
    matcher.names_ = list(meta["names"])
    matcher.kinds_ = kinds
    matcher.regions_ = list(meta["regions"])
    matcher._region_codes = {}
    matcher.region_codes_ = np.array([matcher.region_code(r) for r in matcher.regions_], dtype=np.int32)
    matcher.members_ = arrays["members"].astype(bool)
    matcher.active_ = active
    matcher.activity_ = arrays["activity"].astype(np.float64)
    matcher.okpd2_ = CodeIndex("okpd2")
    matcher.competency_ = CodeIndex("competency")
    for row in range(n_orgs):
        matcher.okpd2_.set(row, meta["okpd2"][row])
        matcher.competency_.set(row, meta["competencies"][row])
    matcher.competency_names_ = [dict(d) for d in meta["competency_names"]]
    matcher.places_ = PlaceIndex()
    places = meta.get("places") or [[region] for region in matcher.regions_]  # older artifacts: the regions
    for row in range(n_orgs):
        matcher.places_.set(row, places[row])
    matcher.version_ = str(meta["version"])
    return matcher


def _as_id(value: Any) -> Any:
    if isinstance(value, list):  # JSON turned a tuple id into a list
        return tuple(value)
    return value
