"""Forms of the exchange: orders, responses, lifecycle actions, offers and list filters."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString
from flask_wtf import FlaskForm
from flask_wtf.file import MultipleFileField
from sqlalchemy import select
from werkzeug.datastructures import FileStorage
from wtforms import (
    BooleanField,
    Field,
    HiddenField,
    SelectField,
    SelectMultipleField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import (
    DataRequired,
    InputRequired,
    Length,
    Optional,
    ValidationError,
)

from ..db import db, utcnow
from ..forms import (
    DateField,
    DecimalField,
    IntegerField,
    MoneyField,
    NumberRange,
    Okpd2ListField,
    RegionField,
    strip_filter,
)
from ..i18n import choices
from ..organizations.competency_tree import grouped_choices
from ..organizations.models import Competency
from ..utils import MAX_DB_ID, parse_db_id
from ..validators import is_valid_okpd2
from ..visibility import Visibility
from .models import OrderKind, OrderStatus
from .queries import LISTED_STATUSES, ListFilters

MAX_MONEY = Decimal("999999999999.99")  # Numeric(14, 2)
MAX_QUANTITY = Decimal("99999999999.999")  # Numeric(14, 3)


def competency_options(blank: LazyString | None = None) -> list[SelectChoice]:
    """The competency directory as grouped options, with an optional blank first option."""
    return ([SelectChoice("", blank)] if blank is not None else []) + grouped_choices()


def selected_competencies(ids: list[int] | None) -> list[Competency]:
    if not ids:
        return []
    return list(db.session.scalars(select(Competency).where(Competency.id.in_(ids)).order_by(Competency.code)))


def _positive(_form: FlaskForm, field: Field) -> None:
    if field.data is not None and field.data <= 0:
        raise ValidationError(_l("Must be greater than zero."))


class OrderForm(FlaskForm):
    title = StringField(
        _l("Title"),
        filters=[strip_filter],
        validators=[DataRequired(), Length(max=255)],
        description=_l('What is needed, in a few words: "Machining of 200 flanges, steel 09G2S".'),
    )
    kind = SelectField(_l("Kind of work"), choices=lambda: choices(OrderKind))
    description = TextAreaField(
        _l("Description"),
        filters=[strip_filter],
        validators=[DataRequired(), Length(max=20000)],
        description=_l("Materials, tolerances, standards, delivery terms."),
    )
    competencies = SelectMultipleField(
        _l("Required competencies"),
        coerce=int,
        choices=competency_options,
        description=_l("Hold Ctrl (Cmd on a Mac) to choose several."),
    )
    okpd2_codes = Okpd2ListField(_l("OKPD2 codes"), description=_l("Separated by commas, e.g. 25.62, 28.41.1"))
    quantity = DecimalField(
        _l("Quantity"), places=None, validators=[Optional(), _positive, NumberRange(max=MAX_QUANTITY)]
    )
    unit = StringField(
        _l("Unit"), filters=[strip_filter], validators=[Length(max=40)], description=_l("pcs, kg, m, set…")
    )
    deadline = DateField(_l("Deadline"), validators=[Optional()])
    budget = MoneyField(_l("Budget, ₽"), places=2, validators=[Optional(), NumberRange(min=0, max=MAX_MONEY)])
    budget_confidential = BooleanField(
        _l("Show the budget only to my organization and the cluster manager"), default=True
    )
    region = RegionField(_l("Region"))
    visibility = SelectField(
        _l("Who can see the order"), choices=lambda: choices(Visibility), default=Visibility.MEMBERS.value
    )
    files = MultipleFileField(
        _l("Attachments"),
        description=_l("Drawings and specifications: PDF, DWG, DXF, STEP, DOCX, XLSX, images; up to 10 MB each."),
    )
    save_draft = SubmitField(_l("Save as draft"))
    publish = SubmitField(_l("Publish"))
    save = SubmitField(_l("Save changes"))

    def __init__(self, *args: Any, original_deadline: dt.date | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._original_deadline = original_deadline

    def validate_deadline(self, field: Field) -> None:
        # An unchanged deadline of an existing order may lie in the past; a new one may not.
        if field.data and field.data < utcnow().date() and field.data != self._original_deadline:
            raise ValidationError(_l("The deadline cannot be in the past."))

    def order_values(self) -> dict[str, Any]:
        return {
            "title": self.title.data,
            "kind": OrderKind(self.kind.data),
            "description": self.description.data,
            "okpd2_codes": list(self.okpd2_codes.data or []),
            "quantity": self.quantity.data,
            "unit": self.unit.data or "",
            "deadline": self.deadline.data,
            "budget": self.budget.data,
            "budget_confidential": bool(self.budget_confidential.data),
            "region": self.region.data,
            "visibility": Visibility(self.visibility.data),
        }

    def uploads(self) -> list[FileStorage]:
        return [upload for upload in (self.files.data or []) if getattr(upload, "filename", "")]


class ResponseForm(FlaskForm):
    price = MoneyField(_l("Price, ₽"), places=2, validators=[InputRequired(), NumberRange(min=0, max=MAX_MONEY)])
    lead_time_days = IntegerField(_l("Lead time, days"), validators=[InputRequired(), NumberRange(min=1, max=3650)])
    message = TextAreaField(
        _l("Message to the customer"),
        filters=[strip_filter],
        validators=[Length(max=5000)],
        description=_l("Your experience with similar work, equipment, terms."),
    )
    submit = SubmitField(_l("Send response"))


class CancelForm(FlaskForm):
    reason = TextAreaField(_l("Reason"), filters=[strip_filter], validators=[DataRequired(), Length(max=2000)])
    submit = SubmitField(_l("Cancel the order"))


class CompleteForm(FlaskForm):
    note = TextAreaField(_l("Note"), filters=[strip_filter], validators=[Length(max=2000)])
    submit = SubmitField(_l("Mark as completed"))


class AwardForm(FlaskForm):
    response_id = HiddenField(validators=[DataRequired()])

    def validate_response_id(self, field: Field) -> None:
        if parse_db_id(field.data) is None:
            raise ValidationError(_l("Choose a response."))


class OfferForm(FlaskForm):
    title = StringField(
        _l("Title"),
        filters=[strip_filter],
        validators=[DataRequired(), Length(max=255)],
        description=_l('What you can do: "5-axis machining, parts up to 2 m".'),
    )
    kind = SelectField(_l("Kind of work"), choices=lambda: choices(OrderKind))
    description = TextAreaField(
        _l("Description"),
        filters=[strip_filter],
        validators=[DataRequired(), Length(max=20000)],
        description=_l("Equipment, materials, sizes, batch sizes, certificates."),
    )
    competencies = SelectMultipleField(
        _l("Competencies"),
        coerce=int,
        choices=competency_options,
        description=_l("Hold Ctrl (Cmd on a Mac) to choose several."),
    )
    okpd2_codes = Okpd2ListField(_l("OKPD2 codes"), description=_l("Separated by commas, e.g. 25.62, 28.41.1"))
    region = RegionField(_l("Region"))
    visibility = SelectField(
        _l("Who can see the offer"), choices=lambda: choices(Visibility), default=Visibility.PUBLIC.value
    )
    submit = SubmitField(_l("Save"))

    def offer_values(self) -> dict[str, Any]:
        return {
            "title": self.title.data,
            "kind": OrderKind(self.kind.data),
            "description": self.description.data,
            "okpd2_codes": list(self.okpd2_codes.data or []),
            "region": self.region.data,
            "visibility": Visibility(self.visibility.data),
        }


class FilterForm(FlaskForm):
    """The filters of the orders and offers lists, read from the query string."""

    class Meta:
        csrf = False

    q = StringField(_l("Text"), filters=[strip_filter], validators=[Optional(), Length(max=200)])
    kind = SelectField(_l("Kind"), choices=lambda: choices(OrderKind, blank=_l("— any —")), validators=[Optional()])
    status = SelectField(
        _l("Status"),
        validators=[Optional()],
        choices=lambda: [*choices(LISTED_STATUSES), SelectChoice("any", _l("Any status"))],
    )
    region = RegionField(_l("Region"), allow_blank=True, validators=[Optional()])
    competency = SelectField(
        _l("Competency"), choices=lambda: competency_options(blank=_l("— any —")), validators=[Optional()]
    )
    okpd2 = StringField(_l("OKPD2 code"), filters=[strip_filter], validators=[Optional(), Length(max=20)])
    org = IntegerField(validators=[Optional(), NumberRange(min=1, max=MAX_DB_ID)])
    sort = SelectField(
        _l("Sort"),
        validators=[Optional()],
        choices=lambda: [SelectChoice("newest", _l("Newest first")), SelectChoice("deadline", _l("Nearest deadline"))],
    )

    def validate_okpd2(self, field: Field) -> None:
        if field.data and not is_valid_okpd2(field.data):
            raise ValidationError(_l("Not an OKPD2 code. Use the form 25.62 or 25.62.10."))

    def filters(self) -> ListFilters:
        """The valid filters; a field with an error is ignored rather than failing the page."""
        self.validate()

        def ok(field: Field) -> Any:
            return field.data if not field.errors and field.data not in (None, "") else None

        status = ok(self.status)
        return ListFilters(
            kind=OrderKind(ok(self.kind)) if ok(self.kind) else None,
            status=None if status == "any" else OrderStatus(status) if status else OrderStatus.OPEN,
            region=ok(self.region) or "",
            competency_id=int(ok(self.competency)) if ok(self.competency) else None,
            okpd2=ok(self.okpd2) or "",
            organization_id=ok(self.org),
            text=ok(self.q) or "",
            sort=ok(self.sort) or "newest",
        )


class InviteForm(FlaskForm):
    """Invite one proposed supplier; the organization is checked again by the service."""

    organization_id = HiddenField(validators=[DataRequired()])

    def validate_organization_id(self, field: Field) -> None:
        if parse_db_id(field.data) is None:
            raise ValidationError(_l("Choose a supplier from the list."))

    @property
    def organization(self) -> int:
        return int(self.organization_id.data)
