"""Forms of the accounts feature."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, Field, PasswordField, SelectField, StringField
from wtforms.fields import SelectChoice
from wtforms.validators import DataRequired, Email, EqualTo, Length, Optional, Regexp, ValidationError

from ..forms import strip_filter
from .services import MIN_PASSWORD_LENGTH, email_taken

LANGUAGE_CHOICES = [SelectChoice("ru", "Русский"), SelectChoice("en", "English")]
PHONE_PATTERN = r"^[0-9+()\-\s.]*$"


def _new_password_fields() -> tuple[PasswordField, PasswordField]:
    password = PasswordField(
        _l("Password"),
        validators=[
            DataRequired(),
            Length(
                min=MIN_PASSWORD_LENGTH,
                max=128,
                message=_l("Use at least %(min)d characters.", min=MIN_PASSWORD_LENGTH),
            ),
        ],
        render_kw={"autocomplete": "new-password"},
    )
    confirm = PasswordField(
        _l("Repeat the password"),
        validators=[DataRequired(), EqualTo("password", message=_l("The passwords do not match."))],
        render_kw={"autocomplete": "new-password"},
    )
    return password, confirm


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

    def validate_email(self, field: Field) -> None:
        if email_taken(field.data):
            raise ValidationError(_l("An account with this e-mail already exists."))


class LoginForm(FlaskForm):
    # No e-mail syntax check: a wrong address simply does not match an account.
    email = StringField(
        _l("E-mail"),
        filters=[strip_filter],
        validators=[DataRequired(), Length(max=255)],
        render_kw={"autocomplete": "username", "type": "email"},
    )
    password = PasswordField(
        _l("Password"), validators=[DataRequired(), Length(max=128)], render_kw={"autocomplete": "current-password"}
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
        validators=[DataRequired(), Length(max=128)],
        render_kw={"autocomplete": "current-password"},
    )
    password, confirm = _new_password_fields()


class ResetRequestForm(FlaskForm):
    email = StringField(
        _l("E-mail"),
        filters=[strip_filter],
        validators=[DataRequired(), Length(max=255)],
        render_kw={"autocomplete": "email", "type": "email"},
    )


class ResetPasswordForm(FlaskForm):
    password, confirm = _new_password_fields()
