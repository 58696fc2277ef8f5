"""The shared parsers of client input, over generated inputs: numbers from query strings and forms,
decimals typed the Russian way, dates in the accepted calendar."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from flask_wtf import FlaskForm
from hypothesis import HealthCheck, given, settings, strategies as st
from werkzeug.datastructures import MultiDict

from marketplace.forms import MAX_DATE, MIN_DATE, DateField, DecimalField, IntegerField, MoneyField
from marketplace.utils import MAX_DB_ID, parse_db_id, parse_int

SETTINGS = settings(max_examples=300, deadline=None)
#: The examples only open a request context of the ``app`` fixture; nothing in it changes between them.
FORM_SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@SETTINGS
@given(st.text())
def test_parse_int_never_raises_and_returns_only_numbers_in_range(text):
    value = parse_int(text, low=-5, high=500)
    assert value is None or -5 <= value <= 500


@SETTINGS
@given(st.integers(min_value=1, max_value=MAX_DB_ID))
def test_every_database_id_parses_back(number):
    assert parse_db_id(str(number)) == number
    assert parse_db_id(f" {number} ") == number


@pytest.mark.parametrize("text", ["0", "-1", str(MAX_DB_ID + 1), "9" * 30, "²", "١٢", "１２", "1e3", "1.0", "", "0x10"])
def test_what_is_not_a_database_id(text):
    assert parse_db_id(text) is None


class Numbers(FlaskForm):
    class Meta:
        csrf = False

    whole = IntegerField()
    number = DecimalField()
    money = MoneyField()
    day = DateField()


def submitted(app, **fields: str) -> Numbers:
    with app.test_request_context(method="POST", data=MultiDict(fields)):
        form = Numbers()
        form.validate()
        return form


@FORM_SETTINGS
@given(st.text(max_size=40))
def test_number_fields_take_any_text_without_raising(app, text):
    form = submitted(app, whole=text, number=text, money=text, day=text)
    assert form.whole.data is None or -MAX_DB_ID <= form.whole.data <= MAX_DB_ID
    for field in (form.number, form.money):
        assert field.data is None or (isinstance(field.data, Decimal) and field.data.is_finite())
    assert form.day.data is None or MIN_DATE <= form.day.data <= MAX_DATE


@FORM_SETTINGS
@given(st.decimals(min_value=-(10**12), max_value=10**12, places=2, allow_nan=False))
def test_decimals_typed_the_russian_way_keep_their_value(app, value):
    russian = f"{value:,.2f}".replace(",", " ").replace(".", ",")
    form = submitted(app, number=russian, money=russian)
    assert form.number.data == value
    assert form.money.data == value


@pytest.mark.parametrize("text", ["NaN", "-Infinity", "1e309", "1" * 16, "12,3,4"])
def test_what_is_not_a_number(app, text):
    form = submitted(app, number=text)
    assert form.number.data is None
    assert form.number.errors


@pytest.mark.parametrize(("text", "accepted"), [("1900-01-01", True), ("2100-12-31", True), ("0001-01-01", False)])
def test_dates_stay_in_the_accepted_calendar(app, text, accepted):
    form = submitted(app, day=text)
    assert (form.day.data == dt.date.fromisoformat(text)) is accepted
    assert bool(form.day.errors) is not accepted
