"""The order lifecycle: post, edit, publish, cancel, award, complete.

Every change writes an ``OrderEvent`` (actor, action, from/to status, note).
State checks run after ``_lock`` (a row lock on the order, then a fresh read),
so two requests changing one order are serialized and each sees the other's
result. The award itself is a conditional UPDATE, so an order is awarded at
most once even when two awards race. Services flush, never commit.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from flask_babel import gettext as _, lazy_gettext as _l
from sqlalchemy import Update, select, update
from werkzeug.datastructures import FileStorage

from ..attachments.models import Attachment
from ..attachments.services import add_attachment, delete_attachment
from ..audit import services as audit
from ..audit.models import AuditAction
from ..db import changed_rows, db, lock_row, utcnow
from ..errors import Conflict, Forbidden, InvalidInput, NotFound
from ..organizations.models import Competency, Organization
from . import notifications
from .models import Order, OrderEvent, OrderStatus, Response, ResponseStatus
from .rules import require_cancel_order, require_manage_order, require_post_orders

#: Statuses in which the customer may still change the order.
EDITABLE_STATUSES = (OrderStatus.DRAFT, OrderStatus.OPEN)

#: Columns a customer sets through the order form.
ORDER_FIELDS = (
    "title",
    "kind",
    "description",
    "okpd2_codes",
    "quantity",
    "unit",
    "deadline",
    "budget",
    "budget_confidential",
    "region",
    "visibility",
)

#: Labels of ``OrderEvent.action`` for the history.
EVENT_LABELS = {
    "created": _l("Created"),
    "published": _l("Published"),
    "edited": _l("Edited"),
    "attachment_added": _l("File attached"),
    "attachment_removed": _l("File removed"),
    "cancelled": _l("Cancelled"),
    "awarded": _l("Awarded"),
    "completed": _l("Completed"),
    "merged": _l("Organizations merged"),  # written by organizations.merge
}

#: Labels of the fields an "edited" event names in its note (``update_order`` stores the field names).
EDITED_FIELD_LABELS = {
    "title": _l("Title"),
    "kind": _l("Kind of work"),
    "description": _l("Description"),
    "okpd2_codes": _l("OKPD2 codes"),
    "quantity": _l("Quantity"),
    "unit": _l("Unit"),
    "deadline": _l("Deadline"),
    "budget": _l("Budget"),
    "budget_confidential": _l("Budget visibility"),
    "region": _l("Region"),
    "visibility": _l("Who can see the order"),
    "competencies": _l("Required competencies"),
}


def record_event(
    order: Order,
    actor: Any,
    action: str,
    *,
    from_status: OrderStatus | None = None,
    to_status: OrderStatus | None = None,
    note: str = "",
) -> OrderEvent:
    event = OrderEvent(
        order=order,
        actor_id=getattr(actor, "id", None),
        action=action,
        from_status=from_status,
        to_status=to_status,
        note=note,
    )
    db.session.add(event)
    return event


def _updated_rows(statement: Update) -> int:
    """Run a bulk UPDATE (the session's objects are not synchronized); the number of rows it matched."""
    return changed_rows(statement.execution_options(synchronize_session=False))


def _lock(order: Order) -> None:
    """Take the order's row lock and re-read it, so the checks below see committed state."""
    lock_row(Order, order.id)
    db.session.refresh(order)


def _require_status(order: Order, allowed: Iterable[OrderStatus], message: str) -> None:
    if order.status not in tuple(allowed):
        raise Conflict(message)


def _attach(order: Order, actor: Any, uploads: Iterable[FileStorage]) -> list[Attachment]:
    added = [
        add_attachment(upload, uploaded_by_id=actor.id, order=order) for upload in uploads if upload and upload.filename
    ]
    if added:
        record_event(order, actor, "attachment_added", note=", ".join(a.original_name for a in added))
    return added


def create_order(
    organization: Organization,
    actor: Any,
    values: dict[str, Any],
    *,
    competencies: list[Competency],
    uploads: Iterable[FileStorage] = (),
    publish: bool = False,
) -> Order:
    """Post a new order of ``organization`` as a draft, or published right away.

    ``values`` holds the ``ORDER_FIELDS``. Raises InvalidInput(field="attachments")
    when an upload is refused.
    """
    require_post_orders(actor)
    if actor.organization_id != organization.id:
        raise Forbidden(_("Only the customer's users can change this order."))
    order = Order(
        organization=organization,
        created_by_id=actor.id,
        status=OrderStatus.DRAFT,
        competencies=list(competencies),
        **{name: values[name] for name in ORDER_FIELDS},
    )
    db.session.add(order)
    db.session.flush()
    record_event(order, actor, "created", to_status=OrderStatus.DRAFT)
    _attach(order, actor, uploads)
    if publish:
        _publish(order, actor)
    db.session.flush()
    return order


def update_order(
    order: Order,
    actor: Any,
    values: dict[str, Any],
    *,
    competencies: list[Competency],
    uploads: Iterable[FileStorage] = (),
) -> list[str]:
    """Change a draft or open order; returns the names of the changed fields."""
    require_manage_order(order, actor)
    _lock(order)
    _require_status(order, EDITABLE_STATUSES, _("Only draft and open orders can be edited."))
    changed = [name for name in ORDER_FIELDS if getattr(order, name) != values[name]]
    for name in changed:
        setattr(order, name, values[name])
    if {c.id for c in order.competencies} != {c.id for c in competencies}:
        order.competencies = list(competencies)
        changed.append("competencies")
    if changed:
        record_event(order, actor, "edited", note=", ".join(changed))
    _attach(order, actor, uploads)
    db.session.flush()
    return changed


def remove_order_attachment(order: Order, attachment_id: int, actor: Any) -> None:
    require_manage_order(order, actor)
    _lock(order)
    _require_status(order, EDITABLE_STATUSES, _("Only draft and open orders can be edited."))
    attachment = db.session.get(Attachment, attachment_id)
    if attachment is None or attachment.order_id != order.id:
        raise NotFound
    record_event(order, actor, "attachment_removed", note=attachment.original_name)
    delete_attachment(attachment)
    db.session.flush()


def _publish(order: Order, actor: Any) -> None:
    if order.deadline is not None and order.deadline < utcnow().date():
        raise InvalidInput(_("The deadline has passed: edit the order before publishing it."), field="deadline")
    order.status = OrderStatus.OPEN
    order.published_at = utcnow()
    record_event(order, actor, "published", from_status=OrderStatus.DRAFT, to_status=OrderStatus.OPEN)
    notifications.order_published(order)


def publish_order(order: Order, actor: Any) -> None:
    """Draft -> open: suppliers can now see the order and respond."""
    require_manage_order(order, actor)
    _lock(order)
    _require_status(order, (OrderStatus.DRAFT,), _("Only a draft can be published."))
    _publish(order, actor)
    db.session.flush()


def cancel_order(order: Order, actor: Any, reason: str) -> None:
    """Draft or open -> cancelled, with a reason; suppliers who responded are told."""
    require_cancel_order(order, actor)
    reason = (reason or "").strip()
    if not reason:
        raise InvalidInput(_("Say why the order is cancelled."), field="reason")
    _lock(order)
    _require_status(order, EDITABLE_STATUSES, _("Only draft and open orders can be cancelled."))
    previous = order.status
    order.status = OrderStatus.CANCELLED
    record_event(order, actor, "cancelled", from_status=previous, to_status=OrderStatus.CANCELLED, note=reason)
    audit.record(
        AuditAction.ORDER_CANCELLED,
        target=order,
        organization=order.organization,
        before={"status": previous},
        after={"status": OrderStatus.CANCELLED, "reason": reason},
        actor=actor,
    )
    for response in order.responses:
        if response.status == ResponseStatus.ACTIVE:
            notifications.order_cancelled(order, response, reason)
    db.session.flush()


def complete_order(order: Order, actor: Any, note: str = "") -> None:
    """Awarded -> completed: the work is done."""
    require_manage_order(order, actor)
    _lock(order)
    _require_status(order, (OrderStatus.AWARDED,), _("Only an awarded order can be completed."))
    order.status = OrderStatus.COMPLETED
    record_event(
        order,
        actor,
        "completed",
        from_status=OrderStatus.AWARDED,
        to_status=OrderStatus.COMPLETED,
        note=(note or "").strip(),
    )
    db.session.flush()


def award_order(order: Order, response_id: int, actor: Any) -> Response:
    """Choose the winning response of an open order.

    Atomic: a conditional ``UPDATE ... WHERE status = 'open'`` moves the order to
    AWARDED; when it matches no row another award (or a cancellation) got there
    first and ``Conflict`` is raised, so the order is never awarded twice. Then
    the winner becomes ACCEPTED, every other active response DECLINED, the event
    is written and every responding supplier is mailed the outcome.
    """
    require_manage_order(order, actor)
    winner = db.session.get(Response, response_id)
    if winner is None or winner.order_id != order.id:
        raise NotFound(_("There is no such response to this order."))
    now = utcnow()
    moved = _updated_rows(
        update(Order)
        .where(Order.id == order.id, Order.status == OrderStatus.OPEN)
        .values(
            status=OrderStatus.AWARDED,
            awarded_response_id=winner.id,
            awarded_at=now,
            lock_version=Order.lock_version + 1,
        )
    )
    if moved != 1:
        raise Conflict(_("This order has already been awarded or is no longer open."))
    accepted = _updated_rows(
        update(Response)
        .where(Response.id == winner.id, Response.status == ResponseStatus.ACTIVE)
        .values(status=ResponseStatus.ACCEPTED, updated_at=now)
    )
    if accepted != 1:  # withdrawn meanwhile: the whole award is rolled back
        raise Conflict(_("This response has been withdrawn and cannot be selected."))
    losers = db.session.scalars(
        select(Response.id).where(Response.order_id == order.id, Response.status == ResponseStatus.ACTIVE)
    ).all()
    if losers:
        _updated_rows(
            update(Response).where(Response.id.in_(losers)).values(status=ResponseStatus.DECLINED, updated_at=now)
        )
    db.session.refresh(order)
    for response in order.responses:
        db.session.refresh(response)
    record_event(order, actor, "awarded", from_status=OrderStatus.OPEN, to_status=OrderStatus.AWARDED)
    audit.record(
        AuditAction.ORDER_AWARDED,
        target=order,
        organization=order.organization,
        before={"status": OrderStatus.OPEN, "awarded_response_id": None},
        after={
            "status": OrderStatus.AWARDED,
            "awarded_response_id": winner.id,
            "supplier_organization_id": winner.organization_id,
            "supplier": winner.organization.name_ru,
            "price": winner.price,
            "declined_response_ids": sorted(losers),
        },
        actor=actor,
    )
    for response in order.responses:
        if response.status in (ResponseStatus.ACCEPTED, ResponseStatus.DECLINED):
            notifications.award_outcome(order, response)
    db.session.flush()
    return winner
