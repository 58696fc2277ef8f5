"""The manager's audit trail: who may read it, the filters, the CSV export, and that nothing changes an entry."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest
from sqlalchemy import delete, update

from marketplace.audit import services as audit
from marketplace.audit.models import AppendOnlyError, AuditAction, AuditEntry, AuditTarget
from marketplace.db import db
from marketplace.models import OrderStatus
from tests.access_matrix import FORBIDDEN, LOGIN, OK, AccessMatrix, Route, statuses_for
from tests.factories import assert_unchanged, stored_rows

from .conftest import ROLES
from .helpers import after, entries, read_csv

expect = statuses_for(ROLES)
MANAGER_ONLY = expect(LOGIN, FORBIDDEN, FORBIDDEN, FORBIDDEN, OK)

PAGES = AccessMatrix(
    ROLES,
    Route.get("list", "/manager/audit/", MANAGER_ONLY),
    Route.get("filtered list", "/manager/audit/?action=order.awarded&actor=x&since=2024-01-01", MANAGER_ONLY),
    Route.get("export", "/manager/audit/export.csv", MANAGER_ONLY),
    Route.get("filtered export", "/manager/audit/export.csv?target=order&until=2030-01-01", MANAGER_ONLY),
)


@PAGES.reads
def test_who_reads_the_trail(client, as_role, people, route):
    PAGES.check_read(client, as_role, route, {})


@PAGES.every_pair
def test_a_refused_request_stores_nothing(client, as_role, people, route, role):
    """Nobody but the manager reads the trail, and a refused export leaves no entry."""
    PAGES.check_role(client, as_role, route, role, {})


def test_the_managers_menu_links_the_trail(client, as_role, people):
    as_role("manager")
    assert 'data-testid="nav-audit"' in client.get("/").get_data(as_text=True)
    as_role("member")
    assert 'data-testid="nav-audit"' not in client.get("/").get_data(as_text=True)


# --- a trail to read ----------------------------------------------------------------------------------------

UTC_EVENING = dt.datetime(2025, 3, 1, 22, 30)  # 2 March, 01:30 in Moscow


def add(action: AuditAction, created_at: dt.datetime, **values) -> AuditEntry:
    """An entry written at ``created_at`` (added as a new row: entries are never changed afterwards)."""
    entry = AuditEntry(action=action.value, created_at=created_at, address="198.51.100.1", **values)
    db.session.add(entry)
    db.session.commit()
    return entry


@pytest.fixture
def trail(people):
    return {
        "award": add(
            AuditAction.ORDER_AWARDED,
            dt.datetime(2025, 1, 10, 9, 0),
            actor_id=people.admin.id,
            actor_name="Иван Заказчиков",
            actor_email="ivan@alpha.test",
            target_kind="order",
            target_id=7,
            target_name="Фланцы",
            organization_id=people.org.id,
            organization_name="ООО «Альфа»",
            before_data='{"status": "open"}',
            after_data='{"status": "awarded"}',
        ),
        "merge": add(
            AuditAction.ORGANIZATIONS_MERGED,
            UTC_EVENING,
            actor_id=people.manager.id,
            actor_name="Мария Менеджерова",
            actor_email="manager@cluster.test",
            target_kind="organization",
            target_id=555,
            organization_id=555,
            organization_name="АО «Бета»",
        ),
        "export": add(
            AuditAction.KPI_EXPORTED,
            dt.datetime(2025, 4, 5, 12, 0),
            actor_id=people.manager.id,
            actor_name='=HYPERLINK("http://evil.test")',
            actor_email="manager@cluster.test",
            target_kind="kpi_report",
        ),
        "cli": add(AuditAction.BOOKING_REJECTED, dt.datetime(2025, 5, 1, 8, 0), target_kind="booking", target_id=3),
    }


def listed(client, query: str = "") -> list[int]:
    """The ids of the entries the page lists for ``query``, in their order."""
    response = client.get(f"/manager/audit/?lang=en&{query}")
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    return [int(found) for found in re.findall(r'data-entry-id="(\d+)"', response.get_data(as_text=True))]


def test_the_list_shows_entries_newest_first_with_who_what_and_the_changes(client, login, people, trail):
    login(people.manager)
    assert listed(client) == [trail[key].id for key in ("cli", "export", "merge", "award")]
    body = client.get("/manager/audit/?lang=en").get_data(as_text=True)
    assert "Order awarded" in body
    assert "Иван Заказчиков" in body
    assert "ivan@alpha.test" in body
    assert "198.51.100.1" in body
    assert "Фланцы" in body
    assert "ООО «Альфа»" in body
    assert "awarded" in body
    assert "The system" in body  # the entry without a user: a CLI command


@pytest.mark.parametrize(
    ("query", "keys"),
    [
        ("", ["cli", "export", "merge", "award"]),
        ("action=order.awarded", ["award"]),
        ("actor=иван", ["award"]),  # any case, Cyrillic too
        ("actor=CLUSTER.TEST", ["export", "merge"]),  # a part of the e-mail
        ("organization=бета", ["merge"]),
        ("organization={org_id}", ["award"]),  # the organization's number
        ("target=booking", ["cli"]),
        ("since=2025-03-02", ["cli", "export", "merge"]),  # cluster days: 22:30 UTC is already 2 March
        ("until=2025-03-01", ["award"]),
        ("since=2025-03-02&until=2025-04-05", ["export", "merge"]),  # both days included
        ("action=order.awarded&since=2025-02-01", []),
    ],
)
def test_the_filters(client, login, people, trail, query, keys):
    login(people.manager)
    query = query.format(org_id=people.org.id)
    assert listed(client, query) == [trail[key].id for key in keys]
    response = client.get(f"/manager/audit/export.csv?lang=en&{query}")
    assert response.status_code == 200
    assert [(row[1], row[8]) for row in read_csv(response)[1:]] == [
        (trail[key].action, str(trail[key].target_id or "")) for key in keys
    ]


@pytest.mark.parametrize(
    "query", ["since=2025-03-02&until=2025-03-01", "since=2025-02-30", "action=nonsense", "target=nonsense"]
)
def test_invalid_filters_are_shown_not_ignored(client, login, people, trail, query):
    login(people.manager)
    response = client.get(f"/manager/audit/?lang=en&{query}")
    assert response.status_code == 400
    assert 'data-testid="audit-row"' not in response.get_data(as_text=True)
    assert 'class="invalid-feedback"' in response.get_data(as_text=True)
    before = stored_rows()
    assert client.get(f"/manager/audit/export.csv?{query}").status_code == 400
    assert_unchanged(before)  # a refused export is not logged either


def test_the_list_is_paginated(client, login, people, app):
    for minute in range(app.config["PER_PAGE"] + 3):
        add(AuditAction.ORDER_CANCELLED, dt.datetime(2025, 1, 1, 10, minute), target_kind="order", target_id=minute)
    login(people.manager)
    newest_first = [entry.id for entry in reversed(entries())]
    per_page = app.config["PER_PAGE"]
    assert listed(client) == newest_first[:per_page]
    assert listed(client, "page=2") == newest_first[per_page:]
    assert client.get("/manager/audit/?page=3").status_code == 404


# --- the export ---------------------------------------------------------------------------------------------


def test_the_csv_export(client, login, people, trail):
    login(people.manager)
    response = client.get("/manager/audit/export.csv?lang=en")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert response.headers["Content-Disposition"] == 'attachment; filename="audit-trail.csv"'
    assert response.get_data().startswith("\ufeff".encode())
    table = read_csv(response)
    assert table[0] == [
        "Time (UTC)",
        "Action key",
        "Action",
        "User id",
        "Name",
        "E-mail",
        "Address",
        "Kind of object",
        "Object id",
        "Object",
        "Organization id",
        "Organization",
        "Before",
        "After",
    ]
    rows = {row[1]: row for row in table[1:]}
    assert rows["order.awarded"] == [
        "2025-01-10 09:00:00",
        "order.awarded",
        "Order awarded",
        str(people.admin.id),
        "Иван Заказчиков",
        "ivan@alpha.test",
        "198.51.100.1",
        "Order",
        "7",
        "Фланцы",
        str(people.org.id),
        "ООО «Альфа»",
        '{"status": "open"}',
        '{"status": "awarded"}',
    ]
    assert rows["dashboard.exported"][4] == '\'=HYPERLINK("http://evil.test")'  # a formula is defused
    assert rows["booking.rejected"][3:6] == ["", "", ""]  # no user


def test_exporting_the_trail_is_itself_logged(client, login, people, trail):
    login(people.manager)
    assert client.get("/manager/audit/export.csv?target=order&since=2024-12-31").status_code == 200
    [entry] = entries(AuditAction.AUDIT_EXPORTED)
    assert (entry.actor_id, entry.address, entry.target_kind) == (people.manager.id, "203.0.113.7", "audit_log")
    assert after(entry) == {
        "filters": {
            "action": None,
            "actor": "",
            "organization": "",
            "target": "order",
            "since": "2024-12-30T21:00:00",  # midnight in Moscow, in UTC
            "until": None,
        },
        "rows": 1,
    }
    # The next export lists it; an export never lists its own entry.
    table = read_csv(client.get("/manager/audit/export.csv"))
    assert [row[1] for row in table[1:]][:1] == ["audit.exported"]
    assert len(table) - 1 == len(entries()) - 1


# --- nothing changes an entry -------------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["manager", "guest"])
def test_no_route_changes_or_deletes_an_entry(client, login, people, trail, who):
    login(getattr(people, who))
    before = stored_rows()
    entry_id = trail["award"].id
    for url in ("/manager/audit/", "/manager/audit/export.csv"):
        for method in ("POST", "PUT", "PATCH", "DELETE"):
            assert client.open(url, method=method, data={"action": "x"}).status_code == 405, (method, url)
    for url in (f"/manager/audit/{entry_id}", f"/manager/audit/{entry_id}/delete", f"/manager/audit/{entry_id}/edit"):
        for method in ("GET", "POST", "PUT", "DELETE"):
            assert client.open(url, method=method).status_code == 404, (method, url)
    assert_unchanged(before)


def test_the_model_refuses_changes_and_deletions(app, trail):
    entry = db.session.get(AuditEntry, trail["award"].id)
    entry.actor_name = "Someone else"
    with pytest.raises(AppendOnlyError):
        db.session.flush()
    db.session.rollback()
    db.session.delete(db.session.get(AuditEntry, trail["award"].id))
    with pytest.raises(AppendOnlyError):
        db.session.flush()
    db.session.rollback()
    with pytest.raises(AppendOnlyError):
        db.session.execute(update(AuditEntry).values(actor_name="x"))
    with pytest.raises(AppendOnlyError):
        db.session.execute(delete(AuditEntry).where(AuditEntry.id == trail["award"].id))
    db.session.rollback()
    assert entries()[0].actor_name == "Иван Заказчиков"
    assert len(entries()) == len(trail)


# --- record() itself ----------------------------------------------------------------------------------------


def test_record_outside_a_request_writes_cli_and_json_safe_values(app, people):
    entry = audit.record(
        AuditAction.ORDER_CANCELLED,
        target=(AuditTarget.ORDER, 12),
        organization=people.org,
        before={"status": OrderStatus.OPEN, "budget": Decimal("1.50"), "when": dt.date(2025, 1, 2)},
        after={"tags": {"b", "a"}, "ratio": float("nan"), "user": people.admin},
    )
    db.session.commit()
    assert (entry.actor_id, entry.actor_name, entry.actor_email, entry.address) == (None, "", "", "cli")
    assert (entry.target_kind, entry.target_id) == ("order", 12)
    assert (entry.organization_id, entry.organization_name) == (people.org.id, "ООО «Альфа»")
    assert entry.before_data == '{"budget": "1.50", "status": "open", "when": "2025-01-02"}'
    assert after(entry) == {"tags": ["a", "b"], "ratio": "nan", "user": f"user_account:{people.admin.id}"}
    named = audit.record(AuditAction.ADMIN_GRANTED, target=people.colleague, actor=people.manager)
    assert (named.actor_id, named.actor_email, named.address) == (people.manager.id, "manager@cluster.test", "cli")
    assert (named.target_kind, named.target_id, named.target_name) == ("user", people.colleague.id, "Ольга Коллегова")
