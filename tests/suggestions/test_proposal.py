"""The matcher's proposed partners on the project page (``projects/proposal.py``, manager only)."""

from __future__ import annotations

import html as html_lib
import re

import pytest

from marketplace.db import db
from marketplace.models import ConsortiumStatus, OrgKind, ProjectStatus, Visibility
from marketplace.projects import queries
from marketplace.projects.proposal import propose_partners
from tests import factories
from tests.projects import helpers
from tests.suggestions.conftest import page

GAP = "Выращивание монокристаллов сапфира"


@pytest.fixture
def project(cluster):
    project = helpers.project(
        title="Опытный узел фланцевых соединений с покрытием",
        description="Фланцевые соединения из стали 09Г2С с антикоррозионным покрытием.",
        lead_organization=cluster.customer,
        visibility=Visibility.MEMBERS,
    )
    needs = {
        "machining": helpers.need(
            project,
            title="Механическая обработка фланцев",
            description="Токарная обработка фланцев из стали 09Г2С на станках с ЧПУ.",
            competency=cluster.machining,
        ),
        "coating": helpers.need(
            project,
            title="Антикоррозионное покрытие",
            description="Лакокрасочные антикоррозионные покрытия, эмаль для металлоконструкций.",
            competency=cluster.coating,
        ),
        "testing": helpers.need(
            project,
            title="Испытания материалов",
            description="Механические испытания сталей и металлография.",
            org_kind=OrgKind.UNIVERSITY,
        ),
        "gap": helpers.need(project, title=GAP, description="Выращивание монокристаллов сапфира методом Киропулоса."),
    }
    project.test_needs = needs
    return project


def section(html: str) -> str:
    start = html.index('data-testid="project-proposal"')
    return html[start : html.index("</section>\n", html.index('data-testid="consortium-proposal"', start)) + 10]


def members(html: str) -> list[int]:
    return [int(i) for i in re.findall(r'data-testid="consortium-member" data-org-id="(\d+)"', html)]


def member_of(html: str, org_id: int) -> str:
    start = html.index(f'data-testid="consortium-member" data-org-id="{org_id}"')
    return html[start : html.index("</li>", start)]


def need_row(html: str, label: str) -> str:
    table = html[html.index('data-testid="consortium-needs"') :]
    start = table.index(f"<td>{label}")
    return table[start : table.index("</tr>", start)]


def proposal_of(project, user):
    project = db.session.get(type(project), project.id)
    coverage = queries.coverage(project.needs, list(project.members))
    return propose_partners(project, coverage, user=user)


def test_manager_sees_who_covers_each_need_and_the_gap(client, login, cluster, project):
    needs = project.test_needs
    login(cluster.manager)
    html = section(page(client, f"/projects/{project.id}", lang="ru"))
    proposed = members(html)
    assert {cluster.flanges.id, cluster.paints.id, cluster.university.id} <= set(proposed)
    assert cluster.customer.id not in proposed  # the lead
    assert cluster.outsider.id not in proposed  # not a member
    covered_by = {
        label: {int(i) for i in re.findall(r"/organizations/(\d+)", need_row(html, label))}
        for label in ("Механическая обработка фланцев", "Антикоррозионное покрытие", "Испытания материалов")
    }
    assert cluster.flanges.id in covered_by["Механическая обработка фланцев"]
    assert cluster.paints.id in covered_by["Антикоррозионное покрытие"]
    assert covered_by["Испытания материалов"] == {cluster.university.id}  # only a university covers it
    gap = need_row(html, GAP)
    assert "/organizations/" not in gap
    assert "badge" in gap
    # each proposed organization: the needs it covers, reasons, and an Invite link preselecting them
    flanges = member_of(html, cluster.flanges.id)
    assert "Механическая обработка фланцев ·" in flanges
    assert "Испытания материалов ·" not in flanges  # a need for a university: a SME does not cover it
    assert "09г2с" in flanges.lower()  # the reasons
    link = html_lib.unescape(re.search(r'data-testid="invite-proposed"\s+href="([^"]+)"', flanges).group(1))
    assert link.startswith(f"/projects/{project.id}/invite?")
    assert f"org={cluster.flanges.id}" in link
    assert f"need={needs['machining'].id}" in link
    assert f"need={needs['gap'].id}" not in link
    university = member_of(html, cluster.university.id)
    assert f"need={needs['testing'].id}" in html_lib.unescape(university)


def test_the_invite_link_preselects_the_organization_and_its_needs(client, login, cluster, project):
    needs = project.test_needs
    login(cluster.manager)
    html = section(page(client, f"/projects/{project.id}"))
    link = html_lib.unescape(
        re.search(r'data-testid="invite-proposed"\s+href="([^"]+)"', member_of(html, cluster.flanges.id)).group(1)
    )
    form = page(client, link)

    def selected(name: str) -> set[int]:
        select = form[form.index(f'name="{name}"') :]
        select = select[: select.index("</select>")]
        return {int(v) for v in re.findall(r'<option selected value="(\d+)"', select)}

    assert selected("organization") == {cluster.flanges.id}
    assert selected("needs") == {needs["machining"].id}
    # and posting it invites the organization for those needs
    response = client.post(
        f"/projects/{project.id}/invite",
        data={
            "organization": str(cluster.flanges.id),
            "role": "Механообработка",
            "needs": [str(needs["machining"].id)],
        },
    )
    assert response.status_code == 302
    db.session.expire_all()
    html = section(page(client, f"/projects/{project.id}"))
    assert cluster.flanges.id not in members(html)  # invited: not proposed again
    assert "Механическая обработка фланцев</td>" not in html  # the need is taken once the invitation is accepted


def test_a_need_the_matcher_knows_nothing_about_is_a_gap(app, cluster, project):
    """The project's own text must not make the flange SME "cover" growing sapphire crystals."""
    view = proposal_of(project, cluster.manager).view
    gap = next(n for n in view.needs if n.label == GAP)
    assert GAP in view.gaps
    assert GAP in view.uncovered
    assert gap.gap
    assert not gap.covered
    assert gap.organizations == []
    assert gap.best_strength == 0
    assert all(GAP not in m.covers for m in view.members)
    assert "Механическая обработка фланцев" not in view.gaps


@pytest.mark.parametrize("status", [ConsortiumStatus.INVITED, ConsortiumStatus.ACCEPTED, ConsortiumStatus.DECLINED])
def test_organizations_already_asked_are_not_proposed(app, cluster, project, status):
    helpers.consortium_member(project, cluster.paints, status=status, needs=[])  # asked, for no particular need
    proposal = proposal_of(project, cluster.manager)
    ids = {m.organization.id for m in proposal.view.members}
    assert cluster.paints.id not in ids
    assert cluster.customer.id not in ids
    assert cluster.flanges.id in ids
    coating = next(n for n in proposal.view.needs if n.label == "Антикоррозионное покрытие")
    assert cluster.paints.id not in {o.id for o in coating.organizations}


def test_a_removed_organization_is_proposed_again(app, cluster, project):
    helpers.consortium_member(project, cluster.paints, status=ConsortiumStatus.REMOVED)
    assert cluster.paints.id in {m.organization.id for m in proposal_of(project, cluster.manager).view.members}


def test_the_lead_is_never_proposed(app, cluster, project):
    project.lead_organization = cluster.flanges
    db.session.commit()
    proposal = proposal_of(project, cluster.manager)
    assert cluster.flanges.id not in {m.organization.id for m in proposal.view.members}
    machining = next(n for n in proposal.view.needs if n.label == "Механическая обработка фланцев")
    assert cluster.flanges.id not in {o.id for o in machining.organizations}


@pytest.mark.parametrize("who", ["customer", "flanges", "university"])
def test_non_managers_do_not_see_the_proposal(client, login, cluster, project, who):
    login(cluster.users[who])
    html = page(client, f"/projects/{project.id}")
    assert 'id="consortium-proposal"' not in html
    assert 'data-testid="invite-proposed"' not in html


@pytest.mark.parametrize("status", [ProjectStatus.COMPLETED, ProjectStatus.CANCELLED])
def test_a_closed_project_shows_no_proposal(client, login, cluster, project, status):
    project.status = status
    db.session.commit()
    login(cluster.manager)
    html = page(client, f"/projects/{project.id}")
    assert 'data-testid="consortium-proposal"' not in html
    assert 'data-testid="invite-proposed"' not in html
    assert "The project is closed: no new partners are proposed." in html


def test_a_project_without_open_needs(client, login, cluster):
    bare = helpers.project(title="Проект без потребностей")
    login(cluster.manager)
    html = page(client, f"/projects/{bare.id}")
    assert "Add what the project needs" in html
    assert 'data-testid="invite-proposed"' not in html
    need = helpers.need(bare, title="Механическая обработка фланцев", competency=cluster.machining)
    helpers.consortium_member(bare, cluster.flanges, status=ConsortiumStatus.ACCEPTED, needs=[need])
    html = page(client, f"/projects/{bare.id}")
    assert "Every need has its partners" in html
    assert 'data-testid="invite-proposed"' not in html


def test_an_edited_description_changes_the_next_proposal(client, login, cluster, project):
    """The matcher follows a committed edit without a restart or a refit."""
    login(cluster.manager)
    html = section(page(client, f"/projects/{project.id}"))
    assert cluster.university.id in {
        int(i) for i in re.findall(r"/organizations/(\d+)", need_row(html, "Испытания материалов"))
    }
    university = db.session.get(type(cluster.university), cluster.university.id)
    university.description_ru = "Кафедра полимеров: производство пластиков и полимеров."
    university.description_en = "Polymer chemistry department."
    db.session.commit()
    html = section(page(client, f"/projects/{project.id}"))
    assert "/organizations/" not in need_row(html, "Испытания материалов")  # nobody covers it now
    # a second university that tests steels appears in the next proposal, without a refit
    lab = factories.member(
        name_ru="Технический университет",
        name_en="Technical University",
        kind=OrgKind.UNIVERSITY,
        description_ru="Механические испытания сталей 09Г2С и 12Х18Н10Т, металлография.",
    )
    html = section(page(client, f"/projects/{project.id}"))
    assert {int(i) for i in re.findall(r"/organizations/(\d+)", need_row(html, "Испытания материалов"))} == {
        lab.organization.id
    }


def test_a_kind_nobody_in_the_cluster_has_is_reported(client, login, cluster, project):
    helpers.need(
        project,
        title="Научное сопровождение",
        description="Механические испытания сталей 09Г2С.",
        org_kind=OrgKind.RESEARCH,
    )
    login(cluster.manager)
    html = section(page(client, f"/projects/{project.id}"))
    row = need_row(html, "Научное сопровождение")
    assert "/organizations/" not in row
    assert "badge" in row
    assert "Could not fill the requested mix:" in html
    proposal = proposal_of(project, cluster.manager)
    assert proposal.view.unmet_kinds == {OrgKind.RESEARCH: 1}
    assert "Научное сопровождение" in proposal.view.uncovered


def test_needs_with_the_same_title_are_told_apart_by_id(cluster, project):
    """Two open needs may share a title: an organization is preselected only for the one it covers (here the
    twin asks for a university, which the paint maker is not)."""
    twin = helpers.need(
        project,
        title="Антикоррозионное покрытие",
        org_kind=OrgKind.UNIVERSITY,
        description="Исследование антикоррозионных покрытий, испытания в солевом тумане.",
    )
    proposal = proposal_of(project, cluster.manager)
    coating = project.test_needs["coating"]
    assert coating.id in proposal.need_ids[cluster.paints.id]
    assert twin.id not in proposal.need_ids[cluster.paints.id]
    assert all(twin.id not in ids for org, ids in proposal.need_ids.items() if org != cluster.university.id)
