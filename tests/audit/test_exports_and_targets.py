"""KPI targets, and every export of member data: one entry each, naming what the export revealed."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from marketplace.audit.models import AuditAction
from marketplace.dashboard.models import KpiTarget
from marketplace.db import db
from tests import factories
from tests.events import helpers as event_factories

from .helpers import after, before, check_what, check_who, entries, only_entry

YEAR = dt.date.today().year


def test_changing_the_kpi_targets_is_logged_with_the_changed_ones_only(client, login, people):
    db.session.add_all(
        [
            KpiTarget(indicator="responses", year=YEAR, value=Decimal(10)),
            KpiTarget(indicator="ideas", year=YEAR, value=Decimal(7)),
            KpiTarget(indicator="awards", year=YEAR, value=Decimal(3)),
        ]
    )
    db.session.commit()
    login(people.manager)
    data = {"orders_posted": "30", "responses": "12", "ideas": "", "awards": "3"}
    assert client.post(f"/dashboard/targets?year={YEAR}", data=data).status_code == 302
    entry = only_entry()
    check_who(entry, people.manager)
    check_what(entry, AuditAction.KPI_TARGETS_CHANGED, "kpi_plan", YEAR)
    assert entry.target_name == str(YEAR)
    assert before(entry) == {"orders_posted": None, "responses": "10.00", "ideas": "7.00"}
    assert after(entry) == {"orders_posted": "30", "responses": "12", "ideas": None}


def test_saving_unchanged_or_invalid_targets_logs_nothing(client, login, people):
    login(people.manager)
    assert client.post(f"/dashboard/targets?year={YEAR}", data={"orders_posted": ""}).status_code == 302
    assert client.post(f"/dashboard/targets?year={YEAR}", data={"orders_posted": "-5"}).status_code == 400
    login(people.admin)
    assert client.post(f"/dashboard/targets?year={YEAR}", data={"orders_posted": "5"}).status_code == 403
    assert entries() == []


def test_kpi_exports_are_logged(client, login, people):
    login(people.manager)
    assert client.get(f"/dashboard/export.csv?year={YEAR}").status_code == 200
    assert client.get("/dashboard/export.xlsx?start=2024-01-01&end=2024-03-31").status_code == 200
    csv_entry, xlsx_entry = entries()
    for entry in (csv_entry, xlsx_entry):
        check_who(entry, people.manager)
        check_what(entry, AuditAction.KPI_EXPORTED, "kpi_report", None)
    assert csv_entry.target_name == f"kpi-{YEAR}.csv"
    assert after(csv_entry)["format"] == "csv"
    assert after(xlsx_entry) == after(xlsx_entry) | {"format": "xlsx", "start": "2024-01-01", "end": "2024-03-31"}
    assert before(csv_entry) is None


def test_a_refused_export_logs_nothing(client, login, people):
    login(people.admin)
    assert client.get("/dashboard/export.csv").status_code == 403
    login(people.manager)
    assert client.get("/dashboard/export.csv?start=2024-05-01&end=2024-01-01").status_code == 400
    login(people.registered)
    assert client.get("/competence/export.csv").status_code == 403
    assert entries() == []


def test_competence_exports_are_logged_with_the_organizations_they_show(client, login, people):
    competency = factories.competency()
    beta = factories.member(name_ru="ООО «Бета»").organization
    factories.give_competency(people.org, competency, level=3)
    factories.give_competency(beta, competency, level=1)
    factories.give_competency(people.outsider.organization, competency)  # not a member: not on the map
    login(people.colleague)
    assert client.get("/competence/export.csv").status_code == 200
    assert client.get("/competence/export.csv?layout=wide&scope=all").status_code == 200
    assert client.get("/competence/gaps.csv?sort=gap").status_code == 200
    long, wide, gaps = entries()
    for entry in (long, wide, gaps):
        check_who(entry, people.colleague)
    check_what(long, AuditAction.COMPETENCE_MAP_EXPORTED, "competence_map", None)
    assert after(long) == {
        "layout": "long",
        "filters": {"region": "", "kind": None, "branch_id": None, "members_only": True},
        "rows": 2,
        "organization_ids": sorted([people.org.id, beta.id]),
    }
    assert after(wide)["layout"] == "wide"
    assert after(wide)["filters"]["members_only"] is False
    assert after(wide)["organization_ids"] == sorted([people.org.id, beta.id, people.outsider.organization_id])
    check_what(gaps, AuditAction.COMPETENCE_GAPS_EXPORTED, "competence_gaps", None)
    assert after(gaps)["filters"] == {"branch_id": None, "asked_only": False, "sort": "gap"}


def test_the_participants_export_is_logged_with_the_users_it_names(client, login, people):
    event = event_factories.event(people.org, title_ru="Биржа контактов")
    event_factories.registration(event, people.registered)
    event_factories.registration(event, people.colleague)
    login(people.outsider)
    assert client.get(f"/events/{event.id}/participants.csv").status_code == 403
    assert entries() == []
    login(people.admin)
    assert client.get(f"/events/{event.id}/participants.csv").status_code == 200
    entry = only_entry()
    check_who(entry, people.admin)
    check_what(entry, AuditAction.PARTICIPANTS_EXPORTED, "event", event.id, people.org)
    assert entry.target_name == "Биржа контактов"
    assert after(entry) == {"rows": 2, "user_ids": sorted([people.registered.id, people.colleague.id])}
