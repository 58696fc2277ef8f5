"""Forms, fields and validators shared by several features, and how a service's error reaches a form."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator, Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, TypeVar, cast

import wtforms
from flask import flash
from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString
from flask_wtf import FlaskForm
from markupsafe import Markup, escape
from wtforms import Field, SelectField, StringField, TextAreaField, validators, widgets
from wtforms.fields.choices import SelectChoice
from wtforms.validators import ValidationError
from wtforms.widgets import TextInput

from .errors import MarketplaceError
from .i18n import current_language
from .reference.regions import REGIONS, region_choices
from .utils import MAX_DB_ID, parse_int, safe_http_url
from .validators import (
    is_valid_hs,
    is_valid_inn,
    is_valid_ogrn,
    is_valid_okpd2,
    is_valid_unspsc,
)

MAX_SPECS = 50

T = TypeVar("T")

#: Service field names that a form shows under another name (uploads are the form's ``files``).
DEFAULT_FIELD_ALIASES = {"attachments": "files"}


class ActionForm(FlaskForm):
    """A one-button action (publish, archive, mark read...): nothing to fill in, only the CSRF token."""


def show_error(form: FlaskForm, error: MarketplaceError) -> None:
    """Show a service's error under the form field it names, or above the form when it names none.

    A form maps service field names to its own with a ``FIELD_ALIASES`` dict
    (``{"manager_id": "responsible"}``); uploads (``attachments``) go to a ``files`` field if the form has one.
    """
    aliases = {**DEFAULT_FIELD_ALIASES, **getattr(form, "FIELD_ALIASES", {})}
    names = (aliases.get(error.field or ""), error.field)
    field = next((form[name] for name in names if name and name in form), None)
    if field is None:
        flash(error.message, "error")
        return
    field.errors = [*field.errors, error.message]


def form_status(form: FlaskForm) -> int:
    """The status of a page showing ``form``: 400 when it comes back after a failed submit, else 200."""
    return 400 if form.is_submitted() else 200


class SpecsField(TextAreaField):
    """Name/value pairs typed one per line as ``Name: value``; data is a list of dicts."""

    def _value(self) -> str:
        if self.raw_data:
            return self.raw_data[0]
        return "\n".join(f"{spec['name']}: {spec['value']}" for spec in (self.data or []))

    def process_formdata(self, valuelist: list[str]) -> None:
        self.data = []
        if not valuelist:
            return
        lines = [line.strip() for line in valuelist[0].splitlines() if line.strip()]
        if len(lines) > MAX_SPECS:
            raise ValueError(_l("At most %(n)d specifications.", n=MAX_SPECS))
        for number, line in enumerate(lines, start=1):
            name, sep, value = line.partition(":")
            name, value = name.strip(), value.strip()
            if not sep or not name or not value:
                raise ValueError(_l('Line %(n)d: write "name: value".', n=number))
            if len(name) > 120 or len(value) > 255:
                raise ValueError(_l("Line %(n)d is too long.", n=number))
            self.data.append({"name": name, "value": value})


class Okpd2ListField(StringField):
    """Several OKPD2 codes separated by commas or spaces; data is a list of strings."""

    def _value(self) -> str:
        if self.raw_data:
            return self.raw_data[0]
        return ", ".join(self.data or [])

    def process_formdata(self, valuelist: list[str]) -> None:
        self.data = []
        if not valuelist:
            return
        codes = [code for code in re.split(r"[\s,;]+", valuelist[0]) if code]
        bad = [code for code in codes if not is_valid_okpd2(code)]
        if bad:
            raise ValueError(_l("Not an OKPD2 code: %(codes)s. Use the form 25.62 or 25.62.10.", codes=", ".join(bad)))
        self.data = list(dict.fromkeys(codes))


class ListSelect(widgets.Select):
    """WTForms' ``<select>``, its plain options written directly: WTForms builds each option's attributes with
    ``Markup.format`` (~15 µs an option), which made the 90 regions of a filter form a tenth of a page."""

    @classmethod
    def render_option(cls, choice: SelectChoice, **kwargs: Any) -> Markup:
        if kwargs or choice.render_kw:  # attributes of its own: WTForms' way
            return cast("Markup", super().render_option(choice, **kwargs))
        value = str(choice.value) if isinstance(choice.value, bool) else choice.value
        selected = " selected" if choice.selected else ""
        return Markup(f'<option value="{escape(value)}"{selected}>{escape(choice.label or value)}</option>')  # noqa: S704  both parts escaped


class RegionField(SelectField):
    """A region of the list, shown in the current language."""

    widget = ListSelect()

    def __init__(
        self,
        label: str | None = None,
        validators: Sequence[Any] | None = None,
        allow_blank: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(label, validators, **kwargs)
        self.allow_blank = allow_blank

    def iter_choices(self) -> Iterator[Any]:
        self.choices = [SelectChoice("", _l("— any —") if self.allow_blank else _l("— choose —"))] + [
            SelectChoice(value, name) for value, name in region_choices(current_language())
        ]
        return super().iter_choices()

    def pre_validate(self, _form: FlaskForm) -> None:
        known = {ru for ru, _ in REGIONS}
        if self.data in known or (self.allow_blank and not self.data):
            return
        raise ValidationError(_l("Choose a region from the list."))


def _optional_code(check: Callable[[str], bool], message: LazyString) -> Callable[[FlaskForm, Field], None]:
    def validator(_form: FlaskForm, field: Field) -> None:
        if field.data and not check(field.data.strip()):
            raise ValidationError(message)

    return validator


okpd2_code = _optional_code(is_valid_okpd2, _l("Not an OKPD2 code. Use the form 25.62 or 25.62.10."))
hs_code = _optional_code(is_valid_hs, _l("An HS / TN VED code has 6, 8 or 10 digits."))
unspsc_code = _optional_code(is_valid_unspsc, _l("A UNSPSC code has 8 digits."))
inn = _optional_code(is_valid_inn, _l("This INN is not valid: check the digits."))
ogrn = _optional_code(is_valid_ogrn, _l("This OGRN is not valid: check the digits."))
#: Only absolute http(s) addresses, whatever the WTForms version's ``URL`` accepts: such a value is printed as a
#: link, and ``javascript:`` or ``data:`` would make a dangerous href.
http_link = _optional_code(lambda url: bool(safe_http_url(url)), _l("Enter a web address such as https://example.com."))


def strip_filter(value: T) -> T | str:
    """WTForms filter: trim surrounding whitespace of strings."""
    return value.strip() if isinstance(value, str) else value


class NumberRange(validators.NumberRange):
    """WTForms' NumberRange that stays quiet when the input was not a number at all:
    the field already says "Not a valid number", a range message on top only confuses."""

    def __call__(self, form: FlaskForm, field: Field) -> None:
        if field.data is None and field.process_errors:
            return
        super().__call__(form, field)


# -- Numbers and dates: one rule for every form -----------------------------------------------------------

#: The calendar the site accepts. A date outside it is a typing mistake (year 0001, 9999) and would break
#: date arithmetic and time zone conversion further on.
MIN_DATE = dt.date(1900, 1, 1)
MAX_DATE = dt.date(2100, 12, 31)
#: A decimal as people type it once spaces are dropped and a comma became a point: at most 15 digits before
#: the point and 6 after. No exponents, no NaN or infinities.
_DECIMAL = re.compile(r"-?\d{1,15}(?:\.\d{1,6})?")
_KOPECK = Decimal("0.01")


class IntegerField(wtforms.IntegerField):
    """A whole number in ASCII digits that fits an INTEGER column (``²``, ``1e3`` or 20 digits are refused)."""

    data: Any  # an int, or None; as with every WTForms field, the form's validators say which

    def process_formdata(self, valuelist: list[str]) -> None:
        if not valuelist or not valuelist[0].strip():
            self.data = None
            return
        self.data = parse_int(valuelist[0], low=-MAX_DB_ID, high=MAX_DB_ID)
        if self.data is None:
            raise ValueError(_l("Enter a whole number."))


class DecimalField(wtforms.DecimalField):
    """A number typed the Russian way too ("1 500,50"), finite and of a sane size; empty is None.

    A text input, not ``type=number``: browsers refuse the comma and the spaces there.
    """

    widget = TextInput()
    data: Any  # a Decimal, or None; as with every WTForms field, the form's validators say which

    def process_formdata(self, valuelist: list[str]) -> None:
        if not valuelist:
            return
        raw = "".join(valuelist[0].split()).replace(",", ".")
        if not raw:
            self.data = None
            return
        if not (raw.isascii() and _DECIMAL.fullmatch(raw)):
            self.data = None
            raise ValueError(_l("Enter a number, for example 1500 or 1500.50."))
        self.data = Decimal(raw)


class MoneyField(DecimalField):
    """An amount in roubles, rounded to kopecks."""

    def process_formdata(self, valuelist: list[str]) -> None:
        super().process_formdata(valuelist)
        if isinstance(self.data, Decimal):
            self.data = self.data.quantize(_KOPECK, rounding=ROUND_HALF_UP)


def _check_date(value: dt.date | None) -> None:
    if value is not None and not MIN_DATE <= value <= MAX_DATE:
        raise ValueError(
            _l("Enter a date between %(first)s and %(last)s.", first=MIN_DATE.isoformat(), last=MAX_DATE.isoformat())
        )


class DateField(wtforms.DateField):
    """A date within ``MIN_DATE``..``MAX_DATE``."""

    data: Any  # a date, or None; as with every WTForms field, the form's validators say which

    def process_formdata(self, valuelist: list[str]) -> None:
        super().process_formdata(valuelist)
        try:
            _check_date(self.data)
        except ValueError:
            self.data = None
            raise


class DateTimeLocalField(wtforms.DateTimeLocalField):
    """A wall-clock date and time within ``MIN_DATE``..``MAX_DATE``."""

    data: Any  # a datetime, or None; as with every WTForms field, the form's validators say which

    def process_formdata(self, valuelist: list[str]) -> None:
        super().process_formdata(valuelist)
        try:
            _check_date(self.data.date() if self.data is not None else None)
        except ValueError:
            self.data = None
            raise
