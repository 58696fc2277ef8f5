"""The matcher's proposed partners for a project: the needs still open, organizations not yet asked.

The project register owns the workflow (invite, accept, decline); the matcher
(``suggestions.services.propose_consortium``) only proposes. A need counts as open
while it lacks partners once every pending invitation were accepted
(``NeedCoverage.missing``); organizations already in the consortium (invited,
accepted, or that declined) and the lead organization are not proposed again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..suggestions.services import ConsortiumProposalView, NeedSpec, propose_consortium
from .models import ConsortiumStatus, Project, ProjectNeed
from .queries import NeedCoverage

#: A proposal never suggests more organizations than this at once.
MAX_PROPOSED = 5


@dataclass
class ProjectProposal:
    """What the project page shows: the matcher's view and, per proposed organization, the needs to invite it for."""

    view: ConsortiumProposalView | None  # None: every need already has its partners (or there are no needs)
    open_needs: list[ProjectNeed] = field(default_factory=list)
    need_ids: dict[int, list[int]] = field(default_factory=dict)  # organization id -> ids of the needs it covers
    no_needs: bool = False


def need_spec(need: ProjectNeed) -> NeedSpec:
    text = " ".join(part for part in (need.title, need.description) if part)
    codes = (need.competency.code,) if need.competency is not None else ()
    return NeedSpec(
        label=need.title,
        text=text,
        competency_codes=codes,
        kind=need.org_kind.value if need.org_kind is not None else None,
        key=need.id,
    )


def propose_partners(
    project: Project, coverage: list[NeedCoverage], *, user: Any, lang: str | None = None
) -> ProjectProposal:
    if not project.needs:
        return ProjectProposal(view=None, no_needs=True)
    open_needs = [entry.need for entry in coverage if entry.missing > 0]
    if not open_needs:
        return ProjectProposal(view=None)
    asked = {m.organization_id for m in project.members if m.status != ConsortiumStatus.REMOVED}
    if project.lead_organization_id is not None:
        asked.add(project.lead_organization_id)
    wanted = sum(entry.missing for entry in coverage if entry.missing > 0)
    view = propose_consortium(
        [need_spec(n) for n in open_needs],
        text=f"{project.title} {project.description}",
        exclude_ids=sorted(asked),
        max_size=min(MAX_PROPOSED, max(wanted, 1)),
        user=user,
        lang=lang,
    )
    # The keys are the ``need.id``s ``need_spec`` gave; the matcher hands them back as plain hashables.
    need_ids = {
        member.organization.id: [key for key in member.need_keys if isinstance(key, int)] for member in view.members
    }
    return ProjectProposal(view=view, open_needs=open_needs, need_ids=need_ids)
