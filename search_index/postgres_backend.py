"""The PostgreSQL backend: the index in tables of a database several hosts share.

Selected with ``open_index("postgres", dsn=...)`` (the app: ``SEARCH_BACKEND=postgres``). The tables
(``TABLES``) are made by ``create_schema`` or, in the app, by its Alembic migration, in the first
schema of the connection's ``search_path`` (``public`` by default). A document has a row in three:

- ``search_document``, what queries read for every match: ``key`` ("type:id"), ``type``, ``date``
  (epoch seconds, for sorting), ``filter_values`` ("name=value" strings, GIN: filters and facets)
  and ``tsv`` (every searched term, GIN);
- ``search_content``, what only the page of hits needs: ``ref`` (the id as given), ``title`` and
  ``body`` (for highlights), ``fields`` (jsonb, returned with hits), ``digest``;
- ``search_completion``, what suggestions as you type read: ``type``, ``ref``, ``title``,
  ``filter_values`` and ``complete`` (the title's stems and the codes, GIN, matched by prefix:
  ``'фла':*``).

A common word matches tens of thousands of documents, and the time goes into reading their rows: a
table holding only what every match needs is read about twice as fast as one holding the texts too,
and the suggestions' narrow table three times as fast (their p95 17 ms rather than 66 ms on the
134,000-record bench). The fourth table, ``search_term``, holds each stem of a title, body or tags
with the number of documents holding it, under a trigram index (``pg_trgm``, GiST: it answers "the
nearest terms" directly, ``ORDER BY term <-> stem``, in a few milliseconds, where the planner would
scan the whole table rather than use a GIN index for ``term % stem``): the typo candidates of
``similar_terms``.

**The analysis stays ours.** The tsvectors are written by this module from ``text_analysis`` (the
analyzer the Whoosh backend and the matcher use), not by PostgreSQL's ``russian``/``english`` text
search configurations: those would be a second analyzer disagreeing with ours (their stemmer keeps
fleeting vowels apart, "фланец" ≠ "фланцы"; other stop lists; no synonyms; one language per
configuration while records mix both), and both backends must find the same documents. Queries are
parsed by ``search_index.query`` and compiled here into ``tsquery`` text of already analysed
lexemes, cast with ``::tsquery`` (``to_tsquery('simple', ...)`` would analyse them again).

One ``tsv`` holds all searched fields, told apart by weight and by a prefix:

- title stems: weight A; tags, and the transliteration keys of the words of ``Document.names``
  (``~key``): C; body: D; classifier codes and their parents (``#25.62.10``, ``#25.62``, ``#25``): B;
- protected text: weight D, its stems prefixed ``*``. A query looks for ``*stem`` only with
  ``search_protected``, and no typed word can produce a ``*``, ``#`` or ``~`` (words are letters and
  digits), so protected text is never reached otherwise. One vector rather than a second
  ``protected_tsv`` column keeps Whoosh's meaning (each word of a query may be found in any searched
  field, protected text included) with one GIN index and no recheck of a concatenation;
- positions: each field's words numbered after the previous field's with a position left free, so
  that a phrase (``<->``) never spans two fields; positions above 16383 (PostgreSQL's limit) are
  clamped there, so a phrase is found only among a document's first ~16,000 words (single words
  everywhere).

Ranking is ``ts_rank`` with weights proportional to Whoosh's field boosts (title 3, codes 2.5, tags and
transliteration 1.5, body 1, protected 1 instead of 0.8: four weights only), over the OR of the
query's positive lexemes: documents with more of the words, in weightier fields, rank higher.
Documented differences from Whoosh (the contract tests hold both to everything else):

- a thesaurus alternative counts as much as the word typed: ``tsquery`` cannot weight a term, so
  ``Word.boost`` is not applied;
- scores are ``ts_rank``'s, not BM25F: no inverse document frequency, no length normalisation;
  ties are ordered by key, in code point order (Whoosh: by the order documents were added);
- suggestions: every title stem (or code) the last typed word begins counts (Whoosh: its 30 most
  frequent ones), and they are ordered by fewer title words first, then by title and key (Whoosh:
  by BM25 of the completed terms);
- document frequencies (``term_frequencies``, for respelling) are exact here; Whoosh counts deleted
  documents until its segments merge;
- a key given twice to ``rebuild`` raises ``SearchIndexError`` (and nothing changes).

Connections: one per thread (reads in autocommit), opened on first use and again after it broke;
each ``update``/``rebuild`` is one transaction holding an advisory lock, so writers (any process,
any host) apply their changes one at a time and ``search_term``'s counts stay exact. A writer waits
up to ``lock_timeout`` seconds and then gets ``IndexBusy``: nothing is kept back (the caller
retries; the app's search outbox does). An unreachable database raises ``SearchIndexError``.

Trigrams need a database whose ``LC_CTYPE`` classifies Cyrillic letters as letters (any UTF-8
locale, ``C.UTF-8`` included; not plain ``C``): otherwise ``similar_terms`` finds nothing for
Cyrillic words and a warning is logged when the index is opened.
"""

from __future__ import annotations

import json
import logging
import os
import threading
import weakref
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

import psycopg
from psycopg import errors
from psycopg.sql import SQL, Identifier

from text_analysis import Word as TextWord, fold, has_digit, is_stop, stem, tokens, words

from .analysis import MIN_PREFIX, name_key
from .base import (
    Document,
    Execution,
    Filters,
    FilterValue,
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
from .query import AllOf, AnyOf, Node, Not, Phrase, Word, positive_words

log = logging.getLogger(__name__)

T = TypeVar("T")

#: The backend's tables (the app's migrations make them; its models do not describe them).
TABLES = ("search_document", "search_content", "search_completion", "search_term")

#: What ``create_schema`` runs; the Alembic migration ``search_postgres_tables`` holds the same
#: statements (a test compares the two schemas).
SCHEMA_SQL = (
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    """CREATE TABLE search_document (
        key text NOT NULL,
        type text NOT NULL,
        date bigint NOT NULL,
        filter_values text[] NOT NULL,
        tsv tsvector NOT NULL,
        CONSTRAINT pk_search_document PRIMARY KEY (key)
    )""",
    "CREATE INDEX ix_search_document_tsv ON search_document USING gin (tsv)",
    "CREATE INDEX ix_search_document_filter_values ON search_document USING gin (filter_values)",
    """CREATE TABLE search_content (
        key text NOT NULL,
        type text NOT NULL,
        ref text NOT NULL,
        title text NOT NULL,
        body text NOT NULL,
        fields jsonb NOT NULL,
        digest text NOT NULL,
        CONSTRAINT pk_search_content PRIMARY KEY (key)
    )""",
    """CREATE TABLE search_completion (
        key text NOT NULL,
        type text NOT NULL,
        ref text NOT NULL,
        title text NOT NULL,
        filter_values text[] NOT NULL,
        complete tsvector NOT NULL,
        CONSTRAINT pk_search_completion PRIMARY KEY (key)
    )""",
    "CREATE INDEX ix_search_completion_complete ON search_completion USING gin (complete)",
    """CREATE TABLE search_term (
        term text NOT NULL,
        df integer NOT NULL,
        CONSTRAINT pk_search_term PRIMARY KEY (term)
    )""",
    "CREATE INDEX ix_search_term_trgm ON search_term USING gist (term gist_trgm_ops)",
)

#: Weight letters of the fields (``ts_rank`` weighs D, C, B, A as ``RANK_WEIGHTS``).
TITLE, CODES, TAGS, BODY = "A", "B", "C", "D"
TRANSLIT, PROTECTED = TAGS, BODY
#: Whoosh's field boosts (body 1, tags 1.5, codes 2.5, title 3) scaled into 0..1, in D, C, B, A order.
RANK_WEIGHTS = (1 / 3, 1.5 / 3, 2.5 / 3, 1.0)
#: Prefixes of the lexemes that are not stems of title, tags or body.
CODE_PREFIX, TRANSLIT_PREFIX, PROTECTED_PREFIX = "#", "~", "*"
#: PostgreSQL's limits: the highest position, positions kept per lexeme, bytes per lexeme and per vector.
MAX_POSITION = 16383
MAX_POSITIONS_PER_LEXEME = 256
MAX_LEXEME_BYTES = 2046
MAX_VECTOR_BYTES = 1_000_000
#: Typo candidates: the terms nearest by trigrams (``similar_terms``).
SIMILAR_CANDIDATES = 25
#: The advisory lock every writer takes (any number: the same in every process).
WRITE_LOCK = 0x5EA5C4_1D3E
#: Seconds a connection attempt may take before the database counts as unreachable.
CONNECT_TIMEOUT = 5
#: Memory a query may sort and keep its matches in (the connections are the index's own, one query at a
#: time): a word found in every one of 134,000 documents needs about 8 MB, PostgreSQL's default is 4 MB.
WORK_MEM = "32MB"

#: The columns of the three tables a document has a row in, in the order of the tuple of the ``_Row``
#: attribute named after the table (``search_content`` → ``_Row.content``).
_COLUMNS = {
    "search_document": ("key", "type", "date", "filter_values", "tsv"),
    "search_content": ("key", "type", "ref", "title", "body", "fields", "digest"),
    "search_completion": ("key", "type", "ref", "title", "filter_values", "complete"),
}
#: Documents written per round of COPY statements (one per table).
COPY_BATCH = 2000


def create_schema(connection: psycopg.Connection[Any]) -> None:
    """Create the extension, tables and indexes (``SCHEMA_SQL``) in one transaction."""
    with connection.transaction():
        for statement in SCHEMA_SQL:
            connection.execute(statement)


def plain_dsn(dsn: str) -> str:
    """A libpq connection string from an SQLAlchemy URL too (``postgresql+psycopg://`` → ``postgresql://``)."""
    for prefix in ("postgresql+psycopg://", "postgres+psycopg://"):
        if dsn.startswith(prefix):
            return "postgresql://" + dsn[len(prefix) :]
    return dsn


# -- documents -> rows -------------------------------------------------------------------------------


class _Vector:
    """A tsvector being written: each lexeme's positions with their weights ("12A"), in the order added."""

    def __init__(self) -> None:
        self.entries: dict[str, list[str]] = {}

    def add(self, lexeme: str, position: int, weight: str) -> None:
        entry = self.entries.setdefault(lexeme, [])
        if len(entry) < MAX_POSITIONS_PER_LEXEME:
            entry.append(f"{min(max(position, 1), MAX_POSITION)}{weight}")

    def add_words(self, found: Iterable[TextWord], start: int, weight: str, prefix: str = "") -> int:
        """Each word's stem (after ``prefix``) at ``start`` plus its position; returns the last position."""
        entries = self.entries
        last = start
        for word in found:
            last = start + word.position
            lexeme = prefix + word.stem if prefix else word.stem
            entry = entries.get(lexeme)
            if entry is None:
                entries[lexeme] = [f"{min(MAX_POSITION, last)}{weight}"]
            elif len(entry) < MAX_POSITIONS_PER_LEXEME:
                entry.append(f"{min(MAX_POSITION, last)}{weight}")
        return last

    def literal(self) -> str:
        out = []
        size = 0
        for lexeme, positions in self.entries.items():
            size += len(lexeme) * 2 + 4 * len(positions)  # bytes, about: Cyrillic letters take two
            if size > MAX_VECTOR_BYTES:  # PostgreSQL's limit: the rest of an enormous text is left out
                break
            plain = len(lexeme) < MAX_LEXEME_BYTES // 4 and "'" not in lexeme and "\\" not in lexeme
            out.append(f"'{lexeme}':{','.join(positions)}" if plain else f"{_quoted(lexeme)}:{','.join(positions)}")
        return " ".join(out)


def _quoted(lexeme: str) -> str:
    """A lexeme as tsvector/tsquery text: single-quoted, quotes doubled, backslashes escaped; cut to
    ``MAX_LEXEME_BYTES`` (PostgreSQL's limit), alike in documents and queries."""
    if len(lexeme) * 4 > MAX_LEXEME_BYTES:
        lexeme = lexeme.encode()[:MAX_LEXEME_BYTES].decode(errors="ignore")
    if "'" in lexeme or "\\" in lexeme:
        lexeme = lexeme.replace("\\", "\\\\").replace("'", "''")
    return "'" + lexeme + "'"


def code_terms(codes: Iterable[str]) -> list[str]:
    """The indexed terms of classifier codes: each whole, then its parents ("25.62.10", "25.62", "25").

    The same reading as the Whoosh backend's ``CodeAnalyzer`` when indexing: tokens between spaces,
    commas and semicolons, trailing dots dropped, only tokens with a digit."""
    out = []
    for value in codes:
        for token in value.replace(",", " ").replace(";", " ").split():
            code = fold(token).strip(".")
            if not has_digit(code):
                continue
            parts = code.split(".")
            out += [".".join(parts[:end]) for end in range(len(parts), 0, -1)]
    return out


@dataclass(frozen=True)
class _Row:
    """A document's rows in ``search_document``, ``search_content`` and ``search_completion``, and the
    terms it adds to ``search_term`` (the stems of its title, tags and body)."""

    key: str
    document: tuple[Any, ...]
    content: tuple[Any, ...]
    completion: tuple[Any, ...]
    terms: frozenset[str]


def document_row(document: Document) -> _Row:
    """The rows of a document (see ``_Row``)."""
    title, body = document.title or "", document.body or ""
    vector = _Vector()
    terms: set[str] = set()
    complete: dict[str, None] = {}
    position = 1
    for text, weight in ((title, TITLE), ("\n".join(t for t in document.tags if t), TAGS), (body, BODY)):
        found = words(text)
        position = vector.add_words(found, position, weight) + 2
        terms.update(word.stem for word in found)
        if weight == TITLE:
            complete.update(dict.fromkeys(terms))
    for code in code_terms(c for c in document.codes if c):
        vector.add(CODE_PREFIX + code, position, CODES)
        complete[CODE_PREFIX + code] = None
        position += 1
    last = position
    for key, offset in translit_keys(document.names):
        last = position + offset
        vector.add(TRANSLIT_PREFIX + key, last, TRANSLIT)
    position = last + 2
    vector.add_words(words(document.protected or ""), position, PROTECTED, PROTECTED_PREFIX)
    fields, filter_values = _field_columns(document)
    key, ref = f"{document.type}:{document.id}", str(document.id)
    return _Row(
        key=key,
        document=(
            key,
            document.type,
            int(document.date.timestamp()) if document.date else 0,
            filter_values,
            vector.literal(),
        ),
        content=(key, document.type, ref, title, body, json.dumps(fields, ensure_ascii=False), document.digest),
        completion=(key, document.type, ref, title, filter_values, " ".join(map(_quoted, complete))),
        terms=frozenset(terms),
    )


def translit_keys(names: Iterable[str]) -> Iterator[tuple[str, int]]:
    """The transliteration key of each word of ``names`` that gets one (``analysis.name_key``, as the
    Whoosh backend's ``TranslitAnalyzer`` reads them), with the word's position."""
    for word in words("\n".join(n for n in names if n)):
        key = name_key(word.text)
        if key:
            yield key, word.position


def _field_columns(document: Document) -> tuple[dict[str, str], list[str]]:
    """``fields`` (each field's values joined by ",", as hits return them) and ``filter_values``."""
    fields: dict[str, str] = {}
    filter_values: list[str] = []
    for name, value in document.fields.items():
        if value is not None:  # tolerated, as by the Whoosh backend: no value
            values = field_values(value)
            fields[name] = ",".join(values)
            filter_values += dict.fromkeys(f"{name}={v.strip()}" for v in values if v.strip())
    return fields, filter_values


# -- parsed queries -> tsquery -----------------------------------------------------------------------


def _word_lexemes(word: Word, search_protected: bool) -> list[str]:
    lexemes = [word.stem]
    if word.code:
        lexemes.append(CODE_PREFIX + word.code)
    if word.key:
        lexemes.append(TRANSLIT_PREFIX + word.key)
    if search_protected:
        lexemes.append(PROTECTED_PREFIX + word.stem)
    return lexemes


def compile_query(node: Node, *, search_protected: bool, any_of: bool) -> str:
    """The tsquery text of a parsed query (see ``search_index.query``): a word is found as its stem in
    title, tags or body, as a code, as a transliteration key or (``search_protected``) in protected
    text; a phrase as consecutive stems; ``any_of`` needs one of the top-level clauses (exclusions
    still apply)."""
    if isinstance(node, AllOf) and any_of:
        compiled = [(part, compile_query(part, search_protected=search_protected, any_of=False)) for part in node.parts]
        alternatives = " | ".join(text for part, text in compiled if not isinstance(part, Not))
        return " & ".join([f"({alternatives})", *(text for part, text in compiled if isinstance(part, Not))])
    if isinstance(node, Word):
        lexemes = _word_lexemes(node, search_protected)
        return _quoted(lexemes[0]) if len(lexemes) == 1 else "(" + " | ".join(map(_quoted, lexemes)) + ")"
    if isinstance(node, Phrase):
        return "(" + " <-> ".join(_quoted(w.stem) for w in node.words) + ")"
    if isinstance(node, Not):
        return "!" + compile_query(node.part, search_protected=search_protected, any_of=False)
    joiner = " | " if isinstance(node, AnyOf) else " & "
    return (
        "(" + joiner.join(compile_query(p, search_protected=search_protected, any_of=False) for p in node.parts) + ")"
    )


def rank_query(node: Node, *, search_protected: bool) -> str:
    """The tsquery ``ts_rank`` scores with: any of the query's positive lexemes (``ts_rank`` of an AND
    would score how near the words stand, which says little across fields)."""
    lexemes = dict.fromkeys(lexeme for w in positive_words(node) for lexeme in _word_lexemes(w, search_protected))
    return " | ".join(map(_quoted, lexemes))


def suggest_query(text: str) -> str | None:
    """The tsquery over ``complete`` of what is being typed (as the Whoosh backend reads it): every word
    but the last whole (a title stem, or for a word with a digit also a code; stop words dropped), the
    last one (from ``MIN_PREFIX`` characters) beginning a title stem or, with a digit, a code."""
    typed = tokens(text or "")
    if typed and len(typed[-1]) < MIN_PREFIX:
        typed = typed[:-1]  # one letter of a new word completes nothing yet
    if not typed:
        return None
    *whole, last = typed
    clauses = []
    for word in whole:
        if is_stop(word):
            continue
        lexeme = _quoted(stem(word))
        clauses.append(f"({lexeme} | {_quoted(CODE_PREFIX + word)})" if has_digit(word) else lexeme)
    completions = [f"{_quoted(last)}:*", _quoted(stem(last))]
    if has_digit(last):
        completions.append(f"{_quoted(CODE_PREFIX + last)}:*")
    clauses.append("(" + " | ".join(completions) + ")")
    return " & ".join(clauses)


# -- filters -> SQL ----------------------------------------------------------------------------------


def _filter_values(name: str, value: FilterValue) -> list[str]:
    values = [value] if isinstance(value, str | int) else list(value)
    return [f"{name}={str(v).replace(',', ' ').strip()}" for v in values]


def filter_sql(filters: Filters | None) -> tuple[str, list[Any]]:
    """An SQL condition on ``search_document`` selecting what ``filters`` keep (see ``base``)."""
    if filters is None:
        return "TRUE", []
    if isinstance(filters, Mapping):
        conditions, params = [], []
        for name, value in filters.items():
            wanted = _filter_values(name, value)
            if not wanted:
                return "FALSE", []
            conditions.append("filter_values && %s::text[]")
            params.append(wanted)
        return ("(" + " AND ".join(conditions) + ")" if conditions else "TRUE"), params
    alternatives, params = [], []
    for alternative in filters:
        condition, more = filter_sql(alternative)
        alternatives.append(condition)
        params += more
    return ("(" + " OR ".join(alternatives) + ")" if alternatives else "FALSE"), params


# -- the index ---------------------------------------------------------------------------------------


class PostgresIndex(SearchIndex):
    """A ``SearchIndex`` in PostgreSQL (see the module docstring)."""

    def __init__(self, dsn: str, *, lock_timeout: float = 10.0) -> None:
        self.dsn = plain_dsn(dsn)
        self.lock_timeout = lock_timeout
        self._local = threading.local()
        self._pid = os.getpid()
        self._open: list[tuple[threading.Thread, psycopg.Connection[Any]]] = []
        self._inherited: list[Any] = []  # a parent process's connections: never used, never closed here
        self._lock = threading.Lock()
        # An index dropped without close() still closes its connections (psycopg warns about open ones).
        self._finalizer = weakref.finalize(self, _close_all, self._open)

    # -- connections -----------------------------------------------------------------------

    def _connection(self) -> psycopg.Connection[Any]:
        if os.getpid() != self._pid:  # forked: the parent's connections are the parent's
            with self._lock:
                self._inherited += [self._local, list(self._open)]
                self._local, self._pid = threading.local(), os.getpid()
                self._open.clear()
        connection: psycopg.Connection[Any] | None = getattr(self._local, "connection", None)
        if connection is not None and not connection.closed and not connection.broken:
            return connection
        try:
            connection = psycopg.connect(self.dsn, autocommit=True, connect_timeout=CONNECT_TIMEOUT)
            connection.execute("SELECT set_config('work_mem', %s, false)", (WORK_MEM,))
        except psycopg.Error as exc:
            raise SearchIndexError(f"cannot reach the search database: {exc}") from exc
        self._local.connection = connection
        with self._lock:
            alive = []
            for thread, other in self._open:
                if thread.is_alive() and not other.closed:
                    alive.append((thread, other))
                else:
                    other.close()
            self._open[:] = [*alive, (threading.current_thread(), connection)]
        return connection

    def _read(self, run: Callable[[psycopg.Connection[Any]], T]) -> T:
        """``run`` on this thread's connection, once more on a new one if the connection had broken."""
        for attempt in range(2):
            connection = self._connection()
            try:
                return run(connection)
            except psycopg.OperationalError as exc:
                if connection.broken and attempt == 0:
                    continue
                raise _error("read", exc) from exc
            except psycopg.Error as exc:
                raise _error("read", exc) from exc
        raise AssertionError("unreachable")  # pragma: no cover

    def _write(self, run: Callable[[psycopg.Connection[Any]], T]) -> T:
        """``run`` in one transaction holding the writers' lock."""
        connection = self._connection()
        try:
            with connection.transaction():
                # For this transaction: the wait for the writers' lock, and for any row lock after it.
                connection.execute(
                    "SELECT set_config('lock_timeout', %s, true)", (f"{max(int(self.lock_timeout * 1000), 1)}ms",)
                )
                connection.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
                return run(connection)
        except errors.LockNotAvailable as exc:
            raise IndexBusy(f"the search index stayed locked for {self.lock_timeout} s") from exc
        except psycopg.Error as exc:
            raise _error("write", exc) from exc

    def close(self) -> None:
        with self._lock:
            _close_all(self._open)
            self._local = threading.local()

    # -- writing ---------------------------------------------------------------------------

    def update(
        self, add: Iterable[Document] = (), remove: Iterable[Key] = (), remove_where: Iterable[Filters] = ()
    ) -> None:
        rows = {row.key: row for row in map(document_row, add)}  # the last of one key wins
        keys = [f"{t}:{i}" for t, i in remove]
        wheres = list(remove_where)
        if not (rows or keys or wheres):
            return

        def write(connection: psycopg.Connection[Any]) -> None:
            delta: Counter[str] = Counter()
            for filters in wheres:
                condition, params = filter_sql(filters)
                _subtract(delta, _delete(connection, condition, params))
            replaced = sorted({*keys, *rows})
            if replaced:
                _subtract(delta, _delete(connection, "key = ANY(%s::text[])", [replaced]))
            if rows:
                _copy_rows(connection, rows.values())
                for row in rows.values():
                    for term in row.terms:
                        delta[term] += 1
            _apply_term_delta(connection, delta)

        self._write(write)

    def rebuild(self, documents: Iterable[Document]) -> int:
        def write(connection: psycopg.Connection[Any]) -> int:
            for table in TABLES:
                connection.execute(SQL("DELETE FROM {}").format(Identifier(table)))
            frequencies: Counter[str] = Counter()
            seen: set[str] = set()

            def rows() -> Iterator[_Row]:
                for document in documents:
                    row = document_row(document)
                    if row.key in seen:
                        raise SearchIndexError(f"document {row.key} given twice to rebuild")
                    seen.add(row.key)
                    frequencies.update(row.terms)
                    yield row

            _copy_rows(connection, rows())
            with connection.cursor() as cursor, cursor.copy("COPY search_term (term, df) FROM STDIN") as copy:
                for term, df in sorted(frequencies.items()):
                    copy.write_row((term, df))
            return len(seen)

        count = self._write(write)
        try:  # fresh statistics for the planner; autovacuum would take its time to notice
            self._read(lambda c: c.execute("ANALYZE " + ", ".join(TABLES)))
        except SearchIndexError:
            log.warning("ANALYZE of the search tables failed after a rebuild", exc_info=True)
        return count

    # -- reading ---------------------------------------------------------------------------

    def _execute(self, node: Node, *, execution: Execution) -> SearchResult:
        protected = execution.search_protected
        query = compile_query(node, search_protected=protected, any_of=execution.match == "any")
        ranking = rank_query(node, search_protected=protected)
        condition, filter_params = filter_sql(execution.filters)
        types = list(execution.types) if execution.types is not None else None
        sql, params = _search_sql(execution, query, ranking, condition, filter_params, types)
        rows = self._read(lambda c: c.execute(sql, params).fetchall())
        stems = {w.stem for w in positive_words(node)}
        counts: dict[str, int] = {}
        facets: dict[str, dict[str, int]] = {name: {} for name in execution.facets}
        page: list[tuple[tuple[float, ...], str, Hit]] = []
        for part, name, number, rank, ref, title, body, fields in rows:
            if part == _COUNT:
                counts[name] = number
            elif part == _FACET:
                field, _, value = name.partition("=")
                facets[field][value] = number
            else:
                highlights = {}
                if execution.highlight:
                    highlights = {"title": highlight_whole(title, stems), "body": highlight_fragments(body, stems)}
                hit = Hit(type=name, id=ref, score=float(rank), fields=fields, highlights=highlights)
                page.append(((-rank,) if execution.sort == "relevance" else (-number, -rank), f"{name}:{ref}", hit))
        page.sort(key=lambda item: item[:2])
        total = sum(n for doc_type, n in counts.items() if execution.types is None or doc_type in execution.types)
        return SearchResult(
            total=total, hits=[hit for *_, hit in page], counts=counts if execution.counts else {}, facets=facets
        )

    def term_frequencies(self, stems: Iterable[str]) -> dict[str, int]:
        wanted = sorted(set(stems))
        found = dict(
            self._read(
                lambda c: c.execute(
                    "SELECT term, df FROM search_term WHERE term = ANY(%s::text[]) AND df > 0", (wanted,)
                ).fetchall()
            )
        )
        return {stem: found.get(stem, 0) for stem in wanted}

    def similar_terms(self, stem: str, max_edits: int) -> list[tuple[str, int]]:
        rows = self._read(
            lambda c: c.execute(
                "SELECT term, df FROM search_term"
                " WHERE df > 0 AND length(term) BETWEEN %(shortest)s AND %(longest)s AND term !~ '[0-9]'"
                " ORDER BY term <-> %(stem)s LIMIT %(limit)s",
                {
                    "stem": stem,
                    "shortest": len(stem) - max_edits,
                    "longest": len(stem) + max_edits,
                    "limit": SIMILAR_CANDIDATES,
                },
            ).fetchall()
        )
        return sorted(((term, df) for term, df in rows), key=lambda item: -item[1])

    def suggest(
        self, text: str, *, types: Iterable[str] | None = None, filters: Filters | None = None, limit: int = 8
    ) -> list[Suggestion]:
        query = suggest_query(text)
        if query is None or limit <= 0:
            return []
        condition, params = filter_sql(filters)
        sql = f"SELECT title, type, ref FROM search_completion WHERE complete @@ %s::tsquery AND {condition}"  # noqa: S608  (placeholders only)
        params = [query, *params]
        if types is not None:
            sql += " AND type = ANY(%s::text[])"
            params.append(list(types))
        sql += ' ORDER BY length(complete), title COLLATE "C", key COLLATE "C" LIMIT %s'
        params.append(limit)
        rows = self._read(lambda c: c.execute(sql, params).fetchall())
        return [Suggestion(text=title, type=doc_type, id=ref) for title, doc_type, ref in rows]

    def doc_count(self) -> int:
        count: int = self._read(lambda c: _scalar(c, "SELECT count(*) FROM search_document"))
        return count

    def digests(self) -> dict[Key, str]:
        rows = self._read(lambda c: c.execute("SELECT type, ref, digest FROM search_content").fetchall())
        return {(doc_type, ref): digest for doc_type, ref, digest in rows}


def _scalar(connection: psycopg.Connection[Any], query: str) -> Any:
    row = connection.execute(query).fetchone()
    return row[0] if row is not None else None


def _close_all(connections: list[tuple[threading.Thread, psycopg.Connection[Any]]]) -> None:
    for _thread, connection in connections:
        connection.close()
    connections.clear()


def _error(action: str, exc: psycopg.Error) -> SearchIndexError:
    if isinstance(exc, errors.UndefinedTable | errors.UndefinedObject | errors.UndefinedFunction):
        return SearchIndexError(
            f"cannot {action} the search index: its tables are missing or incomplete"
            f" (run the migrations, or search_index.postgres_backend.create_schema): {exc}"
        )
    return SearchIndexError(f"cannot {action} the search index: {exc}")


def _delete(connection: psycopg.Connection[Any], condition: str, params: Sequence[Any]) -> list[tuple[str, int]]:
    """Delete the documents matching ``condition``; how many of them held each text term."""
    rows: list[tuple[str, int]] = connection.execute(
        f"WITH gone AS (DELETE FROM search_document WHERE {condition} RETURNING key, tsv),"  # noqa: S608  (placeholders only)
        " content AS (DELETE FROM search_content WHERE key IN (SELECT key FROM gone)),"
        " completion AS (DELETE FROM search_completion WHERE key IN (SELECT key FROM gone))"
        " SELECT lexeme, count(*) FROM gone, unnest(tsvector_to_array(gone.tsv)) AS lexeme"
        " WHERE left(lexeme, 1) NOT IN ('#', '~', '*') GROUP BY lexeme",
        params,
    ).fetchall()
    return rows


def _subtract(delta: Counter[str], counts: Iterable[tuple[str, int]]) -> None:
    for term, count in counts:
        delta[term] -= count


def _copy_rows(connection: psycopg.Connection[Any], rows: Iterable[_Row]) -> None:
    """Write documents' rows with COPY, ``COPY_BATCH`` documents at a time into each table in turn
    (one connection has one COPY going at a time)."""
    batch: list[_Row] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= COPY_BATCH:
            _copy_batch(connection, batch)
            batch = []
    if batch:
        _copy_batch(connection, batch)


def _copy_batch(connection: psycopg.Connection[Any], batch: list[_Row]) -> None:
    with connection.cursor() as cursor:
        for table, columns in _COLUMNS.items():
            statement = SQL("COPY {} ({}) FROM STDIN").format(
                Identifier(table), SQL(", ").join(map(Identifier, columns))
            )
            with cursor.copy(statement) as copy:
                for row in batch:
                    copy.write_row(getattr(row, table.removeprefix("search_")))


def _apply_term_delta(connection: psycopg.Connection[Any], delta: Counter[str]) -> None:
    """Add ``delta`` to the document frequencies of ``search_term`` (terms in order: no deadlock with
    another writer), then drop the terms no document holds any more."""
    changes = sorted((term, count) for term, count in delta.items() if count)
    if not changes:
        return
    terms, counts = [term for term, _ in changes], [count for _, count in changes]
    connection.execute(
        "INSERT INTO search_term (term, df)"
        " SELECT term, df FROM unnest(%s::text[], %s::integer[]) AS change(term, df) ORDER BY term"
        " ON CONFLICT (term) DO UPDATE SET df = search_term.df + EXCLUDED.df",
        (terms, counts),
    )
    lowered = [term for term, count in changes if count < 0]
    if lowered:
        connection.execute("DELETE FROM search_term WHERE term = ANY(%s::text[]) AND df <= 0", (lowered,))


# Parts of the one statement a query runs, told apart by its first column.
_COUNT, _FACET, _HIT = 0, 1, 2


_PART_COLUMNS = {
    "name": "text",
    "number": "bigint",
    "rank": "real",
    "ref": "text",
    "title": "text",
    "body": "text",
    "fields": "jsonb",
}


def _part(part: int, **columns: str) -> str:
    """The SELECT list of one part: its number, then each of ``_PART_COLUMNS`` (NULL unless given)."""
    values = [
        f"({columns[name]})::{kind}" if name in columns else f"NULL::{kind}" for name, kind in _PART_COLUMNS.items()
    ]
    return f"SELECT {part}, " + ", ".join(values)


def _search_sql(
    execution: Execution,
    query: str,
    ranking: str,
    condition: str,
    filter_params: list[Any],
    types: list[str] | None,
) -> tuple[str, list[Any]]:
    """One statement answering a query: the matches per type (all types: ``counts`` and the total come
    from them), facet counts and the page, as rows ``(part, name, number, rank, ref, title, body,
    fields)`` (``_COUNT``, ``_FACET``, ``_HIT``). The matches are read once, into the ``matched`` CTE."""
    params: list[Any] = [list(RANK_WEIGHTS), ranking, query, *filter_params]
    facet_column = ", filter_values" if execution.facets else ""
    sql = (
        "WITH matched AS MATERIALIZED ("  # noqa: S608  (values are placeholders; the rest is ours)
        f" SELECT key, type, date, ts_rank(%s::real[], tsv, %s::tsquery) AS rank{facet_column}"
        f" FROM search_document WHERE tsv @@ %s::tsquery AND {condition}) "
    )
    wanted = "matched" if types is None else "matched WHERE type = ANY(%s::text[])"
    parts = [_part(_COUNT, name="type", number="count(*)") + " FROM matched GROUP BY type"]
    if execution.facets:
        values = f"SELECT filter_values FROM {wanted}"  # noqa: S608  (ours)
        parts.append(
            _part(_FACET, name="value", number="count(*)")
            + f" FROM ({values}) AS wanted, unnest(wanted.filter_values) AS value"
            " WHERE split_part(value, '=', 1) = ANY(%s::text[]) GROUP BY value"
        )
        params += [*([types] if types is not None else []), list(execution.facets)]
    if execution.limit > 0:
        # Keys in code point order ("C"): the order Python sorts the page in again, after the UNION.
        order = (
            'rank DESC, key COLLATE "C"' if execution.sort == "relevance" else 'date DESC, rank DESC, key COLLATE "C"'
        )
        text = {"title": "d.title", "body": "d.body"} if execution.highlight else {}
        page = f"SELECT key, rank, date FROM {wanted} ORDER BY {order} LIMIT %s OFFSET %s"  # noqa: S608  (ours)
        parts.append(
            _part(_HIT, name="d.type", number="page.date", rank="page.rank", ref="d.ref", fields="d.fields", **text)
            + f" FROM ({page}) AS page JOIN search_content AS d ON d.key = page.key"
        )
        params += [*([types] if types is not None else []), execution.limit, max(execution.offset, 0)]
    return sql + " UNION ALL ".join(parts), params


def open_postgres_index(dsn: str, *, lock_timeout: float = 10.0) -> PostgresIndex:
    """The index in the database at ``dsn`` (a libpq connection string or URL), whose tables exist.

    Connects once to check the database is reachable (``SearchIndexError`` if not)."""
    index = PostgresIndex(dsn, lock_timeout=lock_timeout)
    trigrams = index._read(lambda c: _scalar(c, "SELECT show_trgm('фланец')"))  # noqa: SLF001
    if not trigrams:
        log.warning(
            "The search database's LC_CTYPE does not treat Cyrillic letters as letters: "
            "pg_trgm finds no typo candidates for Russian words (use a UTF-8 locale)."
        )
    return index
