"""Simultaneous requests for the race tests: threads released together, each with a session of its own.

Use it through the ``rendezvous`` fixture (tests/conftest.py)::

    def approve(booking_id):
        booking = db.session.get(Booking, booking_id)
        rendezvous.wait()  # every thread has loaded its objects: go
        services.approve_booking(booking, decided_by=owner)

    outcomes = rendezvous.in_sessions(app, approve, [(first,), (second,)])
    assert sorted(outcomes) == [COMMITTED, CONFLICT]

To make a race certain rather than likely, ``rendezvous.after(services, "approved_overlap")`` makes each
call of that function wait (briefly) for the other thread's call: without a lock both threads read
before either writes. With the lock the second thread is held, the first one's wait times out, it
writes and commits, and only then does the second one read.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterable
from functools import wraps

from marketplace.db import db
from marketplace.errors import Conflict

COMMITTED, CONFLICT = "committed", "conflict"

#: How long a thread waits for the others to reach ``wait()``, and for a thread to finish.
START_TIMEOUT_SECONDS = 10
JOIN_TIMEOUT_SECONDS = 60


class Rendezvous:
    def __init__(self, monkeypatch):
        self._monkeypatch = monkeypatch
        self._start: threading.Barrier | None = None

    def wait(self) -> None:
        """Inside a target of ``run``: hold until every thread of the run has come here."""
        if self._start is None:
            raise RuntimeError("rendezvous.wait() is for the targets of rendezvous.run()")
        self._start.wait()

    def run(self, target: Callable, args_list: Iterable[tuple]) -> list:
        """``target(*args)`` in a thread of its own for each ``args``; their results, in order.

        A thread still running after a minute fails the test; an exception in a thread is raised here."""
        args_list = list(args_list)
        self._start = threading.Barrier(len(args_list), timeout=START_TIMEOUT_SECONDS)
        results: list = [None] * len(args_list)
        errors: list[BaseException] = []

        def call(index: int, args: tuple) -> None:
            try:
                results[index] = target(*args)
            except BaseException as error:  # noqa: BLE001 - raised again in the test's thread, below
                errors.append(error)
                self._start.abort()  # do not keep the others waiting for this one

        threads = [threading.Thread(target=call, args=(i, args)) for i, args in enumerate(args_list)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=JOIN_TIMEOUT_SECONDS)
            assert not thread.is_alive(), "a thread is stuck"
        if errors:
            raise errors[0]
        return results

    def in_sessions(self, app, target: Callable, args_list: Iterable[tuple]) -> list[str]:
        """``run``, each call in an application context (so a session and a connection) of its own,
        committed like a request. Each outcome: COMMITTED, CONFLICT (Conflict raised, rolled back) or
        the repr of any other error (rolled back), for the test's assertion to show."""

        def in_own_session(*args) -> str:
            with app.app_context():
                try:
                    target(*args)
                    db.session.commit()
                except Conflict:
                    db.session.rollback()
                    return CONFLICT
                except Exception as error:  # noqa: BLE001 - reported by the test's assertion, not swallowed
                    db.session.rollback()
                    self._start.abort()  # if it failed before the rendezvous, do not keep the others waiting
                    return repr(error)
                finally:
                    db.session.remove()
                return COMMITTED

        return self.run(in_own_session, args_list)

    def after(self, owner, name: str, seconds: float = 1.5, parties: int = 2) -> None:
        """Make each call of ``owner.name`` wait, after it returns, up to ``seconds`` for the other
        threads' calls. A thread held by a lock never comes: the wait times out, as it should."""
        meet = threading.Barrier(parties, timeout=seconds)
        original = getattr(owner, name)

        @wraps(original)
        def call_then_wait(*args, **kwargs):
            found = original(*args, **kwargs)
            with contextlib.suppress(threading.BrokenBarrierError):  # another thread is held by the lock: good
                meet.wait()
            return found

        self._monkeypatch.setattr(owner, name, call_then_wait)
