"""Projects an organization joined are past work in its matcher profile, logged and quoted like won orders."""

from __future__ import annotations

from sqlalchemy import select

from marketplace.db import db
from marketplace.models import ConsortiumStatus, MatcherChange, ProjectStatus, Visibility
from marketplace.projects.consortium import respond_to_invitation
from marketplace.suggestions.presenters import present_reasons
from marketplace.suggestions.profiles import load_profiles
from matching import Matcher, MatcherConfig, MatchQuery
from matching.results import MatchedCode, Reasons
from tests import factories
from tests.projects import helpers

CASTING = "Литьё под давлением алюминиевых корпусов насосов"


def project_texts(org_id: int) -> list[str]:
    profile = load_profiles(db.session, [org_id])[org_id]
    return [f"{d.title}\n{d.text}" for d in profile.projects]


def logged(org_id: int) -> int:
    return len(db.session.scalars(select(MatcherChange.id).where(MatcherChange.organization_id == org_id)).all())


def test_an_accepted_consortium_membership_becomes_past_work_and_is_logged(app):
    supplier = factories.member(name_ru="ООО «Литмаш»")
    organization = supplier.organization
    project = helpers.project(
        title="Насосная станция нового поколения", description=CASTING, status=ProjectStatus.ACTIVE
    )
    need = helpers.need(project, title="Корпуса из алюминиевого сплава")
    member = helpers.consortium_member(
        project, organization, status=ConsortiumStatus.INVITED, needs=[need], role="Литейное производство"
    )
    assert project_texts(organization.id) == []  # an invitation is not work done
    before = logged(organization.id)

    respond_to_invitation(member, accept=True, actor=supplier)
    db.session.commit()

    texts = project_texts(organization.id)
    assert len(texts) == 1
    assert "Насосная станция" in texts[0]
    assert "Литейное производство" in texts[0]
    assert "Корпуса из алюминиевого сплава" in texts[0]
    assert CASTING in texts[0]
    assert logged(organization.id) == before + 1  # the change log tells every worker

    project.status = ProjectStatus.CANCELLED  # a cancelled project is nobody's work
    db.session.commit()
    assert project_texts(organization.id) == []
    assert logged(organization.id) == before + 2


def test_a_members_only_project_is_quoted_only_to_those_who_may_open_it(app):
    supplier = factories.member(name_ru="ООО «Литмаш»")
    project = helpers.project(
        title="Корпуса насосов литьём",
        description=CASTING,
        visibility=Visibility.MEMBERS,
        status=ProjectStatus.COMPLETED,
    )
    helpers.consortium_member(project, supplier.organization, role="Литьё")
    matcher = Matcher(MatcherConfig()).fit(load_profiles(db.session).values())
    result = matcher.match_suppliers(MatchQuery(text="литьё алюминиевых корпусов насосов"), top_k=3)
    assert result
    assert result[0].org_id == supplier.organization.id
    reasons = [result[0].reasons]

    member_view = present_reasons(reasons, user=factories.member(), lang="ru")[0]
    assert [d.kind for d in member_view.documents] == ["project"]
    assert member_view.documents[0].title == "Корпуса насосов литьём"
    assert present_reasons(reasons, user=factories.registered(), lang="ru")[0].documents == []


def test_a_competency_met_by_several_order_codes_is_shown_once(app):

    factories.competency(code="METAL.5AX", name_ru="Пятиосевая обработка", name_en="5-axis machining")
    reasons = Reasons(
        terms=("фланцы",),
        competencies=(
            MatchedCode(query_code="METAL", org_code="METAL.5AX", match=0.5),
            MatchedCode(query_code="METAL.5AX", org_code="METAL.5AX", match=1.0),
        ),
    )
    view = present_reasons([reasons], user=None, lang="ru")[0]
    assert [(c.code, c.name, c.match) for c in view.competencies] == [("METAL.5AX", "Пятиосевая обработка", 1.0)]
    assert view.sentence.count("METAL.5AX") == 1
