"""A parsed query evaluated over Whoosh's postings with numpy.

Whoosh matches and scores one document at a time in Python; a query of three
common words over 100,000 documents with its synonyms and five fields is a
union of dozens of posting lists and costs hundreds of milliseconds that way.
Here each posting list is read once into arrays (cached per segment: a
segment's files never change, only its deletions, applied per generation),
and a query is a few vector operations over dense per-document arrays:

- a word scores BM25F per field (Whoosh's formula: ``idf = log(N / (df + 1)) + 1``,
  ``K1 = 1.2``, ``B = 0.75``, the field's average length) times the field's boost,
  summed over the fields it is found in;
- "all of" needs every part and sums their scores, "any of" needs one and sums,
  "not" removes documents; a phrase's documents come from Whoosh (positions),
  scored as the sum of its words;
- a query matching any of its words ranks documents by their summed score times
  the square root of the share of words they hold.

Highlights still come from Whoosh's highlighter over the stored text.
"""

from __future__ import annotations

import math
import threading
from collections import OrderedDict
from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt
from whoosh.matching.wrappers import FilterMatcher
from whoosh.query import Or, Phrase as WhooshPhrase
from whoosh.searching import Searcher

from .query import AllOf, AnyOf, Node, Not, Phrase, Word

K1 = 1.2
B = 0.75
#: Posting entries (document numbers) kept in memory per index object, across generations.
POSTINGS_CACHE_ENTRIES = 8_000_000

Floats = npt.NDArray[np.float64]
Mask = npt.NDArray[np.bool_]
Ids = npt.NDArray[np.int64]


class SegmentCache:
    """Posting lists and field lengths of segments, by segment id (shared by every generation)."""

    def __init__(self) -> None:
        self._postings: OrderedDict[tuple[str, str, str], tuple[Ids, Floats]] = OrderedDict()
        self._size = 0
        self._lengths: dict[tuple[str, str], Floats] = {}
        self._lock = threading.Lock()

    def postings(self, reader: Any, segment: str, field: str, term: str) -> tuple[Ids, Floats]:
        key = (segment, field, term)
        with self._lock:
            found = self._postings.get(key)
            if found is not None:
                self._postings.move_to_end(key)
                return found
        found = _read_postings(reader, field, term)
        with self._lock:
            self._postings[key] = found
            self._size += len(found[0])
            while self._size > POSTINGS_CACHE_ENTRIES and len(self._postings) > 1:
                _, (ids, _weights) = self._postings.popitem(last=False)
                self._size -= len(ids)
        return found

    def lengths(self, reader: Any, segment: str, field: str) -> Floats:
        key = (segment, field)
        found = self._lengths.get(key)
        if found is None:
            size = reader.doc_count_all()
            found = np.fromiter(
                (reader.doc_field_length(docnum, field, 0) or 0 for docnum in range(size)), dtype=np.float64, count=size
            )
            self._lengths[key] = found
        return found

    def forget(self, live_segments: set[str]) -> None:
        """Drop what belongs to segments no longer in the index (merged away)."""
        with self._lock:
            for key in [k for k in self._postings if k[0] not in live_segments]:
                self._size -= len(self._postings.pop(key)[0])
            for length_key in [k for k in self._lengths if k[0] not in live_segments]:
                del self._lengths[length_key]


def _read_postings(reader: Any, field: str, term: str) -> tuple[Ids, Floats]:
    """A segment's posting list of ``(field, term)``: document numbers and term frequencies, deletions kept."""
    if (field, term) not in reader:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float64)
    matcher = reader.postings(field, term)
    if isinstance(matcher, FilterMatcher):  # the segment's deletions: applied per generation instead
        matcher = matcher.child
    ids: list[Any] = []
    weights: list[Any] = []
    if all(hasattr(matcher, name) for name in ("_read_ids", "_read_weights", "_next_block", "_ids", "_weights")):
        # Whoosh 3's posting blocks, a block at a time (its matcher reads them so, one posting per call)
        while matcher.is_active():
            matcher._read_ids()  # noqa: SLF001  the block reader has no public bulk access
            matcher._read_weights()  # noqa: SLF001
            ids.append(np.asarray(matcher._ids, dtype=np.int64))  # noqa: SLF001
            weights.append(np.asarray(matcher._weights, dtype=np.float64))  # noqa: SLF001
            matcher._next_block()  # noqa: SLF001
        if ids:
            return np.concatenate(ids), np.concatenate(weights)
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float64)
    while matcher.is_active():  # pragma: no cover (another codec)
        ids.append(matcher.id())
        weights.append(matcher.weight())
        matcher.next()
    return np.asarray(ids, dtype=np.int64), np.asarray(weights, dtype=np.float64)


class Evaluator:
    """Evaluates parsed queries on one searcher (one generation of the index)."""

    def __init__(self, searcher: Searcher, cache: SegmentCache, boosts: dict[str, float]) -> None:
        self.searcher = searcher
        self.cache = cache
        self.boosts = boosts
        reader = searcher.reader()
        self.size = reader.doc_count_all()
        self.leaves: list[tuple[Any, str, int]] = []
        self.live = np.ones(self.size, dtype=bool)
        for leaf, offset in reader.leaf_readers():
            if leaf.segment() is None:  # an empty index
                continue
            segment = leaf.segment().segment_id()
            self.leaves.append((leaf, segment, offset))
            deleted = list(leaf.deleted_docs_set or ()) if leaf.has_deletions() else []
            if deleted:
                self.live[np.asarray(deleted, dtype=np.int64) + offset] = False
        cache.forget({segment for _leaf, segment, _offset in self.leaves})
        self._lengths: dict[str, Floats] = {}
        self._terms: dict[tuple[str, str], tuple[Ids, Floats]] = {}

    # -- postings --------------------------------------------------------------------------

    def term(self, field: str, term: str) -> tuple[Ids, Floats]:
        """Every live document holding ``term`` in ``field`` and its BM25F score there (boost not applied)."""
        key = (field, term)
        found = self._terms.get(key)
        if found is not None:
            return found
        id_parts, tf_parts = [], []
        for leaf, segment, offset in self.leaves:
            ids, tfs = self.cache.postings(leaf, segment, field, term)
            if len(ids):
                id_parts.append(ids + offset)
                tf_parts.append(tfs)
        if not id_parts:
            found = (np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float64))
        else:
            ids = np.concatenate(id_parts)
            tfs = np.concatenate(tf_parts)
            keep = self.live[ids]
            ids, tfs = ids[keep], tfs[keep]
            found = (ids, self._bm25(field, ids, tfs))
        self._terms[key] = found
        return found

    def _bm25(self, field: str, ids: Ids, tfs: Floats) -> Floats:
        frequency = len(ids)
        idf = math.log(self.size / (frequency + 1)) + 1
        lengths = self._field_lengths(field)
        average = float(self.searcher.field_length(field)) / (self.size or 1) or 1.0
        norm = K1 * ((1 - B) + B * lengths[ids] / average)
        scores: Floats = idf * (tfs * (K1 + 1)) / (tfs + norm)
        return scores

    def _field_lengths(self, field: str) -> Floats:
        found = self._lengths.get(field)
        if found is None:
            parts = [self.cache.lengths(leaf, segment, field) for leaf, segment, _offset in self.leaves]
            found = self._lengths[field] = np.concatenate(parts) if parts else np.zeros(0, dtype=np.float64)
        return found

    # -- evaluation ------------------------------------------------------------------------

    def evaluate(self, node: Node, *, fields: Sequence[str], any_of: bool) -> tuple[Mask, Floats]:
        """The documents matching ``node`` (a mask over document numbers) and their scores."""
        if any_of and isinstance(node, AllOf):
            positive = [p for p in node.parts if not isinstance(p, Not)]
            parts = [self.evaluate(p, fields=fields, any_of=False) for p in positive]
            mask = np.zeros(self.size, dtype=bool)
            scores = np.zeros(self.size, dtype=np.float64)
            held = np.zeros(self.size, dtype=np.float64)
            for part_mask, part_scores in parts:
                mask |= part_mask
                scores += part_scores
                held += part_mask
            scores *= np.sqrt(held / max(len(parts), 1))
            for negative in (p for p in node.parts if isinstance(p, Not)):
                mask &= ~self.evaluate(negative.part, fields=fields, any_of=False)[0]
            return mask & self.live, scores
        mask, scores = self._node(node, fields)
        return mask & self.live, scores

    def _node(self, node: Node, fields: Sequence[str]) -> tuple[Mask, Floats]:
        if isinstance(node, Word):
            return self._word(node, fields)
        if isinstance(node, Phrase):
            return self._phrase(node, fields)
        if isinstance(node, Not):  # alone, a "not" matches nothing (the parser never yields that)
            return np.zeros(self.size, dtype=bool), np.zeros(self.size, dtype=np.float64)
        if isinstance(node, AnyOf):
            mask = np.zeros(self.size, dtype=bool)
            scores = np.zeros(self.size, dtype=np.float64)
            for part in node.parts:
                part_mask, part_scores = self._node(part, fields)
                mask |= part_mask
                scores += part_scores
            return mask, scores
        return self._all_of(node, fields)

    def _all_of(self, node: AllOf, fields: Sequence[str]) -> tuple[Mask, Floats]:
        mask = np.ones(self.size, dtype=bool)
        scores = np.zeros(self.size, dtype=np.float64)
        for part in node.parts:
            if isinstance(part, Not):
                mask &= ~self._node(part.part, fields)[0]
                continue
            part_mask, part_scores = self._node(part, fields)
            mask &= part_mask
            scores += part_scores
        return mask, scores

    def _word(self, word: Word, fields: Sequence[str]) -> tuple[Mask, Floats]:
        targets = [(f, word.stem) for f in fields]
        if word.code:
            targets.append(("codes", word.code))
        if word.key:
            targets.append(("translit", word.key))
        mask = np.zeros(self.size, dtype=bool)
        scores = np.zeros(self.size, dtype=np.float64)
        for field, term in targets:
            ids, term_scores = self.term(field, term)
            if len(ids):
                mask[ids] = True
                scores += np.bincount(ids, weights=term_scores * self.boosts[field] * word.boost, minlength=self.size)
        return mask, scores

    def _phrase(self, phrase: Phrase, fields: Sequence[str]) -> tuple[Mask, Floats]:
        stems = [w.stem for w in phrase.words]
        query = Or([WhooshPhrase(f, stems) for f in fields if f != "protected"])
        mask = np.zeros(self.size, dtype=bool)
        ids = np.fromiter(self.searcher.docs_for_query(query), dtype=np.int64)
        mask[ids] = True
        scores = np.zeros(self.size, dtype=np.float64)
        for word in phrase.words:
            scores += self._word(word, fields)[1]
        return mask, scores * mask
