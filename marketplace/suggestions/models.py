"""What the suggestions feature stores: the matcher's change log.

``MatcherChange`` is written by the session hooks in ``changes.py`` in the
same transaction as the data it points at, so every worker process that
reads the log sees a change exactly when the change is committed.
``organization_id`` is a plain integer (no foreign key): the log must keep
the ids of deleted organizations so that workers remove them too.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Integer
from sqlalchemy.orm import Mapped, mapped_column

from ..db import Model, utcnow


class MatcherChange(Model):
    """One organization whose matcher profile changed in a committed transaction."""

    __tablename__ = "matcher_change"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    organization_id: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow, index=True)

    def __repr__(self) -> str:
        return f"<MatcherChange {self.id} org={self.organization_id}>"
