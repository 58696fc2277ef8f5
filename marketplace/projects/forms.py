"""Forms of the projects register: the project, its needs, status and progress, the consortium."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, ClassVar

from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString
from flask_wtf import FlaskForm
from flask_wtf.file import MultipleFileField
from werkzeug.datastructures import FileStorage
from wtforms import (
    BooleanField,
    Field,
    SelectField,
    SelectMultipleField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length, Optional, ValidationError

from ..forms import DateField, IntegerField, MoneyField, NumberRange, Okpd2ListField, strip_filter
from ..i18n import choices, localized
from ..orders.forms import MAX_MONEY, competency_options
from ..organizations.models import Organization, OrgKind
from ..utils import parse_db_id
from ..visibility import Visibility
from .models import Project, ProjectKind, ProjectNeed, ProjectStatus
from .queries import ListFilters, manager_choices, member_organizations, participating_organizations
from .services import INITIAL_STATUSES

BLANK_NONE = _l("— none —")
BLANK_ANY = _l("— any —")


def _optional_id(value: str | None) -> int | None:
    return parse_db_id(value)


def _manager_options() -> list[SelectChoice]:
    return [SelectChoice("", BLANK_NONE)] + [SelectChoice(str(u.id), u.full_name) for u in manager_choices()]


def _organization_options(organizations: Iterable[Organization], blank: LazyString) -> list[SelectChoice]:
    return [SelectChoice("", blank)] + [SelectChoice(str(o.id), localized(o, "name")) for o in organizations]


class ProjectForm(FlaskForm):
    """The project's details. The responsible manager and the lead organization are ``responsible``
    and ``lead`` (ids as strings), not ``manager_id``: a form built with ``obj=project`` would
    otherwise take the integer column, which matches none of the string choices."""

    #: Service field names (``InvalidInput.field``) -> form field names.
    FIELD_ALIASES: ClassVar[dict[str, str]] = {"manager_id": "responsible", "lead_organization_id": "lead"}

    title = StringField(
        _l("Title"),
        filters=[strip_filter],
        validators=[DataRequired(), Length(max=255)],
        description=_l('E.g. "Pilot plant for chemical recycling of PET waste".'),
    )
    kind = SelectField(_l("Kind of project"), choices=lambda: choices(ProjectKind))
    description = TextAreaField(
        _l("Description"),
        filters=[strip_filter],
        validators=[DataRequired(), Length(max=20000)],
        description=_l("Goal, expected result, stages, conditions of participation."),
    )
    starts_on = DateField(_l("Start"), validators=[Optional()])
    ends_on = DateField(_l("End"), validators=[Optional()])
    budget = MoneyField(_l("Budget, ₽"), places=2, validators=[Optional(), NumberRange(min=0, max=MAX_MONEY)])
    budget_confidential = BooleanField(
        _l("Show the budget only to the manager and the accepted consortium members"), default=True
    )
    responsible = SelectField(_l("Responsible manager"), choices=_manager_options, default="")
    lead = SelectField(
        _l("Lead organization"), choices=lambda: _organization_options(member_organizations(), BLANK_NONE), default=""
    )
    visibility = SelectField(
        _l("Who can see the project"), choices=lambda: choices(Visibility), default=Visibility.MEMBERS.value
    )
    okpd2_codes = Okpd2ListField(_l("OKPD2 codes"), description=_l("Separated by commas, e.g. 20.16, 38.32.3"))
    files = MultipleFileField(
        _l("Documents"),
        description=_l("Concept, terms of reference, tender documents: PDF, DOCX, XLSX, images; up to 10 MB each."),
    )
    submit = SubmitField(_l("Save"))

    def validate_ends_on(self, field: Field) -> None:
        if field.data and self.starts_on.data and field.data < self.starts_on.data:
            raise ValidationError(_l("The end cannot be before the start."))

    def project_values(self) -> dict[str, Any]:
        return {
            "title": self.title.data,
            "kind": ProjectKind(self.kind.data),
            "description": self.description.data,
            "budget": self.budget.data,
            "budget_confidential": bool(self.budget_confidential.data),
            "starts_on": self.starts_on.data,
            "ends_on": self.ends_on.data,
            "manager_id": _optional_id(self.responsible.data),
            "lead_organization_id": _optional_id(self.lead.data),
            "visibility": Visibility(self.visibility.data),
            "okpd2_codes": list(self.okpd2_codes.data or []),
        }

    def uploads(self) -> list[FileStorage]:
        return [upload for upload in (self.files.data or []) if getattr(upload, "filename", "")]


class NewProjectForm(ProjectForm):
    status = SelectField(_l("Status"), choices=lambda: choices(INITIAL_STATUSES), default=ProjectStatus.IDEA.value)
    submit = SubmitField(_l("Register the project"))


class NeedForm(FlaskForm):
    title = StringField(
        _l("What is needed"),
        filters=[strip_filter],
        validators=[DataRequired(), Length(max=255)],
        description=_l('In a few words: "Formulation development", "Machining of housings".'),
    )
    description = TextAreaField(
        _l("Description"),
        filters=[strip_filter],
        validators=[Length(max=5000)],
        description=_l("What exactly, volumes, requirements to the partner."),
    )
    competency = SelectField(_l("Competency"), choices=lambda: competency_options(blank=BLANK_ANY), default="")
    org_kind = SelectField(_l("Kind of organization"), choices=lambda: choices(OrgKind, blank=BLANK_ANY), default="")
    partners_needed = IntegerField(
        _l("Partners needed"), default=1, validators=[InputRequired(), NumberRange(min=1, max=100)]
    )
    submit = SubmitField(_l("Save the need"))

    def need_values(self) -> dict[str, Any]:
        return {
            "title": self.title.data,
            "description": self.description.data or "",
            "competency_id": _optional_id(self.competency.data),
            "org_kind": OrgKind(self.org_kind.data) if self.org_kind.data else None,
            "partners_needed": self.partners_needed.data,
        }

    @classmethod
    def for_need(cls, need: ProjectNeed) -> NeedForm:
        """The form filled from ``need`` (not ``obj=need``: its ``competency`` is a relationship)."""
        return cls(
            title=need.title,
            description=need.description,
            partners_needed=need.partners_needed,
            competency=str(need.competency_id or ""),
            org_kind=need.org_kind.value if need.org_kind else "",
        )


class StatusForm(FlaskForm):
    status = SelectField(_l("New status"), choices=[])
    note = TextAreaField(_l("Note"), filters=[strip_filter], validators=[Length(max=2000)])
    submit = SubmitField(_l("Change the status"))

    def __init__(self, *args: Any, allowed: tuple[ProjectStatus, ...] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.status.choices = choices(allowed)


class ProgressForm(FlaskForm):
    percent_complete = IntegerField(_l("Percent complete"), validators=[InputRequired(), NumberRange(min=0, max=100)])
    note = TextAreaField(_l("What was done"), filters=[strip_filter], validators=[Length(max=2000)])
    submit = SubmitField(_l("Update progress"))


class CancelForm(FlaskForm):
    reason = TextAreaField(_l("Reason"), filters=[strip_filter], validators=[DataRequired(), Length(max=2000)])
    submit = SubmitField(_l("Cancel the project"))


def _need_options(project: Project) -> list[SelectChoice]:
    return [SelectChoice(need.id, need.title) for need in project.needs]


class InviteForm(FlaskForm):
    organization = SelectField(_l("Organization"), validators=[DataRequired()])
    role = StringField(
        _l("Role in the consortium"),
        filters=[strip_filter],
        validators=[DataRequired(), Length(max=255)],
        description=_l('E.g. "Lead contractor", "Raw material supplier", "Testing".'),
    )
    needs = SelectMultipleField(
        _l("Needs it would cover"), coerce=int, description=_l("Hold Ctrl (Cmd on a Mac) to choose several.")
    )
    message = TextAreaField(_l("Message to the organization"), filters=[strip_filter], validators=[Length(max=5000)])
    submit = SubmitField(_l("Send the invitation"))

    def __init__(self, *args: Any, project: Project, organizations: Iterable[Organization], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.organization.choices = _organization_options(organizations, _l("— choose —"))
        self.needs.choices = _need_options(project)


class MemberForm(FlaskForm):
    role = StringField(
        _l("Role in the consortium"), filters=[strip_filter], validators=[DataRequired(), Length(max=255)]
    )
    needs = SelectMultipleField(
        _l("Needs it covers"), coerce=int, description=_l("Hold Ctrl (Cmd on a Mac) to choose several.")
    )
    submit = SubmitField(_l("Save"))

    def __init__(self, *args: Any, project: Project, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.needs.choices = _need_options(project)


class RespondForm(FlaskForm):
    message = TextAreaField(_l("Message to the cluster manager"), filters=[strip_filter], validators=[Length(max=2000)])
    accept = SubmitField(_l("Accept the invitation"))
    decline = SubmitField(_l("Decline"))


class RemoveForm(FlaskForm):
    reason = TextAreaField(_l("Reason"), filters=[strip_filter], validators=[Length(max=2000)])
    submit = SubmitField(_l("Remove from the consortium"))


class DocumentsForm(FlaskForm):
    files = MultipleFileField(
        _l("Documents"), validators=[DataRequired()], description=_l("PDF, DOCX, XLSX, ODT, images; up to 10 MB each.")
    )
    submit = SubmitField(_l("Attach"))

    def uploads(self) -> list[FileStorage]:
        return [upload for upload in (self.files.data or []) if getattr(upload, "filename", "")]


class FilterForm(FlaskForm):
    """The register's filters, read from the query string."""

    class Meta:
        csrf = False

    q = StringField(_l("Text"), filters=[strip_filter], validators=[Optional(), Length(max=200)])
    kind = SelectField(_l("Kind"), choices=lambda: choices(ProjectKind, blank=BLANK_ANY), default="")
    status = SelectField(_l("Status"), choices=lambda: choices(list(ProjectStatus), blank=BLANK_ANY), default="")
    org = SelectField(_l("Participant"), default="", validate_choice=False)  # any organization id filters

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.org.choices = _organization_options(participating_organizations(user), BLANK_ANY)

    def filters(self) -> ListFilters:
        """The valid filters; a field with an error is ignored rather than failing the page."""
        self.validate()

        def ok(field: Field) -> Any:
            return field.data if not field.errors and field.data not in (None, "") else None

        return ListFilters(
            kind=ProjectKind(ok(self.kind)) if ok(self.kind) else None,
            status=ProjectStatus(ok(self.status)) if ok(self.status) else None,
            text=ok(self.q) or "",
            organization_id=_optional_id(ok(self.org)),
        )
