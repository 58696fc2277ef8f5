"""Production chains: members see the flows; the cluster manager edits chains, stages and pinned organizations.

One-button actions (delete, unpin) carry only the CSRF token, which ``CSRFProtect`` checks for every POST.
"""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user

from .. import access
from ..db import db
from ..errors import InvalidInput, NotFound
from ..forms import ActionForm, form_status, show_error
from ..i18n import localized
from . import chains as chain_queries, services
from .forms import ChainForm, PinForm, StageForm
from .models import ChainStage, ValueChain
from .tree import load_tree
from .views import bp


def _chain(chain_id: int) -> ValueChain:
    chain = chain_queries.load_chain(chain_id)
    if chain is None:
        raise NotFound
    return chain


def _stage(stage_id: int) -> ChainStage:
    stage = db.session.get(ChainStage, stage_id)
    if stage is None:
        raise NotFound
    return stage


@bp.route("/chains")
@access.member_required
def chains() -> ResponseReturnValue:
    views = chain_queries.chain_views(chain_queries.load_chains())
    return render_template("competence/chains.html", views=views, can_edit=access.is_manager())


@bp.route("/chains/<int:chain_id>")
@access.member_required
def chain(chain_id: int) -> ResponseReturnValue:
    view = chain_queries.chain_views([_chain(chain_id)])[0]
    return render_template(
        "competence/chain.html", view=view, can_edit=access.is_manager(), action_form=ActionForm(formdata=None)
    )


@bp.route("/chains/new", methods=["GET", "POST"])
@access.manager_required
def create_chain() -> ResponseReturnValue:
    form = ChainForm()
    if form.validate_on_submit():
        try:
            chain = services.create_chain(form.values())
        except InvalidInput as error:
            show_error(form, error)
        else:
            flash(
                _("The chain %(name)s has been created. Now add its stages.", name=localized(chain, "name")), "success"
            )
            return redirect(url_for(".edit_chain", chain_id=chain.id))
    return render_template("competence/chain_form.html", form=form, chain=None), form_status(form)


@bp.route("/chains/<int:chain_id>/edit", methods=["GET", "POST"])
@access.manager_required
def edit_chain(chain_id: int) -> ResponseReturnValue:
    chain = _chain(chain_id)
    form = ChainForm(obj=chain)
    if form.validate_on_submit():
        try:
            services.update_chain(chain, form.values())
        except InvalidInput as error:
            show_error(form, error)
        else:
            flash(_("The chain has been saved."), "success")
            return redirect(url_for(".edit_chain", chain_id=chain.id))
    return render_template(
        "competence/chain_form.html", form=form, chain=chain, action_form=ActionForm(formdata=None)
    ), form_status(form)


@bp.route("/chains/<int:chain_id>/delete", methods=["POST"])
@access.manager_required
def delete_chain(chain_id: int) -> ResponseReturnValue:
    chain = _chain(chain_id)
    services.delete_chain(chain)
    flash(_("The chain has been deleted."), "success")
    return redirect(url_for(".chains"))


@bp.route("/chains/<int:chain_id>/stages/new", methods=["GET", "POST"])
@access.manager_required
def add_stage(chain_id: int) -> ResponseReturnValue:
    chain = _chain(chain_id)
    form = StageForm(tree=load_tree())
    if form.validate_on_submit():
        try:
            stage = services.add_stage(chain, form.values())
        except InvalidInput as error:
            show_error(form, error)
        else:
            flash(_("The stage %(name)s has been added.", name=localized(stage, "name")), "success")
            return redirect(url_for(".edit_chain", chain_id=chain.id))
    return render_template("competence/stage_form.html", form=form, chain=chain, stage=None), form_status(form)


def _stage_page(stage: ChainStage, form: StageForm, pin_form: PinForm, status: int = 200) -> ResponseReturnValue:
    pin_form.load_choices()
    view = chain_queries.chain_views([_chain(stage.chain_id)])[0]
    stage_view = next(item for item in view.stages if item.stage.id == stage.id)
    return render_template(
        "competence/stage_form.html",
        form=form,
        chain=stage.chain,
        stage=stage,
        stage_view=stage_view,
        pin_form=pin_form,
        action_form=ActionForm(formdata=None),
    ), status


@bp.route("/stages/<int:stage_id>/edit", methods=["GET", "POST"])
@access.manager_required
def edit_stage(stage_id: int) -> ResponseReturnValue:
    stage = _stage(stage_id)
    form = StageForm(obj=stage, tree=load_tree())
    if form.validate_on_submit():
        try:
            services.update_stage(stage, form.values())
        except InvalidInput as error:
            show_error(form, error)
        else:
            flash(_("The stage has been saved."), "success")
            return redirect(url_for(".edit_stage", stage_id=stage.id))
    return _stage_page(stage, form, PinForm(formdata=None), form_status(form))


@bp.route("/stages/<int:stage_id>/delete", methods=["POST"])
@access.manager_required
def delete_stage(stage_id: int) -> ResponseReturnValue:
    stage = _stage(stage_id)
    chain_id = stage.chain_id
    services.delete_stage(stage)
    flash(_("The stage has been deleted."), "success")
    return redirect(url_for(".edit_chain", chain_id=chain_id))


@bp.route("/stages/<int:stage_id>/pins", methods=["POST"])
@access.manager_required
def pin_organization(stage_id: int) -> ResponseReturnValue:
    stage = _stage(stage_id)
    pin_form = PinForm()
    organization_id = pin_form.organization_id()
    if pin_form.validate() and organization_id is not None:  # validate() refuses a missing organization too
        try:
            services.pin_organization(stage, organization_id, pin_form.note.data, added_by=current_user)
        except InvalidInput as error:
            show_error(pin_form, error)
        else:
            flash(_("The organization has been pinned to the stage."), "success")
            return redirect(url_for(".edit_stage", stage_id=stage.id))
    return _stage_page(stage, StageForm(formdata=None, obj=stage, tree=load_tree()), pin_form, 400)


@bp.route("/stages/<int:stage_id>/pins/<int:org_id>/delete", methods=["POST"])
@access.manager_required
def unpin_organization(stage_id: int, org_id: int) -> ResponseReturnValue:
    stage = _stage(stage_id)
    services.unpin_organization(stage, org_id)
    flash(_("The organization has been unpinned from the stage."), "success")
    return redirect(url_for(".edit_stage", stage_id=stage.id))
