"""Read-side queries of the organizations feature: the directory and profile lists."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import selectinload

from ..db import db
from ..sql import text_in_any
from .competency_tree import subtree_ids
from .models import Competency, MembershipStatus, Organization, OrganizationCompetency, OrgKind
from .rules import visible_organizations

CARD_COMPETENCIES = 3


def directory(filters: dict[str, Any], user: Any) -> Select[Organization]:
    """Organizations ``user`` may see matching the directory's filters, by Russian name.

    ``filters``: ``q`` (text in either name), ``region``, ``kind``, ``competency``
    (an id; its whole subtree matches), ``membership`` ("member" — default —,
    "all", or "other" for organizations that are not members). The caller
    decides which membership values the visitor may ask for.
    """
    statement = select(Organization).where(visible_organizations(user))
    membership = filters.get("membership") or "member"
    if membership == "member":
        statement = statement.where(Organization.membership_status == MembershipStatus.MEMBER)
    elif membership == "other":
        statement = statement.where(Organization.membership_status != MembershipStatus.MEMBER)
    if filters.get("q"):
        statement = statement.where(text_in_any(filters["q"], Organization.name_ru, Organization.name_en))
    if filters.get("region"):
        statement = statement.where(Organization.region == filters["region"])
    if filters.get("kind"):
        statement = statement.where(Organization.kind == OrgKind(filters["kind"]))
    if filters.get("competency"):
        statement = statement.where(
            Organization.id.in_(
                select(OrganizationCompetency.organization_id).where(
                    OrganizationCompetency.competency_id.in_(subtree_ids(filters["competency"]))
                )
            )
        )
    return statement.order_by(Organization.name_ru, Organization.id)


def top_competencies(organizations: list[Organization]) -> dict[int, list[OrganizationCompetency]]:
    """The strongest few competencies of each organization (for the directory's cards), in one query."""
    top: dict[int, list[OrganizationCompetency]] = {org.id: [] for org in organizations}
    if not top:
        return top
    links = db.session.scalars(
        select(OrganizationCompetency)
        .where(OrganizationCompetency.organization_id.in_(top))
        .options(selectinload(OrganizationCompetency.competency))
        .order_by(OrganizationCompetency.level.desc(), OrganizationCompetency.competency_id)
    ).all()
    for link in links:
        if len(top[link.organization_id]) < CARD_COMPETENCIES:
            top[link.organization_id].append(link)
    return top


def competencies_of(organization: Organization) -> list[OrganizationCompetency]:
    """The organization's competencies, strongest first, with their directory entries."""
    return list(
        db.session.scalars(
            select(OrganizationCompetency)
            .join(Competency)
            .where(OrganizationCompetency.organization_id == organization.id)
            .options(selectinload(OrganizationCompetency.competency))
            .order_by(OrganizationCompetency.level.desc(), Competency.code)
        )
    )
