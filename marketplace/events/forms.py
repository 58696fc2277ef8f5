"""Forms of events: the event itself, cancelling it, one-button actions and the list filter."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from typing import Any, overload

from flask_babel import lazy_gettext as _l, to_user_timezone, to_utc
from flask_wtf import FlaskForm
from sqlalchemy import select
from wtforms import SelectField, StringField, SubmitField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import URL, DataRequired, InputRequired, Length, NumberRange, Optional

from ..db import db
from ..errors import InvalidInput
from ..forms import DateTimeLocalField, IntegerField, http_link, show_error, strip_filter
from ..i18n import choices, localized
from ..organizations.models import MembershipStatus, Organization
from ..utils import parse_db_id
from ..visibility import Visibility
from .models import Event, EventKind
from .services import check_values

_FORMATS = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S"]
MAX_CAPACITY = 100_000


@overload
def wall_time(value: dt.datetime) -> dt.datetime: ...
@overload
def wall_time(value: None) -> None: ...
def wall_time(value: dt.datetime | None) -> dt.datetime | None:
    """Naive UTC → naive wall time of the cluster's time zone (what the form shows)."""
    return to_user_timezone(value).replace(tzinfo=None, second=0, microsecond=0) if value else None


def _utc(value: dt.datetime | None) -> dt.datetime | None:
    return to_utc(value) if value else None


def organizer_options() -> list[SelectChoice]:
    """The cluster management (empty value) and every member organization, by name."""
    orgs = db.session.scalars(
        select(Organization)
        .where(Organization.membership_status == MembershipStatus.MEMBER)
        .order_by(Organization.name_ru)
    )
    return [SelectChoice("", _l("The cluster management"))] + [
        SelectChoice(str(org.id), localized(org, "name")) for org in orgs
    ]


class EventForm(FlaskForm):
    """An event; times are typed in the cluster's time zone and ``event_values()`` gives them in naive UTC.

    ``organizer_id`` is offered to the cluster manager only (the view removes it for others).
    """

    title_ru = StringField(
        _l("Title"),
        filters=[strip_filter],
        validators=[DataRequired(), Length(max=255)],
        description=_l('For example: "Brokerage day: subcontracting for chemical plants".'),
    )
    title_en = StringField(_l("Title in English"), filters=[strip_filter], validators=[Length(max=255)])
    kind = SelectField(_l("Format"), choices=lambda: choices(EventKind))
    organizer_id = SelectField(_l("Organizer"), choices=organizer_options, validators=[Optional()])
    description_ru = TextAreaField(
        _l("Description"),
        filters=[strip_filter],
        validators=[DataRequired(), Length(max=20000)],
        description=_l("Programme, speakers, who should come."),
    )
    description_en = TextAreaField(_l("Description in English"), filters=[strip_filter], validators=[Length(max=20000)])
    starts_at = DateTimeLocalField(_l("Starts"), format=_FORMATS, validators=[InputRequired()])
    ends_at = DateTimeLocalField(_l("Ends"), format=_FORMATS, validators=[InputRequired()])
    place = StringField(
        _l("Address"),
        filters=[strip_filter],
        validators=[Length(max=255)],
        description=_l("City, street, building, hall."),
    )
    online_url = StringField(
        _l("Link to join online"),
        filters=[strip_filter],
        validators=[Optional(), Length(max=500), URL(require_tld=False), http_link],
    )
    capacity = IntegerField(
        _l("Places"),
        validators=[Optional(), NumberRange(min=1, max=MAX_CAPACITY)],
        description=_l("Leave empty for unlimited."),
    )
    registration_deadline = DateTimeLocalField(
        _l("Registration closes"),
        format=_FORMATS,
        validators=[Optional()],
        description=_l("Leave empty to close it when the event starts."),
    )
    visibility = SelectField(
        _l("Who can see the event"), choices=lambda: choices(Visibility), default=Visibility.PUBLIC.value
    )
    save_draft = SubmitField(_l("Save as draft"))
    publish = SubmitField(_l("Publish"))
    save = SubmitField(_l("Save changes"))

    def __init__(self, *args: Any, original: Event | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._original = original

    def fill_from(self, event: Event) -> None:
        """Show an existing event: times in wall time, enums by value."""
        for name in ("starts_at", "ends_at", "registration_deadline"):
            getattr(self, name).data = wall_time(getattr(event, name))
        self.kind.data = event.kind.value
        self.visibility.data = event.visibility.value
        if "organizer_id" in self._fields:
            self.organizer_id.data = str(event.organizer_id or "")

    def event_values(self) -> dict[str, Any]:
        return {
            "title_ru": self.title_ru.data,
            "title_en": self.title_en.data or "",
            "description_ru": self.description_ru.data,
            "description_en": self.description_en.data or "",
            "kind": EventKind(self.kind.data),
            "starts_at": _utc(self.starts_at.data),
            "ends_at": _utc(self.ends_at.data),
            "place": self.place.data or "",
            "online_url": self.online_url.data or "",
            "capacity": self.capacity.data,
            "registration_deadline": _utc(self.registration_deadline.data),
            "visibility": Visibility(self.visibility.data),
        }

    def selected_organizer(self) -> Organization | None:
        """The chosen organizer; ``None`` for the cluster management (or when the field is not offered)."""
        value = self.organizer_id.data if "organizer_id" in self._fields else None
        organizer_id = parse_db_id(value)
        return db.session.get(Organization, organizer_id) if organizer_id is not None else None

    def validate(self, extra_validators: Mapping[str, Sequence[Callable[..., None]]] | None = None) -> bool:
        if not super().validate(extra_validators):
            return False
        try:
            check_values(self.event_values(), original=self._original)
        except InvalidInput as error:
            show_error(self, error)
            return False
        return True


class CancelForm(FlaskForm):
    reason = TextAreaField(
        _l("Reason"),
        filters=[strip_filter],
        validators=[DataRequired(), Length(max=2000)],
        description=_l("The registered participants receive it by e-mail."),
    )
    submit = SubmitField(_l("Cancel the event"))


class FilterForm(FlaskForm):
    class Meta:
        csrf = False

    kind = SelectField(_l("Format"), choices=lambda: choices(EventKind, blank=_l("— any —")), validators=[Optional()])

    def selected_kind(self) -> EventKind | None:
        self.validate()
        return EventKind(self.kind.data) if self.kind.data and not self.kind.errors else None
