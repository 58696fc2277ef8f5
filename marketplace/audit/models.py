"""The audit trail: one append-only row per privileged or irreversible action.

A row says who acted (the user's id and, as they were then, their name and e-mail), when, from
which address (the request's ``remote_addr``; ``cli`` outside requests), what (an action key, the
kind and id of the object and the organization concerned, with their names then) and the changed
fields before and after, as JSON text.

**Append-only.** No page, API or service changes or deletes a row: the ORM refuses it (a flush that
would update or delete an ``AuditEntry``, and an ORM ``UPDATE``/``DELETE`` statement aimed at the
model, raise ``AppendOnlyError``); the manager's page only reads. On PostgreSQL the deployment may
also ``REVOKE UPDATE, DELETE`` on the table from the application's role.

**No foreign keys.** Users are anonymised or deleted, organizations merged away, orders and
bookings may go: a foreign key would then have to be set to NULL or cascade, i.e. rewrite or remove
history. The ids here are plain numbers and the names are copies, so nothing ever touches a row
after it is written (and an organization merge, which moves every foreign key to the kept
organization, leaves the log as it was).

``action`` and ``target_kind`` are plain strings without a CHECK constraint: keys of actions that
are later renamed or retired stay readable in old rows. New rows take their keys from
``AuditAction`` and ``AuditTarget`` only (``services.record``).
"""

from __future__ import annotations

import enum
from typing import Any

from sqlalchemy import Index, Integer, String, Text, event
from sqlalchemy.orm import Mapped, Mapper, ORMExecuteState, Session, mapped_column

from ..db import Model, created_at, intpk, str120, str255


class AuditAction(enum.StrEnum):
    """What was done. The key is stored; ``labels.py`` names each one."""

    MEMBERSHIP_APPROVED = "membership.approved"
    MEMBERSHIP_REJECTED = "membership.rejected"
    ADMIN_GRANTED = "organization.admin_granted"
    ADMIN_REVOKED = "organization.admin_revoked"
    USER_REMOVED = "organization.user_removed"
    INVITATION_ACCEPTED = "organization.invitation_accepted"
    JOIN_CONFIRMED = "organization.join_confirmed"
    INVITATION_WITHDRAWN = "organization.invitation_withdrawn"
    JOIN_REFUSED = "organization.join_refused"
    ORGANIZATIONS_MERGED = "organization.merged"
    ORDER_AWARDED = "order.awarded"
    ORDER_CANCELLED = "order.cancelled"
    BOOKING_APPROVED = "booking.approved"
    BOOKING_REJECTED = "booking.rejected"
    KPI_TARGETS_CHANGED = "dashboard.targets_changed"
    KPI_EXPORTED = "dashboard.exported"
    COMPETENCE_MAP_EXPORTED = "competence.map_exported"
    COMPETENCE_GAPS_EXPORTED = "competence.gaps_exported"
    PARTICIPANTS_EXPORTED = "event.participants_exported"
    AUDIT_EXPORTED = "audit.exported"


class AuditTarget(enum.StrEnum):
    """The kind of object an action concerned."""

    ORGANIZATION = "organization"
    USER = "user"
    APPLICATION = "membership_application"
    INVITATION = "invitation"
    ORDER = "order"
    BOOKING = "booking"
    KPI_PLAN = "kpi_plan"  # the targets of one year: the id is the year
    KPI_REPORT = "kpi_report"
    COMPETENCE_MAP = "competence_map"
    COMPETENCE_GAPS = "competence_gaps"
    EVENT = "event"
    AUDIT_LOG = "audit_log"


#: The kind of a model instance given as the target, by its table.
TARGET_OF_TABLE = {
    "organization": AuditTarget.ORGANIZATION,
    "user_account": AuditTarget.USER,
    "membership_application": AuditTarget.APPLICATION,
    "organization_invitation": AuditTarget.INVITATION,
    "orders": AuditTarget.ORDER,
    "booking": AuditTarget.BOOKING,
    "event": AuditTarget.EVENT,
}

#: What ``address`` holds for an action taken outside a web request (a CLI command, a job).
CLI_ADDRESS = "cli"


class AppendOnlyError(RuntimeError):
    """Something tried to change or delete an audit entry."""

    def __init__(self) -> None:
        super().__init__("audit entries are append-only: they are never updated or deleted")


class AuditEntry(Model):
    """One action of the audit trail (see the module's docstring: append-only, no foreign keys)."""

    __tablename__ = "audit_entry"
    __table_args__ = (
        # The page lists newest first; each filter narrows by one column, then by time.
        Index("ix_audit_entry_created_at", "created_at"),
        Index("ix_audit_entry_action_created_at", "action", "created_at"),
        Index("ix_audit_entry_organization_created_at", "organization_id", "created_at"),
        Index("ix_audit_entry_target", "target_kind", "target_id"),
        Index("ix_audit_entry_actor_id", "actor_id"),
    )

    id: Mapped[intpk]
    created_at: Mapped[created_at]
    action: Mapped[str] = mapped_column(String(60))
    # Who: no foreign key; the name and e-mail as they were when the action was taken.
    actor_id: Mapped[int | None] = mapped_column(Integer)
    actor_name: Mapped[str120] = mapped_column(default="")
    actor_email: Mapped[str255] = mapped_column(default="")
    address: Mapped[str] = mapped_column(String(45), default="")  # an IPv6 address fits; "cli" outside requests
    # What: the object and the organization concerned, with their names then.
    target_kind: Mapped[str] = mapped_column(String(40), default="")
    target_id: Mapped[int | None] = mapped_column(Integer)
    target_name: Mapped[str255] = mapped_column(default="")
    organization_id: Mapped[int | None] = mapped_column(Integer)
    organization_name: Mapped[str255] = mapped_column(default="")
    # The changed fields, as JSON text (``services.to_json``); NULL when there is nothing to say.
    before_data: Mapped[str | None] = mapped_column(Text)
    after_data: Mapped[str | None] = mapped_column(Text)

    @property
    def known_action(self) -> AuditAction | str:
        """The action as an ``AuditAction`` (labelled in the UI), or the stored key of a retired one."""
        try:
            return AuditAction(self.action)
        except ValueError:
            return self.action

    @property
    def known_target(self) -> AuditTarget | str:
        try:
            return AuditTarget(self.target_kind)
        except ValueError:
            return self.target_kind

    def __repr__(self) -> str:
        return f"<AuditEntry {self.id} {self.action} {self.target_kind}:{self.target_id}>"


@event.listens_for(AuditEntry, "before_update")
@event.listens_for(AuditEntry, "before_delete")
def _refuse_change(_mapper: Mapper[Any], _connection: object, _target: AuditEntry) -> None:
    raise AppendOnlyError


@event.listens_for(Session, "do_orm_execute")
def _refuse_bulk_change(state: ORMExecuteState) -> None:
    """ORM ``update(AuditEntry)`` / ``delete(AuditEntry)`` statements bypass the flush: refused here too."""
    if (state.is_update or state.is_delete) and any(mapper.class_ is AuditEntry for mapper in state.all_mappers):
        raise AppendOnlyError
