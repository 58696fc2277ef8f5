"""TF-IDF over the analyzer's terms (scikit-learn), with a fixed vocabulary after fitting.

Fitting analyses every document once (the analyzer caches stems per word),
maps unigrams to integer ids in one pass and builds everything else with
numpy: the unigram count matrix, bigram keys of adjacent kept terms
(``id1 * n_unigrams + id2``), their document frequencies, and the count
matrix of the bigrams seen in at least ``bigram_min_df`` documents (rare
bigrams are mostly noise and would dominate the vocabulary). Unigrams need
``min_df`` documents; terms in more than ``max_df`` of the documents are
dropped. Idf and weighting are scikit-learn's ``TfidfTransformer`` (smooth
idf, sublinear tf); rows are L2-normalized float32. A fitted model is fully
described by its vocabulary, idf and the config, which is what an artifact
stores.
"""

from __future__ import annotations

from array import array
from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import cast

import numpy as np
import scipy.sparse as sp
from numpy.typing import NDArray
from sklearn.feature_extraction.text import TfidfTransformer

from .arrays import Float32Array, Float64Array, FloatArray
from .config import MatcherConfig
from .text import Analyzer, tokenize

Doc = tuple[str, str]  # (text, language hint)


class TextModel:
    """Analyzer + vocabulary + idf: turns texts into TF-IDF rows and query vectors."""

    def __init__(self, config: MatcherConfig) -> None:
        self.config = config
        self.analyzer = Analyzer(bigrams=config.bigrams)
        self.vocabulary: list[str] = []
        self.index: dict[str, int] = {}
        self.idf: Float64Array = np.zeros(0)
        self.surface: dict[str, str] = {}
        self._tfidf: TfidfTransformer | None = None

    # -- fitting -----------------------------------------------------------
    def _analyse_ids(self, docs: Sequence[Doc]) -> tuple[NDArray[np.int64], NDArray[np.int64], list[str]]:
        """(term id per kept token, document per kept token, unigram of each id).

        One dict lookup per token: a cache from the surface word straight to
        its term id (-1 for stop words) replaces stem lookup + id lookup.
        """
        analyzer = self.analyzer
        ids: defaultdict[str, int] = defaultdict()
        ids.default_factory = ids.__len__  # a new term gets the next id
        word_id: dict[str, int] = {}

        def miss(token: str, lang: str = "auto") -> int:
            stem = analyzer.stem(token, lang)
            return ids[stem] if stem else -1

        flat = array("i")
        lengths = np.zeros(len(docs), dtype=np.int64)
        for i, (text, lang) in enumerate(docs):
            tokens = tokenize(text)
            analyzer.record(tokens)
            cached = list(map(word_id.get, tokens))
            got = (
                [g if g is not None else word_id.setdefault(t, miss(t)) for g, t in zip(cached, tokens, strict=True)]
                if None in cached
                else cast("list[int]", cached)  # every token has its id already
            )
            ambiguous = analyzer.ambiguous
            if lang != "auto" and ambiguous and not ambiguous.isdisjoint(tokens):
                got = [miss(t, lang) if t in ambiguous else g for g, t in zip(got, tokens, strict=True)]
            flat.extend(got)
            lengths[i] = len(got)
        term = np.frombuffer(flat, dtype=np.int32).astype(np.int64) if len(flat) else np.zeros(0, np.int64)
        doc = np.repeat(np.arange(len(docs), dtype=np.int64), lengths)
        kept = term >= 0
        return term[kept], doc[kept], list(ids)

    def _count(self, docs: Sequence[Doc]) -> sp.csr_matrix:
        """Counts of all terms (unigrams and kept bigrams); sets the vocabulary."""
        cfg = self.config
        term, doc, unigram_words = self._analyse_ids(docs)
        n_uni, n_docs = len(unigram_words), len(docs)
        uni = sp.csr_matrix((np.ones(term.size, dtype=np.float32), (doc, term)), shape=(n_docs, n_uni))
        uni.sum_duplicates()
        df = np.bincount(uni.indices, minlength=n_uni)
        keep_uni = np.flatnonzero((df >= cfg.min_df) & (df <= cfg.max_df * n_docs))
        vocabulary = [unigram_words[i] for i in keep_uni]
        blocks = [uni[:, keep_uni]]
        if cfg.bigrams and term.size > 1:
            big, words = self._bigrams(term, doc, n_uni, n_docs, unigram_words)
            if words:
                blocks.append(big)
                vocabulary += words
        self._set_vocabulary(vocabulary)
        return sp.hstack(blocks, format="csr") if len(blocks) > 1 else blocks[0].tocsr()

    def _bigrams(
        self, term: NDArray[np.int64], doc: NDArray[np.int64], n_uni: int, n_docs: int, unigram_words: list[str]
    ) -> tuple[sp.csr_matrix, list[str]]:
        """Count matrix and words of the bigrams seen in enough documents (one sort, no dicts)."""
        cfg = self.config
        same_doc = doc[1:] == doc[:-1]
        keys = (term[:-1] * n_uni + term[1:])[same_doc]
        bdoc = doc[:-1][same_doc]
        if keys.size == 0:
            return sp.csr_matrix((n_docs, 0), dtype=np.float32), []
        if n_uni * n_uni * max(n_docs, 1) < 2**62:
            combined = np.sort(keys * n_docs + bdoc)  # (bigram, document) in one integer
            skey, sdoc = combined // n_docs, combined % n_docs
            new_pair = np.ones(combined.size, dtype=bool)
            new_pair[1:] = combined[1:] != combined[:-1]
        else:  # a vocabulary too large for one integer: sort the pairs lexicographically
            order = np.lexsort((bdoc, keys))
            skey, sdoc = keys[order], bdoc[order]
            new_pair = np.ones(skey.size, dtype=bool)
            new_pair[1:] = (skey[1:] != skey[:-1]) | (sdoc[1:] != sdoc[:-1])
        new_key = np.ones(skey.size, dtype=bool)
        new_key[1:] = skey[1:] != skey[:-1]
        starts = np.flatnonzero(new_key)
        df = np.add.reduceat(new_pair.astype(np.int64), starts)
        kept = (df >= cfg.bigram_min_df) & (df <= cfg.max_df * n_docs)
        if not kept.any():
            return sp.csr_matrix((n_docs, 0), dtype=np.float32), []
        col_of_key = np.cumsum(kept) - 1
        key_index = np.cumsum(new_key) - 1  # per sorted occurrence
        valid = kept[key_index]
        big = sp.csr_matrix(
            (np.ones(int(valid.sum()), dtype=np.float32), (sdoc[valid], col_of_key[key_index[valid]])),
            shape=(n_docs, int(kept.sum())),
        )
        big.sum_duplicates()
        kept_keys = skey[starts[kept]]
        words = [f"{unigram_words[k // n_uni]} {unigram_words[k % n_uni]}" for k in kept_keys.tolist()]
        return big, words

    def fit_transform(self, docs: Sequence[Doc]) -> sp.csr_matrix:
        self.analyzer.record_surfaces = True
        try:
            counts = self._count(docs)
        finally:
            self.analyzer.record_surfaces = False
        tfidf = TfidfTransformer(sublinear_tf=self.config.sublinear_tf, smooth_idf=True).fit(counts)
        self.idf = tfidf.idf_.astype(np.float64)
        self._tfidf = None
        unigrams = [t for t in self.vocabulary if " " not in t]
        self.surface = self.analyzer.surface_forms(unigrams)
        self.analyzer.clear_surfaces()
        return self.transform_counts(counts)

    def _set_vocabulary(self, vocabulary: list[str]) -> None:
        self.vocabulary = vocabulary
        self.index = {t: i for i, t in enumerate(vocabulary)}
        self._tfidf = None

    def restore(self, vocabulary: list[str], idf: FloatArray, surface: dict[str, str]) -> None:
        """Set the fitted state from an artifact."""
        if len(vocabulary) != len(idf):
            raise ValueError("vocabulary and idf differ in length")
        self._set_vocabulary(vocabulary)
        self.idf = np.asarray(idf, dtype=np.float64)
        self.surface = dict(surface)

    # -- transforming ------------------------------------------------------
    def transform_counts(self, counts: sp.spmatrix) -> sp.csr_matrix:
        if self._tfidf is None:
            tfidf = TfidfTransformer(sublinear_tf=self.config.sublinear_tf, smooth_idf=True)
            tfidf.idf_ = self.idf
            self._tfidf = tfidf
        out = self._tfidf.transform(counts).tocsr().astype(np.float32)
        out.sort_indices()
        return out

    def transform(self, docs: Sequence[Doc]) -> sp.csr_matrix:
        """TF-IDF rows of ``docs`` in the fitted vocabulary (unknown terms ignored)."""
        index = self.index
        flat = array("i")
        lengths = np.zeros(len(docs), dtype=np.int64)
        for i, (text, lang) in enumerate(docs):
            cols = [index[t] for t in self.analyzer.terms(text, lang) if t in index]
            flat.extend(cols)
            lengths[i] = len(cols)
        term = np.frombuffer(flat, dtype=np.int32) if len(flat) else np.zeros(0, np.int32)
        doc = np.repeat(np.arange(len(docs)), lengths)
        counts = sp.csr_matrix(
            (np.ones(term.size, dtype=np.float32), (doc, term)), shape=(len(docs), len(self.vocabulary))
        )
        counts.sum_duplicates()
        return self.transform_counts(counts)

    def query_vector(
        self, text: str, lang: str = "auto", max_terms: int | None = None, terms: Sequence[str] | None = None
    ) -> tuple[NDArray[np.int64], Float32Array]:
        """(columns, weights) of the L2-normalized TF-IDF vector of one text.

        The same weighting as ``transform`` without building a sparse matrix
        (this is on the query path). With ``max_terms``, only the heaviest
        terms are kept. ``terms``: the text's analyzed terms when the caller
        already has them.
        """
        index = self.index
        counts = Counter(t for t in (self.analyzer.terms(text, lang) if terms is None else terms) if t in index)
        if not counts:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        cols = np.fromiter((index[t] for t in counts), dtype=np.int64, count=len(counts))
        tf = np.fromiter(counts.values(), dtype=np.float64, count=len(counts))
        if self.config.sublinear_tf:
            tf = 1.0 + np.log(tf)
        weights = tf * self.idf[cols]
        weights /= np.sqrt(np.dot(weights, weights))
        if max_terms is not None and cols.size > max_terms:
            top = np.argpartition(-weights, max_terms - 1)[:max_terms]
            cols, weights = cols[top], weights[top]
        order = np.argsort(cols)
        return cols[order], weights[order].astype(np.float32)

    def readable(self, term: str) -> str:
        """A term as words people write: the most frequent surface form of each stem."""
        return " ".join(self.surface.get(part, part) for part in term.split(" "))
