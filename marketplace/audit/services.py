"""Writing the audit trail: ``record`` adds one entry to the action's own transaction.

Features call ``record`` from their services (never from views), so an action taken from the web
and one taken from the CLI are both logged, and a request that fails is rolled back together with
its entry: a refused action leaves no trace, a committed one always has its entry. ``record``
flushes, never commits.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import json
import math
from collections.abc import Mapping
from decimal import Decimal
from typing import Any, Protocol

from flask import has_request_context, request

from .. import access
from ..db import Model, db
from .models import CLI_ADDRESS, TARGET_OF_TABLE, AuditAction, AuditEntry, AuditTarget

#: A target: a model instance (its kind found by its table, see ``TARGET_OF_TABLE``) or a (kind, id) pair.
Target = Model | tuple[AuditTarget, int | None]

#: Attributes that name an object, tried in turn for ``target_name``.
_NAME_ATTRIBUTES = ("title", "title_ru", "full_name", "name_ru", "email")


class NamedOrganization(Protocol):
    """What ``record`` reads of an organization: its id and its (Russian) name."""

    @property
    def id(self) -> int: ...

    @property
    def name_ru(self) -> str: ...


def json_safe(value: Any) -> Any:
    """``value`` made of what JSON holds: enums by value, decimals, dates and anything unknown as text,
    sets as sorted lists, dataclasses as dicts, model instances as ``kind:id``."""
    if isinstance(value, enum.Enum):
        return json_safe(value.value)
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else str(value)
    if isinstance(value, Decimal | dt.date | dt.time):  # datetimes are dates
        return str(value) if isinstance(value, Decimal) else value.isoformat()
    if isinstance(value, Mapping):
        return {str(key): json_safe(item) for key, item in value.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return json_safe(dataclasses.asdict(value))
    if isinstance(value, set | frozenset):
        return sorted((json_safe(item) for item in value), key=repr)
    if isinstance(value, list | tuple):
        return [json_safe(item) for item in value]
    if isinstance(value, Model):
        return f"{value.__tablename__}:{getattr(value, 'id', '')}"
    return str(value)


def to_json(values: Mapping[str, Any] | None) -> str | None:
    """The stored text of ``before``/``after``: sorted keys, Cyrillic as it is; None stays NULL."""
    if values is None:
        return None
    return json.dumps(json_safe(values), ensure_ascii=False, sort_keys=True)


def from_json(text: str | None) -> Any:
    """``to_json`` read back (None for NULL or text that is not JSON)."""
    if not text:
        return None
    try:
        return json.loads(text)
    except ValueError:
        return None


def client_address() -> str:
    """The request's ``remote_addr`` (behind a proxy, ProxyFix makes it the client's); ``cli`` outside requests."""
    if has_request_context():
        return (request.remote_addr or "")[:45]
    return CLI_ADDRESS


def _target(target: Target | None) -> tuple[str, int | None, str]:
    if target is None:
        return "", None, ""
    if isinstance(target, tuple):
        kind, target_id = target
        return AuditTarget(kind).value, target_id, ""
    kind = TARGET_OF_TABLE[target.__tablename__]  # a KeyError names a model the log does not know yet
    name = next((str(v) for v in (getattr(target, a, "") for a in _NAME_ATTRIBUTES) if v), "")
    return kind.value, getattr(target, "id", None), name


def record(
    action: AuditAction,
    *,
    target: Target | None = None,
    target_name: str | None = None,
    organization: NamedOrganization | None = None,
    organization_id: int | None = None,
    before: Mapping[str, Any] | None = None,
    after: Mapping[str, Any] | None = None,
    actor: Any = None,
) -> AuditEntry:
    """Add an entry for ``action`` to the current transaction and flush it.

    ``actor`` defaults to the request's user (nobody outside requests); its id, name and e-mail are
    copied. ``target`` is the object acted on (``target_name`` overrides the name read from it);
    ``organization`` (or only its ``organization_id``) the organization concerned, its name copied.
    ``before`` and ``after`` hold the changed fields; any value is accepted (``json_safe``).
    """
    user = access.viewer(actor)
    authenticated = bool(getattr(user, "is_authenticated", False))
    kind, target_id, name = _target(target)
    entry = AuditEntry(
        action=AuditAction(action).value,
        actor_id=user.id if authenticated else None,
        actor_name=(user.full_name or "")[:120] if authenticated else "",
        actor_email=(user.email or "")[:255] if authenticated else "",
        address=client_address(),
        target_kind=kind,
        target_id=target_id,
        target_name=(target_name if target_name is not None else name)[:255],
        organization_id=organization.id if organization is not None else organization_id,
        organization_name=(organization.name_ru or "")[:255] if organization is not None else "",
        before_data=to_json(before),
        after_data=to_json(after),
    )
    db.session.add(entry)
    db.session.flush()
    return entry
