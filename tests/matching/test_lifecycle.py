"""Lifecycle: not fitted, fit returns self, learned attributes, save/load of a versioned artifact."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from matching import (
    ArtifactError,
    ConsortiumQuery,
    Matcher,
    MatcherConfig,
    MatchQuery,
    Need,
    NotFittedError,
    OrderDocument,
    OrganizationProfile,
)
from matching.persistence import FORMAT_VERSION

QUERY = MatchQuery("Механическая обработка фланцев из стали 09Г2С")


def test_use_before_fit_raises_a_clear_error(profiles):
    m = Matcher()
    for call in (
        lambda: m.match_suppliers(QUERY),
        lambda: m.score_query(QUERY),
        lambda: m.match_orders(1, [OrderDocument(1, "x")]),
        lambda: m.assemble_consortium(ConsortiumQuery([Need("a", "x")])),
        lambda: m.add_or_update(profiles[0]),
        lambda: m.remove(1),
        lambda: m.save("x.npz"),
    ):
        with pytest.raises(NotFittedError, match="not fitted yet: call fit"):
            call()


def test_fit_returns_self_and_sets_learned_attributes(profiles):
    m = Matcher()
    assert m.fit(profiles) is m
    assert m.is_fitted
    assert m.n_organizations_ == len(profiles)
    assert m.org_ids_ == [p.id for p in profiles]
    assert len(m.model_.vocabulary) == m.model_.idf.size > 0
    assert re.fullmatch(r"[0-9a-f]{12}-0", m.version_)  # a fresh fit's token, no update counted yet


def test_fit_rejects_duplicate_ids_and_empty_text(profiles):
    with pytest.raises(ValueError, match="unique"):
        Matcher().fit([*profiles, profiles[0]])
    with pytest.raises(ValueError, match="no indexable text"):
        Matcher().fit([OrganizationProfile(id=1)])


def test_refit_changes_the_version(profiles):
    m = Matcher().fit(profiles)
    first = m.version_
    assert m.fit(profiles).version_ != first


def test_save_load_round_trip_gives_identical_rankings(matcher, tmp_path):
    path = matcher.save(tmp_path / "matcher.npz")
    loaded = Matcher.load(path)
    assert loaded.config == matcher.config
    assert loaded.version_ == matcher.version_
    for text in ("обработка фланцев", "polymer recycling catalyst", "очистка сточных вод"):
        q = MatchQuery(text)
        np.testing.assert_array_equal(loaded.score_query(q).scores, matcher.score_query(q).scores)
        assert loaded.match_suppliers(q) == matcher.match_suppliers(q)


def test_save_appends_the_extension(matcher, tmp_path):
    assert matcher.save(tmp_path / "m").name == "m.npz"


def _rewrite_meta(path, change):
    with np.load(path, allow_pickle=False) as npz:
        arrays = {k: npz[k] for k in npz.files}
    meta = json.loads(arrays["meta"].tobytes().decode())
    change(meta)
    arrays["meta"] = np.frombuffer(json.dumps(meta).encode(), dtype=np.uint8)
    np.savez(path, **arrays)


def test_load_refuses_another_format_version(matcher, tmp_path):
    path = matcher.save(tmp_path / "m.npz")
    _rewrite_meta(path, lambda meta: meta.update(format_version=FORMAT_VERSION + 1))
    with pytest.raises(ArtifactError, match="format version"):
        Matcher.load(path)


def test_load_refuses_unknown_config_fields(matcher, tmp_path):
    path = matcher.save(tmp_path / "m.npz")
    _rewrite_meta(path, lambda meta: meta["config"].update(evil=1))
    with pytest.raises(ArtifactError, match="corrupt"):
        Matcher.load(path)


def test_load_refuses_files_it_did_not_write(tmp_path):
    foreign = tmp_path / "foreign.npz"
    np.savez(foreign, x=np.arange(3))
    with pytest.raises(ArtifactError, match="not a matcher artifact"):
        Matcher.load(foreign)
    pickled = tmp_path / "pickled.npz"
    np.savez(pickled, meta=np.array([{"format": "x"}], dtype=object))
    with pytest.raises(ArtifactError):
        Matcher.load(pickled)
    garbage = tmp_path / "garbage.npz"
    garbage.write_bytes(b"not a zip")
    with pytest.raises(ArtifactError):
        Matcher.load(garbage)


def test_config_validation_and_round_trip():
    with pytest.raises(ValueError):
        MatcherConfig(min_df=0)
    with pytest.raises(ValueError):
        MatcherConfig(max_df=0)
    cfg = MatcherConfig(kind_balance=0.0, bigrams=False)
    assert MatcherConfig.from_dict(cfg.to_dict()) == cfg


def test_the_library_does_not_import_the_web_app():
    code = (
        "import sys, matching, matching.evaluate; "
        "bad = [m for m in sys.modules if m.split('.')[0] in ('flask', 'marketplace', 'sqlalchemy')]; "
        "print(bad); sys.exit(1 if bad else 0)"
    )
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run(  # noqa: S603  this interpreter and the fixed snippet above
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
