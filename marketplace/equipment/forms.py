"""Forms of the equipment feature: items, booking requests, decisions, list filters."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from typing import Any

from flask_babel import lazy_gettext as _l, to_utc
from flask_wtf import FlaskForm
from werkzeug.datastructures import FileStorage
from wtforms import (
    HiddenField,
    MultipleFileField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
    TimeField,
)
from wtforms.validators import DataRequired, InputRequired, Length, Optional
from wtforms.widgets import CheckboxInput, ListWidget

from ..errors import InvalidInput
from ..forms import (
    ActionForm,
    DateField,
    DateTimeLocalField,
    IntegerField,
    MoneyField,
    NumberRange,
    RegionField,
    SpecsField,
    show_error,
    strip_filter,
)
from ..i18n import choices
from .models import AccessPolicy, EquipmentCategory, EquipmentStatus
from .services import validate_window

MAX_PRICE = Decimal(999999999999)


PRICE_VALIDATORS = [
    Optional(),
    NumberRange(min=0, message=_l("A price cannot be negative.")),
    NumberRange(max=MAX_PRICE),
]


class MultiCheckboxField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class EquipmentForm(FlaskForm):
    organization_id = SelectField(_l("Owner organization"), coerce=int, validators=[DataRequired()])
    name_ru = StringField(_l("Name (Russian)"), filters=[strip_filter], validators=[DataRequired(), Length(max=255)])
    name_en = StringField(_l("Name (English)"), filters=[strip_filter], validators=[Length(max=255)])
    category = SelectField(_l("Category"), choices=choices(EquipmentCategory))
    manufacturer = StringField(_l("Manufacturer"), filters=[strip_filter], validators=[Length(max=120)])
    model = StringField(_l("Model"), filters=[strip_filter], validators=[Length(max=120)])
    description_ru = TextAreaField(
        _l("Description (Russian)"), filters=[strip_filter], validators=[Length(max=10000)], render_kw={"rows": 5}
    )
    description_en = TextAreaField(
        _l("Description (English)"), filters=[strip_filter], validators=[Length(max=10000)], render_kw={"rows": 5}
    )
    location = StringField(
        _l("Location"),
        filters=[strip_filter],
        validators=[Length(max=255)],
        description=_l("City, address, building and room."),
    )
    specs = SpecsField(
        _l("Specifications"),
        render_kw={"rows": 5},
        description=_l('One per line, as "name: value", e.g. "Working area: 800 × 500 × 500 mm".'),
    )
    price_per_hour = MoneyField(_l("Price per hour, ₽"), places=2, validators=PRICE_VALIDATORS)
    price_per_day = MoneyField(_l("Price per day, ₽"), places=2, validators=PRICE_VALIDATORS)
    access = SelectField(_l("Who may book it"), choices=choices(AccessPolicy))
    requirements = TextAreaField(
        _l("Requirements for users"),
        filters=[strip_filter],
        validators=[Length(max=5000)],
        render_kw={"rows": 3},
        description=_l("Operator training, safety briefing, materials to bring."),
    )
    status = SelectField(_l("Status"), choices=choices(EquipmentStatus))
    # Not named "attachments": that would be filled from the item's relationship by ``obj=item``.
    files = MultipleFileField(
        _l("Attach files"), description=_l("Photos, data sheets, price lists (PDF, images, office files).")
    )
    remove_files = MultiCheckboxField(_l("Remove files"), coerce=int, choices=[], validate_choice=True)

    def item_fields(self) -> dict[str, Any]:
        """The values for ``services.create_equipment`` / ``update_equipment``."""
        return {
            "name_ru": self.name_ru.data,
            "name_en": self.name_en.data or "",
            "category": EquipmentCategory(self.category.data),
            "manufacturer": self.manufacturer.data or "",
            "model": self.model.data or "",
            "description_ru": self.description_ru.data or "",
            "description_en": self.description_en.data or "",
            "location": self.location.data or "",
            "specs": self.specs.data or [],
            "price_per_hour": self.price_per_hour.data,
            "price_per_day": self.price_per_day.data,
            "access": AccessPolicy(self.access.data),
            "requirements": self.requirements.data or "",
            "status": EquipmentStatus(self.status.data),
        }

    def uploads(self) -> list[FileStorage]:
        return [upload for upload in (self.files.data or []) if isinstance(upload, FileStorage) and upload.filename]


class BookingForm(FlaskForm):
    """A window in the cluster's time zone; ``window()`` gives it back in naive UTC.

    ``InputRequired`` rather than ``DataRequired`` so that a malformed date says so instead of "required".
    """

    start_date = DateField(_l("Date"), validators=[InputRequired()])
    start_time = TimeField(_l("From"), validators=[InputRequired()])
    end_date = DateField(
        _l("Until date"), validators=[Optional()], description=_l("Leave empty when the window ends on the same day.")
    )
    end_time = TimeField(_l("To"), validators=[InputRequired()])
    purpose = TextAreaField(
        _l("Purpose"),
        filters=[strip_filter],
        validators=[DataRequired(), Length(max=2000)],
        render_kw={"rows": 3},
        description=_l("What you will do: samples, materials, expected load."),
    )

    def window(self) -> tuple[dt.datetime, dt.datetime]:
        starts = dt.datetime.combine(self.start_date.data, self.start_time.data)
        ends = dt.datetime.combine(self.end_date.data or self.start_date.data, self.end_time.data)
        return to_utc(starts), to_utc(ends)

    def validate(self, extra_validators: Mapping[str, Sequence[Callable[..., None]]] | None = None) -> bool:
        if not super().validate(extra_validators):
            return False
        try:
            validate_window(*self.window())
        except InvalidInput as error:
            show_error(self, error)
            return False
        return True


class DecisionForm(FlaskForm):
    next = HiddenField()
    note = TextAreaField(
        _l("Note to the requester"), filters=[strip_filter], validators=[Length(max=2000)], render_kw={"rows": 2}
    )


class RejectForm(DecisionForm):
    note = TextAreaField(
        _l("Note to the requester"),
        filters=[strip_filter],
        validators=[DataRequired(message=_l("Say why the request is rejected.")), Length(max=2000)],
        render_kw={"rows": 2},
    )


class ReturnForm(ActionForm):
    """A one-button action that goes back to the page it was pressed on."""

    next = HiddenField()


class _QueryForm(FlaskForm):
    class Meta:
        csrf = False


class FilterForm(_QueryForm):
    q = StringField(_l("Search"), filters=[strip_filter], validators=[Length(max=200)])
    category = SelectField(_l("Category"), choices=choices(EquipmentCategory, _l("— any —")), default="")
    org = IntegerField(_l("Organization"), validators=[Optional()])
    region = RegionField(_l("Region"), allow_blank=True)
    access = SelectField(_l("Who may book"), choices=choices(AccessPolicy, _l("— any —")), default="")
    status = SelectField(_l("Status"), choices=choices(EquipmentStatus, _l("In service")), default="")

    def value(self, name: str) -> Any:
        """The field's data if it is valid and set, else None (a bad filter is ignored)."""
        field = self[name]
        return field.data if field.data not in (None, "") and not field.errors else None


class FreeWindowForm(_QueryForm):
    start = DateTimeLocalField(
        _l("From"), format=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S"], validators=[InputRequired()]
    )
    end = DateTimeLocalField(
        _l("To"), format=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S"], validators=[InputRequired()]
    )
    category = SelectField(_l("Category"), choices=choices(EquipmentCategory, _l("— any —")), default="")
    region = RegionField(_l("Region"), allow_blank=True)

    def window(self) -> tuple[dt.datetime, dt.datetime]:
        return to_utc(self.start.data), to_utc(self.end.data)

    def validate(self, extra_validators: Mapping[str, Sequence[Callable[..., None]]] | None = None) -> bool:
        if not super().validate(extra_validators):
            return False
        if self.end.data <= self.start.data:
            self.end.errors = [*self.end.errors, _l("The end must be after the start.")]
            return False
        return True
