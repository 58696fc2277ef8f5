"""Matching services: suppliers for an order, a consortium for a project, orders for a supplier.

Every function asks the process's ``MatcherEngine`` (``engine.py``) for the
up-to-date matcher, queries it under its lock, then loads the organizations
and orders it names from the database and checks the access rules on them.
Results are plain dataclasses ready for a template (``SupplierSuggestions``,
``ConsortiumProposalView``, ``OrderFitView``).

Invitations, duplicates and merges have their own modules
(``invitations.py``, ``duplicates.py``, ``merge.py``).
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from matching import ConsortiumQuery, Matcher, MatchQuery, Need, OrderDocument, OrderIndex

from ..db import db
from ..orders.invitations import can_invite, invitations_of_order
from ..orders.models import Order, OrderInvitation, OrderStatus, Response, ResponseStatus, order_competency
from ..orders.rules import visible_orders
from ..organizations.models import Competency, Organization, OrgKind
from .engine import EngineStatus, Pointer, get_engine
from .presenters import ReasonsView, present_reasons
from .profiles import load_profiles

#: Suppliers shown on the order page.
SUPPLIERS_SHOWN = 10
#: Orders the supplier dashboard ranks at most (then paginates).
DASHBOARD_LIMIT = 200


def _relevance(score: float, best: float) -> int:
    """0–100: how close a score comes to the best one (scores are in log units)."""
    return max(1, round(100 * math.exp(min(score - best, 0.0))))


def _organizations(org_ids: Iterable[Hashable]) -> dict[Hashable, Organization]:
    """The organizations of the matcher's ids, keyed by them."""
    ids = list(org_ids)
    if not ids:
        return {}
    return {o.id: o for o in db.session.scalars(select(Organization).where(Organization.id.in_(ids)))}


# -- suppliers for an order -----------------------------------------------------------------------------


@dataclass
class SupplierView:
    organization: Organization
    rank: int
    score: float
    relevance: int
    reasons: ReasonsView
    same_region: bool
    invitation: OrderInvitation | None = None
    responded: bool = False


@dataclass
class SupplierSuggestions:
    """The order page's panel: ranked suppliers with reasons, and whether the viewer may invite them."""

    order_id: int
    suppliers: list[SupplierView] = field(default_factory=list)
    can_invite: bool = False
    version: str | None = None
    available: bool = True  # False while the matcher has nothing to match against


def order_query(order: Order) -> MatchQuery:
    """What the order asks for. No region filter: the cluster spans regions and a supplier next door
    is not always the best one; the panel marks suppliers from the order's region instead."""
    return MatchQuery(
        text=f"{order.title}\n{order.description or ''}",
        okpd2_codes=tuple(order.okpd2_codes or ()),
        competency_codes=tuple(c.code for c in order.competencies),
        members_only=True,
        exclude_ids=(order.organization_id,),
    )


def suggest_suppliers(
    order: Order, *, user: Any, lang: str | None = None, top_k: int = SUPPLIERS_SHOWN
) -> SupplierSuggestions:
    """Member organizations that should do ``order``, best first, never the customer, with reasons."""
    result = SupplierSuggestions(order_id=order.id, can_invite=can_invite(order, user))
    with get_engine().use() as matcher:
        if matcher is None:
            result.available = False
            return result
        matches = matcher.match_suppliers(order_query(order), top_k=top_k)
        result.version = matcher.version_
    organizations = _organizations(m.org_id for m in matches)
    matches = [m for m in matches if m.org_id in organizations and organizations[m.org_id].is_member]
    invitations = {i.organization_id: i for i in invitations_of_order(order.id)}
    responded = set(
        db.session.scalars(
            select(Response.organization_id).where(
                Response.order_id == order.id, Response.status != ResponseStatus.WITHDRAWN
            )
        )
    )
    reasons = present_reasons([m.reasons for m in matches], user=user, lang=lang)
    best = matches[0].score if matches else 0.0
    for rank, (match, why) in enumerate(zip(matches, reasons, strict=True), start=1):
        organization = organizations[match.org_id]
        result.suppliers.append(
            SupplierView(
                organization=organization,
                rank=rank,
                score=match.score,
                relevance=_relevance(match.score, best),
                reasons=why,
                same_region=bool(order.region) and organization.region == order.region,
                invitation=invitations.get(organization.id),
                responded=organization.id in responded,
            )
        )
    return result


# -- a consortium for a project -------------------------------------------------------------------------


@dataclass(frozen=True)
class NeedSpec:
    """One need of a project, as plain data: what it asks for and, optionally, the kind of organization."""

    label: str
    text: str = ""
    competency_codes: Sequence[str] = ()
    okpd2_codes: Sequence[str] = ()
    kind: str | None = None  # an OrgKind value ("university"...), None = any
    key: Hashable | None = None  # the caller's id of the need (labels may repeat), given back in ``need_keys``


@dataclass
class ConsortiumMemberView:
    organization: Organization
    kind: OrgKind
    covers: list[str]  # need labels
    coverage: dict[str, int]  # need label -> strength 0..100
    reasons: ReasonsView
    need_keys: list[Any] = field(default_factory=list)  # ``NeedSpec.key`` of the needs it covers (the caller's ids)


@dataclass
class NeedCoverageView:
    label: str
    covered: bool
    organizations: list[Organization]  # proposed members covering it, best first
    best_strength: int  # 0..100, the best any known organization reached
    required_kind: OrgKind | None
    gap: bool  # no known organization (of the required kind) covers it


@dataclass
class ConsortiumProposalView:
    members: list[ConsortiumMemberView] = field(default_factory=list)
    needs: list[NeedCoverageView] = field(default_factory=list)
    gaps: list[str] = field(default_factory=list)
    uncovered: list[str] = field(default_factory=list)
    unmet_kinds: dict[OrgKind, int] = field(default_factory=dict)
    version: str | None = None
    available: bool = True


def _kind_value(kind: str | None) -> str | None:
    if not kind:
        return None
    value = getattr(kind, "value", kind)
    if value not in {k.value for k in OrgKind}:
        raise ValueError(f"unknown organization kind {kind!r}")
    return value


def propose_consortium(
    needs: Sequence[NeedSpec],
    *,
    text: str = "",
    kind_mix: Mapping[str, int] | None = None,
    exclude_ids: Iterable[int] = (),
    max_size: int = 5,
    user: Any = None,
    members_only: bool = True,
    lang: str | None = None,
) -> ConsortiumProposalView:
    """A consortium covering ``needs``: members loaded from the database, coverage, gaps and reasons.

    ``kind_mix`` asks for a minimum number of members per kind (``{"university": 1}``).
    A need with ``kind`` counts as covered only by a member of that kind (and
    the mix asks for at least one of it). ``exclude_ids`` leaves organizations
    out (e.g. those already in the consortium). Raises ``ValueError`` for no
    needs, ``max_size < 1`` or an unknown kind.
    """
    if not needs:
        raise ValueError("a consortium needs at least one need")
    kinds = [_kind_value(n.kind) for n in needs]
    # a blank kind stays "" (the library counts it as "other")
    mix = {_kind_value(k) or "": int(n) for k, n in (kind_mix or {}).items() if int(n) > 0}
    for kind in kinds:
        if kind:
            mix[kind] = max(mix.get(kind, 0), 1)
    keys = [f"need-{i}" for i in range(len(needs))]  # labels may repeat; the library needs unique ones
    query = ConsortiumQuery(
        needs=[
            Need(
                label=key,
                text=n.text or n.label,
                competency_codes=tuple(n.competency_codes),
                okpd2_codes=tuple(n.okpd2_codes),
            )
            for key, n in zip(keys, needs, strict=True)
        ],
        text=text,
        kind_mix=mix,
        max_size=max_size,
        members_only=members_only,
        exclude_ids=list(exclude_ids),
    )
    with get_engine().use() as matcher:
        if matcher is None:
            return ConsortiumProposalView(
                needs=[
                    NeedCoverageView(n.label, False, [], 0, OrgKind(k) if k else None, True)
                    for n, k in zip(needs, kinds, strict=True)
                ],
                gaps=[n.label for n in needs],
                uncovered=[n.label for n in needs],
                available=False,
            )
        proposal = matcher.assemble_consortium(query)  # a need of unknown words and no codes is a gap
        version = matcher.version_
    organizations = _organizations(m.org_id for m in proposal.members)
    kind_of = {org_id: org.kind.value for org_id, org in organizations.items()}
    label = dict(zip(keys, (n.label for n in needs), strict=True))
    key_of = dict(zip(keys, (n.key for n in needs), strict=True))
    required = dict(zip(keys, kinds, strict=True))

    def fits(org_id: Hashable, key: str) -> bool:
        return org_id in organizations and (required[key] is None or kind_of.get(org_id) == required[key])

    members = [m for m in proposal.members if m.org_id in organizations]
    reasons = present_reasons([m.reasons for m in members], user=user, lang=lang)
    view = ConsortiumProposalView(version=version, unmet_kinds={OrgKind(k): n for k, n in proposal.unmet_kinds.items()})
    for member, why in zip(members, reasons, strict=True):
        covers = [key for key in member.covers if fits(member.org_id, key)]
        view.members.append(
            ConsortiumMemberView(
                organization=organizations[member.org_id],
                kind=OrgKind(kind_of[member.org_id]),
                covers=[label[k] for k in covers],
                coverage={label[k]: round(100 * member.coverage.get(k, 0.0)) for k in covers},
                reasons=why,
                need_keys=[need_key for k in covers if (need_key := key_of[k]) is not None],
            )
        )
    gaps = set(proposal.gaps)
    for need in proposal.needs:
        covering = [organizations[o] for o in need.org_ids if fits(o, need.label)]
        required_kind = required[need.label]
        view.needs.append(
            NeedCoverageView(
                label=label[need.label],
                covered=bool(covering),
                organizations=covering,
                best_strength=round(100 * need.best_strength),
                required_kind=OrgKind(required_kind) if required_kind else None,
                gap=need.label in gaps,
            )
        )
        if need.label in gaps:
            view.gaps.append(label[need.label])
        if not covering:
            view.uncovered.append(label[need.label])
    return view


# -- orders for a supplier ------------------------------------------------------------------------------


@dataclass
class OrderFitView:
    order: Order
    score: float
    relevance: int
    reasons: ReasonsView
    invitation: OrderInvitation | None = None


def _open_orders_key() -> tuple[str, int]:
    """A digest of the open orders' state (ids, edits, required competencies) and their number."""
    rows = db.session.execute(
        select(Order.id, Order.updated_at).where(Order.status == OrderStatus.OPEN).order_by(Order.id)
    ).all()
    links = db.session.execute(
        select(order_competency.c.order_id, order_competency.c.competency_id)
        .join(Order, Order.id == order_competency.c.order_id)
        .where(Order.status == OrderStatus.OPEN)
        .order_by(order_competency.c.order_id, order_competency.c.competency_id)
    ).all()
    digest = hashlib.sha256(repr((rows, links)).encode()).hexdigest()
    return digest, len(rows)


def open_order_documents() -> list[OrderDocument]:
    """Every open order (all visibilities: access is checked on the results) as an ``OrderDocument``."""
    orders = db.session.execute(
        select(Order.id, Order.title, Order.description, Order.okpd2_codes, Order.region, Order.organization_id)
        .where(Order.status == OrderStatus.OPEN)
        .order_by(Order.id)
    ).all()
    codes: dict[int, list[str]] = {}
    for order_id, code in db.session.execute(
        select(order_competency.c.order_id, Competency.code)
        .join(Competency, Competency.id == order_competency.c.competency_id)
        .join(Order, Order.id == order_competency.c.order_id)
        .where(Order.status == OrderStatus.OPEN)
        .order_by(order_competency.c.order_id, Competency.code)
    ):
        codes.setdefault(order_id, []).append(code)
    return [
        OrderDocument(
            id=oid,
            text=description or "",
            title=title,
            okpd2_codes=tuple(okpd2 or ()),
            competency_codes=tuple(codes.get(oid, ())),
            region=region or "",
            customer_id=customer,
        )
        for oid, title, description, okpd2, region, customer in orders
    ]


def orders_for_supplier(
    organization: Organization, *, user: Any, lang: str | None = None, limit: int = DASHBOARD_LIMIT
) -> list[OrderFitView]:
    """Open orders ``user`` may see that fit ``organization``, best first.

    Left out: the organization's own orders and orders it has responded to
    (a withdrawn response does not count). The ``OrderIndex`` over the open
    orders is cached in the process until they change.
    """
    key, count = _open_orders_key()
    if count == 0:
        return []
    documents: list[OrderDocument] | None = None

    def build(matcher: Matcher) -> OrderIndex:
        nonlocal documents
        documents = open_order_documents()
        return OrderIndex(matcher).fit(documents)

    with get_engine().use() as matcher:
        if matcher is None:
            return []
        index = get_engine().cached_order_index(key, build)
        supplier = (
            organization.id
            if organization.id in matcher
            else load_profiles(db.session(), [organization.id]).get(organization.id)
        )
        if supplier is None:
            return []
        fits = index.match(supplier, top_k=count)
    responded = set(
        db.session.scalars(
            select(Response.order_id).where(
                Response.organization_id == organization.id, Response.status != ResponseStatus.WITHDRAWN
            )
        )
    )
    candidates = [f for f in fits if f.order_id not in responded]
    orders: dict[Hashable, Order] = (
        {
            o.id: o
            for o in db.session.scalars(
                select(Order).where(
                    Order.id.in_([f.order_id for f in candidates]),
                    Order.status == OrderStatus.OPEN,
                    Order.organization_id != organization.id,
                    visible_orders(user),
                )
            )
        }
        if candidates
        else {}
    )
    visible = [f for f in candidates if f.order_id in orders][:limit]
    invitations: dict[Hashable, OrderInvitation] = (
        {
            i.order_id: i
            for i in db.session.scalars(
                select(OrderInvitation).where(
                    OrderInvitation.organization_id == organization.id,
                    OrderInvitation.order_id.in_([f.order_id for f in visible]),
                )
            )
        }
        if visible
        else {}
    )
    reasons = present_reasons([f.reasons for f in visible], user=user, lang=lang)
    best = visible[0].score if visible else 0.0
    return [
        OrderFitView(
            order=orders[f.order_id],
            score=f.score,
            relevance=_relevance(f.score, best),
            reasons=why,
            invitation=invitations.get(f.order_id),
        )
        for f, why in zip(visible, reasons, strict=True)
    ]


# -- the snapshot -----------------------------------------------------------------------------------------


def refit_matcher() -> Pointer | None:
    """Fit on all profiles now, save a new snapshot and switch this process to it (None: nothing to fit)."""
    return get_engine().refit()


def matcher_status() -> EngineStatus:
    return get_engine().status()
