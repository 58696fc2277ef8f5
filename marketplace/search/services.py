"""Search services used by other features (stub: the real ranking is being built)."""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..organizations.models import Organization


def find_organizations(text: str, *, limit: int = 10, exclude_ids: Iterable[int] = (),
                       user: Any = None) -> list[tuple[Organization, float]]:
    """Organizations ranked by full-text relevance of their indexed documents to ``text``; best first.

    Returns ``(organization, score)`` pairs, at most ``limit``, never one whose id is in
    ``exclude_ids``. ``user`` restricts aggregated hits to what that user may see.
    """
    return []
