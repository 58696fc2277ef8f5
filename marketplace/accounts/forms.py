"""Forms of the accounts feature."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, Field, PasswordField, SelectField, StringField
from wtforms.fields import SelectChoice
from wtforms.validators import DataRequired, Email, EqualTo, Length, Optional, Regexp, ValidationError

from ..forms import strip_filter
from .passwords import MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, is_common_password

LANGUAGE_CHOICES = [SelectChoice("ru", "Русский"), SelectChoice("en", "English")]
PHONE_PATTERN = r"^[0-9+()\-\s.]*$"


def not_common(_form: FlaskForm, field: Field) -> None:
    """Refuse the most common passwords (``passwords.common_passwords``), whatever their letter case."""
    if field.data and is_common_password(field.data):
        raise ValidationError(_l("This password is one of the most common ones. Choose a less predictable one."))


def _new_password_fields() -> tuple[PasswordField, PasswordField]:
    password = PasswordField(
        _l("Password"),
        validators=[
            DataRequired(),
            Length(
                min=MIN_PASSWORD_LENGTH,
                message=_l("Use at least %(min)d characters.", min=MIN_PASSWORD_LENGTH),
            ),
            Length(
                max=MAX_PASSWORD_LENGTH,
                message=_l("Use at most %(max)d characters.", max=MAX_PASSWORD_LENGTH),
            ),
            not_common,
        ],
        description=_l("At least %(min)d characters; not one of the most common passwords.", min=MIN_PASSWORD_LENGTH),
        render_kw={"autocomplete": "new-password", "minlength": MIN_PASSWORD_LENGTH, "maxlength": MAX_PASSWORD_LENGTH},
    )
    confirm = PasswordField(
        _l("Repeat the password"),
        validators=[DataRequired(), EqualTo("password", message=_l("The passwords do not match."))],
        render_kw={"autocomplete": "new-password"},
    )
    return password, confirm


def _email_field() -> StringField:
    # No e-mail syntax check: a wrong address simply does not match an account.
    return StringField(
        _l("E-mail"),
        filters=[strip_filter],
        validators=[DataRequired(), Length(max=255)],
        render_kw={"autocomplete": "email", "type": "email"},
    )


class RegisterForm(FlaskForm):
    email = EmailField(
        _l("E-mail"),
        filters=[strip_filter],
        validators=[DataRequired(), Email(message=_l("Enter a valid e-mail address.")), Length(max=255)],
        render_kw={"autocomplete": "email"},
    )
    full_name = StringField(
        _l("Full name"),
        filters=[strip_filter],
        validators=[DataRequired(), Length(max=120)],
        render_kw={"autocomplete": "name"},
    )
    password, confirm = _new_password_fields()
    consent = BooleanField(
        _l("I consent to the processing of my personal data on the terms above."),
        validators=[DataRequired(message=_l("Registration needs your consent to the processing of personal data."))],
    )


class LoginForm(FlaskForm):
    email = StringField(
        _l("E-mail"),
        filters=[strip_filter],
        validators=[DataRequired(), Length(max=255)],
        render_kw={"autocomplete": "username", "type": "email"},
    )
    password = PasswordField(
        _l("Password"),
        validators=[DataRequired(), Length(max=MAX_PASSWORD_LENGTH)],
        render_kw={"autocomplete": "current-password"},
    )
    remember = BooleanField(_l("Remember me"))


class ProfileForm(FlaskForm):
    full_name = StringField(_l("Full name"), filters=[strip_filter], validators=[DataRequired(), Length(max=120)])
    position = StringField(_l("Position"), filters=[strip_filter], validators=[Optional(), Length(max=120)])
    phone = StringField(
        _l("Phone"),
        filters=[strip_filter],
        validators=[
            Optional(),
            Length(max=40),
            Regexp(PHONE_PATTERN, message=_l("Use digits, spaces and + ( ) - only.")),
        ],
    )
    locale = SelectField(_l("Interface language"), choices=LANGUAGE_CHOICES)


class ChangePasswordForm(FlaskForm):
    current_password = PasswordField(
        _l("Current password"),
        validators=[DataRequired(), Length(max=MAX_PASSWORD_LENGTH)],
        render_kw={"autocomplete": "current-password"},
    )
    password, confirm = _new_password_fields()


class ResetRequestForm(FlaskForm):
    email = _email_field()


class ResetPasswordForm(FlaskForm):
    password, confirm = _new_password_fields()


class ResendConfirmationForm(FlaskForm):
    email = _email_field()


class DeleteAccountForm(FlaskForm):
    password = PasswordField(
        _l("Your password"),
        validators=[DataRequired(), Length(max=MAX_PASSWORD_LENGTH)],
        render_kw={"autocomplete": "current-password"},
    )
