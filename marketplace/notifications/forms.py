"""Forms of the notifications pages: a bare CSRF form for the buttons, and the preferences table."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from flask_wtf import FlaskForm
from wtforms import BooleanField

from .models import NotificationKind


def field_name(channel: str, kind: NotificationKind) -> str:
    return f"{channel}_{kind.value}"


class PreferencesForm(FlaskForm):
    """One checkbox per (kind, channel): ``in_app_<kind>`` and ``email_<kind>``."""

    def choices(self, kinds: Iterable[NotificationKind]) -> dict[NotificationKind, tuple[bool, bool]]:
        """``kind -> (in_app, email)`` for the kinds shown on the page."""
        return {
            kind: (bool(self[field_name("in_app", kind)].data), bool(self[field_name("email", kind)].data))
            for kind in kinds
        }

    @classmethod
    def with_current(cls, current: dict[NotificationKind, tuple[bool, bool]], **kwargs: Any) -> PreferencesForm:
        """The form pre-filled with the stored choices (on GET; the POSTed data wins otherwise)."""
        data: dict[str, bool] = {}
        for kind, (in_app, email) in current.items():
            data[field_name("in_app", kind)] = in_app
            data[field_name("email", kind)] = email
        return cls(data=data, **kwargs)


for _kind in NotificationKind:
    setattr(PreferencesForm, field_name("in_app", _kind), BooleanField(default=True))
    setattr(PreferencesForm, field_name("email", _kind), BooleanField(default=True))
del _kind
