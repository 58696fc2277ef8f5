"""The filters of the audit trail, read from the query string (the page and the CSV export share them)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence

from flask_babel import lazy_gettext as _l, to_utc
from flask_wtf import FlaskForm
from wtforms import SelectField, StringField
from wtforms.validators import Length, Optional

from ..forms import DateField, strip_filter
from ..i18n import choices
from .models import AuditAction, AuditTarget
from .queries import AuditFilters


class AuditFilterForm(FlaskForm):
    """``?action=&actor=&organization=&target=&since=&until=``; dates are the cluster's calendar days, both included."""

    class Meta:
        csrf = False

    action = SelectField(
        _l("Action"), choices=lambda: choices(AuditAction, blank=_l("— any —")), validators=[Optional()]
    )
    actor = StringField(
        _l("Who"),
        filters=[strip_filter],
        validators=[Optional(), Length(max=255)],
        description=_l("A part of the name or the e-mail."),
    )
    organization = StringField(
        _l("Organization"),
        filters=[strip_filter],
        validators=[Optional(), Length(max=255)],
        description=_l("A part of the name, or the organization's number."),
    )
    target = SelectField(
        _l("Kind of object"), choices=lambda: choices(AuditTarget, blank=_l("— any —")), validators=[Optional()]
    )
    since = DateField(_l("From"), validators=[Optional()])
    until = DateField(_l("To"), validators=[Optional()])

    def validate(self, extra_validators: Mapping[str, Sequence[Callable[..., None]]] | None = None) -> bool:
        if not super().validate(extra_validators):
            return False
        if self.since.data and self.until.data and self.until.data < self.since.data:
            self.until.errors = [*self.until.errors, _l("The period ends before it starts.")]
            return False
        return True

    def filters(self) -> AuditFilters | None:
        """The chosen filters; None when any is invalid (the errors are on the fields)."""
        if not self.validate():
            return None
        since, until = self.since.data, self.until.data
        return AuditFilters(
            action=AuditAction(self.action.data) if self.action.data else None,
            actor=self.actor.data or "",
            organization=self.organization.data or "",
            target=AuditTarget(self.target.data) if self.target.data else None,
            since=to_utc(dt.datetime.combine(since, dt.time())) if since else None,
            until=to_utc(dt.datetime.combine(until + dt.timedelta(days=1), dt.time())) if until else None,
        )
