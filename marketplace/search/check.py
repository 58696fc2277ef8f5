"""``flask search check``: the index compared with the database, and repaired through the outbox.

Every indexable record's document is built (as a full rebuild would) and its
``Document.digest`` compared with the digest the index stores under the same
key. Per type, a document is

- *missing*: the database has it, the index does not;
- *stale*: both have it, with different content;
- *extra*: the index has it, the database does not (the record is gone or no
  longer indexed: a draft, a cancelled order, an archived offer).

A repair enqueues one outbox row per such document and applies the outbox,
so it goes the way every change goes: each document rebuilt from the database
as it is then, under the applier lock. Keys the outbox cannot name (an id
that is not a number, a type no longer indexed) are removed from the index
directly. Records changed while the check runs may be reported; repairing
them is harmless.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from search_index import Key

from ..db import db
from .documents import MODELS, TYPES, all_documents
from .engine import get_index
from .outbox import Applied, apply_all, enqueue


@dataclass
class Drift:
    """Keys of the documents out of step, per kind; each list sorted."""

    missing: list[Key] = field(default_factory=list)
    stale: list[Key] = field(default_factory=list)
    extra: list[Key] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.missing or self.stale or self.extra)

    def by_type(self) -> dict[str, dict[str, list[str]]]:
        """``{type: {"missing"|"stale"|"extra": [ids]}}`` for the types with something out of step,
        the indexed types in the search page's order, then any other type the index holds."""
        out: defaultdict[str, dict[str, list[str]]] = defaultdict(lambda: {"missing": [], "stale": [], "extra": []})
        for kind, keys in (("missing", self.missing), ("stale", self.stale), ("extra", self.extra)):
            for doc_type, doc_id in keys:
                out[doc_type][kind].append(doc_id)
        order = {doc_type: position for position, doc_type in enumerate(TYPES)}
        return dict(sorted(out.items(), key=lambda item: (order.get(item[0], len(order)), item[0])))


def compare(session: Session) -> Drift:
    """The documents the index has missing, stale or extra compared with what ``session`` reads."""
    expected = {document.key: document.digest for document in all_documents(session)}
    indexed = get_index().digests()
    return Drift(
        missing=sorted(expected.keys() - indexed.keys(), key=_order),
        stale=sorted((key for key in expected.keys() & indexed.keys() if expected[key] != indexed[key]), key=_order),
        extra=sorted(indexed.keys() - expected.keys(), key=_order),
    )


def repair(drift: Drift) -> Applied:
    """Bring the documents of ``drift`` in step with the database (see the module doc); raises as
    ``outbox.apply_pending`` when the index cannot be written (the outbox keeps the rows then)."""
    keys = [*drift.missing, *drift.stale, *drift.extra]
    queued = [(doc_type, int(doc_id)) for doc_type, doc_id in keys if doc_type in MODELS and doc_id.isdigit()]
    unnamed = [(doc_type, doc_id) for doc_type, doc_id in keys if not (doc_type in MODELS and doc_id.isdigit())]
    if unnamed:
        get_index().remove(unnamed)
    with Session(db.engine) as session:
        enqueue(session, queued)
        session.commit()
    return apply_all()


def _order(key: Key) -> tuple[str, int, str]:
    doc_type, doc_id = key
    return (doc_type, int(doc_id) if doc_id.isdigit() else -1, doc_id)
