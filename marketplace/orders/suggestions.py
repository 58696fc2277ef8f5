"""Suggested suppliers of an order: the matcher's ranked suppliers with reasons (``matches`` feature).

Kept as the orders feature's entry point so that the order page does not
need to know how suppliers are found; the panel is
``orders/_suggested_suppliers.html``.
"""

from __future__ import annotations

from typing import Any

from .models import Order

LIMIT = 10


def suggested_suppliers(order: Order, user: Any):
    """``matches.services.SupplierSuggestions``: up to ``LIMIT`` suppliers, best first, never the customer."""
    from ..matches.services import suggest_suppliers

    return suggest_suppliers(order, user=user, top_k=LIMIT)


def received_invitation(order: Order, user: Any):
    """The invitation to respond that the user's organization received for ``order``, if any."""
    from ..matches.invitations import received_invitation as find

    return find(order, user)
