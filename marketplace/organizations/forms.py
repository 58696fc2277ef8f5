"""Forms of the organizations feature: profile, competencies, users, membership, directory filters."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString
from flask_wtf import FlaskForm
from sqlalchemy import select
from sqlalchemy.orm import InstrumentedAttribute
from wtforms import (
    BooleanField,
    EmailField,
    Field,
    IntegerField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
    widgets,
)
from wtforms.fields import SelectChoice
from wtforms.validators import (
    URL,
    DataRequired,
    Email,
    Length,
    Optional,
    Regexp,
    ValidationError,
)

from .. import forms as shared
from ..accounts.models import User
from ..db import db
from ..forms import NumberRange
from ..i18n import choices
from .competency_tree import grouped_choices
from .merge import UserMove
from .models import PROTECTED_FIELDS, CompetencyLevel, Organization, OrgKind

#: Human names of the profile's fields, for labels, the confidentiality checkboxes and the profile page.
FIELD_LABELS = {
    "name_ru": _l("Name (Russian)"),
    "name_en": _l("Name (English)"),
    "kind": _l("Kind of organization"),
    "inn": _l("INN"),
    "ogrn": _l("OGRN"),
    "region": _l("Region"),
    "city": _l("City"),
    "address": _l("Address"),
    "website": _l("Website"),
    "contact_email": _l("Contact e-mail"),
    "phone": _l("Phone"),
    "description_ru": _l("Description (Russian)"),
    "description_en": _l("Description (English)"),
    "staff_size": _l("Staff size"),
    "certifications": _l("Certifications"),
    "capacity": _l("Production and technological capacity"),
}
PHONE_PATTERN = r"^[0-9+()\-\s.,;]*$"
TEXT_LIMIT = 5000


def options(pairs: Iterable[tuple[str, LazyString]], blank: LazyString | None = None) -> list[SelectChoice]:
    """Select choices from ``(value, label)`` pairs, optionally after a blank "any" option."""
    head = [SelectChoice("", blank)] if blank is not None else []
    return head + [SelectChoice(value, label) for value, label in pairs]


def _none_if_empty(value: str | None) -> str | None:
    return value or None


def _with_scheme(value: str | None) -> str | None:
    """``example.com`` → ``https://example.com``: people rarely type the scheme."""
    if value and "://" not in value:
        return "https://" + value
    return value


def _clean_lines(value: object) -> object:
    if not isinstance(value, str):
        return value
    return "\n".join(line.strip() for line in value.splitlines() if line.strip())


class MultiCheckboxField(SelectMultipleField):
    widget = widgets.ListWidget(prefix_label=False)
    option_widget = widgets.CheckboxInput()


class OrganizationForm(FlaskForm):
    """The organization's profile. ``organization_id`` (when editing) is excluded from
    the uniqueness checks of INN and OGRN."""

    name_ru = StringField(
        FIELD_LABELS["name_ru"], filters=[shared.strip_filter], validators=[DataRequired(), Length(max=255)]
    )
    name_en = StringField(
        FIELD_LABELS["name_en"], filters=[shared.strip_filter], validators=[Optional(), Length(max=255)]
    )
    kind = SelectField(FIELD_LABELS["kind"], choices=choices(OrgKind), coerce=OrgKind)
    inn = StringField(
        FIELD_LABELS["inn"],
        filters=[shared.strip_filter, _none_if_empty],
        validators=[Optional(), shared.inn],
        description=_l("10 digits for a legal entity, 12 for an individual entrepreneur."),
    )
    ogrn = StringField(
        FIELD_LABELS["ogrn"],
        filters=[shared.strip_filter, _none_if_empty],
        validators=[Optional(), shared.ogrn],
        description=_l("13 digits (OGRN) or 15 digits (OGRNIP)."),
    )
    region = shared.RegionField(FIELD_LABELS["region"])
    city = StringField(FIELD_LABELS["city"], filters=[shared.strip_filter], validators=[Optional(), Length(max=120)])
    address = StringField(
        FIELD_LABELS["address"], filters=[shared.strip_filter], validators=[Optional(), Length(max=255)]
    )
    website = StringField(
        FIELD_LABELS["website"],
        filters=[shared.strip_filter, _with_scheme],
        validators=[
            Optional(),
            Length(max=255),
            URL(message=_l("Enter a web address such as https://example.com.")),
            shared.http_link,
        ],
    )
    contact_email = EmailField(
        FIELD_LABELS["contact_email"],
        filters=[shared.strip_filter],
        validators=[Optional(), Length(max=255), Email(message=_l("Enter a valid e-mail address."))],
    )
    phone = StringField(
        FIELD_LABELS["phone"],
        filters=[shared.strip_filter],
        validators=[
            Optional(),
            Length(max=40),
            Regexp(PHONE_PATTERN, message=_l("Use digits, spaces and + ( ) - only.")),
        ],
    )
    description_ru = TextAreaField(
        FIELD_LABELS["description_ru"],
        filters=[shared.strip_filter],
        validators=[Optional(), Length(max=TEXT_LIMIT)],
        render_kw={"rows": 5},
    )
    description_en = TextAreaField(
        FIELD_LABELS["description_en"],
        filters=[shared.strip_filter],
        validators=[Optional(), Length(max=TEXT_LIMIT)],
        render_kw={"rows": 5},
    )
    staff_size = IntegerField(FIELD_LABELS["staff_size"], validators=[Optional(), NumberRange(min=0, max=10_000_000)])
    certifications = TextAreaField(
        FIELD_LABELS["certifications"],
        filters=[_clean_lines],
        validators=[Optional(), Length(max=TEXT_LIMIT)],
        render_kw={"rows": 3},
        description=_l("One per line, e.g. ISO 9001:2015."),
    )
    capacity = TextAreaField(
        FIELD_LABELS["capacity"],
        filters=[shared.strip_filter],
        validators=[Optional(), Length(max=TEXT_LIMIT)],
        render_kw={"rows": 4},
        description=_l("Machines, areas, output per month, laboratories…"),
    )
    confidential_fields = MultiCheckboxField(
        _l("Confidential fields"),
        choices=options((name, FIELD_LABELS[name]) for name in PROTECTED_FIELDS),
        description=_l("Checked fields are shown only to your organization's users and the cluster manager."),
    )

    #: Shown only when a new profile looks like a registered organization (``organizations.duplicates``).
    confirm_different = BooleanField(_l("This is a different organization: create the profile anyway"))

    def __init__(self, *args: Any, organization_id: int | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.organization_id = organization_id

    def _taken(self, column: InstrumentedAttribute[str | None], value: str) -> bool:
        statement = select(Organization.id).where(column == value)
        if self.organization_id is not None:
            statement = statement.where(Organization.id != self.organization_id)
        return db.session.scalar(statement.limit(1)) is not None

    def validate_inn(self, field: Field) -> None:
        if field.data and self._taken(Organization.inn, field.data):
            raise ValidationError(_l("An organization with this INN is already registered."))

    def validate_ogrn(self, field: Field) -> None:
        if field.data and self._taken(Organization.ogrn, field.data):
            raise ValidationError(_l("An organization with this OGRN is already registered."))

    def profile_data(self) -> dict[str, Any]:
        """The submitted values, keyed by ``Organization`` column."""
        return {name: getattr(self, name).data for name in FIELD_LABELS} | {
            "confidential_fields": list(self.confidential_fields.data or []),
        }


def _level_choices() -> list[SelectChoice]:
    return choices(CompetencyLevel)


class CompetencyForm(FlaskForm):
    """Add a competency from the directory. Set ``competency_id.choices`` before validating."""

    competency_id = SelectField(_l("Competency"), coerce=int, validate_choice=True)
    level = SelectField(_l("Level"), coerce=int, choices=_level_choices, default=CompetencyLevel.ADVANCED.value)
    note = StringField(
        _l("Note"),
        filters=[shared.strip_filter],
        validators=[Optional(), Length(max=500)],
        description=_l("What exactly you do: materials, sizes, tolerances, standards."),
    )

    def load_choices(self, exclude: set[int]) -> None:
        self.competency_id.choices = grouped_choices(exclude)


class CompetencyUpdateForm(FlaskForm):
    level = SelectField(_l("Level"), coerce=int, choices=_level_choices)
    note = StringField(_l("Note"), filters=[shared.strip_filter], validators=[Optional(), Length(max=500)])


class AddUserForm(FlaskForm):
    """Invite a person by e-mail. Only the shape of the address is checked: whether an account has it
    is never told (the answer is the same for every address)."""

    email = StringField(
        _l("E-mail of the person to invite"),
        filters=[shared.strip_filter],
        validators=[
            DataRequired(),
            Length(max=255),
            Regexp(r"^[^@\s]+@[^@\s]+$", message=_l("Enter a valid e-mail address.")),
        ],
        render_kw={"type": "email"},
    )


class ApplicationForm(FlaskForm):
    message = TextAreaField(
        _l("Message to the cluster manager"),
        filters=[shared.strip_filter],
        validators=[DataRequired(), Length(max=TEXT_LIMIT)],
        render_kw={"rows": 6},
        description=_l("Why you want to join and what your organization brings to the cluster."),
    )


class RejectForm(FlaskForm):
    reason = TextAreaField(
        _l("Reason"),
        filters=[shared.strip_filter],
        validators=[DataRequired(message=_l("Give the reason: the applicant will see it.")), Length(max=TEXT_LIMIT)],
        render_kw={"rows": 4},
    )


MEMBERSHIP_FILTERS = ("member", "all", "other")


def _optional_int(value: str | int | None) -> int | None:
    if value in (None, ""):
        return None
    return int(value)


class DirectoryFilterForm(FlaskForm):
    """Filters of the member directory, read from the query string."""

    class Meta:
        csrf = False

    q = StringField(_l("Name"), filters=[shared.strip_filter], validators=[Optional(), Length(max=120)])
    region = shared.RegionField(_l("Region"), allow_blank=True, validators=[Optional()])
    kind = SelectField(_l("Kind"), choices=choices(OrgKind, blank=_l("— any —")), validators=[Optional()])
    competency = SelectField(_l("Competency"), coerce=_optional_int, validators=[Optional()])
    membership = SelectField(
        _l("Membership"),
        default="member",
        choices=options(
            [
                ("member", _l("Cluster members")),
                ("all", _l("All organizations")),
                ("other", _l("Not yet members")),
            ]
        ),
    )

    def load_choices(self) -> None:
        self.competency.choices = [SelectChoice("", _l("— any —")), *grouped_choices()]

    def valid_data(self) -> dict[str, Any]:
        """Validate and return the filters, dropping any that are invalid (a bad link shows everything)."""
        self.validate()
        return {name: (None if field.errors else field.data) for name, field in self._fields.items()}


class MergeForm(FlaskForm):
    """The merge: a note, the confirmation and, per user of the duplicate, what becomes of them
    (``user_<id>`` fields added by ``for_users``)."""

    note = TextAreaField(
        _l("Note for the history"),
        filters=[shared.strip_filter],
        validators=[Optional(), Length(max=2000)],
        render_kw={"rows": 2},
    )
    confirm = BooleanField(
        _l("I checked: these records describe the same organization"),
        validators=[DataRequired(message=_l("Confirm that the two are the same organization."))],
    )

    @classmethod
    def for_users(cls, users: Iterable[User]) -> MergeForm:
        """The form with one choice per user of the duplicate, "wait for confirmation" preselected."""

        class Form(cls):  # type: ignore[valid-type,misc]  # a subclass per request: fields are class attributes
            pass

        for user in users:
            setattr(
                Form,
                f"user_{user.id}",
                SelectField(user.full_name, choices=choices(UserMove), default=UserMove.PENDING.value),
            )
        form: MergeForm = Form()
        return form

    def user_field(self, user: User) -> Field:
        return self[f"user_{user.id}"]

    def user_moves(self) -> dict[int, UserMove]:
        """``user id -> UserMove`` as chosen."""
        return {
            int(name.removeprefix("user_")): UserMove(field.data)
            for name, field in self._fields.items()
            if name.startswith("user_") and field.data
        }
