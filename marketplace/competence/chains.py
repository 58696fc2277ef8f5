"""Who works at each stage of the production chains (read side; nothing here writes).

An organization is at a stage when it is a cluster member and

- holds one of the stage's competencies, or one below it in the directory ("competency"), or
- has a product whose OKPD2 code starts with one of the stage's prefixes ("product"),

or when the manager pinned it there ("pinned", members or not). A stage nobody
works at is a weak link of the chain. ``chain_views`` reads a fixed number of
statements however many chains, stages and organizations there are.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import selectinload

from ..catalog.models import Product
from ..db import db
from ..i18n import localized
from ..organizations.models import (
    MembershipStatus,
    Organization,
    OrganizationCompetency,
    OrgKind,
)
from .models import ChainStage, ChainStageMember, ValueChain
from .tree import Tree, load_tree

COMPETENCY, PRODUCT, PINNED = "competency", "product", "pinned"


@dataclass(eq=False)
class OrgRef:
    id: int
    name_ru: str
    name_en: str
    kind: OrgKind
    is_member: bool

    @property
    def name(self) -> str:
        return localized(self, "name")


@dataclass(eq=False)
class StageOrg:
    """An organization at a stage and why it is there."""

    org: OrgRef
    reasons: set[str] = field(default_factory=set)
    competencies: list[str] = field(default_factory=list)  # codes that placed it here
    okpd2: list[str] = field(default_factory=list)  # product codes that placed it here
    note: str = ""  # the manager's note when pinned

    @property
    def pinned(self) -> bool:
        return PINNED in self.reasons


@dataclass(eq=False)
class StageView:
    stage: ChainStage
    orgs: list[StageOrg]

    @property
    def weak(self) -> bool:
        """Nobody works at this stage: the chain breaks here."""
        return not self.orgs


@dataclass(eq=False)
class ChainView:
    chain: ValueChain
    stages: list[StageView]

    @property
    def weak_stages(self) -> list[StageView]:
        return [stage for stage in self.stages if stage.weak]

    @property
    def organizations(self) -> int:
        return len({entry.org.id for stage in self.stages for entry in stage.orgs})


def chains_statement() -> Select[Any]:
    return (
        select(ValueChain)
        .options(
            selectinload(ValueChain.stages).selectinload(ChainStage.members).selectinload(ChainStageMember.organization)
        )
        .order_by(ValueChain.position, ValueChain.id)
    )


def load_chains() -> list[ValueChain]:
    return list(db.session.scalars(chains_statement()))


def load_chain(chain_id: int) -> ValueChain | None:
    return db.session.scalar(chains_statement().where(ValueChain.id == chain_id))


def prefix_matches(code: str, prefixes: Iterable[str]) -> list[str]:
    """The prefixes ``code`` falls under (OKPD2 is hierarchical by string prefix: 20 > 20.1 > 20.16)."""
    return [prefix for prefix in prefixes if code == prefix or code.startswith(prefix)]


def chain_views(chains: list[ValueChain], tree: Tree | None = None) -> list[ChainView]:
    """The organizations at every stage of ``chains`` (loaded with their stages and pins)."""
    tree = tree or load_tree()
    stages = [stage for chain in chains for stage in chain.stages]
    pinned_ids = {member.organization_id for stage in stages for member in stage.members}
    orgs = _organizations(pinned_ids)
    links = _member_links() if any(stage.competency_codes for stage in stages) else []
    products = _member_products() if any(stage.okpd2_prefixes for stage in stages) else []

    return [
        ChainView(chain, [StageView(stage, _stage_orgs(stage, tree, orgs, links, products)) for stage in chain.stages])
        for chain in chains
    ]


def _stage_orgs(
    stage: ChainStage,
    tree: Tree,
    orgs: dict[int, OrgRef],
    links: list[tuple[int, int]],
    products: list[tuple[int, str]],
) -> list[StageOrg]:
    """The organizations at one stage, pinned ones first, then by name."""
    found: dict[int, StageOrg] = {}
    _add_competency_holders(found, orgs, stage, tree, links)
    _add_product_makers(found, orgs, stage, products)
    _add_pinned(found, orgs, stage)
    return sorted(found.values(), key=lambda s: (not s.pinned, s.org.name.casefold(), s.org.id))


def _add_competency_holders(
    found: dict[int, StageOrg], orgs: dict[int, OrgRef], stage: ChainStage, tree: Tree, links: list[tuple[int, int]]
) -> None:
    """Members holding one of the stage's competencies, or one below it in the directory."""
    wanted = tree.ids_for_codes(stage.competency_codes)
    for org_id, competency_id in links:
        if competency_id in wanted:
            item = _entry(found, orgs, org_id)
            item.reasons.add(COMPETENCY)
            code = tree.by_id[competency_id].code
            if code not in item.competencies:
                item.competencies.append(code)


def _add_product_makers(
    found: dict[int, StageOrg], orgs: dict[int, OrgRef], stage: ChainStage, products: list[tuple[int, str]]
) -> None:
    """Members with a product under one of the stage's OKPD2 prefixes."""
    for org_id, okpd2 in products:
        if prefix_matches(okpd2, stage.okpd2_prefixes):
            item = _entry(found, orgs, org_id)
            item.reasons.add(PRODUCT)
            if okpd2 not in item.okpd2:
                item.okpd2.append(okpd2)


def _add_pinned(found: dict[int, StageOrg], orgs: dict[int, OrgRef], stage: ChainStage) -> None:
    """The organizations the manager pinned to the stage, with the manager's note."""
    for member in stage.members:
        if member.organization_id in orgs:
            item = _entry(found, orgs, member.organization_id)
            item.reasons.add(PINNED)
            item.note = member.note


def _entry(found: dict[int, StageOrg], orgs: dict[int, OrgRef], org_id: int) -> StageOrg:
    if org_id not in found:
        found[org_id] = StageOrg(orgs[org_id])
    return found[org_id]


def _organizations(pinned_ids: set[int]) -> dict[int, OrgRef]:
    """Every member organization, and the pinned ones whatever their membership."""
    statement = select(
        Organization.id, Organization.name_ru, Organization.name_en, Organization.kind, Organization.membership_status
    )
    if pinned_ids:
        statement = statement.where(
            (Organization.membership_status == MembershipStatus.MEMBER) | Organization.id.in_(pinned_ids)
        )
    else:
        statement = statement.where(Organization.membership_status == MembershipStatus.MEMBER)
    return {
        row.id: OrgRef(row.id, row.name_ru, row.name_en, row.kind, row.membership_status == MembershipStatus.MEMBER)
        for row in db.session.execute(statement)
    }


def _member_links() -> list[tuple[int, int]]:
    return [
        (org_id, competency_id)
        for org_id, competency_id in db.session.execute(
            select(OrganizationCompetency.organization_id, OrganizationCompetency.competency_id)
            .join(Organization, Organization.id == OrganizationCompetency.organization_id)
            .where(Organization.membership_status == MembershipStatus.MEMBER)
            .order_by(OrganizationCompetency.organization_id, OrganizationCompetency.competency_id)
        )
    ]


def _member_products() -> list[tuple[int, str]]:
    return [
        (org_id, okpd2)
        for org_id, okpd2 in db.session.execute(
            select(Product.organization_id, Product.okpd2)
            .distinct()
            .join(Organization, Organization.id == Product.organization_id)
            .where(Organization.membership_status == MembershipStatus.MEMBER)
            .order_by(Product.organization_id, Product.okpd2)
        )
    ]
