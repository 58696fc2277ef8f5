"""Editing the production chains (the cluster manager): chains, their stages, pinned organizations.

Every function checks its rules, changes objects and flushes; the request commits.
Access (manager only) is checked by the views before these are called.
"""

from __future__ import annotations

from typing import Any

from flask_babel import gettext as _
from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import InstrumentedAttribute

from ..db import db
from ..errors import InvalidInput, NotFound
from ..organizations.models import Competency, Organization
from ..validators import is_valid_okpd2
from .models import ChainStage, ChainStageMember, ValueChain

CHAIN_FIELDS = ("name_ru", "name_en", "description_ru", "description_en")
STAGE_FIELDS = ("name_ru", "name_en")


def _next_position(column: InstrumentedAttribute[int], *conditions: ColumnElement[bool]) -> int:
    current = db.session.scalar(select(func.max(column)).where(*conditions))
    return 0 if current is None else current + 1


def _check_name(values: dict[str, Any]) -> None:
    if not (values.get("name_ru") or "").strip():
        raise InvalidInput(_("A name in Russian is required."), field="name_ru")


def create_chain(values: dict[str, Any]) -> ValueChain:
    """A new chain; without a position it goes last."""
    _check_name(values)
    chain = ValueChain(**{name: values.get(name) or "" for name in CHAIN_FIELDS})
    position = values.get("position")
    chain.position = _next_position(ValueChain.position) if position is None else position
    db.session.add(chain)
    db.session.flush()
    return chain


def update_chain(chain: ValueChain, values: dict[str, Any]) -> None:
    _check_name(values)
    for name in CHAIN_FIELDS:
        setattr(chain, name, values.get(name) or "")
    if values.get("position") is not None:
        chain.position = values["position"]
    db.session.flush()


def delete_chain(chain: ValueChain) -> None:
    db.session.delete(chain)
    db.session.flush()


def _check_codes(values: dict[str, Any]) -> tuple[list[str], list[str]]:
    codes = list(dict.fromkeys(values.get("competency_codes") or []))
    if codes:
        known = set(db.session.scalars(select(Competency.code).where(Competency.code.in_(codes))))
        unknown = [code for code in codes if code not in known]
        if unknown:
            raise InvalidInput(
                _("Unknown competency codes: %(codes)s.", codes=", ".join(unknown)), field="competency_codes"
            )
    prefixes = list(dict.fromkeys(values.get("okpd2_prefixes") or []))
    bad = [prefix for prefix in prefixes if not is_valid_okpd2(prefix)]
    if bad:
        raise InvalidInput(
            _("Not an OKPD2 code: %(codes)s. Use the form 25.62 or 25.62.10.", codes=", ".join(bad)),
            field="okpd2_prefixes",
        )
    return codes, prefixes


def add_stage(chain: ValueChain, values: dict[str, Any]) -> ChainStage:
    """A new stage of ``chain``; without a position it goes last (rightmost)."""
    _check_name(values)
    codes, prefixes = _check_codes(values)
    position = values.get("position")
    if position is None:
        position = _next_position(ChainStage.position, ChainStage.chain_id == chain.id)
    stage = ChainStage(
        chain=chain,
        position=position,
        competency_codes=codes,
        okpd2_prefixes=prefixes,
        **{name: values.get(name) or "" for name in STAGE_FIELDS},
    )
    db.session.add(stage)
    db.session.flush()
    return stage


def update_stage(stage: ChainStage, values: dict[str, Any]) -> None:
    _check_name(values)
    stage.competency_codes, stage.okpd2_prefixes = _check_codes(values)
    for name in STAGE_FIELDS:
        setattr(stage, name, values.get(name) or "")
    if values.get("position") is not None:
        stage.position = values["position"]
    db.session.flush()


def delete_stage(stage: ChainStage) -> None:
    db.session.delete(stage)
    db.session.flush()


def pin_organization(stage: ChainStage, organization_id: int, note: str, added_by: Any = None) -> ChainStageMember:
    """Place an organization at a stage by hand; once per stage."""
    if db.session.get(Organization, organization_id) is None:
        raise InvalidInput(_("Choose an organization from the list."), field="organization")
    exists = db.session.scalar(
        select(ChainStageMember.id).where(
            ChainStageMember.stage_id == stage.id, ChainStageMember.organization_id == organization_id
        )
    )
    if exists is not None:
        raise InvalidInput(_("This organization is already pinned to the stage."), field="organization")
    member = ChainStageMember(
        stage=stage, organization_id=organization_id, note=note or "", added_by_id=getattr(added_by, "id", None)
    )
    db.session.add(member)
    db.session.flush()
    return member


def unpin_organization(stage: ChainStage, organization_id: int) -> None:
    member = db.session.scalar(
        select(ChainStageMember).where(
            ChainStageMember.stage_id == stage.id, ChainStageMember.organization_id == organization_id
        )
    )
    if member is None:
        raise NotFound
    db.session.delete(member)
    db.session.flush()
