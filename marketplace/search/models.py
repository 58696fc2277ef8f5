"""What the search feature stores: the outbox of index changes.

``SearchOutbox`` rows are written by the session hooks in ``sync.py`` in the
same transaction as the records they name, so a committed change always
leaves a row behind, whatever happens to the process afterwards. A row
carries no document: whoever applies it (``outbox.apply_pending``) builds the
document from the committed database state, so applying a row twice, or
late, or out of order, gives the same index.

``doc_type`` is one of the document types (``documents.TYPES``) — rebuild the
document of record ``record_id``, or remove it when the record is gone or no
longer indexed — or ``ORGANIZATION_TREE``: organization ``record_id`` was
deleted, so remove every document whose ``organization_id`` field is that id
(its products, equipment, orders, offers and events went with it by
``ON DELETE CASCADE``, unseen by the ORM). ``record_id`` is a plain integer
(no foreign key): rows must outlive the records they name.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from ..db import Model, utcnow

#: The ``doc_type`` of a row meaning "every document of the deleted organization ``record_id``".
ORGANIZATION_TREE = "organization-tree"


class SearchOutbox(Model):
    """One index change committed with its record and not yet applied to the index."""

    __tablename__ = "search_outbox"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    doc_type: Mapped[str] = mapped_column(String(20))
    record_id: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    def __repr__(self) -> str:
        return f"<SearchOutbox {self.id} {self.doc_type}:{self.record_id}>"
