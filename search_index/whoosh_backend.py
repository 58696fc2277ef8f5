"""The Whoosh backend: an index in a directory (production) or in memory (tests).

Several worker processes may write to one on-disk index. Whoosh allows one
writer at a time (a lock file); a writer here waits up to ``lock_timeout``
seconds for the lock. If it is still taken, ``IndexBusy`` tells the caller
and the changes are dropped: the caller keeps them (the application's
outbox) and may send them again — a change kept here could overwrite a newer
one another process writes meanwhile. Readers never wait: a query reads the
latest committed generation, so every process sees the others' commits.

The in-memory index (tests, scripts) defers its writes to the next read:
one process owns it, and a Whoosh commit per database commit would cost
more than all the searches.
"""

from __future__ import annotations

import bisect
import contextlib
import logging
import os
import threading
import time
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein
from whoosh.fields import ID, KEYWORD, NUMERIC, STORED, TEXT, Schema
from whoosh.filedb.filestore import FileStorage, RamStorage
from whoosh.idsets import DocIdSet
from whoosh.index import EmptyIndexError, Index, LockError
from whoosh.query import And, Every, NullQuery, Or, Query, Term
from whoosh.searching import Searcher
from whoosh.writing import CLEAR, IndexWriter

from text_analysis import has_digit, is_stop, stem, tokens

from .analysis import MIN_PREFIX, code_analyzer, text_analyzer, translit_analyzer
from .base import (
    Document,
    Execution,
    Filters,
    Hit,
    IndexBusy,
    Key,
    SearchIndex,
    SearchIndexError,
    SearchResult,
    Suggestion,
    field_values,
)
from .highlight import highlight_fragments, highlight_whole
from .query import AllOf, AnyOf, Node, Word, positive_words
from .whoosh_scoring import Evaluator, SegmentCache

log = logging.getLogger(__name__)

#: Bumped whenever the schema changes; an index of another version is recreated empty
#: (and has to be rebuilt from the database).
SCHEMA_VERSION = 3
_VERSION_FIELD = f"schema_v{SCHEMA_VERSION}"
_FIELD_PREFIX = "f_"
_INDEX_NAME = "MAIN"  # Whoosh's default index name within a directory

#: How much a match in each field counts.
FIELD_BOOSTS = {"title": 3.0, "codes": 2.5, "tags": 1.5, "body": 1.0, "protected": 0.8, "translit": 1.5}
#: The fields a word is looked for in (``protected`` only when asked), and those a phrase is.
TEXT_FIELDS = ("title", "body", "tags")
#: How long a field's term list (for suggestions and respelling) is reused while the index changes.
VOCABULARY_TTL = 60.0
#: A rebuild writes with up to this many processes, handing them documents in batches.
MAX_REBUILD_PROCS = 2
REBUILD_BATCH = 500
#: Filter masks kept per index generation.
MASK_CACHE_SIZE = 256


def build_schema() -> Schema:
    analyzer = text_analyzer()
    schema = Schema(
        key=ID(unique=True, stored=True),  # "type:id"
        type=ID(stored=True),
        ref=STORED(),  # the record's id, as given
        title=TEXT(analyzer=analyzer, stored=True),
        body=TEXT(analyzer=analyzer, stored=True),
        tags=TEXT(analyzer=analyzer),
        codes=TEXT(analyzer=code_analyzer(), phrase=False),
        protected=TEXT(analyzer=analyzer, phrase=False),
        translit=TEXT(analyzer=translit_analyzer(), phrase=False),
        date=NUMERIC(numtype=int, bits=64, sortable=True, default=0),
        digest=STORED(),
        **{_VERSION_FIELD: STORED()},
    )
    # Scorable (a length column per field) though never scored: without one, Whoosh's writer looks for the
    # missing column with a file-system call for every posting it writes.
    schema.add(_FIELD_PREFIX + "*", KEYWORD(stored=True, commas=True, scorable=True), glob=True)
    return schema


def _key(doc_type: str, doc_id: str | int) -> str:
    return f"{doc_type}:{doc_id}"


def _filter_query(filters: Filters | None) -> Query | None:
    """The Whoosh query selecting documents that satisfy ``filters`` (see ``base``)."""
    if filters is None:
        return None
    if isinstance(filters, Mapping):
        return _all_of(filters)
    alternatives = [_all_of(f) for f in filters]
    return Or(alternatives) if alternatives else NullQuery


def _all_of(conditions: Mapping[str, Any]) -> Query:
    parts = []
    for name, value in conditions.items():
        values = [value] if isinstance(value, (str, int)) else list(value)
        parts.append(Or([Term(_FIELD_PREFIX + name, str(v)) for v in values]) if values else NullQuery)
    return And(parts) if parts else Every()


def _matches(fields: dict[str, Any], filters: Filters) -> bool:
    """Whether a document's stored fields satisfy ``filters`` (Python twin of ``_filter_query``)."""
    if isinstance(filters, Mapping):
        return all(
            bool(
                set(str(fields.get(_FIELD_PREFIX + name) or "").split(","))
                & ({str(value)} if isinstance(value, str | int) else {str(v) for v in value})
            )
            for name, value in filters.items()
        )
    return any(_matches(fields, alternative) for alternative in filters)


def _coalesce(ops: list[tuple[str, Any]]) -> tuple[list[Filters], dict[str, dict[str, Any] | None]]:
    """The net effect of a sequence of changes: (filters to delete by, {key: fields or None}).

    One Whoosh writer's deletions do not see the documents it added itself, so
    changes to the same key are folded into one before they reach a writer.
    """
    wheres: list[Filters] = []
    final: dict[str, dict[str, Any] | None] = {}
    for op, arg in ops:
        if op == "add":
            final[arg["key"]] = arg
        elif op == "remove":
            final[arg] = None
        else:
            wheres.append(arg)
            for key, fields in final.items():
                if fields is not None and _matches(fields, arg):
                    final[key] = None
    return wheres, final


class WhooshIndex(SearchIndex):
    """A ``SearchIndex`` over a Whoosh index (see the module docstring)."""

    def __init__(self, index: Index, *, lock_timeout: float = 10.0, deferred: bool = False) -> None:
        """``deferred``: keep changes in memory until the next read (or ``flush()``) and write
        them in one commit then. Only for an index no other process reads: the in-memory one,
        where many small commits would cost more than the searches."""
        self._ix = index
        self.lock_timeout = lock_timeout
        #: Processes writing a rebuild (Whoosh's multiprocessing writer; files only, not in memory).
        self.rebuild_procs = 1
        self.deferred = deferred
        self._backlog: list[tuple[str, Any]] = []
        self._backlog_lock = threading.Lock()
        self._schema = index.schema
        self._view: _View | None = None
        self._segments = SegmentCache()
        self._view_lock = threading.RLock()
        self._lexicons: dict[str, tuple[float, _Lexicon]] = {}

    # -- writing ---------------------------------------------------------------------------

    def update(
        self, add: Iterable[Document] = (), remove: Iterable[Key] = (), remove_where: Iterable[Filters] = ()
    ) -> None:
        ops: list[tuple[str, Any]] = [("remove_where", f) for f in remove_where]
        ops += [("remove", _key(t, i)) for t, i in remove]
        ops += [("add", self._fields(d)) for d in add]
        with self._backlog_lock:
            self._backlog.extend(ops)
            if not self.deferred:
                try:
                    self._write_backlog()
                except SearchIndexError:
                    self._backlog.clear()  # the caller still has them (see the module docstring)
                    raise

    def flush(self) -> None:
        with self._backlog_lock:
            self._write_backlog()

    def _write_backlog(self) -> None:
        if not self._backlog:
            return
        wheres, final = _coalesce(self._backlog)
        writer = self._writer()
        try:
            for filters in wheres:
                writer.delete_by_query(_filter_query(filters))
            for key, fields in final.items():
                writer.delete_by_term("key", key)
                if fields is not None:
                    writer.add_document(**fields)
        except BaseException:
            writer.cancel()
            raise
        self._commit(writer)
        self._backlog.clear()

    def rebuild(self, documents: Iterable[Document]) -> int:
        with self._backlog_lock:
            writer = self._writer(procs=self.rebuild_procs)
            count = 0
            try:
                for document in documents:
                    writer.add_document(**self._fields(document))
                    count += 1
            except BaseException:
                writer.cancel()
                raise
            self._commit(writer, mergetype=CLEAR)
            self._backlog.clear()  # the rebuild supersedes changes kept back
            return count

    def _writer(self, procs: int = 1) -> IndexWriter:
        options: dict[str, Any] = {"timeout": self.lock_timeout, "delay": 0.05}
        if procs > 1:  # each process writes its own segment; the rebuild keeps them unmerged
            options.update(procs=procs, multisegment=True, batchsize=REBUILD_BATCH)
        try:
            return self._ix.writer(**options)
        except LockError as exc:
            raise IndexBusy(f"the search index stayed locked for {self.lock_timeout} s") from exc
        except OSError as exc:
            raise SearchIndexError(f"cannot open the search index for writing: {exc}") from exc

    @staticmethod
    def _commit(writer: IndexWriter, **kwargs: Any) -> None:
        try:
            writer.commit(**kwargs)
        except OSError as exc:
            raise SearchIndexError(f"cannot write the search index: {exc}") from exc

    @staticmethod
    def _fields(document: Document) -> dict[str, Any]:
        fields = {
            "key": _key(document.type, document.id),
            "type": document.type,
            "ref": str(document.id),
            "title": document.title or "",
            "body": document.body or "",
            "tags": "\n".join(t for t in document.tags if t),
            "codes": " ".join(c for c in document.codes if c),
            "protected": document.protected or "",
            "translit": "\n".join(n for n in document.names if n),
            "date": int(document.date.timestamp()) if document.date else 0,
            "digest": document.digest,
        }
        for name, value in document.fields.items():
            if value is not None:
                fields[_FIELD_PREFIX + name] = ",".join(field_values(value))
        return fields

    # -- reading ---------------------------------------------------------------------------

    def _execute(self, node: Node, *, execution: Execution) -> SearchResult:
        if self.deferred:
            self.flush()
        fields = TEXT_FIELDS + (("protected",) if execution.search_protected else ())
        with self._reading() as view:
            matched, scores = view.evaluator.evaluate(node, fields=fields, any_of=execution.match == "any")
            allowed = view.filter_mask(execution.filters)
            if allowed is not None:
                matched &= allowed
            per_type: dict[str, int] = {}
            if execution.counts:
                per_type = view.value_counts("type", np.flatnonzero(matched))
            if execution.types is not None:
                matched &= view.mask_of("type", execution.types)
            docnums = np.flatnonzero(matched)
            facets = {name: view.value_counts(_FIELD_PREFIX + name, docnums) for name in execution.facets}
            end = execution.offset + execution.limit
            hits: list[Hit] = []
            if execution.limit and end > execution.offset and len(docnums):
                if execution.sort == "date":
                    page = view.newest(docnums, scores[docnums], end)[execution.offset : end]
                else:
                    page = _best(docnums, scores[docnums], end)[execution.offset : end]
                stems = {w.stem for w in positive_words(node)}
                hits = [view.hit(d, float(scores[d]), stems if execution.highlight else None) for d in page]
        return SearchResult(total=len(docnums), hits=hits, counts=per_type, facets=facets)

    def term_frequencies(self, stems: Iterable[str]) -> dict[str, int]:
        if self.deferred:
            self.flush()
        with self._reading() as view:
            reader = view.searcher.reader()
            return {s: max(reader.doc_frequency(f, s) for f in TEXT_FIELDS) for s in stems}

    def similar_terms(self, stem: str, max_edits: int) -> list[tuple[str, int]]:
        if self.deferred:
            self.flush()
        found: set[str] = set()
        with self._reading() as view:
            for field in TEXT_FIELDS:  # the term lists suggestions read too (at most every VOCABULARY_TTL s)
                terms = self._lexicon(view, field).terms
                candidates = process.extract(
                    stem, terms, scorer=Levenshtein.distance, score_cutoff=max_edits, limit=_SIMILAR_CANDIDATES
                )
                found.update(term for term, _distance, _index in candidates if not has_digit(term))
        frequencies = self.term_frequencies(found)
        return sorted(frequencies.items(), key=lambda item: -item[1])

    def _completions(self, view: _View, prefix: str) -> list[Word]:
        """Words completing ``prefix``: the title stems and codes it begins, the most frequent first
        (from the fields' term lists, read at most every ``VOCABULARY_TTL`` seconds)."""
        found: list[tuple[int, str, str]] = []
        for field in ("title", "codes") if has_digit(prefix) else ("title",):
            found += [(count, field, term) for term, count in self._lexicon(view, field).completing(prefix)]
        whole = stem(prefix)
        if whole != prefix:
            found += [(count, "title", term) for term, count in self._lexicon(view, "title").exactly(whole)]
        found.sort(reverse=True)
        return [
            Word(text=term, stem="", code=term) if field == "codes" else Word(text=term, stem=term)
            for _count, field, term in found[:MAX_COMPLETIONS]
        ]

    def _lexicon(self, view: _View, field: str) -> _Lexicon:
        now = time.monotonic()
        cached = self._lexicons.get(field)
        if cached is None or now - cached[0] >= VOCABULARY_TTL:
            cached = self._lexicons[field] = (now, _Lexicon.read(view.searcher.reader(), field))
        return cached[1]

    def suggest(
        self, text: str, *, types: Iterable[str] | None = None, filters: Filters | None = None, limit: int = 8
    ) -> list[Suggestion]:
        if self.deferred:
            self.flush()
        typed = tokens(text or "")
        if typed and len(typed[-1]) < MIN_PREFIX:
            typed = typed[:-1]  # one letter of a new word completes nothing yet
        if not typed or len(typed[-1]) < MIN_PREFIX or limit <= 0:
            return []
        *whole, last = typed
        whole = [w for w in whole if not is_stop(w)]
        with self._reading() as view:
            completions = self._completions(view, last)
            if not completions:
                return []
            node: Node = AnyOf(tuple(completions))
            if whole:
                node = AllOf((*(Word(text=w, stem=stem(w), code=w if has_digit(w) else None) for w in whole), node))
            matched, scores = view.evaluator.evaluate(node, fields=("title",), any_of=False)
            allowed = view.filter_mask(filters)
            if allowed is not None:
                matched &= allowed
            if types is not None:
                matched &= view.mask_of("type", list(types))
            docnums = np.flatnonzero(matched)
            found = []
            for docnum in _best(docnums, scores[docnums], limit):
                stored = view.searcher.stored_fields(int(docnum))
                found.append(Suggestion(text=stored["title"], type=stored["type"], id=stored["ref"]))
            return found

    def digests(self) -> dict[Key, str]:
        if self.deferred:
            self.flush()
        with self._reading() as view:
            out = {}
            for fields in view.searcher.all_stored_fields():
                out[(fields["type"], str(fields["ref"]))] = fields.get("digest") or ""
            return out

    def doc_count(self) -> int:
        if self.deferred:
            self.flush()
        count: int = self._ix.doc_count()
        return count

    @contextlib.contextmanager
    def _reading(self) -> Iterator[_View]:
        """The view of the latest committed generation (one searcher per generation, shared)."""
        try:
            with self._view_lock:
                view = self._view
                if view is None or not view.searcher.up_to_date():
                    if view is not None:
                        view.close()
                    view = self._view = _View(self._ix.searcher(), self._segments)
                yield view
        except (OSError, EmptyIndexError) as exc:
            self._view = None
            raise SearchIndexError(f"cannot read the search index: {exc}") from exc

    def close(self) -> None:
        with self._view_lock:
            if self._view is not None:
                self._view.close()
                self._view = None
        self._ix.close()


_SIMILAR_CANDIDATES = 25


def _best(docnums: npt.NDArray[np.int64], scores: npt.NDArray[np.float64], wanted: int) -> list[int]:
    """The ``wanted`` best of ``docnums`` by score (ties: the lower document number first)."""
    if len(docnums) > wanted * 4:  # partition first: only the best few need sorting
        keep = np.argpartition(-scores, wanted - 1)[:wanted] if wanted < len(docnums) else np.arange(len(docnums))
        cut = scores[keep].min()
        keep = np.flatnonzero(scores >= cut)  # every document tied with the last kept one stays in the running
        docnums, scores = docnums[keep], scores[keep]
    return [int(d) for d in docnums[np.lexsort((docnums, -scores))[:wanted]]]


#: A prefix being typed stands for at most this many of its most frequent completions.
MAX_COMPLETIONS = 30


class _View:
    """One searcher on one generation of the index, with what is worth computing once per generation:
    the documents of each filter value (numpy masks), each field's values per document, dates."""

    def __init__(self, searcher: Searcher, cache: SegmentCache) -> None:
        self.searcher = searcher
        self.size = searcher.doc_count_all()
        self._masks: dict[tuple[str, str], npt.NDArray[np.bool_]] = {}
        self._filters: dict[str, npt.NDArray[np.bool_] | None] = {}
        self._values: dict[str, tuple[list[str], npt.NDArray[np.int32], list[npt.NDArray[np.int64]]]] = {}
        self._dates: npt.NDArray[np.int64] | None = None
        self.evaluator = Evaluator(searcher, cache, FIELD_BOOSTS)

    def close(self) -> None:
        self.searcher.close()

    def matching(self, query: Query) -> npt.NDArray[np.int64]:
        """Every document matching ``query``, unscored (scores are computed for the page only)."""
        return np.fromiter(self.searcher.docs_for_query(query), dtype=np.int64)

    def _mask(self, field: str, value: str) -> npt.NDArray[np.bool_]:
        key = (field, value)
        mask = self._masks.get(key)
        if mask is None:
            mask = np.zeros(self.size, dtype=bool)
            reader = self.searcher.reader()
            if (field, value) in reader:
                ids = list(reader.postings(field, value).all_ids())
                mask[ids] = True
            if len(self._masks) >= MASK_CACHE_SIZE:
                self._masks.clear()
            self._masks[key] = mask
        return mask

    def mask_of(self, field: str, values: Iterable[str | int]) -> npt.NDArray[np.bool_]:
        mask = np.zeros(self.size, dtype=bool)
        for value in values:
            mask |= self._mask(field, str(value))
        return mask

    def filter_mask(self, filters: Filters | None) -> npt.NDArray[np.bool_] | None:
        if filters is None:
            return None
        key = repr(_normalized(filters))
        if key not in self._filters:
            if len(self._filters) >= MASK_CACHE_SIZE:
                self._filters.clear()
            self._filters[key] = self._filter(filters)
        return self._filters[key]

    def _filter(self, filters: Filters) -> npt.NDArray[np.bool_]:
        if isinstance(filters, Mapping):
            mask = np.ones(self.size, dtype=bool)
            for name, value in filters.items():
                values = [value] if isinstance(value, str | int) else list(value)
                mask &= self.mask_of(_FIELD_PREFIX + name, [str(v).replace(",", " ") for v in values])
            return mask
        mask = np.zeros(self.size, dtype=bool)
        for alternative in filters:
            mask |= self._filter(alternative)
        return mask

    def value_counts(self, field: str, docnums: npt.NDArray[np.int64]) -> dict[str, int]:
        """How many of ``docnums`` hold each value of ``field`` (a document of several values counts for each)."""
        values, single, multi = self._field_values(field)
        counts = np.bincount(single[docnums] + 1, minlength=len(values) + 1)[1:] if len(docnums) else None
        out: dict[str, int] = {}
        for ordinal, value in enumerate(values):
            count = int(counts[ordinal]) if counts is not None else 0
            if multi:
                count = int(np.isin(docnums, multi[ordinal], assume_unique=True).sum()) if len(docnums) else 0
            if count:
                out[value] = count
        return out

    def _field_values(self, field: str) -> tuple[list[str], npt.NDArray[np.int32], list[npt.NDArray[np.int64]]]:
        cached = self._values.get(field)
        if cached is None:
            reader = self.searcher.reader()
            values: list[str] = []
            postings: list[npt.NDArray[np.int64]] = []
            if field in reader.schema:
                for term in reader.lexicon(field):
                    values.append(term.decode("utf-8") if isinstance(term, bytes) else term)
                    postings.append(np.fromiter(reader.postings(field, term).all_ids(), dtype=np.int64))
            single = np.full(self.size, -1, dtype=np.int32)
            overlapping = False
            for ordinal, ids in enumerate(postings):
                if (single[ids] >= 0).any():
                    overlapping = True
                single[ids] = ordinal
            cached = self._values[field] = (values, single, postings if overlapping else [])
        return cached

    def newest(self, docnums: npt.NDArray[np.int64], scores: npt.NDArray[np.float64], wanted: int) -> list[int]:
        """The ``wanted`` newest of ``docnums`` (ties: the better score, then the lower document number)."""
        dates = self._date_values()[docnums]
        return [int(d) for d in docnums[np.lexsort((docnums, -scores, -dates))[:wanted]]]

    def _date_values(self) -> npt.NDArray[np.int64]:
        if self._dates is None:
            reader = self.searcher.reader()
            if reader.has_column("date"):
                column = reader.column_reader("date")
                self._dates = np.fromiter((column[i] or 0 for i in range(self.size)), dtype=np.int64, count=self.size)
            else:  # pragma: no cover (every index of this schema has the column)
                self._dates = np.zeros(self.size, dtype=np.int64)
        return self._dates

    def hit(self, docnum: int, score: float, stems: set[str] | None) -> Hit:
        """The hit of a document: its stored fields, and its title and body marked where ``stems`` match."""
        stored = self.searcher.stored_fields(docnum)
        highlights = {}
        if stems is not None:
            highlights = {
                "title": highlight_whole(stored.get("title") or "", stems),
                "body": highlight_fragments(stored.get("body") or "", stems),
            }
        fields = {name[len(_FIELD_PREFIX) :]: v for name, v in stored.items() if name.startswith(_FIELD_PREFIX)}
        return Hit(type=stored["type"], id=stored["ref"], score=score, fields=fields, highlights=highlights)


class _Lexicon:
    """A field's terms in order with their document frequencies: the completions of a prefix are a range."""

    def __init__(self, terms: list[str], counts: npt.NDArray[np.int64]) -> None:
        self.terms = terms
        self.counts = counts

    @classmethod
    def read(cls, reader: Any, field: str) -> _Lexicon:
        terms: list[str] = []
        counts: list[int] = []
        if field in reader.schema:
            for term, info in reader.iter_field(field):
                terms.append(term.decode("utf-8") if isinstance(term, bytes) else term)
                counts.append(info.doc_frequency())
        return cls(terms, np.asarray(counts, dtype=np.int64))

    def completing(self, prefix: str) -> list[tuple[str, int]]:
        """The ``MAX_COMPLETIONS`` most frequent terms beginning with ``prefix``."""
        start = bisect.bisect_left(self.terms, prefix)
        end = bisect.bisect_left(self.terms, prefix + "\U0010ffff", lo=start)
        if end - start > MAX_COMPLETIONS:
            best = start + np.argpartition(-self.counts[start:end], MAX_COMPLETIONS - 1)[:MAX_COMPLETIONS]
        else:
            best = np.arange(start, end)
        return [(self.terms[i], int(self.counts[i])) for i in best]

    def exactly(self, term: str) -> list[tuple[str, int]]:
        at = bisect.bisect_left(self.terms, term)
        return [(term, int(self.counts[at]))] if at < len(self.terms) and self.terms[at] == term else []


class _MaskSet(DocIdSet):  # type: ignore[misc]  # whoosh ships no types
    """A numpy mask as the document set Whoosh filters its results by."""

    def __init__(self, mask: npt.NDArray[np.bool_]) -> None:
        self.mask = mask

    def __contains__(self, docnum: object) -> bool:
        return bool(isinstance(docnum, int | np.integer) and 0 <= docnum < len(self.mask) and self.mask[docnum])

    def __len__(self) -> int:
        return int(self.mask.sum())

    def __iter__(self) -> Iterator[int]:
        return iter(np.flatnonzero(self.mask).tolist())

    def __bool__(self) -> bool:
        return True  # an empty set still filters everything out


def _normalized(filters: Filters) -> Any:
    """A cache key of ``filters``; a mapping (all of) and a list (any of) stay apart: ``{}`` keeps
    everything, ``[]`` nothing."""
    if isinstance(filters, Mapping):
        return (
            "all",
            sorted(
                (name, sorted({str(v) for v in ([value] if isinstance(value, str | int) else value)}))
                for name, value in filters.items()
            ),
        )
    return ("any", [_normalized(f) for f in filters])


def open_directory_index(path: str | os.PathLike[str], *, lock_timeout: float = 10.0) -> WhooshIndex:
    """Open the index in ``path``, creating it (and the directory) when missing.

    Safe while other processes write to it or open it too: creation happens
    under Whoosh's write lock, and a read that loses a race with a writer's
    commit (which deletes the previous generation's files) is retried. An index
    written with another schema version is replaced by an empty one and a
    warning is logged: rebuild it from the source of truth.
    """
    Path(path).mkdir(parents=True, exist_ok=True)
    storage = FileStorage(str(path))
    for attempt in range(_OPEN_RETRIES):
        try:
            opened = _open_or_create(storage, lock_timeout)
        except FileNotFoundError as exc:
            if attempt == _OPEN_RETRIES - 1:
                raise SearchIndexError(f"cannot open the search index in {path}: files keep changing") from exc
            time.sleep(0.05)
        except (OSError, EmptyIndexError) as exc:
            raise SearchIndexError(f"cannot open the search index in {path}: {exc}") from exc
        else:
            index = WhooshIndex(opened, lock_timeout=lock_timeout)
            index.rebuild_procs = min(MAX_REBUILD_PROCS, os.cpu_count() or 1)
            return index
    raise AssertionError("unreachable")  # pragma: no cover


_OPEN_RETRIES = 20


def _open_or_create(storage: FileStorage, lock_timeout: float) -> Index:
    if storage.index_exists():
        index = storage.open_index()
        if _VERSION_FIELD in index.schema.names():
            return index
    # Missing or of another schema: (re)create it, holding the lock every writer takes.
    lock = storage.lock(f"{_INDEX_NAME}_WRITELOCK")
    deadline = time.monotonic() + lock_timeout
    while not lock.acquire(blocking=False):
        if time.monotonic() > deadline:
            raise IndexBusy(f"the search index stayed locked for {lock_timeout} s")
        time.sleep(0.05)
    try:
        if storage.index_exists():  # another process may have done it meanwhile
            index = storage.open_index()
            if _VERSION_FIELD in index.schema.names():
                return index
            log.warning(
                "The search index in %s has an older schema; it was recreated empty. "
                "Rebuild it (flask search reindex).",
                storage.folder,
            )
        return storage.create_index(build_schema())
    finally:
        lock.release()


class _PrivateRamStorage(RamStorage):  # type: ignore[misc]  # whoosh ships no types
    """RamStorage whose writers keep their temporary files in memory too.

    Whoosh's RamStorage puts them in ``<tmp>/MAIN.tmp``, a directory shared by
    every in-memory index of every process on the machine, which one writer
    deletes while another still uses it.
    """

    def temp_storage(self, name: str | None = None) -> _PrivateRamStorage:  # noqa: ARG002  RamStorage's signature
        return _PrivateRamStorage()


def open_memory_index(*, lock_timeout: float = 10.0) -> WhooshIndex:
    """A fresh index held in memory (tests, one-off scripts)."""
    return WhooshIndex(_PrivateRamStorage().create_index(build_schema()), lock_timeout=lock_timeout, deferred=True)
