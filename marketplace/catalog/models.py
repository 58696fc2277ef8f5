"""The product catalog and the OKPD2 classifier it is browsed by."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import JSON, ForeignKey, Numeric, String, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..db import Model, created_at, intpk, str255, text, updated_at

if TYPE_CHECKING:
    from ..attachments.models import Attachment
    from ..organizations.models import Organization


class Okpd2Code(Model):
    """One entry of the OKPD2 classifier (OK 034-2014), e.g. 25.62 or 20.15.3."""

    __tablename__ = "okpd2_code"

    code: Mapped[str] = mapped_column(String(20), primary_key=True)
    name_ru: Mapped[str] = mapped_column(String(500))
    name_en: Mapped[str] = mapped_column(String(500), default="", server_default="")
    parent_code: Mapped[str | None] = mapped_column(String(20), index=True)


class Product(Model):
    __tablename__ = "product"

    id: Mapped[intpk]
    organization_id: Mapped[int] = mapped_column(ForeignKey("organization.id", ondelete="CASCADE"), index=True)
    name_ru: Mapped[str255]
    name_en: Mapped[str255] = mapped_column(default="", server_default="")
    description_ru: Mapped[text]
    description_en: Mapped[text]
    is_service: Mapped[bool] = mapped_column(default=False, server_default=false())
    okpd2: Mapped[str] = mapped_column(String(20), index=True)
    hs_code: Mapped[str | None] = mapped_column(String(12))
    unspsc: Mapped[str | None] = mapped_column(String(8))
    #: [{"name": "Диаметр", "value": "до 500 мм"}, ...] in display order
    specs: Mapped[list[dict[str, str]]] = mapped_column(JSON, default=list)
    unit: Mapped[str] = mapped_column(String(40), default="", server_default="")
    price: Mapped[Decimal | None] = mapped_column(Numeric(14, 2))
    created_at: Mapped[created_at]
    updated_at: Mapped[updated_at]

    organization: Mapped[Organization] = relationship()
    attachments: Mapped[list[Attachment]] = relationship(
        back_populates="product", cascade="all, delete-orphan", order_by="Attachment.id"
    )

    def __repr__(self) -> str:
        return f"<Product {self.id} {self.okpd2}>"
