"""Merging a duplicate organization into the one that is kept: every record moves, then the duplicate goes.

One transaction (the request's). Records that can exist once per organization
are reconciled first, the rest moved by one UPDATE per referencing column:

- competency links: one per competency, the higher level kept, notes joined;
- responses (one per order and organization): the better one is kept —
  accepted > active > declined > withdrawn, then the most recent — the other
  is deleted and the order's history says so (action ``merged``);
- consortium places (one per project): accepted > invited > declined >
  removed, the needs joined;
- any other unique link (invitations, chain stages, …): the kept
  organization's row stays, the duplicate's identical one is dropped;
- what the kept organization would now do for itself (one profile posted an
  order or leads a project, the other answered): the open response is
  withdrawn, the invitation dropped, the open consortium place removed, each
  noted in the order's or project's history;
- the duplicate's users never move silently: each is detached, then, as the
  manager chose per user (``UserMove``), waits for the kept organization's
  administrators to confirm them (the default: an ``OrganizationInvitation``
  of kind ``merge``, see ``invitations``), joins as a confirmed ordinary user,
  or stays without an organization. Nobody keeps or gains administrator
  rights; each is told what happened, and the kept organization's
  administrators who is waiting. The duplicate's own open invitations are
  dropped; people waiting for its confirmation wait for the kept one's;
- everything else that references the organization — products,
  equipment, bookings, orders, offers, membership applications, projects,
  events, ideas, tables added later — is found through the schema's foreign
  keys, so nothing is left behind for ``ON DELETE CASCADE`` to take.
  Attachments belong to their records and move with them.

Empty profile fields of the kept organization take the duplicate's values;
membership goes to the better status; confidential marks are joined. Indexed
records are changed through ORM statements, so the search index follows;
``signals.organizations_merged`` tells the matcher's change log. An
``OrganizationMerge`` row is the history.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from flask_babel import gettext as _, lazy_gettext as _l
from sqlalchemy import Column, PrimaryKeyConstraint, Table, UniqueConstraint, and_, delete, exists, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapper

from .. import access, signals
from ..accounts.models import User
from ..audit import services as audit
from ..audit.models import AuditAction, AuditTarget
from ..db import Model, db
from ..errors import Conflict, Forbidden, InvalidInput
from ..i18n import localized
from ..notifications.models import NotificationKind
from ..notifications.services import link_to, notify
from ..orders.models import Order, OrderEvent, OrderInvitation, Response, ResponseStatus
from ..projects.models import ConsortiumMember, ConsortiumStatus, Project, ProjectEvent
from . import invitations
from .models import (
    InvitationKind,
    MembershipStatus,
    Organization,
    OrganizationCompetency,
    OrganizationInvitation,
    OrganizationMerge,
)
from .services import PROFILE_FIELDS, organization_users

RESPONSE_RANK = {
    ResponseStatus.ACCEPTED: 3,
    ResponseStatus.ACTIVE: 2,
    ResponseStatus.DECLINED: 1,
    ResponseStatus.WITHDRAWN: 0,
}
CONSORTIUM_RANK = {
    ConsortiumStatus.ACCEPTED: 3,
    ConsortiumStatus.INVITED: 2,
    ConsortiumStatus.DECLINED: 1,
    ConsortiumStatus.REMOVED: 0,
}
#: Profile fields filled from the duplicate when the kept organization has none (the required
#: name, kind and region never are; confidential marks are joined instead).
FILLED_FIELDS = tuple(
    name for name in PROFILE_FIELDS if name not in ("name_ru", "kind", "region", "confidential_fields")
)
#: Columns reconciled by hand before the generic move.
RECONCILED = {
    ("user_account", "organization_id"),
    ("organization_invitation", "organization_id"),
    ("organization_competency", "organization_id"),
    ("order_response", "organization_id"),
    ("consortium_member", "organization_id"),
}


class UserMove(enum.StrEnum):
    """What the merge does with one user of the duplicate (the manager chooses; never an administrator)."""

    PENDING = "pending"  # joins once an administrator of the kept organization confirms (the default)
    CONFIRMED = "confirmed"  # joins now, as an ordinary user
    LEAVE = "leave"  # does not move: left without an organization


#: What each referencing column holds, for the merge page. ``tests/organizations`` checks that every
#: foreign key to an organization has one; a table added without one shows as "Other records".
RECORD_LABELS = {
    "user_account.organization_id": _l("Users"),
    "organization_invitation.organization_id": _l("Invitations to join the organization"),
    "organization_competency.organization_id": _l("Competencies"),
    "product.organization_id": _l("Products"),
    "equipment.organization_id": _l("Equipment"),
    "booking.organization_id": _l("Equipment bookings"),
    "orders.organization_id": _l("Orders posted"),
    "order_response.organization_id": _l("Responses to orders"),
    "offer.organization_id": _l("Service offers"),
    "membership_application.organization_id": _l("Membership applications"),
    "order_invitation.organization_id": _l("Invitations to respond"),
    "consortium_member.organization_id": _l("Places in project consortia"),
    "project.lead_organization_id": _l("Projects led"),
    "project_event.organization_id": _l("Entries in project histories"),
    "organization_merge.kept_organization_id": _l("Earlier merges"),
    "chain_stage_member.organization_id": _l("Places in value chains"),
    "event.organizer_id": _l("Events organized"),
    "event_registration.organization_id": _l("Registrations for events"),
    "idea.organization_id": _l("Ideas"),
}
OTHER_RECORDS = _l("Other records")


@dataclass
class Reference:
    """A column that references ``organization.id``."""

    table: Table
    column: Column[Any]

    @property
    def key(self) -> str:
        return f"{self.table.name}.{self.column.name}"


def organization_references() -> list[Reference]:
    """Every foreign-key column in the schema that points at an organization."""
    target = Organization.__table__.c.id
    return [
        Reference(table, fk.parent)
        for table in db.metadata.sorted_tables
        for fk in table.foreign_keys
        if fk.column is target
    ]


def _mapped(table: Table) -> Mapper[Any] | None:
    for mapper in Model.registry.mappers:
        if mapper.local_table is table:
            return mapper
    return None


def records_of(organization_id: int) -> dict[str, int]:
    """How many records reference the organization, per ``table.column`` (the merge page's preview)."""
    counts: dict[str, int] = {}
    for ref in organization_references():
        n = db.session.scalar(select(func.count()).select_from(ref.table).where(ref.column == organization_id))
        if n:
            counts[ref.key] = n
    return counts


def record_lines(records: Mapping[str, int]) -> list[tuple[str, int]]:
    """``records_of``'s counts as (translated label, count) lines, by label; unlabelled kinds summed as one."""
    lines: dict[str, int] = {}
    for key, count in records.items():
        name = str(RECORD_LABELS.get(key, OTHER_RECORDS))
        lines[name] = lines.get(name, 0) + count
    return sorted(lines.items())


def _move_users(
    keep: Organization, drop: Organization, moves: Mapping[int, UserMove], actor: Any, summary: dict[str, Any]
) -> None:
    """Detach the duplicate's users, then do with each what the manager chose (``PENDING`` by default,
    also for a user who joined the duplicate after the manager looked). Nobody becomes an administrator."""
    chosen: dict[UserMove, list[User]] = {move: [] for move in UserMove}
    for user in organization_users(drop):
        move = moves.get(user.id, UserMove.PENDING)
        user.organization_id = keep.id if move == UserMove.CONFIRMED else None
        user.is_org_admin = False
        chosen[move].append(user)
        summary["users"][str(user.id)] = move.value
    db.session.flush()
    actor_user = actor if isinstance(actor, User) else None
    for user in chosen[UserMove.PENDING]:
        invitations.request_after_merge(keep, user, by=actor_user, merged_from=drop.name_ru)
    for row in db.session.scalars(  # people who were waiting for the duplicate's confirmation wait for the kept one's
        select(OrganizationInvitation).where(
            OrganizationInvitation.organization_id == drop.id,
            OrganizationInvitation.kind == InvitationKind.MERGE,
            invitations.open_condition(),
        )
    ).all():
        if row.user is not None and str(row.user.id) not in summary["users"]:
            invitations.request_after_merge(keep, row.user, by=actor_user, merged_from=row.merged_from)
            summary["users"][str(row.user.id)] = UserMove.PENDING.value
    dropped = db.session.scalars(
        select(OrganizationInvitation).where(OrganizationInvitation.organization_id == drop.id)
    )
    for row in dropped.all():  # the duplicate's own invitations go with it
        summary["dropped"].append(f"organization_invitation:{row.id}")
        db.session.delete(row)
    db.session.flush()
    _tell_about_users(keep, drop.name_ru, chosen)


def _tell_about_users(keep: Organization, drop_name: str, chosen: dict[UserMove, list[User]]) -> None:
    """Each moved user hears what became of them; the kept organization's administrators, who joined or waits."""

    def kept() -> str:  # in each recipient's language
        return localized(keep, "name")

    texts = {
        UserMove.PENDING: lambda: _(
            "The cluster manager merged «%(merged)s» into %(org)s: they are one organization. You will join "
            "%(org)s as one of its users once its administrators confirm you; until then you belong to no "
            "organization.",
            merged=drop_name,
            org=kept(),
        ),
        UserMove.CONFIRMED: lambda: _(
            "The cluster manager merged «%(merged)s» into %(org)s: they are one organization. You are now "
            "one of the users of %(org)s.",
            merged=drop_name,
            org=kept(),
        ),
        UserMove.LEAVE: lambda: _(
            "The cluster manager merged «%(merged)s» into %(org)s: they are one organization. You were not "
            "moved and belong to no organization now; ask an administrator of %(org)s to invite you.",
            merged=drop_name,
            org=kept(),
        ),
    }
    for move, users in chosen.items():
        if users:
            notify(
                users,
                NotificationKind.ORG_INVITATION,
                lambda: _("«%(merged)s» was merged into %(org)s", merged=drop_name, org=kept()),
                texts[move],
                link_to("organizations.my_invitations"),
            )
    waiting, joined = chosen[UserMove.PENDING], chosen[UserMove.CONFIRMED]
    if not (waiting or joined):
        return

    def body() -> str:
        lines = [_("The cluster manager merged «%(merged)s» into %(org)s.", merged=drop_name, org=kept())]
        if waiting:
            lines.append(
                _("They wait for your confirmation before they join: %(names)s.", names=invitations.names(waiting))
            )
        if joined:
            lines.append(_("Joined as ordinary users: %(names)s.", names=invitations.names(joined)))
        return "\n\n".join(lines)

    notify(
        invitations.administrators(keep),
        NotificationKind.ORG_TEAM,
        lambda: _("Users of a merged duplicate of %(org)s", org=kept()),
        body,
        link_to("organizations.users", org_id=keep.id),
    )


def _merge_competencies(keep: Organization, drop: Organization, summary: dict[str, Any]) -> None:
    kept = {
        link.competency_id: link
        for link in db.session.scalars(
            select(OrganizationCompetency).where(OrganizationCompetency.organization_id == keep.id)
        )
    }
    for link in db.session.scalars(
        select(OrganizationCompetency).where(OrganizationCompetency.organization_id == drop.id)
    ).all():
        other = kept.get(link.competency_id)
        if other is None:
            db.session.add(
                OrganizationCompetency(
                    organization_id=keep.id, competency_id=link.competency_id, level=link.level, note=link.note
                )
            )
        else:
            other.level = max(other.level, link.level)
            if link.note and link.note not in (other.note or ""):
                other.note = "; ".join(n for n in (other.note, link.note) if n)
            summary["joined"].append(f"organization_competency:{link.competency_id}")
        db.session.delete(link)
    db.session.flush()


def _response_rank(response: Response) -> tuple[int, dt.datetime, int]:
    return (RESPONSE_RANK.get(response.status, 0), response.updated_at or response.created_at, response.id)


def _consortium_rank(member: ConsortiumMember) -> tuple[int, dt.datetime, int]:
    return (CONSORTIUM_RANK.get(member.status, 0), member.updated_at or member.created_at, member.id)


def _merge_responses(keep: Organization, drop: Organization, actor: Any, summary: dict[str, Any]) -> None:
    kept = {r.order_id: r for r in db.session.scalars(select(Response).where(Response.organization_id == keep.id))}
    for response in db.session.scalars(select(Response).where(Response.organization_id == drop.id)).all():
        other = kept.get(response.order_id)
        if other is None:
            continue
        winner, loser = (response, other) if _response_rank(response) > _response_rank(other) else (other, response)
        note = _(
            "Organizations merged: «%(merged)s» into «%(kept)s». Both had responded; kept the response "
            "of %(price)s (%(status)s), dropped the one of %(dropped_price)s (%(dropped_status)s).",
            merged=drop.name_ru,
            kept=keep.name_ru,
            price=winner.price,
            status=winner.status.value,
            dropped_price=loser.price,
            dropped_status=loser.status.value,
        )
        db.session.add(
            OrderEvent(order_id=response.order_id, actor_id=getattr(actor, "id", None), action="merged", note=note)
        )
        summary["dropped"].append(f"order_response:{loser.id}:order {loser.order_id}")
        db.session.delete(loser)
    db.session.flush()


def _merge_consortium(keep: Organization, drop: Organization, summary: dict[str, Any]) -> None:
    kept = {
        m.project_id: m
        for m in db.session.scalars(select(ConsortiumMember).where(ConsortiumMember.organization_id == keep.id))
    }
    for member in db.session.scalars(select(ConsortiumMember).where(ConsortiumMember.organization_id == drop.id)).all():
        other = kept.get(member.project_id)
        if other is None:
            continue
        winner, loser = (member, other) if _consortium_rank(member) > _consortium_rank(other) else (other, member)
        winner.needs = list({need.id: need for need in [*winner.needs, *loser.needs]}.values())
        summary["dropped"].append(f"consortium_member:{loser.id}:project {loser.project_id}")
        db.session.delete(loser)
    db.session.flush()


def _drop_unique_clashes(ref: Reference, keep_id: int, drop_id: int, summary: dict[str, Any]) -> None:
    """Rows of the duplicate that would break a unique constraint once moved: the kept one's row stays."""
    table, column = ref.table, ref.column
    groups = [list(c.columns) for c in table.constraints if isinstance(c, (UniqueConstraint, PrimaryKeyConstraint))]
    groups += [list(i.columns) for i in table.indexes if i.unique]
    for columns in groups:
        if column not in columns or len(columns) < 2:
            continue
        other = table.alias()
        same = [other.c[c.name] == c for c in columns if c is not column]
        clash = and_(column == drop_id, exists().where(other.c[column.name] == keep_id, *same))
        keys = list(table.primary_key.columns)
        rows = db.session.execute(select(*keys).where(clash)).all()
        if not rows:
            continue
        mapper = _mapped(table)
        for row in rows:
            condition = and_(*(k == v for k, v in zip(keys, row, strict=True)))
            statement = delete(mapper.class_ if mapper else table).where(condition)
            db.session.execute(statement.execution_options(synchronize_session=False) if mapper else statement)
            summary["dropped"].append(f"{table.name}:{':'.join(str(v) for v in row)}")


def _move(ref: Reference, keep_id: int, drop_id: int, summary: dict[str, Any]) -> None:
    count = db.session.scalar(select(func.count()).select_from(ref.table).where(ref.column == drop_id))
    if not count:
        return
    mapper = _mapped(ref.table)
    if mapper is not None:  # ORM statements: the search index and the change log see them
        attribute = mapper.get_property_by_column(ref.column).key
        entity = mapper.class_
        statement = (
            update(entity)
            .where(getattr(entity, attribute) == drop_id)
            .values({attribute: keep_id})
            .execution_options(synchronize_session=False)
        )
    else:
        statement = update(ref.table).where(ref.column == drop_id).values({ref.column.name: keep_id})
    db.session.execute(statement)
    summary["moved"][ref.key] = summary["moved"].get(ref.key, 0) + count


def _settle_own_work(keep_id: int, keep_name: str, drop_name: str, actor: Any, summary: dict[str, Any]) -> None:
    """When one profile posted an order or leads a project and the other answered it, the kept organization
    now answers itself: its open response is withdrawn, its invitation to its own order dropped and its
    open place in the consortium it leads removed, each with a line of history (decided records stay)."""
    actor_id = getattr(actor, "id", None)
    own_orders = select(Order.id).where(Order.organization_id == keep_id)
    note = _(
        "Organizations merged: «%(merged)s» into «%(kept)s», the customer itself; its response was withdrawn.",
        merged=drop_name,
        kept=keep_name,
    )
    for response in db.session.scalars(
        select(Response).where(
            Response.organization_id == keep_id,
            Response.order_id.in_(own_orders),
            Response.status == ResponseStatus.ACTIVE,
        )
    ).all():
        response.status = ResponseStatus.WITHDRAWN
        db.session.add(OrderEvent(order_id=response.order_id, actor_id=actor_id, action="merged", note=note))
        summary["withdrawn"].append(f"order_response:{response.id}:order {response.order_id}")
    for invitation in db.session.scalars(
        select(OrderInvitation).where(
            OrderInvitation.organization_id == keep_id, OrderInvitation.order_id.in_(own_orders)
        )
    ).all():
        summary["dropped"].append(f"order_invitation:{invitation.id}:order {invitation.order_id}")
        db.session.delete(invitation)
    led = select(Project.id).where(Project.lead_organization_id == keep_id)
    note = _(
        "Organizations merged: «%(merged)s» into «%(kept)s», the project's lead itself; its place in the "
        "consortium was removed.",
        merged=drop_name,
        kept=keep_name,
    )
    for member in db.session.scalars(
        select(ConsortiumMember).where(
            ConsortiumMember.organization_id == keep_id,
            ConsortiumMember.project_id.in_(led),
            ConsortiumMember.status.in_((ConsortiumStatus.INVITED, ConsortiumStatus.ACCEPTED)),
        )
    ).all():
        member.status = ConsortiumStatus.REMOVED
        db.session.add(
            ProjectEvent(
                project_id=member.project_id, actor_id=actor_id, action="merged", organization_id=keep_id, note=note
            )
        )
        summary["withdrawn"].append(f"consortium_member:{member.id}:project {member.project_id}")
    db.session.flush()


def _profile(organization: Organization) -> dict[str, Any]:
    """What ``_fill_profile`` may change, for the audit trail."""
    names = (*FILLED_FIELDS, "membership_status", "member_since", "confidential_fields")
    return {name: getattr(organization, name) for name in names}


def _fill_profile(keep: Organization, drop: Organization) -> None:
    values = {name: getattr(drop, name) for name in FILLED_FIELDS}
    if drop.inn or drop.ogrn:  # unique columns: free them before the kept organization takes them
        drop.inn, drop.ogrn = None, None
        db.session.flush()
    for name, value in values.items():
        if value not in (None, "") and getattr(keep, name) in (None, ""):
            setattr(keep, name, value)
    keep.confidential_fields = sorted(set(keep.confidential_fields or ()) | set(drop.confidential_fields or ()))
    if drop.is_member and not keep.is_member:
        keep.membership_status, keep.member_since = MembershipStatus.MEMBER, drop.member_since
    elif drop.is_member and drop.member_since and (keep.member_since is None or drop.member_since < keep.member_since):
        keep.member_since = drop.member_since


def merge_organizations(
    keep: Organization,
    drop: Organization,
    actor: Any,
    note: str = "",
    users: Mapping[int, UserMove] | None = None,
) -> OrganizationMerge:
    """Move everything of ``drop`` to ``keep``, delete ``drop``; the manager only. Flushes, never commits.

    ``users`` says what becomes of each of ``drop``'s users (by id); anyone not named waits for the
    confirmation of ``keep``'s administrators (``UserMove.PENDING``).
    """
    if not access.is_manager(actor):
        raise Forbidden(_("Only the cluster manager can merge organizations."))
    if keep.id == drop.id:
        raise InvalidInput(_("Choose two different organizations."))
    db.session.execute(
        update(Organization)
        .where(Organization.id.in_(sorted((keep.id, drop.id))))
        .values(membership_status=Organization.membership_status)
        .execution_options(synchronize_session=False)
    )  # both rows locked until the commit
    summary: dict[str, Any] = {"moved": {}, "dropped": [], "joined": [], "withdrawn": [], "users": {}}
    keep_id, drop_id, drop_name, drop_inn, keep_name = keep.id, drop.id, drop.name_ru, drop.inn, keep.name_ru
    try:
        _move_users(keep, drop, users or {}, actor, summary)
        _merge_competencies(keep, drop, summary)
        _merge_responses(keep, drop, actor, summary)
        _merge_consortium(keep, drop, summary)
        profile_before = _profile(keep)
        _fill_profile(keep, drop)
        profile_after = _profile(keep)
        db.session.flush()
        for ref in organization_references():
            if (ref.table.name, ref.column.name) not in RECONCILED:
                _drop_unique_clashes(ref, keep_id, drop_id, summary)
            _move(ref, keep_id, drop_id, summary)
        db.session.expire_all()  # the statements above bypassed the identity map
        _settle_own_work(keep_id, keep_name, drop_name, actor, summary)
        signals.organizations_merged.send(keep_id=keep_id, drop_id=drop_id)
        db.session.delete(db.session.get(Organization, drop_id))
        history = OrganizationMerge(
            kept_organization_id=keep_id,
            merged_organization_id=drop_id,
            merged_name=drop_name,
            merged_inn=drop_inn,
            note=(note or "").strip(),
            summary=json.dumps(summary, ensure_ascii=False, sort_keys=True),
            merged_by_id=getattr(actor, "id", None),
        )
        db.session.add(history)
        db.session.flush()
        changed = [name for name in profile_after if profile_after[name] != profile_before[name]]
        audit.record(
            AuditAction.ORGANIZATIONS_MERGED,
            target=(AuditTarget.ORGANIZATION, keep_id),
            target_name=keep_name,
            organization=keep,
            before={
                "kept": {"id": keep_id, "name": keep_name},
                "merged": {"id": drop_id, "name": drop_name, "inn": drop_inn},
                "kept_profile": {name: profile_before[name] for name in changed},
            },
            after={
                "merge_id": history.id,
                "note": history.note,
                "summary": summary,
                "kept_profile": {name: profile_after[name] for name in changed},
            },
            actor=actor,
        )
    except IntegrityError as error:
        db.session.rollback()
        raise Conflict(
            _("The organizations could not be merged: %(error)s", error=str(error.orig).splitlines()[0])
        ) from None
    return history


def merge_summary(history: OrganizationMerge) -> dict[str, Any]:
    try:
        return json.loads(history.summary or "{}")
    except ValueError:
        return {}
