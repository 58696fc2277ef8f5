"""Forms of the matching feature: invite a supplier, merge two organizations, one-button actions."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, HiddenField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional, ValidationError

from ..forms import strip_filter
from ..utils import parse_db_id


class InviteForm(FlaskForm):
    """Invite one proposed supplier; the organization is checked again by the service."""

    organization_id = HiddenField(validators=[DataRequired()])

    def validate_organization_id(self, field) -> None:
        if parse_db_id(field.data) is None:
            raise ValidationError(_l("Choose a supplier from the list."))

    @property
    def organization(self) -> int:
        return int(self.organization_id.data)


class MergeForm(FlaskForm):
    note = TextAreaField(
        _l("Note for the history"),
        filters=[strip_filter],
        validators=[Optional(), Length(max=2000)],
        render_kw={"rows": 2},
    )
    confirm = BooleanField(
        _l("I checked: these records describe the same organization"),
        validators=[DataRequired(message=_l("Confirm that the two are the same organization."))],
    )


class ActionForm(FlaskForm):
    """A button that only needs its CSRF token."""
