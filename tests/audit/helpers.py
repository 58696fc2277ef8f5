"""Reading the audit trail back, as committed."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from sqlalchemy import select

from marketplace.audit.models import AuditAction, AuditEntry
from marketplace.db import db

from .conftest import ADDRESS


def entries(action: AuditAction | None = None) -> list[AuditEntry]:
    """The stored entries (of ``action``), oldest first."""
    db.session.expire_all()
    statement = select(AuditEntry).order_by(AuditEntry.id)
    if action is not None:
        statement = statement.where(AuditEntry.action == action.value)
    return list(db.session.scalars(statement))


def only_entry() -> AuditEntry:
    """The one entry the trail holds: an action writes exactly one."""
    found = entries()
    assert len(found) == 1, [(entry.action, entry.target_kind, entry.target_id) for entry in found]
    return found[0]


def before(entry: AuditEntry) -> Any:
    return json.loads(entry.before_data) if entry.before_data is not None else None


def after(entry: AuditEntry) -> Any:
    return json.loads(entry.after_data) if entry.after_data is not None else None


def check_who(entry: AuditEntry, user, address: str = ADDRESS) -> None:
    """Acted by ``user`` (id, name and e-mail as they are now), from ``address``."""
    assert (entry.actor_id, entry.actor_name, entry.actor_email) == (user.id, user.full_name, user.email)
    assert entry.address == address


def check_what(entry: AuditEntry, action: AuditAction, kind: str, target_id: int | None, organization=None) -> None:
    assert entry.action == action.value
    assert (entry.target_kind, entry.target_id) == (kind, target_id)
    if organization is None:
        assert (entry.organization_id, entry.organization_name) == (None, "")
    else:
        assert (entry.organization_id, entry.organization_name) == (organization.id, organization.name_ru)


def read_csv(response) -> list[list[str]]:
    """A ';'-separated CSV with a byte-order mark, as rows."""
    text = response.get_data().decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:]), delimiter=";"))
