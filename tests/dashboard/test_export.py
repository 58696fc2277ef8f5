"""CSV and Excel exports of a period, read back: one row per indicator, months, fact, target, percent."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

from openpyxl import load_workbook

from marketplace.dashboard.indicators import REGISTRY
from tests import factories

from .helpers import at, rating, target

YEAR = 2023


def records():
    org = factories.organization()
    for month in (1, 1, 3, 12):
        factories.order(org, published_at=at(YEAR, month))
    factories.order(org, published_at=at(YEAR + 1, 1))
    rating(factories.member(), 4, when=at(YEAR, 6))
    rating(factories.member(), 5, when=at(YEAR, 6))
    target("orders_posted", YEAR, Decimal(8))
    target("platform_rating", YEAR, Decimal("4.8"))


def read_csv(response) -> list[list[str]]:
    text = response.get_data().decode("utf-8")
    assert text.startswith("\ufeff")  # so that Excel reads UTF-8
    return list(csv.reader(io.StringIO(text[1:]), delimiter=";"))


def by_key(rows) -> dict:
    return {row[0]: row for row in rows[1:]}


def test_csv_of_a_year(client, as_role, people):
    records()
    as_role("manager")
    response = client.get(f"/dashboard/export.csv?year={YEAR}")
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert f'filename="kpi-{YEAR}.csv"' in response.headers["Content-Disposition"]
    rows = read_csv(response)
    header = rows[0]
    assert header[3:15] == [f"{YEAR}-{m:02d}" for m in range(1, 13)]
    assert len(header) == 18
    assert [row[0] for row in rows[1:]] == [indicator.key for indicator in REGISTRY]
    orders = by_key(rows)["orders_posted"]
    assert orders[3:15] == ["2", "0", "1", "0", "0", "0", "0", "0", "0", "0", "0", "1"]
    assert orders[15:] == ["4", "8", "50.0"]  # fact, target, percent of plan
    rating_row = by_key(rows)["platform_rating"]
    assert rating_row[8] == "4.5"
    assert rating_row[3] == ""
    assert rating_row[15:] == ["4.5", "4.8", "93.8"]
    assert by_key(rows)["ideas"][15:] == ["0", "", ""]


def test_csv_of_dates_spanning_two_years(client, as_role, people):
    records()
    as_role("manager")
    response = client.get(f"/dashboard/export.csv?start={YEAR}-03-01&end={YEAR + 1}-01-31")
    assert f'filename="kpi-{YEAR}-03-01_{YEAR + 1}-01-31.csv"' in response.headers["Content-Disposition"]
    rows = read_csv(response)
    assert rows[0][3] == f"{YEAR}-03"
    assert rows[0][13] == f"{YEAR + 1}-01"
    assert len(rows[0]) == 17
    orders = by_key(rows)["orders_posted"]
    assert orders[3] == "1"
    assert orders[12] == "1"
    assert orders[13] == "1"
    assert orders[14:] == ["3", "", ""]  # no target for a period that is not one whole year


def test_xlsx_of_a_year(client, as_role, people):
    records()
    as_role("manager")
    response = client.get(f"/dashboard/export.xlsx?year={YEAR}")
    assert response.status_code == 200
    assert response.mimetype == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert f'filename="kpi-{YEAR}.xlsx"' in response.headers["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(response.get_data()), read_only=True)["KPI"]
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert f"{YEAR}-01-01" in rows[0][0]
    assert rows[1][3:15] == [f"{YEAR}-{m:02d}" for m in range(1, 13)]
    table = {row[0]: row for row in rows[2:]}
    assert list(table) == [indicator.key for indicator in REGISTRY]
    orders = table["orders_posted"]
    assert orders[3:15] == [2, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1]  # numbers, not text
    assert orders[15:] == [4, 8, 50.0]
    rating_row = table["platform_rating"]
    assert rating_row[3] is None
    assert rating_row[8] == 4.5
    assert rating_row[15:] == [4.5, 4.8, 93.8]


def test_xlsx_of_dates(client, as_role, people):
    records()
    as_role("manager")
    response = client.get(f"/dashboard/export.xlsx?start={YEAR}-01-01&end={YEAR}-01-31")
    sheet = load_workbook(io.BytesIO(response.get_data()), read_only=True)["KPI"]
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert rows[1][3] == f"{YEAR}-01"
    assert len(rows[1]) == 7
    orders = {row[0]: row for row in rows[2:]}["orders_posted"]
    assert orders[3:] == [2, 2, None, None]


def test_an_invalid_period_is_refused(client, as_role, people):
    as_role("manager")
    for query in (
        "start=2023-05-01",
        "start=2023-05-01&end=2023-04-30",
        "start=2010-01-01&end=2023-01-01",
        "year=1500",
        "start=bad&end=2023-01-01",
    ):
        assert client.get(f"/dashboard/export.csv?{query}").status_code == 400, query
        assert client.get(f"/dashboard/export.xlsx?{query}").status_code == 400, query


def test_only_the_manager_exports(client, as_role, people):
    for role, expected in [("guest", 302), ("registered", 403), ("outsider", 403), ("member", 403)]:
        as_role(role)
        assert client.get("/dashboard/export.csv").status_code == expected, role
        assert client.get("/dashboard/export.xlsx").status_code == expected, role
