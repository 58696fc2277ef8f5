"""The matcher in the app: one snapshot on disk, the change log in the database, every worker converging.

Files under ``MATCHER_DIR`` (default ``instance/matcher``):

- ``matcher-<time>-<token>.npz``: a fitted ``matching.Matcher`` (its own
  versioned, pickle-free format), written by a refit;
- ``current.json``: the pointer, replaced atomically after the artifact is
  complete. It names the artifact and what it includes: every
  ``MatcherChange`` with ``id <= change_id``, and of the newer-looking ones
  in the grace window (``created_at > since``), the ids in ``included``.

Each process keeps one ``MatcherEngine`` on ``app.extensions["matcher"]``,
created on first use (``create_app`` fits nothing). Every use, under the
engine's lock (the library is not thread-safe):

1. ``stat`` the pointer: a new file → load the artifact it names (a missing
   pointer → fit from the database and save one);
2. count the log rows of the snapshot's window (``id > change_id OR
   created_at > since``) and compare with the ids this process already
   applied; only when they differ, read the new rows, rebuild just those
   organizations' profiles from the database and ``add_or_update`` /
   ``remove`` them.

Why a window and a count rather than "ids above the last one seen": ids are
handed out at insert time, so a long transaction can commit id 41 after id
42 is visible. A process that remembered "up to 42" would miss 41 for good;
counting the window's rows notices it. The grace window does the same for
the snapshot itself (a transaction still open during the refit). Changes
are idempotent (a profile is rebuilt from the committed rows), so every
worker ends with the same state: the snapshot plus the same profiles.

The engine reads the database through its own short session, so it only
ever sees committed data, whatever the request around it has flushed.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from flask import Flask, current_app
from sqlalchemy import ColumnElement, delete, func, or_, select
from sqlalchemy.orm import Session

from matching import ArtifactError, Matcher, MatcherConfig, OrderIndex

from ..db import db, utcnow
from .models import MatcherChange
from .profiles import count_documents, load_profiles

log = logging.getLogger(__name__)

POINTER = "current.json"
POINTER_FORMAT = "cluster-marketplace-matcher-pointer"
#: Log rows this much older than the refit may still have been uncommitted during it.
GRACE = dt.timedelta(minutes=10)
#: A refit deletes log rows the snapshot includes once they are this old.
LOG_RETENTION = dt.timedelta(days=1)
#: Artifacts kept besides the current one (a worker may be loading the previous one).
KEEP_ARTIFACTS = 2

#: The product's defaults, except that reasons name more documents: the description and the list of
#: competency names are not shown as "similar work" (``presenters``), products and past orders are.
MATCHER_CONFIG = MatcherConfig(reason_documents=6)

_opening = threading.Lock()


@dataclass
class Pointer:
    """What ``current.json`` says about the current snapshot."""

    artifact: str
    version: str
    change_id: int
    since: dt.datetime
    fitted_at: dt.datetime
    included: list[int] = field(default_factory=list)
    organizations: int = 0
    documents: int = 0

    def to_json(self) -> str:
        data = asdict(self) | {
            "format": POINTER_FORMAT,
            "since": self.since.isoformat(),
            "fitted_at": self.fitted_at.isoformat(),
        }
        return json.dumps(data, ensure_ascii=False, indent=1)

    @classmethod
    def from_json(cls, text: str) -> Pointer:
        data = json.loads(text)
        if not isinstance(data, dict) or data.pop("format", None) != POINTER_FORMAT:
            raise ValueError("not a matcher pointer")
        data["since"] = dt.datetime.fromisoformat(data["since"])
        data["fitted_at"] = dt.datetime.fromisoformat(data["fitted_at"])
        pointer = cls(**data)
        if "/" in pointer.artifact or "\\" in pointer.artifact or not pointer.artifact.endswith(".npz"):
            raise ValueError("the pointer names a file outside the matcher directory")
        return pointer


@dataclass
class EngineStatus:
    """What the manager's status page and ``flask match status`` show."""

    directory: str
    fitted: bool
    version: str | None  # the matcher this process uses now (snapshot token - updates applied)
    pointer: Pointer | None
    organizations: int  # in this process's matcher now
    changes_since_snapshot: int  # log rows after the snapshot (applied incrementally)
    pending_before: int  # rows this process had not applied yet when the status was asked for
    applied: int


def matcher_dir(app: Flask) -> Path:
    configured = app.config.get("MATCHER_DIR")
    return Path(configured) if configured else Path(app.instance_path) / "matcher"


def snapshot_state(app: Flask) -> str:
    """A readiness check that loads nothing: "ok" when the current snapshot can be read, or none exists yet
    (the first use fits one).

    :raise ValueError: the pointer or the snapshot it names is unreadable or missing.
    """
    directory = matcher_dir(app)
    try:
        text = (directory / POINTER).read_text(encoding="utf-8")
    except FileNotFoundError:
        return "ok"
    except OSError as error:
        raise ValueError(str(error)) from error
    pointer = Pointer.from_json(text)
    if not (directory / pointer.artifact).is_file():
        raise ValueError(f"the snapshot {pointer.artifact} is missing")
    return "ok"


def get_engine(app: Flask | None = None) -> MatcherEngine:
    """The app's engine, created on first use (never by ``create_app``)."""
    app = app or current_app  # the proxy: only the app's extensions, config and instance path are read
    engine = app.extensions.get("matcher")
    if engine is None:
        with _opening:
            engine = app.extensions.get("matcher")
            if engine is None:
                engine = app.extensions["matcher"] = MatcherEngine(matcher_dir(app))
    return engine


class MatcherEngine:
    """One process's matcher: the newest snapshot plus the changes logged since."""

    def __init__(self, directory: Path) -> None:
        self.directory = Path(directory)
        self.lock = threading.RLock()
        self.matcher: Matcher | None = None
        self.pointer: Pointer | None = None
        self._stamp: tuple[int, int, int] | None = None  # (mtime_ns, size, inode) of the pointer we follow
        self.applied: set[int] = set()  # log ids of the snapshot's window applied here
        self._empty_mark: tuple[int | None, int] | None = None  # the log's state when there was nothing to fit
        self._order_index: tuple[Any, OrderIndex] | None = None

    # -- use ------------------------------------------------------------------------------------------
    @contextmanager
    def use(self) -> Iterator[Matcher | None]:
        """The up-to-date matcher (None while no organization has any text), held under the lock."""
        with self.lock, _session() as session:
            self.refresh(session)
            yield self.matcher

    def refresh(self, session: Session) -> None:
        stamp = self._pointer_stamp()
        if stamp != self._stamp:
            if stamp is None:
                self._refit(session)  # the snapshot was removed
            else:
                self._follow(session, stamp)
        elif self.matcher is None:
            mark = _log_mark(session)
            if self._empty_mark is None or mark != self._empty_mark:
                self._refit(session)  # first use, or the log moved since there was nothing to fit
            return
        if self.matcher is not None and self.pointer is not None:
            self._apply_changes(session, self.matcher, self.pointer)

    # -- snapshots ------------------------------------------------------------------------------------
    def refit(self, *, prune: bool = True) -> Pointer | None:
        """Fit on every profile, save a snapshot and switch to it (the CLI and the manager's button)."""
        with self.lock, _session() as session:
            pointer = self._refit(session)
            if prune and pointer is not None:
                session.execute(
                    delete(MatcherChange).where(
                        MatcherChange.id < pointer.change_id,
                        MatcherChange.created_at < pointer.fitted_at - LOG_RETENTION,
                    )
                )
                session.commit()
            return pointer

    def _refit(self, session: Session) -> Pointer | None:
        fitted_at = utcnow()
        since = fitted_at - GRACE
        change_id = session.scalar(select(func.max(MatcherChange.id))) or 0
        # rows of the grace window already committed: their data is in the profiles read below
        included = sorted(
            session.scalars(
                select(MatcherChange.id).where(MatcherChange.id <= change_id, MatcherChange.created_at > since)
            )
        )
        profiles = list(load_profiles(session).values())
        self._order_index = None
        try:
            matcher = Matcher(MATCHER_CONFIG).fit(profiles)
        except ValueError:  # no organization has any text yet
            self.matcher, self.pointer, self.applied = None, None, set()
            self._empty_mark = _log_mark(session)
            self._remove_pointer()
            return None
        pointer = Pointer(
            artifact=f"matcher-{fitted_at:%Y%m%dT%H%M%S}-{matcher.version_.split('-')[0]}.npz",
            version=matcher.version_,
            change_id=change_id,
            since=since,
            fitted_at=fitted_at,
            included=included,
            organizations=len(profiles),
            documents=count_documents(profiles),
        )
        self.matcher, self.pointer, self.applied = matcher, pointer, set(included)
        self._empty_mark = None
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            matcher.save(self.directory / pointer.artifact)
            self._write_pointer(pointer)
            self._stamp = self._pointer_stamp()
            self._prune_artifacts(pointer.artifact)
        except OSError:
            # Serve from memory; other workers fit their own until the directory is writable again.
            log.exception("Could not save the matcher snapshot under %s", self.directory)
        return pointer

    def _follow(self, session: Session, stamp: tuple[int, int, int]) -> None:
        try:
            pointer = Pointer.from_json((self.directory / POINTER).read_text("utf-8"))
            if self.pointer is None or pointer.artifact != self.pointer.artifact:
                matcher = Matcher.load(self.directory / pointer.artifact)
                self.matcher, self.applied, self._order_index = matcher, set(pointer.included), None
            self.pointer, self._stamp = pointer, stamp
        except (OSError, ValueError, KeyError, TypeError, ArtifactError):
            log.warning("Unreadable matcher snapshot under %s; fitting a new one.", self.directory, exc_info=True)
            self._refit(session)

    def _pointer_stamp(self) -> tuple[int, int, int] | None:
        try:
            st = (self.directory / POINTER).stat()
        except OSError:
            return None
        return (st.st_mtime_ns, st.st_size, st.st_ino)

    def _write_pointer(self, pointer: Pointer) -> None:
        tmp = self.directory / f".{POINTER}.{os.getpid()}.{threading.get_ident()}.tmp"
        with tmp.open("w", encoding="utf-8") as handle:
            handle.write(pointer.to_json())
            handle.flush()
            os.fsync(handle.fileno())
        tmp.replace(self.directory / POINTER)  # atomic: readers see the old or the new pointer

    def _remove_pointer(self) -> None:
        with suppress(OSError):
            (self.directory / POINTER).unlink()
        self._stamp = None

    def _prune_artifacts(self, current: str) -> None:
        artifacts = sorted(
            (p for p in self.directory.glob("matcher-*.npz") if p.name != current),
            key=lambda p: p.stat().st_mtime,
            reverse=True,
        )
        for old in artifacts[KEEP_ARTIFACTS:]:
            with suppress(OSError):
                old.unlink()

    # -- the change log -------------------------------------------------------------------------------
    def pending_count(self, session: Session) -> int:
        if self.pointer is None:
            return 0
        in_window = session.scalar(select(func.count(MatcherChange.id)).where(_window(self.pointer))) or 0
        return in_window - len(self.applied)

    def _apply_changes(self, session: Session, matcher: Matcher, pointer: Pointer) -> None:
        """Bring ``matcher`` (this process's, fitted at ``pointer``) up to date with the change log."""
        # One statement per request: the log's newest id and how many of its rows fall in the window.
        newest, in_window = session.execute(
            select(func.max(MatcherChange.id), func.count(MatcherChange.id).filter(_window(pointer)))
        ).one()
        newest = newest or 0
        if newest < pointer.change_id:
            # the log is behind the snapshot: the snapshot belongs to another database (or a wiped log)
            log.warning(
                "The matcher snapshot includes change %s but the log ends at %s; refitting.",
                pointer.change_id,
                newest,
            )
            self._refit(session)
            return
        if (in_window or 0) - len(self.applied) == 0:  # nothing pending (``pending_count``)
            return
        rows = session.execute(select(MatcherChange.id, MatcherChange.organization_id).where(_window(pointer))).all()
        new = [(change_id, org_id) for change_id, org_id in rows if change_id not in self.applied]
        organizations = sorted({org_id for _, org_id in new})
        profiles = load_profiles(session, organizations)
        for org_id in organizations:
            if org_id in profiles:
                matcher.add_or_update(profiles[org_id])
            elif org_id in matcher:
                matcher.remove(org_id)
        self.applied = {change_id for change_id, _ in rows}

    # -- status and caches ----------------------------------------------------------------------------
    def status(self) -> EngineStatus:
        with self.lock, _session() as session:
            pending_before = self.pending_count(session) if self.matcher is not None else 0
            self.refresh(session)
            since_snapshot = 0
            if self.pointer is not None:
                since_snapshot = (
                    session.scalar(
                        select(func.count(MatcherChange.id)).where(MatcherChange.id > self.pointer.change_id)
                    )
                    or 0
                )
            return EngineStatus(
                directory=str(self.directory),
                fitted=self.matcher is not None,
                version=self.matcher.version_ if self.matcher is not None else None,
                pointer=self.pointer,
                organizations=self.matcher.n_organizations_ if self.matcher is not None else 0,
                changes_since_snapshot=since_snapshot,
                pending_before=max(pending_before, 0),
                applied=len(self.applied),
            )

    def cached_order_index(self, key: Any, build: Callable[[Matcher], OrderIndex]) -> OrderIndex:
        """The ``OrderIndex`` for ``key`` (the state of the open orders), built by ``build(matcher)`` on a miss.

        Call inside ``use()``. The index uses the snapshot's vocabulary, so it
        is rebuilt when the snapshot changes too (``key`` is combined with it).
        """
        full_key = (self.pointer.artifact if self.pointer else None, key)
        if self._order_index is None or self._order_index[0] != full_key:
            if self.matcher is None:
                raise RuntimeError("cached_order_index() is called inside use(), with a fitted matcher")
            self._order_index = (full_key, build(self.matcher))
        return self._order_index[1]


@contextmanager
def _session() -> Iterator[Session]:
    """A short session of its own: the engine reads committed data only."""
    session = Session(db.engine)
    try:
        yield session
        session.rollback()  # reads only (a refit's pruning commits itself)
    finally:
        session.close()


def _window(pointer: Pointer) -> ColumnElement[bool]:
    """The log rows of the snapshot's window: newer than it, or in its grace period."""
    return or_(MatcherChange.id > pointer.change_id, MatcherChange.created_at > pointer.since)


def _log_mark(session: Session) -> tuple[int | None, int]:
    """The log's newest id and number of rows."""
    newest, count = session.execute(select(func.max(MatcherChange.id), func.count(MatcherChange.id))).one()
    return newest, count
