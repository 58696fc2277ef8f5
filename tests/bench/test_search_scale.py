"""``bench/search_scale.py`` at a tiny size: it runs end to end and reports every figure."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from rapidfuzz.distance import DamerauLevenshtein

SCRIPT = Path(__file__).resolve().parents[2] / "bench" / "search_scale.py"
SIZES = ["--products", "150", "--orgs", "30", "--orders", "40", "--equipment", "10"]
TINY = [*SIZES, "--queries", "6", "--seed", "3", "--baseline-records", "100"]
CASES = [
    "1 word",
    "3 words",
    "5 words",
    "3 words, typo",
    "3 words + facets",
    "3 words + facet filter",
    "3 words by date",
    "3 words, search page",
    "suggest",
]


@pytest.fixture(scope="module")
def scale():
    spec = importlib.util.spec_from_file_location("bench_search_scale", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    yield module
    del sys.modules[spec.name]


def run(*arguments: str) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(  # noqa: S603  the script, with this interpreter and fixed arguments
        [sys.executable, str(SCRIPT), *TINY, *arguments], capture_output=True, text=True, check=False, timeout=300
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done


def test_whoosh_at_a_tiny_size_reports_every_figure(tmp_path):
    out = tmp_path / "figures.json"
    done = run("--backend", "whoosh", "--json", str(out), "--profile", "facets")

    assert "reindex: 230 records in" in done.stdout
    for case in CASES:
        assert f"| {case} |" in done.stdout
    assert "target 3 words + facets p95 ≤ 50 ms" in done.stdout
    assert "target suggest p95 ≤ 30 ms" in done.stdout
    assert "target reindex ≤ 60 s" in done.stdout
    assert "profile of 3 words + facets" in done.stdout
    assert "records/s" in done.stderr  # the progress line

    [figures] = json.loads(out.read_text())
    assert figures["backend"] == "whoosh"
    assert figures["records"] == {"organization": 30, "product": 150, "equipment": 10, "order": 40}
    assert figures["reindex"]["records"] == 230
    assert figures["baseline_reindex"]["records"] > 0
    assert figures["baseline"]["p50_ms"] > 0
    assert figures["peak_rss_mb"] >= figures["rss_start_mb"] > 0
    assert list(figures["cases"]) == CASES
    for case in CASES:
        latency = figures["cases"][case]
        assert latency["queries"] == 6
        assert 0 < latency["p50_ms"] <= latency["p95_ms"] <= latency["p99_ms"] <= latency["max_ms"]
        assert latency["ratio"] > 0
    # Words taken from a record find it (and suggestions complete something).
    assert figures["cases"]["3 words"]["found_median"] >= 1
    assert figures["cases"]["3 words + facets"]["found_median"] >= 1
    assert figures["cases"]["suggest"]["found_median"] >= 1


@pytest.mark.skipif(not os.environ.get("TEST_DATABASE_URL"), reason="set TEST_DATABASE_URL to run PostgreSQL")
def test_both_backends_each_in_its_own_process(tmp_path):
    out = tmp_path / "figures.json"
    done = run("--backend", "both", "--dsn", os.environ["TEST_DATABASE_URL"], "--json", str(out))

    assert done.stdout.count("reindex: 230 records in") == 2
    assert "## postgres: 230 records" in done.stdout
    whoosh, postgres = json.loads(out.read_text())
    assert (whoosh["backend"], postgres["backend"]) == ("whoosh", "postgres")
    assert postgres["machine"]["postgresql"]
    assert list(postgres["cases"]) == CASES
    assert postgres["cases"]["3 words"]["found_median"] >= 1
    assert postgres["cases"]["suggest"]["found_median"] >= 1


def test_the_corpus_and_the_queries_depend_on_the_seed_only(scale):
    def draw(seed):
        corpus = scale.SearchCorpus(seed, tail_words=3_000)
        documents = corpus.documents(products=40, orgs=8, orders=10, equipment=4)
        typist = scale.Typist(corpus, documents, seed)
        return documents, [case.draw(typist) for case in scale.CASES for _ in range(3)]

    documents, queries = draw(5)
    assert (documents, queries) == draw(5)
    assert draw(6)[0] != documents
    assert [d.type for d in documents] == ["organization"] * 8 + ["product"] * 40 + ["equipment"] * 4 + ["order"] * 10
    owners = {d.id for d in documents if d.type == "organization"}
    for document in documents:
        assert document.fields["organization_id"] in owners
        assert document.date is not None
        assert document.fields["visibility"] in {"public", "members", "registered"}
        assert set(document.fields.get("okpd2_section", [])) <= set(scale.OKPD2_SECTIONS)
        assert document.fields["membership"] in {"member", "nonmember"}
        if document.type == "organization":
            assert document.fields["visibility"] == (
                "public" if document.fields["membership"] == "member" else "registered"
            )
    product = documents[8]
    assert product.codes[0][:2].isdigit()
    assert product.fields["region"]
    assert product.fields["org_kind"]
    assert len(product.fields["okpd2_section"]) == 1


def test_a_typo_is_one_edit_away(scale):
    corpus = scale.SearchCorpus(1, tail_words=100)
    typist = scale.Typist(corpus, corpus.documents(products=5, orgs=2, orders=0, equipment=0), 1)
    for word in ["фланцев", "обработка", "machining", "steel"] * 10:
        typo = typist.misspelt(word)
        assert typo != word
        assert typo[0] == word[0]
        assert DamerauLevenshtein.distance(word, typo) == 1
