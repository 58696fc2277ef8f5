"""Suggested suppliers of an order.

For now: organizations found by full-text search over the order's text. The
matcher will later rank suppliers with reasons; it replaces ``suggested_suppliers``
and keeps the template ``orders/_suggested_suppliers.html``.
"""
from __future__ import annotations

from typing import Any

from ..i18n import localized
from ..organizations.models import Organization
from .models import Order

LIMIT = 10


def order_search_text(order: Order) -> str:
    """What the order asks for, as one text: title, description, competencies and OKPD2 codes."""
    parts = [order.title, order.description]
    parts += [localized(competency, "name") for competency in order.competencies]
    parts += list(order.okpd2_codes or [])
    return "\n".join(part for part in parts if part)


def suggested_suppliers(order: Order, user: Any) -> list[tuple[Organization, float]]:
    """Up to ``LIMIT`` ``(organization, score)`` pairs, best first, never the customer itself."""
    from ..search.services import find_organizations

    return find_organizations(order_search_text(order), limit=LIMIT, exclude_ids=[order.organization_id],
                              user=user)
