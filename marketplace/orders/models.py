"""The subcontracting exchange: orders, responses to them, invitations to respond, and service offers."""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import CheckConstraint, Column, ForeignKey, Numeric, String, Table, UniqueConstraint, true
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..db import Model, created_at, db, intpk, str120, str255, text, updated_at
from ..visibility import Visibility

if TYPE_CHECKING:
    from ..accounts.models import User
    from ..attachments.models import Attachment
    from ..organizations.models import Competency, Organization


class OrderKind(enum.StrEnum):
    PRODUCTION = "production"
    SERVICE = "service"
    RND = "rnd"
    PURCHASE = "purchase"


class OrderStatus(enum.StrEnum):
    DRAFT = "draft"
    OPEN = "open"
    AWARDED = "awarded"
    COMPLETED = "completed"
    CANCELLED = "cancelled"


order_competency = Table(
    "order_competency",
    db.metadata,
    Column("order_id", ForeignKey("orders.id", ondelete="CASCADE"), primary_key=True),
    Column("competency_id", ForeignKey("competency.id", ondelete="CASCADE"), primary_key=True, index=True),
)

offer_competency = Table(
    "offer_competency",
    db.metadata,
    Column("offer_id", ForeignKey("offer.id", ondelete="CASCADE"), primary_key=True),
    Column("competency_id", ForeignKey("competency.id", ondelete="CASCADE"), primary_key=True, index=True),
)


class Order(Model):
    __tablename__ = "orders"  # ORDER is an SQL keyword

    id: Mapped[intpk]
    organization_id: Mapped[int] = mapped_column(ForeignKey("organization.id", ondelete="CASCADE"), index=True)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    kind: Mapped[OrderKind]
    title: Mapped[str255]
    description: Mapped[text]
    #: OKPD2 codes of what is ordered, e.g. ["25.62.10", "28.41"]
    okpd2_codes: Mapped[list[str]] = mapped_column(db.JSON, default=list)
    quantity: Mapped[Decimal | None] = mapped_column(Numeric(14, 3))
    unit: Mapped[str] = mapped_column(String(40), default="", server_default="")
    deadline: Mapped[dt.date | None]
    budget: Mapped[Decimal | None] = mapped_column(Numeric(14, 2))
    budget_confidential: Mapped[bool] = mapped_column(default=True, server_default=true())
    region: Mapped[str120] = mapped_column(default="", server_default="", index=True)
    visibility: Mapped[Visibility] = mapped_column(default=Visibility.MEMBERS)
    status: Mapped[OrderStatus] = mapped_column(default=OrderStatus.DRAFT, index=True)
    awarded_response_id: Mapped[int | None] = mapped_column(
        ForeignKey("order_response.id", ondelete="SET NULL", use_alter=True)
    )
    published_at: Mapped[dt.datetime | None]
    awarded_at: Mapped[dt.datetime | None]
    lock_version: Mapped[int] = mapped_column(default=0, server_default="0")  # see db.lock_row
    created_at: Mapped[created_at]
    updated_at: Mapped[updated_at]

    organization: Mapped[Organization] = relationship()
    created_by: Mapped[User | None] = relationship()
    competencies: Mapped[list[Competency]] = relationship(secondary=order_competency)
    responses: Mapped[list[Response]] = relationship(
        back_populates="order",
        cascade="all, delete-orphan",
        foreign_keys="Response.order_id",
        order_by="Response.created_at",
    )
    awarded_response: Mapped[Response | None] = relationship(foreign_keys=[awarded_response_id], post_update=True)
    events: Mapped[list[OrderEvent]] = relationship(
        back_populates="order", cascade="all, delete-orphan", order_by="OrderEvent.id"
    )
    attachments: Mapped[list[Attachment]] = relationship(
        back_populates="order", cascade="all, delete-orphan", order_by="Attachment.id"
    )

    __table_args__ = (
        CheckConstraint("budget IS NULL OR budget >= 0", name="budget_nonnegative"),
        CheckConstraint("quantity IS NULL OR quantity > 0", name="quantity_positive"),
    )


class OrderEvent(Model):
    """One line of an order's history: who did what, when."""

    __tablename__ = "order_event"

    id: Mapped[intpk]
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    action: Mapped[str] = mapped_column(String(40))  # created, edited, published, awarded, ...
    from_status: Mapped[OrderStatus | None]
    to_status: Mapped[OrderStatus | None]
    note: Mapped[text]
    created_at: Mapped[created_at]

    order: Mapped[Order] = relationship(back_populates="events")
    actor: Mapped[User | None] = relationship()


class ResponseStatus(enum.StrEnum):
    ACTIVE = "active"
    WITHDRAWN = "withdrawn"
    ACCEPTED = "accepted"  # this response won the award
    DECLINED = "declined"  # another response won


class Response(Model):
    """A supplier's response to an open order. One per organization and order."""

    __tablename__ = "order_response"

    id: Mapped[intpk]
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"))
    organization_id: Mapped[int] = mapped_column(ForeignKey("organization.id", ondelete="CASCADE"), index=True)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    price: Mapped[Decimal] = mapped_column(Numeric(14, 2))
    lead_time_days: Mapped[int]
    message: Mapped[text]
    status: Mapped[ResponseStatus] = mapped_column(default=ResponseStatus.ACTIVE)
    created_at: Mapped[created_at]
    updated_at: Mapped[updated_at]

    order: Mapped[Order] = relationship(back_populates="responses", foreign_keys=[order_id])
    organization: Mapped[Organization] = relationship()
    created_by: Mapped[User | None] = relationship()

    __table_args__ = (
        UniqueConstraint("order_id", "organization_id", name="uq_order_response_order_org"),
        CheckConstraint("price >= 0", name="price_nonnegative"),
        CheckConstraint("lead_time_days > 0", name="lead_time_positive"),
    )


class OfferStatus(enum.StrEnum):
    ACTIVE = "active"
    ARCHIVED = "archived"


class Offer(Model):
    """What a member can do for others: "5-axis machining, up to 2 m"."""

    __tablename__ = "offer"

    id: Mapped[intpk]
    organization_id: Mapped[int] = mapped_column(ForeignKey("organization.id", ondelete="CASCADE"), index=True)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    kind: Mapped[OrderKind]
    title: Mapped[str255]
    description: Mapped[text]
    okpd2_codes: Mapped[list[str]] = mapped_column(db.JSON, default=list)
    region: Mapped[str120] = mapped_column(default="", server_default="", index=True)
    visibility: Mapped[Visibility] = mapped_column(default=Visibility.MEMBERS)
    status: Mapped[OfferStatus] = mapped_column(default=OfferStatus.ACTIVE, index=True)
    created_at: Mapped[created_at]
    updated_at: Mapped[updated_at]

    organization: Mapped[Organization] = relationship()
    created_by: Mapped[User | None] = relationship()
    competencies: Mapped[list[Competency]] = relationship(secondary=offer_competency)


class OrderInvitation(Model):
    """The customer asked a (proposed) supplier to respond to an open order."""

    __tablename__ = "order_invitation"

    id: Mapped[intpk]
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"))
    organization_id: Mapped[int] = mapped_column(ForeignKey("organization.id", ondelete="CASCADE"), index=True)
    invited_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    created_at: Mapped[created_at]

    order: Mapped[Order] = relationship()
    organization: Mapped[Organization] = relationship()
    invited_by: Mapped[User | None] = relationship()

    __table_args__ = (UniqueConstraint("order_id", "organization_id", name="uq_order_invitation_order_org"),)
