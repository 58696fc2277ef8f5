"""The Whoosh backend: an index in a directory (production) or in memory (tests).

Several worker processes may write to one on-disk index. Whoosh allows one
writer at a time (a lock file); a writer here waits up to ``lock_timeout``
seconds for the lock. If it is still taken, the changes are kept in memory
and written first by the next successful write (or ``flush()``), and
``IndexBusy`` tells the caller. Readers never wait: each query opens a
searcher on the latest committed generation, so every process sees the
others' commits.

The in-memory index (tests, scripts) defers its writes to the next read:
one process owns it, and a Whoosh commit per database commit would cost
more than all the searches.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from whoosh import qparser, sorting
from whoosh.fields import ID, STORED, TEXT, Schema
from whoosh.filedb.filestore import FileStorage, RamStorage
from whoosh.highlight import ContextFragmenter, HtmlFormatter, WholeFragmenter
from whoosh.index import EmptyIndexError, Index, LockError
from whoosh.query import And, Every, NullQuery, Or, Query, Term
from whoosh.searching import Hit as WhooshHit
from whoosh.writing import CLEAR, IndexWriter

from .analysis import code_analyzer, text_analyzer
from .base import Document, Filters, Hit, IndexBusy, Key, Match, SearchIndex, SearchIndexError, SearchResult

log = logging.getLogger(__name__)

#: Bumped whenever the schema changes; an index of another version is recreated empty
#: (and has to be rebuilt from the database).
SCHEMA_VERSION = 1
_VERSION_FIELD = f"schema_v{SCHEMA_VERSION}"
_FIELD_PREFIX = "f_"
_INDEX_NAME = "MAIN"  # Whoosh's default index name within a directory

#: How much a match in each field counts.
FIELD_BOOSTS = {"title": 3.0, "codes": 2.5, "tags": 1.5, "body": 1.0, "protected": 0.8}


def build_schema() -> Schema:
    analyzer = text_analyzer()
    schema = Schema(
        key=ID(unique=True, stored=True),  # "type:id"
        type=ID(stored=True),
        ref=STORED(),  # the record's id, as given
        title=TEXT(analyzer=analyzer, stored=True),
        body=TEXT(analyzer=analyzer, stored=True),
        tags=TEXT(analyzer=analyzer),
        codes=TEXT(analyzer=code_analyzer()),
        protected=TEXT(analyzer=analyzer),
        **{_VERSION_FIELD: STORED()},
    )
    schema.add(_FIELD_PREFIX + "*", ID(stored=True), glob=True)
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
            fields.get(_FIELD_PREFIX + name)
            in ({str(value)} if isinstance(value, (str, int)) else {str(v) for v in value})
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
        self.deferred = deferred
        self._backlog: list[tuple[str, Any]] = []
        self._backlog_lock = threading.Lock()
        self._schema = index.schema

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
                self._write_backlog()

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
            writer = self._writer()
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

    def _writer(self) -> IndexWriter:
        try:
            return self._ix.writer(timeout=self.lock_timeout, delay=0.05)
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
        }
        for name, value in document.fields.items():
            if value is not None:
                fields[_FIELD_PREFIX + name] = str(value)
        return fields

    # -- reading ---------------------------------------------------------------------------

    def query(
        self,
        text: str,
        *,
        types: Iterable[str] | None = None,
        filters: Filters | None = None,
        limit: int = 20,
        offset: int = 0,
        match: Match = "all",
        search_protected: bool = False,
        counts: bool = False,
        highlight: bool = True,
        syntax: bool = True,
    ) -> SearchResult:
        if self.deferred:
            self.flush()
        parsed = self._parse(text, match=match, search_protected=search_protected, syntax=syntax)
        if parsed is None:
            return SearchResult(total=0, hits=[], counts={})
        base_filter = _filter_query(filters)
        type_filter = Or([Term("type", t) for t in types]) if types is not None else None
        restrictions = [q for q in (base_filter, type_filter) if q is not None]
        combined = And(restrictions) if restrictions else None
        try:
            with self._ix.searcher() as searcher:
                per_type: dict[str, int] = {}
                by_type = sorting.FieldFacet("type", maptype=sorting.Count)
                wanted = offset + limit if limit else None
                if counts and type_filter is None:  # one pass gives the page and the counts per type
                    results = searcher.search(parsed, filter=combined, limit=wanted, groupedby=by_type)
                    per_type = dict(results.groups("type"))
                else:
                    if counts:  # the counts of every type, not only of the types asked for
                        per_type = dict(
                            searcher.search(parsed, filter=base_filter, limit=1, groupedby=by_type).groups("type")
                        )
                    results = searcher.search(parsed, filter=combined, limit=wanted)
                results.formatter = HtmlFormatter(tagname="mark", classname="hl", termclass="t")
                hits = [self._hit(hit, highlight) for hit in results[offset : offset + limit]] if limit else []
                return SearchResult(total=len(results), hits=hits, counts=per_type)
        except (OSError, EmptyIndexError) as exc:
            raise SearchIndexError(f"cannot read the search index: {exc}") from exc

    def _parse(self, text: str, *, match: Match, search_protected: bool, syntax: bool) -> Query | None:
        text = (text or "").strip()
        if not text:
            return None
        fieldnames = ["title", "body", "tags", "codes"] + (["protected"] if search_protected else [])
        group = qparser.AndGroup if match == "all" else qparser.OrGroup.factory(0.9)
        parser = qparser.MultifieldParser(
            fieldnames, self._schema, group=group, fieldboosts={f: FIELD_BOOSTS[f] for f in fieldnames}
        )
        # Users type words, not query syntax: no "field:" prefixes (they would reach
        # protected or filter fields), no wildcards or ranges.
        plugins = [
            qparser.FieldsPlugin,
            qparser.WildcardPlugin,
            qparser.RangePlugin,
            qparser.EveryPlugin,
            qparser.BoostPlugin,
        ]
        if not syntax:
            plugins += [qparser.OperatorsPlugin, qparser.PhrasePlugin, qparser.GroupPlugin, qparser.SingleQuotePlugin]
        for plugin in plugins:
            parser.remove_plugin_class(plugin)
        query = parser.parse(text)
        return None if query is NullQuery else query

    @staticmethod
    def _hit(hit: WhooshHit, highlight: bool) -> Hit:
        stored = hit.fields()
        highlights = {}
        if highlight:
            hit.results.fragmenter = WholeFragmenter()
            highlights["title"] = hit.highlights("title")
            hit.results.fragmenter = ContextFragmenter(maxchars=220, surround=70)
            highlights["body"] = hit.highlights("body", top=2)
        fields = {name[len(_FIELD_PREFIX) :]: value for name, value in stored.items() if name.startswith(_FIELD_PREFIX)}
        return Hit(
            type=stored["type"], id=stored["ref"], score=float(hit.score or 0.0), fields=fields, highlights=highlights
        )

    def doc_count(self) -> int:
        if self.deferred:
            self.flush()
        count: int = self._ix.doc_count()
        return count

    def close(self) -> None:
        self._ix.close()


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
            index = _open_or_create(storage, lock_timeout)
            return WhooshIndex(index, lock_timeout=lock_timeout)
        except FileNotFoundError as exc:
            if attempt == _OPEN_RETRIES - 1:
                raise SearchIndexError(f"cannot open the search index in {path}: files keep changing") from exc
            time.sleep(0.05)
        except (OSError, EmptyIndexError) as exc:
            raise SearchIndexError(f"cannot open the search index in {path}: {exc}") from exc
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
