"""Likely duplicates and merging them, on the ``organizations`` blueprint (the manager only)."""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from sqlalchemy import select

from .. import access
from ..db import db
from ..errors import InvalidInput, NotFound
from ..forms import form_status
from ..i18n import localized
from ..views_support import paginate_list
from .duplicates import duplicate_pairs
from .forms import MergeForm
from .merge import merge_organizations, merge_summary, record_lines, records_of
from .models import Organization, OrganizationMerge
from .services import organization_users
from .views import bp


@bp.route("/duplicates")
@access.manager_required
def duplicates() -> ResponseReturnValue:
    page = paginate_list(duplicate_pairs())
    merges = db.session.scalars(select(OrganizationMerge).order_by(OrganizationMerge.id.desc()).limit(10)).all()
    return render_template("organizations/duplicates.html", page=page, merges=merges, summary_of=merge_summary)


def _organization_or_404(org_id: int) -> Organization:
    organization = db.session.get(Organization, org_id)
    if organization is None:
        raise NotFound
    return organization


@bp.route("/merge/<int:keep_id>/<int:drop_id>", methods=["GET", "POST"])
@access.manager_required
def merge(keep_id: int, drop_id: int) -> ResponseReturnValue:
    keep, drop = _organization_or_404(keep_id), _organization_or_404(drop_id)
    if keep.id == drop.id:
        raise InvalidInput(_("Choose two different organizations."))
    users = organization_users(drop)
    form = MergeForm.for_users(users)
    if form.validate_on_submit():
        name = localized(drop, "name")
        merge_organizations(keep, drop, access.user_object(), form.note.data, users=form.user_moves())
        flash(_("%(name)s is merged into this organization.", name=name), "success")
        return redirect(url_for("organizations.show", org_id=keep_id))
    return render_template(
        "organizations/merge.html",
        keep=keep,
        drop=drop,
        form=form,
        users=users,
        keep_records=record_lines(records_of(keep.id)),
        drop_records=record_lines(records_of(drop.id)),
    ), form_status(form)
