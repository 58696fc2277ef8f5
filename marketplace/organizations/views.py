"""Organizations: the member directory, profiles, creating and editing them.

Competencies, the organization's users, invitations to join, membership, and
the manager's duplicates and merges have their own view modules
(``competency_views``, ``team_views``, ``invitation_views``,
``membership_views``, ``merge_views``) that add routes to this blueprint.
"""

from __future__ import annotations

from flask import Blueprint, Flask, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user

from .. import access
from ..access import AccessLevel
from ..db import db
from ..errors import InvalidInput, NotFound
from ..forms import ActionForm, form_status, show_error
from ..i18n import localized, register_labels
from ..views_support import paginate
from . import invitations, queries, rules, services
from .duplicates import DuplicateCandidate, find_duplicate_organizations
from .forms import FIELD_LABELS, DirectoryFilterForm, OrganizationForm
from .labels import LABELS, level_label
from .models import PROTECTED_FIELDS, Organization, OrganizationInvitation

bp = Blueprint("organizations", __name__, url_prefix="/organizations")


def load_organization(org_id: int) -> Organization:
    """The organization, if the current user may see it.

    :raise NotFound: no such organization. :raise LoginRequired: a guest, for a non-member.
    """
    organization = db.session.get(Organization, org_id)
    if organization is None:
        raise NotFound
    rules.require_view_organization(organization)
    return organization


@bp.route("/")
def index() -> ResponseReturnValue:
    form = DirectoryFilterForm(request.args)
    form.load_choices()
    filters = form.valid_data()
    if access.access_level() == AccessLevel.GUEST:
        filters["membership"] = "member"  # guests see members only
    page = paginate(queries.directory(filters, current_user))
    return render_template(
        "organizations/index.html",
        form=form,
        page=page,
        top=queries.top_competencies(page.items),
        show_membership_filter=access.access_level() > AccessLevel.GUEST,
    )


@bp.route("/<int:org_id>")
def show(org_id: int) -> ResponseReturnValue:
    organization = load_organization(org_id)
    own = access.can_see_confidential(organization.id)
    return render_template(
        "organizations/show.html",
        org=organization,
        labels=FIELD_LABELS,
        protected_fields=PROTECTED_FIELDS,
        competencies=queries.competencies_of(organization),
        can_edit=access.can_edit_organization_records(organization.id),
        own=access.belongs_to(organization.id),
        can_manage_users=rules.can_manage_users(organization),
        can_apply=rules.can_apply(organization),
        latest_application=organization.applications[0] if own and organization.applications else None,
        invitation=_open_invitation(organization),
        action_form=ActionForm(formdata=None),
    )


def _open_invitation(organization: Organization) -> OrganizationInvitation | None:
    """The visitor's own open invitation to (or request to join) ``organization``."""
    if not current_user.is_authenticated:
        return None
    return invitations.open_for_person_in(organization, access.user_object())


@bp.route("/new", methods=["GET", "POST"])
@access.login_required
def create() -> ResponseReturnValue:
    if current_user.organization_id is not None and not current_user.is_manager:
        flash(_("You already belong to an organization."), "info")
        return redirect(url_for(".show", org_id=current_user.organization_id))
    form = OrganizationForm()
    duplicates = likely_duplicates(form)
    if form.validate_on_submit() and not duplicates:
        try:
            organization = services.create_organization(form.profile_data(), creator=current_user)
        except InvalidInput as error:
            show_error(form, error)
        else:
            flash(_("The profile of %(name)s has been created.", name=localized(organization, "name")), "success")
            return redirect(url_for(".show", org_id=organization.id))
    return render_template(
        "organizations/form.html",
        form=form,
        org=None,
        duplicates=duplicates,
        invitations=invitations.open_for_person(access.user_object()),
        action_form=ActionForm(formdata=None),
    ), form_status(form)


def likely_duplicates(form: OrganizationForm) -> list[DuplicateCandidate]:
    """Registered organizations the submitted profile probably is (same INN, nearly the same name),
    unless the user has confirmed that theirs is a different one."""
    if not form.is_submitted() or form.confirm_different.data or not (form.name_ru.data or form.inn.data):
        return []
    return find_duplicate_organizations(
        form.name_ru.data or "", form.name_en.data or "", (form.inn.data or "").strip() or None
    )


@bp.route("/<int:org_id>/edit", methods=["GET", "POST"])
@access.login_required
def edit(org_id: int) -> ResponseReturnValue:
    organization = load_organization(org_id)
    access.require_edit(organization.id)
    form = OrganizationForm(obj=organization, organization_id=organization.id)
    if form.validate_on_submit():
        try:
            services.update_organization(organization, form.profile_data())
        except InvalidInput as error:
            show_error(form, error)
        else:
            flash(_("The profile has been saved."), "success")
            return redirect(url_for(".show", org_id=organization.id))
    return render_template("organizations/form.html", form=form, org=organization), form_status(form)


# The other view modules add their routes to ``bp``; imported last, as they import it from here.
from . import competency_views, invitation_views, membership_views, merge_views, team_views  # noqa: E402,F401


def init_app(app: Flask) -> None:
    register_labels(LABELS)
    # Profiles and competency levels are shown on several features' pages (catalog, equipment, competence).
    app.jinja_env.globals["visible_field"] = rules.visible_field
    app.jinja_env.filters["level_label"] = level_label
