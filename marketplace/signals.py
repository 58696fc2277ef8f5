"""What features announce to each other, so that a feature does not import the ones built on it.

A sender calls ``signal.send(...)`` inside its service, before it flushes its
last change; receivers run at once, in the same transaction.
"""

from __future__ import annotations

from blinker import Namespace

_signals = Namespace()

#: ``organizations.merge`` moved every record of ``drop_id`` to ``keep_id`` with bulk statements
#: (which no ORM event sees); keyword arguments ``keep_id`` and ``drop_id``.
organizations_merged = _signals.signal("organizations-merged")
