"""The product catalog: public browsing, and products managed by their organization's users."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, current_app, flash, jsonify, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user

from .. import access
from ..attachments.services import ALLOWED_TYPES
from ..db import db
from ..errors import InvalidInput, NotFound
from ..forms import form_status, show_error
from ..i18n import current_language, localized
from ..organizations.models import Organization
from ..utils import parse_db_id
from ..validators import is_valid_okpd2
from ..views_support import paginate
from . import queries, services
from .forms import DeleteForm, FilterForm, ProductForm
from .models import Product
from .tree import breadcrumbs, build_tree

bp = Blueprint("catalog", __name__, url_prefix="/catalog")


@bp.route("/")
def index() -> ResponseReturnValue:
    """The public catalog with filters; ``?org=ID`` is the organization's own catalog page."""
    form = FilterForm(formdata=request.args)
    filters = form.filters()
    organization = None
    if filters.org_id is not None:
        organization = db.session.get(Organization, filters.org_id)
        if organization is None:
            raise NotFound
    page = paginate(queries.product_list(filters, current_language()))
    return render_template(
        "catalog/index.html",
        form=form,
        page=page,
        organization=organization,
        entries=queries.okpd2_entries(p.okpd2 for p in page.items),
        thumbnails=queries.thumbnails(page.items),
        can_add=_can_add_for(organization),
    )


@bp.route("/codes", defaults={"code": None})
@bp.route("/codes/<code>")
def codes(code: str | None) -> ResponseReturnValue:
    """Browse by OKPD2: the tree of codes that have products, and the products under a node."""
    if code is not None and not is_valid_okpd2(code):
        raise NotFound
    tree = build_tree(extra_codes=(code,) if code else ())
    page = None
    children = tree.roots
    if code is not None:
        children = tree.children_of(code)
        page = paginate(queries.product_list(queries.CatalogFilters(code=code), current_language()))
    return render_template(
        "catalog/codes.html",
        tree=tree,
        code=code,
        children=children,
        page=page,
        entry=tree.entries.get(code) if code else None,
        breadcrumbs=tree.breadcrumbs(code) if code else [],
        entries=queries.okpd2_entries(p.okpd2 for p in page.items) if page else {},
        thumbnails=queries.thumbnails(page.items) if page else {},
    )


@bp.route("/okpd2.json")
def okpd2_lookup() -> ResponseReturnValue:
    """Classifier entries matching ``?q=`` (a code prefix or words), for the product form."""
    results = queries.okpd2_suggestions(request.args.get("q", "")[:100])
    return jsonify({"results": [{"code": e.code, "name": localized(e, "name")} for e in results]})


@bp.route("/<int:product_id>")
def show(product_id: int) -> ResponseReturnValue:
    product = _get_product(product_id)
    entries = queries.okpd2_entries(queries.ancestry(product.okpd2))
    entry, exact = queries.nearest_entry(product.okpd2, entries)
    return render_template(
        "catalog/show.html",
        product=product,
        entry=entry,
        entry_exact=exact,
        breadcrumbs=breadcrumbs(product.okpd2, entries, include_self=True),
        images=[a for a in product.attachments if a.is_image],
        documents=[a for a in product.attachments if not a.is_image],
        can_edit=access.can_edit_organization_records(product.organization_id),
    )


@bp.route("/new", methods=["GET", "POST"])
@access.login_required
def create() -> ResponseReturnValue:
    """Add a product of the user's organization (the manager: of ``?org=ID``)."""
    organization = _organization_for_new_product()
    if organization is None:
        return render_template("catalog/no_organization.html"), 403
    access.require_edit(organization.id)
    form = ProductForm()
    if form.validate_on_submit():
        try:
            product = services.create_product(organization, form.product_data(), form.uploads(), _acting_user())
        except InvalidInput as error:
            show_error(form, error)
        else:
            flash(_("The product has been added to the catalog."), "success")
            return redirect(url_for(".show", product_id=product.id))
    return _render_form(form, organization, product=None)


@bp.route("/<int:product_id>/edit", methods=["GET", "POST"])
@access.login_required
def edit(product_id: int) -> ResponseReturnValue:
    product = _get_product(product_id)
    access.require_edit(product.organization_id)
    form = ProductForm()
    form.remove_attachments.choices = [(a.id, a.original_name) for a in product.attachments]
    if not form.is_submitted():
        form.fill_from(product)
    if form.validate_on_submit():
        try:
            services.update_product(
                product,
                form.product_data(),
                form.uploads(),
                _acting_user(),
                form.remove_attachments.data or [],
            )
        except InvalidInput as error:
            show_error(form, error)
        else:
            flash(_("The changes have been saved."), "success")
            return redirect(url_for(".show", product_id=product.id))
    return _render_form(form, product.organization, product=product)


@bp.route("/<int:product_id>/delete", methods=["GET", "POST"])
@access.login_required
def delete(product_id: int) -> ResponseReturnValue:
    """Ask for confirmation (GET), then delete (POST)."""
    product = _get_product(product_id)
    access.require_edit(product.organization_id)
    form = DeleteForm()
    if form.validate_on_submit():
        org_id = product.organization_id
        services.delete_product(product, _acting_user())
        flash(_("The product has been deleted."), "success")
        return redirect(url_for(".index", org=org_id))
    status = form_status(form)
    return render_template("catalog/delete.html", product=product, form=form), status


def _acting_user() -> Any:
    """The logged-in user itself, for the services (not the proxy bound to this request)."""
    return access.user_object()


def _get_product(product_id: int) -> Product:
    product = db.session.get(Product, product_id)
    if product is None:
        raise NotFound
    return product


def _organization_for_new_product() -> Organization | None:
    """``?org=ID`` when given (access is checked by the caller), else the user's own organization."""
    raw = request.args.get("org")
    if raw:
        org_id = parse_db_id(raw)
        if org_id is None:
            raise NotFound
        organization = db.session.get(Organization, org_id)
        if organization is None:
            raise NotFound
        return organization
    return current_user.organization


def _can_add_for(organization: Organization | None) -> bool:
    if not current_user.is_authenticated:
        return False
    if organization is not None:
        return access.can_edit_organization_records(organization.id)
    return current_user.organization_id is not None


def _render_form(form: ProductForm, organization: Organization, product: Product | None) -> ResponseReturnValue:
    entry = None
    if form.okpd2.data and not form.okpd2.errors and is_valid_okpd2(form.okpd2.data):
        entry, exact = queries.nearest_entry(form.okpd2.data)
        entry = entry if exact else None
    status = form_status(form)
    extensions = sorted(ALLOWED_TYPES)
    return render_template(
        "catalog/form.html",
        form=form,
        organization=organization,
        product=product,
        okpd2_entry=entry,
        accept=",".join(f".{ext}" for ext in extensions),
        allowed_types=", ".join(extensions),
        max_mb=current_app.config["MAX_ATTACHMENT_BYTES"] // (1024 * 1024),
    ), status
