"""Reading the API's query parameters.

Each reader takes the request's ``args`` and a parameter name, returns the
parsed value (``None`` when the parameter is absent or empty) and raises
``InvalidInput`` (400) with a message naming the parameter when the value
cannot be used. Unknown parameters are ignored (``lang`` picks the language
of error messages).
"""

from __future__ import annotations

import enum
from typing import Any, TypeVar

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import Select, select
from werkzeug.datastructures import MultiDict

from ..db import db
from ..errors import InvalidInput
from ..organizations.competency_tree import subtree_ids
from ..organizations.models import Competency
from ..reference.regions import REGIONS
from ..utils import MAX_DB_ID, MAX_PAGE, parse_int
from ..validators import is_valid_okpd2

E = TypeVar("E", bound=enum.Enum)

MAX_PER_PAGE = 100
MAX_TEXT = 200

_TRUE = ("true", "1", "yes")
_FALSE = ("false", "0", "no")


def _raw(args: MultiDict[str, str], name: str) -> str | None:
    value = args.get(name, "").strip()
    return value or None


def integer(args: MultiDict[str, str], name: str, *, minimum: int = 1, maximum: int = MAX_DB_ID) -> int | None:
    """A whole number within ``[minimum, maximum]`` (by default an id)."""
    raw = _raw(args, name)
    if raw is None:
        return None
    value = parse_int(raw, low=minimum, high=maximum)
    if value is not None:
        return value
    if parse_int(raw, low=-(10**18), high=10**18) is None:
        raise InvalidInput(_("Parameter '%(name)s' must be an integer.", name=name), field=name)
    message = _("Parameter '%(name)s' must be between %(min)d and %(max)d.", name=name, min=minimum, max=maximum)
    raise InvalidInput(message, field=name)


def page_and_size(args: MultiDict[str, str]) -> tuple[int, int]:
    """``page`` (from 1) and ``per_page`` (1..100, default ``PER_PAGE``)."""
    page = integer(args, "page", maximum=MAX_PAGE) or 1
    per_page = integer(args, "per_page", maximum=MAX_PER_PAGE) or current_app.config["PER_PAGE"]
    return page, per_page


def boolean(args: MultiDict[str, str], name: str) -> bool | None:
    """``true``/``false`` (also ``1``/``0``, ``yes``/``no``)."""
    raw = _raw(args, name)
    if raw is None:
        return None
    if raw.lower() in _TRUE:
        return True
    if raw.lower() in _FALSE:
        return False
    raise InvalidInput(_("Parameter '%(name)s' must be true or false.", name=name), field=name)


def choice(args: MultiDict[str, str], name: str, enum_cls: type[E]) -> E | None:
    """One value of ``enum_cls``, given by its value (``kind=sme``)."""
    raw = _raw(args, name)
    if raw is None:
        return None
    for member in enum_cls:
        if str(member.value) == raw:
            return member
    allowed = ", ".join(str(member.value) for member in enum_cls)
    raise InvalidInput(_("Parameter '%(name)s' must be one of: %(allowed)s.", name=name, allowed=allowed), field=name)


def okpd2_prefix(args: MultiDict[str, str], name: str) -> str | None:
    """A well-formed OKPD2 code (``25``, ``25.6``, ``25.62.10``) used as a prefix."""
    raw = _raw(args, name)
    if raw is None:
        return None
    if not is_valid_okpd2(raw):
        raise InvalidInput(
            _("Parameter '%(name)s' must be an OKPD2 code such as 25, 25.62 or 25.62.10.", name=name), field=name
        )
    return raw


def _region_lookup() -> dict[str, str]:
    lookup: dict[str, str] = {}
    for ru, en in REGIONS:
        lookup[ru.casefold()] = ru
        lookup[en.casefold()] = ru
    return lookup


def region(args: MultiDict[str, str], name: str) -> str | None:
    """A region of the list, by its Russian (stored) or English name; returns the stored name."""
    raw = _raw(args, name)
    if raw is None:
        return None
    stored = _region_lookup().get(raw.casefold())
    if stored is None:
        raise InvalidInput(
            _("Parameter '%(name)s' must be a region of the list, in Russian or English.", name=name), field=name
        )
    return stored


def text(args: MultiDict[str, str], name: str) -> str | None:
    """Free text to search for (at most 200 characters)."""
    raw = _raw(args, name)
    if raw is not None and len(raw) > MAX_TEXT:
        raise InvalidInput(
            _("Parameter '%(name)s' is too long (at most %(max)d characters).", name=name, max=MAX_TEXT), field=name
        )
    return raw


def competency_ids(args: MultiDict[str, str], name: str) -> Select[Any] | None:
    """A competency code; returns a SELECT of the ids of that competency and all its descendants."""
    raw = _raw(args, name)
    if raw is None:
        return None
    root = db.session.scalar(select(Competency.id).where(Competency.code == raw))
    if root is None:
        raise InvalidInput(_("Parameter '%(name)s': there is no competency with this code.", name=name), field=name)
    return subtree_ids(root)
