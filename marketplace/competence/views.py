"""The competence map: the matrix, a competency's holders and demand, supply against demand, exports.

Members of the cluster and the manager only (guests are sent to log in, other
users get 403). The production chains add their routes from ``chain_views``.
"""

from __future__ import annotations

from collections.abc import Iterable

from flask import Blueprint, render_template, request
from flask.typing import ResponseReturnValue
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy.orm import selectinload

from .. import access
from ..csv_files import csv_response
from ..db import utcnow
from ..errors import NotFound
from ..i18n import current_language
from ..ideas.models import Idea
from ..orders.models import Order
from ..projects.models import ProjectNeed
from . import demand, export, gaps
from .forms import ExportForm, GapsFilterForm, MatrixFilterForm
from .gaps import GapFilters, GapRow
from .matrix import LEVELS, build_matrix, holders_of
from .tree import load_tree

bp = Blueprint("competence", __name__, url_prefix="/competence")

#: Query arguments the map's filters use; links to the print page and the exports carry them.
MATRIX_ARGS = ("region", "kind", "branch", "scope")
GAPS_ARGS = ("branch", "asked", "sort")

GAP_LABELS = {
    gaps.NONE: _l("Offered by nobody"),
    gaps.SINGLE: _l("One supplier only"),
    gaps.OK: _l("Enough suppliers"),
    gaps.NOT_ASKED: _l("Not asked for"),
}


def carried_args(names: Iterable[str]) -> dict[str, str]:
    return {name: request.args[name] for name in names if request.args.get(name)}


def _matrix_page(template: str) -> str:
    tree = load_tree()
    form = MatrixFilterForm(request.args, tree)
    matrix = build_matrix(form.filters(), tree)
    return render_template(
        template, form=form, matrix=matrix, levels=LEVELS, args=carried_args(MATRIX_ARGS), generated_at=utcnow()
    )


@bp.route("/")
@access.member_required
def matrix() -> ResponseReturnValue:
    return _matrix_page("competence/matrix.html")


@bp.route("/print")
@access.member_required
def print_matrix() -> ResponseReturnValue:
    return _matrix_page("competence/print.html")


@bp.route("/export.csv")
@access.member_required
def export_matrix() -> ResponseReturnValue:
    tree = load_tree()
    form = ExportForm(request.args, tree)
    matrix = build_matrix(form.filters(), tree)
    layout = form.layout_value()
    filename = "competence-map-wide.csv" if layout == "wide" else "competence-map.csv"
    return csv_response(export.map_export(matrix, layout, current_language()), filename)


@bp.route("/competencies/<int:competency_id>")
@access.member_required
def competency(competency_id: int) -> ResponseReturnValue:
    tree = load_tree()
    node = tree.by_id.get(competency_id)
    if node is None:
        raise NotFound
    ids = tree.subtree_ids(node.id)
    holders = holders_of(ids, tree)
    orders, orders_total = demand.limited(
        demand.open_orders_statement(ids, current_user), selectinload(Order.organization)
    )
    needs, needs_total = demand.limited(
        demand.project_needs_statement(ids, current_user), selectinload(ProjectNeed.project)
    )
    requests, requests_total = demand.limited(
        demand.requests_statement(ids, current_user), selectinload(Idea.organization)
    )
    return render_template(
        "competence/competency.html",
        node=node,
        tree=tree,
        holders=holders,
        orders=orders,
        orders_total=orders_total,
        needs=needs,
        needs_total=needs_total,
        requests=requests,
        requests_total=requests_total,
        path=list(reversed(tree.ancestors(node.id))),
    )


def _gap_rows() -> tuple[GapsFilterForm, GapFilters, list[GapRow]]:
    tree = load_tree()
    form = GapsFilterForm(request.args, tree)
    filters = form.filters()
    return form, filters, gaps.gap_rows(filters, current_user, tree)


@bp.route("/gaps")
@access.member_required
def gaps_table() -> ResponseReturnValue:
    form, filters, rows = _gap_rows()
    return render_template(
        "competence/gaps.html",
        form=form,
        rows=rows,
        levels=LEVELS,
        labels=GAP_LABELS,
        summary=gaps.summary(rows),
        args=carried_args(GAPS_ARGS),
        sort=filters.sort,
    )


@bp.route("/gaps.csv")
@access.member_required
def export_gaps() -> ResponseReturnValue:
    _form, filters, rows = _gap_rows()
    return csv_response(
        export.gaps_export(rows, filters, {key: str(text) for key, text in GAP_LABELS.items()}), "competence-gaps.csv"
    )


# The other view modules add their routes to ``bp``; imported last, as they import it from here.
from . import chain_views  # noqa: E402,F401
