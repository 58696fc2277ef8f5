"""Access levels and the checks every feature builds its rules on.

Levels (``AccessLevel``): guest < registered user < member < manager. A
member's organization is a cluster member; the manager sees everything.

This module knows users, organizations' ownership of records and the
``Visibility`` a record is published with; it knows no feature. Each feature
states who may see and do what with its own records in its ``rules.py``
(``orders.rules``, ``projects.rules``, ...), writing each visibility rule once,
as an SQL condition that lists, search, the API and the competence map filter
by and that ``row_visible`` evaluates for a single record. A rule is a function
of the ``Viewer`` (access level, organization, user), decorated with
``visibility_rule``: it is then called with a user and built once per viewer.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache, wraps
from typing import Any, NoReturn, ParamSpec, Protocol, TypeVar, cast

from flask import has_request_context
from flask_babel import gettext as _
from flask_login import AnonymousUserMixin, current_user
from sqlalchemy import ColumnElement, exists, select, true

from .db import db
from .errors import Forbidden, LoginRequired, NotFound
from .visibility import Visibility


class AccessLevel(enum.IntEnum):
    """What a visitor may see, from least to most. Each level includes the ones below."""

    GUEST = 0  # anonymous
    USER = 1  # registered, organization not (yet) a member
    MEMBER = 2  # belongs to a member organization
    MANAGER = 3  # runs the cluster


P = ParamSpec("P")
R = TypeVar("R")
T = TypeVar("T")


def viewer(user: Any = None) -> Any:
    """``user``, or else the request's user (a guest outside requests: CLI commands, jobs)."""
    if user is not None:
        return user
    return current_user if has_request_context() else AnonymousUserMixin()


def user_object() -> Any:
    """The request's user itself, not Flask-Login's proxy: to keep, compare or hand to ``login_user``."""
    return current_user._get_current_object()  # noqa: SLF001  LocalProxy's public accessor


def access_level(user: Any = None) -> AccessLevel:
    user = viewer(user)
    if not user.is_authenticated:
        return AccessLevel.GUEST
    level: AccessLevel = user.access_level
    return level


def is_manager(user: Any = None) -> bool:
    return access_level(user) >= AccessLevel.MANAGER


def organization_id_of(user: Any = None) -> int | None:
    """The id of the user's organization; None for guests and users without one."""
    user = viewer(user)
    if not user.is_authenticated:
        return None
    organization_id: int | None = user.organization_id
    return organization_id


def belongs_to(organization_id: int | None, user: Any = None) -> bool:
    """True when the user is one of the organization's own users."""
    return organization_id is not None and organization_id_of(user) == organization_id


def can_edit_organization_records(organization_id: int, user: Any = None) -> bool:
    """An organization's records are changed by its own users and the manager."""
    return belongs_to(organization_id, user) or is_manager(user)


def can_see_confidential(organization_id: int, user: Any = None) -> bool:
    """A confidential value is shown to the owning organization's users and the manager."""
    return belongs_to(organization_id, user) or is_manager(user)


def allowed_visibilities(user: Any = None) -> tuple[Visibility, ...]:
    """The ``Visibility`` values a user may read: members-only records from MEMBER up."""
    return Viewer.of(user).visibilities


@dataclass(frozen=True)
class Viewer:
    """Who is looking, as far as visibility rules care: the access level, the organization, the user."""

    level: AccessLevel
    organization_id: int | None = None
    user_id: int | None = None

    @classmethod
    def of(cls, user: Any = None) -> Viewer:
        """The viewer ``user`` is (default: the request's user)."""
        user = viewer(user)
        if not user.is_authenticated:
            return GUEST_VIEWER
        return cls(user.access_level, user.organization_id, user.id)

    @property
    def is_manager(self) -> bool:
        return self.level >= AccessLevel.MANAGER

    @property
    def visibilities(self) -> tuple[Visibility, ...]:
        """The ``Visibility`` values this viewer may read: members-only records from MEMBER up."""
        if self.level >= AccessLevel.MEMBER:
            return (Visibility.PUBLIC, Visibility.MEMBERS)
        return (Visibility.PUBLIC,)


GUEST_VIEWER = Viewer(AccessLevel.GUEST)


class Rule(Protocol):
    """A visibility rule as features call it: with a user (default: the request's), an SQL condition."""

    def __call__(self, user: Any = None) -> ColumnElement[bool]: ...


def visibility_rule(build: Callable[[Viewer], ColumnElement[bool]]) -> Rule:
    """Turn ``build(viewer)`` into a ``Rule``, built once per viewer and process.

    An SQL expression is immutable: every statement of every request may share it, and the rules that
    every list, page and search apply cost nothing after their first use (building them was a tenth of an
    order page with suggestions).
    """
    built = lru_cache(maxsize=4096)(build)

    @wraps(build)
    def rule(user: Any = None) -> ColumnElement[bool]:
        return built(Viewer.of(user))

    return rule


def row_visible(model: Any, row_id: int, condition: ColumnElement[bool]) -> bool:
    """Whether the row ``row_id`` of ``model`` meets ``condition``.

    A feature's visibility rule is written once, as the SQL condition its lists
    filter by; this evaluates the same condition for one record, so a page and a
    list can never disagree about who sees what.
    """
    if condition.compare(true()):  # the manager's rule: every row, no need to ask the database
        return True
    return bool(db.session.scalar(select(exists().where(model.id == row_id, condition))))


def load_visible(model: type[T], row_id: int, condition: ColumnElement[bool]) -> T | None:
    """The row ``row_id`` of ``model`` if it meets ``condition``, in one statement (None: missing or hidden;
    a page then tells the two apart only on that rare path)."""
    entity: Any = model  # every model has an ``id``; the type checker knows only ``type[T]``
    return cast("T | None", db.session.scalar(select(entity).where(entity.id == row_id, condition)))


def refuse_hidden(user: Any = None, *, login_helps: bool = True) -> NoReturn:
    """Refuse a record the user may not see.

    :raise LoginRequired: for a guest when logging in could reveal the record.
    :raise NotFound: otherwise: the user learns nothing about whether it exists.
    """
    if login_helps and access_level(user) == AccessLevel.GUEST:
        raise LoginRequired
    raise NotFound


def deny(message: str, user: Any = None) -> NoReturn:
    """Refuse an action: guests are sent to log in, everyone else gets 403 with ``message``.

    :raise LoginRequired: for a guest.
    :raise Forbidden: for everyone else.
    """
    if access_level(user) == AccessLevel.GUEST:
        raise LoginRequired
    raise Forbidden(message)


def require(level: AccessLevel, user: Any = None) -> None:
    """Raise unless the user has at least ``level``; guests are sent to log in."""
    current = access_level(user)
    if current >= level:
        return
    if current == AccessLevel.GUEST:
        raise LoginRequired
    raise Forbidden(
        _("Only members of the cluster can do this.")
        if level == AccessLevel.MEMBER
        else _("Only the cluster manager can do this.")
        if level == AccessLevel.MANAGER
        else _("You do not have access to this page.")
    )


def require_edit(organization_id: int, user: Any = None) -> None:
    if not can_edit_organization_records(organization_id, user):
        raise Forbidden(_("Only the organization's own users can change this."))


def level_required(level: AccessLevel) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """View decorator: at least ``level``, else log in (guests) or 403."""

    def decorator(view: Callable[P, R]) -> Callable[P, R]:
        @wraps(view)
        def wrapped(*args: P.args, **kwargs: P.kwargs) -> R:
            require(level)
            return view(*args, **kwargs)

        return wrapped

    return decorator


login_required = level_required(AccessLevel.USER)
member_required = level_required(AccessLevel.MEMBER)
manager_required = level_required(AccessLevel.MANAGER)
