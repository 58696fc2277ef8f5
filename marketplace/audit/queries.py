"""Reading the audit trail: the entries matching the manager's filters, newest first."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Select, or_, select

from ..sql import contains_text, text_in_any
from ..utils import parse_db_id
from .models import AuditAction, AuditEntry, AuditTarget


@dataclass(frozen=True)
class AuditFilters:
    """Validated filters; None or "" means "not set". Times are naive UTC, ``until`` excluded."""

    action: AuditAction | None = None
    actor: str = ""  # a part of the actor's name or e-mail, any case
    organization: str = ""  # a part of the organization's name, or its id
    target: AuditTarget | None = None
    since: dt.datetime | None = None
    until: dt.datetime | None = None


def entries_statement(filters: AuditFilters) -> Select[AuditEntry]:
    statement = select(AuditEntry)
    if filters.action is not None:
        statement = statement.where(AuditEntry.action == filters.action.value)
    if filters.actor:
        statement = statement.where(text_in_any(filters.actor, AuditEntry.actor_name, AuditEntry.actor_email))
    if filters.organization:
        by_name = contains_text(AuditEntry.organization_name, filters.organization)
        organization_id = parse_db_id(filters.organization)
        statement = statement.where(
            by_name if organization_id is None else or_(AuditEntry.organization_id == organization_id, by_name)
        )
    if filters.target is not None:
        statement = statement.where(AuditEntry.target_kind == filters.target.value)
    if filters.since is not None:
        statement = statement.where(AuditEntry.created_at >= filters.since)
    if filters.until is not None:
        statement = statement.where(AuditEntry.created_at < filters.until)
    return statement.order_by(AuditEntry.created_at.desc(), AuditEntry.id.desc())
