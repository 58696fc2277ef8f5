"""Files attached to products, orders, equipment and projects."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import CheckConstraint, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..db import Model, created_at, intpk, str255

if TYPE_CHECKING:
    from ..catalog.models import Product
    from ..equipment.models import Equipment
    from ..orders.models import Order
    from ..projects.models import Project


class Attachment(Model):
    """Metadata of one uploaded file; the bytes live under UPLOAD_DIR/<stored_name>.

    Exactly one of the owner columns is set.
    """

    __tablename__ = "attachment"

    id: Mapped[intpk]
    product_id: Mapped[int | None] = mapped_column(ForeignKey("product.id", ondelete="CASCADE"), index=True)
    order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id", ondelete="CASCADE"), index=True)
    equipment_id: Mapped[int | None] = mapped_column(ForeignKey("equipment.id", ondelete="CASCADE"), index=True)
    project_id: Mapped[int | None] = mapped_column(ForeignKey("project.id", ondelete="CASCADE"), index=True)
    original_name: Mapped[str255]
    stored_name: Mapped[str] = mapped_column(String(64), unique=True)
    content_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int]
    uploaded_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    created_at: Mapped[created_at]

    product: Mapped[Product | None] = relationship(back_populates="attachments")
    order: Mapped[Order | None] = relationship(back_populates="attachments")
    equipment: Mapped[Equipment | None] = relationship(back_populates="attachments")
    project: Mapped[Project | None] = relationship(back_populates="attachments")

    __table_args__ = (
        CheckConstraint(
            "(CASE WHEN product_id IS NULL THEN 0 ELSE 1 END"
            " + CASE WHEN order_id IS NULL THEN 0 ELSE 1 END"
            " + CASE WHEN equipment_id IS NULL THEN 0 ELSE 1 END"
            " + CASE WHEN project_id IS NULL THEN 0 ELSE 1 END) = 1",
            name="one_owner",
        ),
    )

    @property
    def is_image(self) -> bool:
        return self.content_type.startswith("image/")
