"""Forms of the idea exchange: an idea, a comment, one-button actions and the list filters."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import Field, SelectField, SelectMultipleField, StringField, SubmitField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, Optional

from ..forms import strip_filter
from ..i18n import choices
from ..orders.forms import competency_options
from ..visibility import Visibility
from .models import IdeaKind, IdeaStatus
from .queries import IdeaFilters


class IdeaForm(FlaskForm):
    kind = SelectField(_l("What is it"), choices=lambda: choices(IdeaKind))
    title = StringField(
        _l("Title"),
        filters=[strip_filter],
        validators=[DataRequired(), Length(max=255)],
        description=_l('In a few words: "We need a partner for pilot tests of a catalyst".'),
    )
    body = TextAreaField(
        _l("Details"),
        filters=[strip_filter],
        validators=[DataRequired(), Length(max=20000)],
        description=_l("What you need or offer, volumes, terms, who you are looking for."),
    )
    competencies = SelectMultipleField(
        _l("Competencies"),
        coerce=int,
        choices=competency_options,
        description=_l("Hold Ctrl (Cmd on a Mac) to choose several."),
    )
    visibility = SelectField(
        _l("Who can see the idea"), choices=lambda: choices(Visibility), default=Visibility.PUBLIC.value
    )
    submit = SubmitField(_l("Post the idea"))
    save = SubmitField(_l("Save changes"))

    def idea_values(self, fixed_visibility: Visibility = Visibility.PUBLIC) -> dict[str, Any]:
        """The idea's columns; ``fixed_visibility`` when the view removed the choice (non-members)."""
        return {
            "kind": IdeaKind(self.kind.data),
            "title": self.title.data,
            "body": self.body.data,
            "visibility": Visibility(self.visibility.data) if "visibility" in self._fields else fixed_visibility,
        }


class CommentForm(FlaskForm):
    body = TextAreaField(_l("Your comment"), filters=[strip_filter], validators=[DataRequired(), Length(max=5000)])
    submit = SubmitField(_l("Send"))


class FilterForm(FlaskForm):
    class Meta:
        csrf = False

    q = StringField(_l("Text"), filters=[strip_filter], validators=[Optional(), Length(max=200)])
    kind = SelectField(_l("Kind"), choices=lambda: choices(IdeaKind, blank=_l("— any —")), validators=[Optional()])
    status = SelectField(
        _l("Status"),
        validators=[Optional()],
        choices=lambda: [*choices(IdeaStatus), SelectChoice("any", _l("Any status"))],
    )
    competency = SelectField(
        _l("Competency"), choices=lambda: competency_options(blank=_l("— any —")), validators=[Optional()]
    )

    def filters(self) -> IdeaFilters:
        """The valid filters; a field with an error is ignored rather than failing the page."""
        self.validate()

        def ok(field: Field) -> Any:
            return field.data if not field.errors and field.data not in (None, "") else None

        status = ok(self.status)
        return IdeaFilters(
            kind=IdeaKind(ok(self.kind)) if ok(self.kind) else None,
            status=None if status == "any" else IdeaStatus(status) if status else IdeaStatus.OPEN,
            competency_id=int(ok(self.competency)) if ok(self.competency) else None,
            text=ok(self.q) or "",
        )
