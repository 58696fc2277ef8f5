"""The portfolio: projects grouped by status with progress, and the portfolio's numbers."""

from __future__ import annotations

import re
from decimal import Decimal

from marketplace.models import ProjectStatus, Visibility
from marketplace.projects.queries import portfolio

from . import helpers


def numbers(client) -> dict:
    body = client.get("/projects/portfolio?lang=en").get_data(as_text=True)
    counts = dict(re.findall(r'data-status="(\w+)">(\d+)<', body))
    total = re.search(r'data-testid="total-count">(\d+)<', body).group(1)
    average = re.search(r'data-testid="average-percent">([^<]*)<', body).group(1)
    budget = re.search(r'data-testid="total-budget">([^<]*)<', body)
    return {
        "counts": {k: int(v) for k, v in counts.items()},
        "total": int(total),
        "average": average,
        "budget": re.sub(r"[^\d]", "", budget.group(1)) if budget else None,
        "body": body,
    }


def make_portfolio(people):
    helpers.project(title="А", status=ProjectStatus.ACTIVE, percent_complete=40, budget=Decimal(1000000))
    helpers.project(
        title="Б", status=ProjectStatus.ACTIVE, percent_complete=60, budget=None, visibility=Visibility.PUBLIC
    )
    helpers.project(title="В", status=ProjectStatus.PLANNED, percent_complete=10, budget=Decimal("250000.50"))
    helpers.project(title="Г", status=ProjectStatus.COMPLETED, percent_complete=100, budget=Decimal(3000000))
    helpers.project(title="Д", status=ProjectStatus.CANCELLED, percent_complete=30, budget=Decimal(9000000))
    helpers.project(title="Е", status=ProjectStatus.IDEA, percent_complete=0, budget=Decimal(500000))


def test_manager_sees_every_project_and_the_totals(client, people, as_role):
    make_portfolio(people)
    as_role("manager")
    got = numbers(client)
    assert got["counts"] == {"active": 2, "planned": 1, "idea": 1, "completed": 1, "cancelled": 1}
    assert got["total"] == 6
    assert got["average"] == "42%"  # (40 + 60 + 10 + 100 + 0) / 5: cancelled projects do not count
    assert got["budget"] == "47500005"  # 4 750 000,5: 1 000 000 + 250 000.50 + 3 000 000 + 500 000, not the cancelled
    assert got["body"].count('data-testid="portfolio-group"') == 5
    assert 'aria-valuenow="60"' in got["body"]


def test_members_see_visible_projects_without_budgets(client, people, as_role):
    make_portfolio(people)
    as_role("member")
    got = numbers(client)
    assert got["counts"] == {"active": 2, "planned": 1, "idea": 0, "completed": 1, "cancelled": 1}
    assert got["average"] == "53%"  # (40 + 60 + 10 + 100) / 4 = 52.5, rounded half up
    assert got["budget"] is None
    assert "₽" not in got["body"]


def test_portfolio_numbers(people):
    make_portfolio(people)
    result = portfolio(people.manager)
    assert [group.status for group in result.groups][:2] == [ProjectStatus.ACTIVE, ProjectStatus.PLANNED]
    active = result.group(ProjectStatus.ACTIVE)
    assert active.count == 2
    assert active.average_percent == 50
    assert active.budget == Decimal(1000000)
    assert [p.title for p in active.projects] == ["Б", "А"]  # furthest along first
    assert result.group(ProjectStatus.CANCELLED).average_percent == 30
    empty = portfolio(people.registered)
    assert empty.count == 1
    assert empty.average_percent == 60
