"""Seed step 5: the production chains of the competence map, with a few organizations pinned by the manager."""

from __future__ import annotations

from ..competence.models import ChainStage, ChainStageMember, ValueChain
from ..db import db
from .chains_data import CHAINS
from .context import Demo


def build_chains(demo: Demo) -> None:
    manager = demo.special["manager"]
    for chain_position, spec in enumerate(CHAINS):
        chain = ValueChain(
            name_ru=spec.name_ru,
            name_en=spec.name_en,
            description_ru=spec.description_ru,
            description_en=spec.description_en,
            position=chain_position,
        )
        for position, stage_spec in enumerate(spec.stages):
            stage = ChainStage(
                position=position,
                name_ru=stage_spec.name_ru,
                name_en=stage_spec.name_en,
                competency_codes=list(stage_spec.competencies),
                okpd2_prefixes=list(stage_spec.okpd2),
            )
            for key, note in stage_spec.pins:
                stage.members.append(ChainStageMember(organization=demo.orgs[key], note=note, added_by=manager))
                demo.counts["chain_stage_members"] += 1
            chain.stages.append(stage)
            demo.counts["chain_stages"] += 1
        db.session.add(chain)
        demo.counts["value_chains"] += 1
