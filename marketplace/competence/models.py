"""Production chains of the cluster (document 003): raw materials → processing → products → testing → sales.

A ``ValueChain`` («Полимеры и изделия из пластмасс») is a left-to-right sequence
of ``ChainStage``s («Сырьё», «Переработка», «Готовая продукция», «Испытания и
сертификация», «Сбыт»). Which member organizations work at a stage is derived
from the stage's competency codes (an organization holding one of them, or a
competency below it in the directory) and OKPD2 code prefixes (an organization
with a product whose code starts with one of them); the cluster manager may
also pin organizations to a stage explicitly (``ChainStageMember``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import JSON, ForeignKey, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..db import Model, created_at, intpk, str255, text, updated_at

if TYPE_CHECKING:
    from ..accounts.models import User
    from ..organizations.models import Organization


class ValueChain(Model):
    __tablename__ = "value_chain"

    id: Mapped[intpk]
    name_ru: Mapped[str255]
    name_en: Mapped[str255] = mapped_column(default="", server_default="")
    description_ru: Mapped[text]
    description_en: Mapped[text]
    position: Mapped[int] = mapped_column(default=0, server_default="0")
    created_at: Mapped[created_at]
    updated_at: Mapped[updated_at]

    stages: Mapped[list[ChainStage]] = relationship(
        back_populates="chain", cascade="all, delete-orphan", order_by="[ChainStage.position, ChainStage.id]"
    )

    def __repr__(self) -> str:
        return f"<ValueChain {self.id} {self.name_ru!r}>"


class ChainStage(Model):
    """One step of a chain; its organizations come from the codes below plus the pinned ones."""

    __tablename__ = "chain_stage"

    id: Mapped[intpk]
    chain_id: Mapped[int] = mapped_column(ForeignKey("value_chain.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0, server_default="0")
    name_ru: Mapped[str255]
    name_en: Mapped[str255] = mapped_column(default="", server_default="")
    #: Competency codes of the directory, e.g. ["CHEM.POLY.RESIN", "CHEM.POLY.COMP"]; a code covers its subtree.
    competency_codes: Mapped[list[str]] = mapped_column(JSON, default=list)
    #: OKPD2 code prefixes of products, e.g. ["20.16", "22.2"].
    okpd2_prefixes: Mapped[list[str]] = mapped_column(JSON, default=list)
    created_at: Mapped[created_at]
    updated_at: Mapped[updated_at]

    chain: Mapped[ValueChain] = relationship(back_populates="stages")
    members: Mapped[list[ChainStageMember]] = relationship(
        back_populates="stage", cascade="all, delete-orphan", order_by="ChainStageMember.id"
    )

    def __repr__(self) -> str:
        return f"<ChainStage {self.id} {self.name_ru!r}>"


class ChainStageMember(Model):
    """An organization the manager placed at a stage by hand (e.g. a partner with no matching profile data)."""

    __tablename__ = "chain_stage_member"

    id: Mapped[intpk]
    stage_id: Mapped[int] = mapped_column(ForeignKey("chain_stage.id", ondelete="CASCADE"))
    organization_id: Mapped[int] = mapped_column(ForeignKey("organization.id", ondelete="CASCADE"), index=True)
    note: Mapped[text]
    added_by_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    created_at: Mapped[created_at]

    stage: Mapped[ChainStage] = relationship(back_populates="members")
    organization: Mapped[Organization] = relationship()
    added_by: Mapped[User | None] = relationship()

    __table_args__ = (UniqueConstraint("stage_id", "organization_id", name="uq_chain_stage_member_stage_org"),)
