"""Invitations to join an organization: nobody becomes one of its users without both sides agreeing.

One record, ``OrganizationInvitation``, for the two ways in:

- **An invitation** (``invite``): an administrator of the organization (or the cluster manager)
  invites an e-mail address. The row is kept whatever the address is (an account or not, free or
  in another organization, the manager's), so the administrator's message and page are the same for
  any address. The holder of an account with that e-mail who may join (active, in no organization,
  not the manager) is told in the app and by mail, sees it on ``/organizations/invitations`` and
  on the organization's page, and accepts (attached as an ordinary user) or declines; the
  organization may withdraw it. It lapses after ``INVITATION_DAYS``; inviting again re-opens the
  same row (not sooner than ``INVITATION_DAYS`` after the person declined).
- **A request after a merge** (``request_after_merge``): the manager merged a duplicate into the
  organization and left its users' joining to the organization's administrators. The person is in no
  organization meanwhile; the administrators (or the manager) confirm or refuse, the person may
  withdraw.

A pending row gives no rights: ``User.organization_id`` is set only when it is accepted.
Answers are conditional UPDATEs (``WHERE status = 'pending' AND expires_at > now``), so of two
concurrent answers exactly one wins; attaching is a conditional UPDATE of the user
(``WHERE organization_id IS NULL``) under the organization's lock, so a person accepting two
invitations at once joins one organization and the other request fails with ``Conflict``.
Services flush, never commit; who may call them is checked by the views (``rules``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from flask_babel import format_date, gettext as _
from sqlalchemy import ColumnElement, and_, select, update

from ..accounts.models import Role, User
from ..accounts.services import find_user_by_email, normalize_email
from ..audit import services as audit
from ..audit.models import AuditAction
from ..db import changed_rows, db, utcnow
from ..errors import Conflict, Forbidden
from ..i18n import localized
from ..notifications.models import NotificationKind
from ..notifications.services import link_to, notify
from .models import InvitationKind, InvitationStatus, Organization, OrganizationInvitation
from .services import lock_organization

#: How long an invitation (or a request after a merge) waits for its answer.
INVITATION_DAYS = 14
LIFETIME = dt.timedelta(days=INVITATION_DAYS)


def open_condition(now: dt.datetime | None = None) -> ColumnElement[bool]:
    """Rows still waiting for an answer, as an SQL condition."""
    return and_(
        OrganizationInvitation.status == InvitationStatus.PENDING,
        OrganizationInvitation.expires_at > (now or utcnow()),
    )


def may_join(user: User) -> bool:
    """Whether ``user`` could be attached to an organization now."""
    return bool(user.active) and not user.is_manager and user.organization_id is None


# --- what each side sees --------------------------------------------------------------------------------


def open_for_person(user: User) -> list[OrganizationInvitation]:
    """The open invitations and requests of the person with ``user``'s e-mail, newest first."""
    if user.is_manager:
        return []
    return list(
        db.session.scalars(
            select(OrganizationInvitation)
            .where(OrganizationInvitation.email == normalize_email(user.email), open_condition())
            .order_by(OrganizationInvitation.invited_at.desc(), OrganizationInvitation.id.desc())
        )
    )


def open_for_person_in(organization: Organization, user: User) -> OrganizationInvitation | None:
    """The person's open invitation or request for ``organization``, if any."""
    if user.is_manager:
        return None
    return db.session.scalar(
        select(OrganizationInvitation).where(
            OrganizationInvitation.organization_id == organization.id,
            OrganizationInvitation.email == normalize_email(user.email),
            open_condition(),
        )
    )


def open_for_organization(organization: Organization, kind: InvitationKind) -> list[OrganizationInvitation]:
    """The organization's open invitations (``INVITATION``) or requests awaiting it (``MERGE``)."""
    return list(
        db.session.scalars(
            select(OrganizationInvitation)
            .where(
                OrganizationInvitation.organization_id == organization.id,
                OrganizationInvitation.kind == kind,
                open_condition(),
            )
            .order_by(OrganizationInvitation.invited_at.desc(), OrganizationInvitation.id.desc())
        )
    )


def get_for_organization(organization: Organization, invitation_id: int) -> OrganizationInvitation | None:
    invitation = db.session.get(OrganizationInvitation, invitation_id)
    if invitation is None or invitation.organization_id != organization.id:
        return None
    return invitation


# --- opening ---------------------------------------------------------------------------------------------


def _row(organization_id: int, email: str) -> OrganizationInvitation | None:
    return db.session.scalar(
        select(OrganizationInvitation).where(
            OrganizationInvitation.organization_id == organization_id, OrganizationInvitation.email == email
        )
    )


def _open(
    row: OrganizationInvitation,
    kind: InvitationKind,
    *,
    by_id: int | None,
    now: dt.datetime,
    user_id: int | None = None,
    merged_from: str = "",
) -> None:
    """(Re)open ``row``. Takes plain values: reading an expired object here would autoflush a half-set row."""
    row.kind = kind
    row.status = InvitationStatus.PENDING
    row.user_id = user_id
    row.merged_from = merged_from
    row.invited_by_id = by_id
    row.invited_at = now
    row.expires_at = now + LIFETIME
    row.decided_at = None
    row.decided_by_id = None


def invite(organization: Organization, email: str, *, invited_by: User) -> OrganizationInvitation | None:
    """Invite the holder of ``email`` to join ``organization`` as an ordinary user.

    Tells nothing about the address: the caller shows one message whatever happens here. The
    person is notified only when they may join now and the invitation was not already waiting
    (or declined lately). Returns the row, or None for someone already in the organization.
    """
    address, organization_id, by_id = normalize_email(email), organization.id, invited_by.id
    lock_organization(organization_id)  # one row per (organization, e-mail): concurrent invitations queue
    person = find_user_by_email(address)
    if person is not None and person.organization_id == organization_id:
        return None  # already one of its users: the administrator sees them in the list
    now = utcnow()
    row = _row(organization_id, address)
    if row is None:
        row = OrganizationInvitation(organization_id=organization_id, email=address)
    elif row.is_open(now):
        return row  # already waiting for an answer: not sent again
    elif row.status == InvitationStatus.DECLINED and row.decided_at and now < row.decided_at + LIFETIME:
        return row  # the person said no lately: not pressed again
    _open(row, InvitationKind.INVITATION, by_id=by_id, now=now)
    db.session.add(row)
    db.session.flush()
    if person is not None and may_join(person):
        _tell_invited(row, person, invited_by)
    return row


def request_after_merge(organization: Organization, user: User, *, by: User | None, merged_from: str) -> None:
    """``user`` came with a merged duplicate: they join ``organization`` once its administrators confirm."""
    address, organization_id, user_id = normalize_email(user.email), organization.id, user.id
    by_id = by.id if by is not None else None
    row = _row(organization_id, address) or OrganizationInvitation(organization_id=organization_id, email=address)
    _open(row, InvitationKind.MERGE, by_id=by_id, now=utcnow(), user_id=user_id, merged_from=merged_from)
    db.session.add(row)
    db.session.flush()


# --- answering -------------------------------------------------------------------------------------------


def _decide(invitation: OrganizationInvitation, status: InvitationStatus, by: User) -> None:
    """Close the row once: a conditional UPDATE, so a concurrent or late answer gets ``Conflict``."""
    now = utcnow()
    decided = changed_rows(
        update(OrganizationInvitation)
        .where(OrganizationInvitation.id == invitation.id, open_condition(now))
        .values(status=status, decided_at=now, decided_by_id=by.id)
        .execution_options(synchronize_session=False)
    )
    if decided != 1:
        raise Conflict(_("This invitation is no longer open."))
    db.session.refresh(invitation)


def attach(organization_id: int, person: User, refused: str) -> None:
    """Make ``person`` an ordinary user of the organization, unless they joined one meanwhile.

    The caller holds the organization's lock. :raise Conflict: with ``refused`` when the person
    is in an organization already (or is inactive or the manager).
    """
    attached = changed_rows(
        update(User)
        .where(
            User.id == person.id,
            User.organization_id.is_(None),
            User.active.is_(True),
            User.role != Role.MANAGER,
        )
        .values(organization_id=organization_id, is_org_admin=False)
        .execution_options(synchronize_session=False)
    )
    if attached != 1:
        raise Conflict(refused)
    db.session.refresh(person)


def accept(invitation: OrganizationInvitation, person: User) -> None:
    """The invited person accepts: attached as an ordinary user (never an administrator)."""
    if invitation.kind != InvitationKind.INVITATION:
        raise Forbidden(_("The organization's administrators decide on this request."))
    lock_organization(invitation.organization_id)
    _decide(invitation, InvitationStatus.ACCEPTED, person)
    attach(
        invitation.organization_id,
        person,
        _("You already belong to an organization. Leave it before joining another one."),
    )
    invitation.user_id = person.id
    db.session.flush()
    _record_joined(AuditAction.INVITATION_ACCEPTED, invitation, person, actor=person)
    _tell_administrators_joined(invitation.organization, [person])


def decline(invitation: OrganizationInvitation, person: User) -> None:
    """The person says no (to an invitation, or to joining after a merge)."""
    _decide(invitation, InvitationStatus.DECLINED, person)


def withdraw(invitation: OrganizationInvitation, actor: User) -> None:
    """The organization withdraws an invitation or refuses a request after a merge."""
    _decide(invitation, InvitationStatus.WITHDRAWN, actor)
    audit.record(
        AuditAction.JOIN_REFUSED if invitation.kind == InvitationKind.MERGE else AuditAction.INVITATION_WITHDRAWN,
        target=invitation,
        target_name=invitation.email,
        organization=invitation.organization,
        before={"status": InvitationStatus.PENDING, "kind": invitation.kind, "email": invitation.email},
        after={"status": invitation.status, "user_id": invitation.user_id},
        actor=actor,
    )
    if invitation.kind == InvitationKind.MERGE and invitation.user is not None:
        _tell_person_decided(invitation, invitation.user, confirmed=False)


def confirm(invitation: OrganizationInvitation, actor: User) -> User:
    """An administrator (or the manager) confirms a person who came with a merged duplicate."""
    person = invitation.user
    if invitation.kind != InvitationKind.MERGE or person is None:
        raise Forbidden(_("Only the invited person can accept an invitation."))
    lock_organization(invitation.organization_id)
    _decide(invitation, InvitationStatus.ACCEPTED, actor)
    attach(
        invitation.organization_id,
        person,
        _("This person has joined another organization meanwhile. Refuse the request instead."),
    )
    _record_joined(AuditAction.JOIN_CONFIRMED, invitation, person, actor=actor)
    _tell_person_decided(invitation, person, confirmed=True)
    return person


def _record_joined(action: AuditAction, invitation: OrganizationInvitation, person: User, *, actor: User) -> None:
    """The audit entry of a person attached to the organization (before it they belonged to none)."""
    after: dict[str, object] = {
        "organization_id": invitation.organization_id,
        "is_org_admin": False,
        "invitation_id": invitation.id,
    }
    if invitation.kind == InvitationKind.MERGE:
        after["merged_from"] = invitation.merged_from
    audit.record(
        action,
        target=person,
        organization=invitation.organization,
        before={"organization_id": None, "is_org_admin": False},
        after=after,
        actor=actor,
    )


# --- telling people --------------------------------------------------------------------------------------


def administrators(organization: Organization) -> list[User]:
    return list(
        db.session.scalars(
            select(User)
            .where(User.organization_id == organization.id, User.is_org_admin.is_(True), User.active.is_(True))
            .order_by(User.id)
        )
    )


def _tell_invited(invitation: OrganizationInvitation, person: User, inviter: User) -> None:
    organization = invitation.organization

    def body() -> str:
        return _(
            "%(inviter)s invites you to join %(org)s on the cluster platform as one of its users.\n\n"
            "Nothing changes until you accept. Accept or decline the invitation on the platform; "
            "it is open until %(date)s.",
            inviter=inviter.full_name if not inviter.is_manager else _("The cluster manager"),
            org=localized(organization, "name"),
            date=format_date(invitation.expires_at),
        )

    notify(
        [person],
        NotificationKind.ORG_INVITATION,
        lambda: _("Invitation to join %(org)s", org=localized(organization, "name")),
        body,
        link_to("organizations.my_invitations"),
    )


def names(users: Iterable[User]) -> str:
    """People as a line of a message: names with their e-mails."""
    return ", ".join(f"{user.full_name} ({user.email})" for user in users)


def _tell_administrators_joined(organization: Organization, joined: list[User]) -> None:
    notify(
        administrators(organization),
        NotificationKind.ORG_TEAM,
        lambda: _("New users of %(org)s", org=localized(organization, "name")),
        lambda: _(
            "Accepted the invitation and joined %(org)s as users: %(names)s.",
            org=localized(organization, "name"),
            names=names(joined),
        ),
        link_to("organizations.users", org_id=organization.id),
    )


def _tell_person_decided(invitation: OrganizationInvitation, person: User, *, confirmed: bool) -> None:
    organization = invitation.organization

    def title() -> str:
        if confirmed:
            return _("You are now a user of %(org)s", org=localized(organization, "name"))
        return _("Your joining %(org)s was refused", org=localized(organization, "name"))

    def body() -> str:
        if confirmed:
            return _(
                "An administrator of %(org)s confirmed you: you are now one of its users.",
                org=localized(organization, "name"),
            )
        return _(
            "The administrators of %(org)s did not confirm you as one of its users. "
            "You belong to no organization; you may create your organization's profile "
            "or ask an administrator to invite you.",
            org=localized(organization, "name"),
        )

    notify(
        [person],
        NotificationKind.ORG_INVITATION,
        title,
        body,
        link_to("organizations.show", org_id=organization.id),
    )
