"""Shared equipment lent by members and universities, and its bookings."""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Index, Numeric
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..db import Model, created_at, intpk, str120, str255, text, updated_at

if TYPE_CHECKING:
    from ..accounts.models import User
    from ..attachments.models import Attachment
    from ..organizations.models import Organization


class EquipmentCategory(enum.StrEnum):
    MACHINING = "machining"  # CNC machines, lathes, mills
    ADDITIVE = "additive"  # 3D printers, powder bed fusion
    TESTING = "testing"  # mechanical testing, climatic chambers
    MEASUREMENT = "measurement"  # CMMs, scanners, metrology
    ANALYTICAL = "analytical"  # chromatographs, spectrometers, microscopes
    CHEMICAL = "chemical"  # reactors, pilot plants, extruders
    COMPOSITES = "composites"  # autoclaves, winding, infusion
    ELECTRONICS = "electronics"
    COMPUTING = "computing"  # HPC, simulation licences
    OTHER = "other"


class EquipmentStatus(enum.StrEnum):
    AVAILABLE = "available"
    MAINTENANCE = "maintenance"
    RETIRED = "retired"


class AccessPolicy(enum.StrEnum):
    """Who may book an item."""

    MEMBERS = "members"  # users of cluster member organizations
    REGISTERED = "registered"  # any registered organization


class Equipment(Model):
    __tablename__ = "equipment"

    id: Mapped[intpk]
    organization_id: Mapped[int] = mapped_column(ForeignKey("organization.id", ondelete="CASCADE"), index=True)
    name_ru: Mapped[str255]
    name_en: Mapped[str255] = mapped_column(default="", server_default="")
    category: Mapped[EquipmentCategory] = mapped_column(index=True)
    manufacturer: Mapped[str120] = mapped_column(default="", server_default="")
    model: Mapped[str120] = mapped_column(default="", server_default="")
    description_ru: Mapped[text]
    description_en: Mapped[text]
    location: Mapped[str255] = mapped_column(default="", server_default="")  # city, address, room
    specs: Mapped[list[dict[str, str]]] = mapped_column(JSON, default=list)  # {"name": ..., "value": ...}
    price_per_hour: Mapped[Decimal | None] = mapped_column(Numeric(14, 2))
    price_per_day: Mapped[Decimal | None] = mapped_column(Numeric(14, 2))
    access: Mapped[AccessPolicy] = mapped_column(default=AccessPolicy.MEMBERS)
    requirements: Mapped[text]  # operator training, safety briefing, materials
    status: Mapped[EquipmentStatus] = mapped_column(default=EquipmentStatus.AVAILABLE, index=True)
    lock_version: Mapped[int] = mapped_column(default=0, server_default="0")  # see db.lock_row
    created_at: Mapped[created_at]
    updated_at: Mapped[updated_at]

    organization: Mapped[Organization] = relationship()
    bookings: Mapped[list[Booking]] = relationship(
        back_populates="equipment", cascade="all, delete-orphan", order_by="Booking.starts_at"
    )
    attachments: Mapped[list[Attachment]] = relationship(
        back_populates="equipment", cascade="all, delete-orphan", order_by="Attachment.id"
    )


class BookingStatus(enum.StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"
    CANCELLED = "cancelled"


class Booking(Model):
    """A request for a time window [starts_at, ends_at) on one item (naive UTC)."""

    __tablename__ = "booking"

    id: Mapped[intpk]
    equipment_id: Mapped[int] = mapped_column(ForeignKey("equipment.id", ondelete="CASCADE"))
    organization_id: Mapped[int] = mapped_column(ForeignKey("organization.id", ondelete="CASCADE"), index=True)
    requested_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    starts_at: Mapped[dt.datetime]
    ends_at: Mapped[dt.datetime]
    purpose: Mapped[text]
    status: Mapped[BookingStatus] = mapped_column(default=BookingStatus.PENDING)
    decision_note: Mapped[text]
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    decided_at: Mapped[dt.datetime | None]
    created_at: Mapped[created_at]

    equipment: Mapped[Equipment] = relationship(back_populates="bookings")
    organization: Mapped[Organization] = relationship()
    requested_by: Mapped[User | None] = relationship(foreign_keys=[requested_by_id])
    decided_by: Mapped[User | None] = relationship(foreign_keys=[decided_by_id])

    __table_args__ = (
        CheckConstraint("ends_at > starts_at", name="window_positive"),
        Index("ix_booking_equipment_window", "equipment_id", "status", "starts_at"),
    )
