"""Forms of the dashboard: the period, the year's targets, a rating."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    Field,
    RadioField,
    SubmitField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Length, Optional, ValidationError

from ..errors import InvalidInput
from ..forms import DateField, DecimalField, IntegerField, NumberRange, show_error, strip_filter
from .indicators import REGISTRY, Period
from .ratings import MAX_COMMENT
from .services import check_target, year_range

#: The longest period one export may cover.
MAX_EXPORT_DAYS = 366 * 5


class PeriodForm(FlaskForm):
    """``?year=2025`` or ``?start=2025-01-01&end=2025-06-30`` (dates win when both are given)."""

    class Meta:
        csrf = False

    year = IntegerField(_l("Year"), validators=[Optional()])
    start = DateField(_l("From"), validators=[Optional()])
    end = DateField(_l("To"), validators=[Optional()])

    def validate_year(self, field: Field) -> None:
        if field.data is not None and field.data not in year_range():
            raise ValidationError(
                _l("Choose a year from %(first)d to %(last)d.", first=year_range()[0], last=year_range()[-1])
            )

    def validate(self, extra_validators: Mapping[str, Sequence[Callable[..., None]]] | None = None) -> bool:
        if not super().validate(extra_validators):
            return False
        start, end = self.start.data, self.end.data
        message = None
        if (start is None) != (end is None):
            message = _l("Give both dates of the period, or neither.")
        elif start and end and end < start:
            message = _l("The period ends before it starts.")
        elif start and end and (end - start).days > MAX_EXPORT_DAYS:
            message = _l("A period of at most five years, please.")
        if message:
            self.end.errors = [*self.end.errors, message]
            return False
        return True

    def period(self, *, dates: bool = True) -> Period:
        """The chosen period; the current year when nothing (valid) was chosen."""
        valid = self.validate()
        if valid and dates and self.start.data and self.end.data:
            return Period(self.start.data, self.end.data)
        year = self.year.data if valid and self.year.data else dt.date.today().year
        return Period.year(year)


class TargetsForm(FlaskForm):
    """One optional number per indicator of the registry; an empty field removes the target.

    The fields are added below, one per ``REGISTRY`` entry, named by the indicator's key.
    """

    save = SubmitField(_l("Save targets"))

    @staticmethod
    def initial(targets: dict[str, Decimal]) -> dict[str, Decimal]:
        """Stored targets as the fields show them: "25", "4.5" (not "25.00", "4.50")."""
        return {
            key: value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()
            for key, value in targets.items()
        }

    def values(self) -> dict[str, Decimal | None]:
        return {indicator.key: self[indicator.key].data for indicator in REGISTRY}

    def validate(self, extra_validators: Mapping[str, Sequence[Callable[..., None]]] | None = None) -> bool:
        if not super().validate(extra_validators):
            return False
        ok = True
        for indicator in REGISTRY:
            try:
                check_target(indicator, self[indicator.key].data)
            except InvalidInput as error:
                show_error(self, error)
                ok = False
        return ok


for _indicator in REGISTRY:
    setattr(
        TargetsForm,
        _indicator.key,
        DecimalField(
            _indicator.label,
            places=_indicator.decimals or None,
            validators=[
                Optional(),
                NumberRange(min=0, max=float(_indicator.max_target) if _indicator.max_target else 10_000_000),
            ],
        ),
    )
del _indicator


class RatingForm(FlaskForm):
    score = RadioField(
        _l("Your score"),
        choices=[SelectChoice(str(n), str(n)) for n in range(1, 6)],
        coerce=int,
        validators=[InputRequired(_l("Choose a score from 1 to 5."))],
    )
    comment = TextAreaField(
        _l("Comment"),
        filters=[strip_filter],
        validators=[Length(max=MAX_COMMENT)],
        description=_l("What works well, what is missing? The cluster manager reads every comment."),
    )
    submit = SubmitField(_l("Send"))
