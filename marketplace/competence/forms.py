"""Forms of the competence map: the filters (query string) and the chain editor (manager)."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from sqlalchemy import select
from werkzeug.datastructures import MultiDict
from wtforms import (
    BooleanField,
    Field,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.fields import SelectChoice
from wtforms.validators import DataRequired, Length, Optional, ValidationError

from ..db import db
from ..forms import IntegerField, NumberRange, Okpd2ListField, RegionField, strip_filter
from ..i18n import choices, localized
from ..organizations.models import Organization, OrgKind
from ..utils import parse_db_id
from .gaps import SORTS, GapFilters
from .matrix import MatrixFilters
from .tree import Tree

MAX_POSITION = 10000


class _QueryForm(FlaskForm):
    """A GET form: no CSRF, invalid values are ignored rather than failing the page."""

    class Meta:
        csrf = False

    def __init__(self, formdata: MultiDict[str, str] | None, tree: Tree, **kwargs: Any) -> None:
        super().__init__(formdata=formdata, **kwargs)
        self.branch.choices = [SelectChoice("", _l("— all areas —")), *tree.branch_choices()]
        self._valid_branches = {root.id for root in tree.roots}

    def ok(self, field: Field) -> Any:
        """The field's value, or None when it is empty or invalid."""
        return field.data if not field.errors and field.data not in (None, "") else None

    def branch_id(self) -> int | None:
        value = self.ok(self.branch)
        branch = parse_db_id(value)
        return branch if branch in self._valid_branches else None


class MatrixFilterForm(_QueryForm):
    region = RegionField(_l("Region"), allow_blank=True, validators=[Optional()])
    kind = SelectField(
        _l("Kind of organization"), choices=lambda: choices(OrgKind, blank=_l("— any —")), validators=[Optional()]
    )
    branch = SelectField(_l("Area of competence"), validators=[Optional()], validate_choice=False)
    scope = SelectField(
        _l("Organizations"),
        validators=[Optional()],
        default="members",
        choices=[
            SelectChoice("members", _l("Cluster members only")),
            SelectChoice("all", _l("All registered organizations")),
        ],
    )

    def filters(self) -> MatrixFilters:
        self.validate()
        kind = self.ok(self.kind)
        return MatrixFilters(
            region=self.ok(self.region) or "",
            kind=OrgKind(kind) if kind else None,
            branch_id=self.branch_id(),
            members_only=self.ok(self.scope) != "all",
        )


class ExportForm(MatrixFilterForm):
    layout = SelectField(
        _l("Layout"),
        validators=[Optional()],
        default="long",
        choices=[
            SelectChoice("long", _l("One row per organization and competency")),
            SelectChoice("wide", _l("One row per organization, one column per competency")),
        ],
    )

    def layout_value(self) -> str:
        return self.ok(self.layout) or "long"


class GapsFilterForm(_QueryForm):
    branch = SelectField(_l("Area of competence"), validators=[Optional()], validate_choice=False)
    asked = BooleanField(_l("Only competencies in demand"))
    sort = SelectField(
        _l("Sort"),
        validators=[Optional()],
        default="tree",
        choices=[
            SelectChoice("tree", _l("As in the directory")),
            SelectChoice("gap", _l("Gaps first")),
            SelectChoice("demand", _l("Most asked for first")),
            SelectChoice("supply", _l("Fewest suppliers first")),
        ],
    )

    def filters(self) -> GapFilters:
        self.validate()
        sort = self.ok(self.sort)
        return GapFilters(
            branch_id=self.branch_id(), asked_only=bool(self.ok(self.asked)), sort=sort if sort in SORTS else "tree"
        )


class ChainForm(FlaskForm):
    name_ru = StringField(
        _l("Name (Russian)"),
        filters=[strip_filter],
        validators=[DataRequired(), Length(max=255)],
        description=_l("E.g. «Полимеры и изделия из пластмасс»."),
    )
    name_en = StringField(_l("Name (English)"), filters=[strip_filter], validators=[Optional(), Length(max=255)])
    description_ru = TextAreaField(
        _l("Description (Russian)"), filters=[strip_filter], validators=[Optional(), Length(max=5000)]
    )
    description_en = TextAreaField(
        _l("Description (English)"), filters=[strip_filter], validators=[Optional(), Length(max=5000)]
    )
    position = IntegerField(
        _l("Sequence number"),
        validators=[Optional(), NumberRange(min=0, max=MAX_POSITION)],
        description=_l("Chains are listed by position; leave empty to put this one last."),
    )

    def values(self) -> dict[str, Any]:
        return {
            name: getattr(self, name).data
            for name in ("name_ru", "name_en", "description_ru", "description_en", "position")
        }


class StageForm(FlaskForm):
    name_ru = StringField(
        _l("Name (Russian)"),
        filters=[strip_filter],
        validators=[DataRequired(), Length(max=255)],
        description=_l("E.g. «Сырьё», «Переработка», «Испытания и сертификация»."),
    )
    name_en = StringField(_l("Name (English)"), filters=[strip_filter], validators=[Optional(), Length(max=255)])
    position = IntegerField(
        _l("Sequence number"),
        validators=[Optional(), NumberRange(min=0, max=MAX_POSITION)],
        description=_l("Stages run left to right by position; leave empty to add at the end."),
    )
    competency_codes = SelectMultipleField(
        _l("Competencies"),
        validators=[Optional()],
        description=_l(
            "Member organizations holding one of these (or a competency below it) work at this stage. "
            "Hold Ctrl (Cmd on a Mac) to choose several."
        ),
    )
    okpd2_prefixes = Okpd2ListField(
        _l("OKPD2 codes of products"),
        description=_l(
            "Member organizations with a product under one of these codes work at this stage; "
            "separated by commas, e.g. 20.16, 22.2"
        ),
    )

    def __init__(self, *args: Any, tree: Tree, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.competency_codes.choices = tree.code_choices()

    def values(self) -> dict[str, Any]:
        return {
            "name_ru": self.name_ru.data,
            "name_en": self.name_en.data,
            "position": self.position.data,
            "competency_codes": list(self.competency_codes.data or []),
            "okpd2_prefixes": list(self.okpd2_prefixes.data or []),
        }


def organization_options() -> list[SelectChoice]:
    rows = db.session.execute(select(Organization.id, Organization.name_ru, Organization.name_en)).all()
    named = sorted(((localized(row, "name"), row.id) for row in rows), key=lambda item: item[0].casefold())
    return [SelectChoice("", _l("— choose —"))] + [SelectChoice(str(org_id), name) for name, org_id in named]


class PinForm(FlaskForm):
    organization = SelectField(_l("Organization"), validators=[DataRequired()], validate_choice=False)
    note = TextAreaField(
        _l("Note"),
        filters=[strip_filter],
        validators=[Optional(), Length(max=2000)],
        description=_l("Why it belongs here, e.g. «Поставляет пропилен по долгосрочному договору»."),
    )

    def load_choices(self) -> None:
        self.organization.choices = organization_options()

    def organization_id(self) -> int | None:
        return parse_db_id(self.organization.data)

    def validate_organization(self, _field: Field) -> None:
        if self.organization_id() is None:
            raise ValidationError(_l("Choose an organization from the list."))
