"""What the cluster asks for: open orders, running projects and open requests of the idea exchange
that name a competency.

Counts are per competency *as named* by the order, the project need or the
request (an order asking for a whole area counts on the area's row). Only
records the viewer may see are counted: ``orders.rules.visible_orders``,
``projects.rules.visible_projects`` and the idea exchange's list.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.sql.base import ExecutableOption

from ..db import db
from ..ideas.models import Idea, IdeaKind, IdeaStatus, idea_competency
from ..ideas.queries import IdeaFilters, ideas_statement
from ..orders.models import Order, OrderStatus, order_competency
from ..orders.rules import visible_orders
from ..organizations.models import Competency
from ..projects.models import Project, ProjectNeed, ProjectStatus
from ..projects.rules import visible_projects

#: Projects whose needs count as demand: planned and in progress (ideas are drafts, the rest are closed).
DEMAND_PROJECT_STATUSES = (ProjectStatus.PLANNED, ProjectStatus.ACTIVE)
#: How many orders / project needs / requests a competency's page lists.
LIST_LIMIT = 50


def order_demand(user: Any) -> dict[int, int]:
    """Competency id -> number of open orders (visible to ``user``) asking for it."""
    rows = db.session.execute(
        select(order_competency.c.competency_id, func.count(func.distinct(Order.id)))
        .join(Order, Order.id == order_competency.c.order_id)
        .where(Order.status == OrderStatus.OPEN, visible_orders(user))
        .group_by(order_competency.c.competency_id)
    ).all()
    return dict(rows)


def project_demand(user: Any) -> dict[int, int]:
    """Competency id -> number of planned or running projects (visible to ``user``) with a need for it."""
    rows = db.session.execute(
        select(ProjectNeed.competency_id, func.count(func.distinct(Project.id)))
        .join(Project, Project.id == ProjectNeed.project_id)
        .where(
            ProjectNeed.competency_id.is_not(None), Project.status.in_(DEMAND_PROJECT_STATUSES), visible_projects(user)
        )
        .group_by(ProjectNeed.competency_id)
    ).all()
    return {competency_id: count for competency_id, count in rows if competency_id is not None}


def open_requests_statement(user: Any) -> Select[Any]:
    """Open requests ("we need…") of the idea exchange that ``user`` may read (its own visibility rules)."""
    return ideas_statement(IdeaFilters(kind=IdeaKind.REQUEST, status=IdeaStatus.OPEN), user)


def idea_demand(user: Any) -> dict[int, int]:
    """Competency id -> open requests of the idea exchange (visible to ``user``) naming it."""
    requests = open_requests_statement(user).with_only_columns(Idea.id).order_by(None).subquery()
    rows = db.session.execute(
        select(idea_competency.c.competency_id, func.count(func.distinct(idea_competency.c.idea_id)))
        .where(idea_competency.c.idea_id.in_(select(requests.c.id)))
        .group_by(idea_competency.c.competency_id)
    ).all()
    return dict(rows)


def requests_statement(competency_ids: set[int], user: Any) -> Select[Any]:
    """Open requests visible to ``user`` naming any of ``competency_ids``, newest first."""
    return open_requests_statement(user).where(Idea.competencies.any(Competency.id.in_(competency_ids)))


def open_orders_statement(competency_ids: set[int], user: Any) -> Select[Any]:
    """Open orders visible to ``user`` asking for any of ``competency_ids``, newest first."""
    return (
        select(Order)
        .where(
            Order.status == OrderStatus.OPEN,
            visible_orders(user),
            Order.competencies.any(Competency.id.in_(competency_ids)),
        )
        .order_by(Order.published_at.desc(), Order.id.desc())
    )


def project_needs_statement(competency_ids: set[int], user: Any) -> Select[Any]:
    """Needs of planned or running projects visible to ``user`` for any of ``competency_ids``."""
    return (
        select(ProjectNeed)
        .join(Project, Project.id == ProjectNeed.project_id)
        .where(
            ProjectNeed.competency_id.in_(competency_ids),
            Project.status.in_(DEMAND_PROJECT_STATUSES),
            visible_projects(user),
        )
        .order_by(Project.title, ProjectNeed.position, ProjectNeed.id)
    )


def limited(statement: Select[Any], *options: ExecutableOption) -> tuple[list[Any], int]:
    """The first ``LIST_LIMIT`` rows of ``statement`` (loaded with ``options``) and how many there are in all."""
    total = db.session.scalar(select(func.count()).select_from(statement.order_by(None).subquery()))
    items = list(db.session.scalars(statement.options(*options).limit(LIST_LIMIT))) if total else []
    return items, total or 0
