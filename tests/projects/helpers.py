"""Factories of the projects tests (each commits, like ``tests.factories``)."""

from __future__ import annotations

import datetime as dt
import itertools
from decimal import Decimal

from marketplace.db import db, utcnow
from marketplace.models import (
    ConsortiumMember,
    ConsortiumStatus,
    Organization,
    Project,
    ProjectKind,
    ProjectNeed,
    ProjectStatus,
    User,
    Visibility,
)

_seq = itertools.count(1)


def project(**kw) -> Project:
    n = next(_seq)
    values = {
        "title": f"Пилотная установка переработки ПЭТ {n}",
        "description": "Пилотная установка химической переработки отходов ПЭТ в мономеры.",
        "kind": ProjectKind.INNOVATION,
        "status": ProjectStatus.PLANNED,
        "percent_complete": 20,
        "budget": Decimal(5000000),
        "budget_confidential": True,
        "starts_on": dt.date(2030, 1, 1),
        "ends_on": dt.date(2031, 6, 30),
        "visibility": Visibility.MEMBERS,
        "okpd2_codes": ["20.16"],
    }
    values.update(kw)
    obj = Project(**values)
    db.session.add(obj)
    db.session.commit()
    return obj


def need(project: Project, **kw) -> ProjectNeed:
    n = next(_seq)
    values = {"project": project, "title": f"Разработка рецептуры {n}", "partners_needed": 1, "position": n}
    values.update(kw)
    obj = ProjectNeed(**values)
    db.session.add(obj)
    db.session.commit()
    return obj


def consortium_member(
    project: Project,
    organization: Organization,
    *,
    status=ConsortiumStatus.ACCEPTED,
    needs=(),
    role="Головной исполнитель",
    invited_by: User | None = None,
    **kw,
) -> ConsortiumMember:
    obj = ConsortiumMember(
        project=project,
        organization=organization,
        status=status,
        role=role,
        needs=list(needs),
        invited_by=invited_by,
        invited_at=utcnow(),
        responded_at=None if status == ConsortiumStatus.INVITED else utcnow(),
        **kw,
    )
    db.session.add(obj)
    db.session.commit()
    return obj
