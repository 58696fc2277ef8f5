"""Supply against demand: open orders, running projects and open requests against member suppliers."""

import re

import pytest

from marketplace.db import db
from marketplace.ideas.models import Idea, IdeaKind, IdeaStatus
from marketplace.models import OrderStatus, ProjectStatus, Visibility
from tests import factories
from tests.projects import helpers as projects

from .helpers import read_csv


@pytest.fixture
def demand(world):
    """C is asked for and held by no member (only by a non-member); B1 by one member; A1 by two."""
    c = factories.competency(code="C", name_en="Area C", name_ru="Область В", position=3)
    world.comps["C"] = c
    factories.give_competency(world.orgs["outsider"], c, level=3)
    buyer = world.orgs["large"]
    factories.order(buyer, competencies=[world.comps["A1"]])
    factories.order(buyer, competencies=[world.comps["A1"], world.comps["B1"]], visibility=Visibility.PUBLIC)
    factories.order(buyer, competencies=[c])
    for status in (OrderStatus.DRAFT, OrderStatus.AWARDED, OrderStatus.CANCELLED):  # not open: not counted
        factories.order(buyer, competencies=[c, world.comps["B1"]], status=status)
    running = projects.project(status=ProjectStatus.ACTIVE)
    projects.need(running, competency=world.comps["B1"])
    projects.need(running, competency=world.comps["B1"])  # the same project twice: counted once
    projects.need(projects.project(status=ProjectStatus.PLANNED), competency=c)
    for status in (ProjectStatus.IDEA, ProjectStatus.COMPLETED):
        projects.need(projects.project(status=status), competency=world.comps["A2"])
    db.session.add_all(
        [
            Idea(kind=IdeaKind.REQUEST, title="Нужен поставщик", author=world.users["member"], competencies=[c]),
            Idea(kind=IdeaKind.OFFER, title="Можем сделать", author=world.users["member"], competencies=[c]),
            Idea(kind=IdeaKind.REQUEST, title="Закрыто", status=IdeaStatus.CLOSED, competencies=[c]),
        ]
    )
    db.session.commit()
    return world


def _rows(client, query=""):
    response = client.get(f"/competence/gaps?lang=en{query}")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    rows = re.findall(
        r'data-code="([^"]+)" data-status="(\w+)" data-supply="(\d+)"\s+data-orders="(\d+)" '
        r'data-projects="(\d+)" data-ideas="(\d+)"',
        html,
    )
    return [(code, status, int(s), int(o), int(p), int(i)) for code, status, s, o, p, i in rows], html


def test_gaps_by_number_of_suppliers(client, login, demand):
    login(demand.users["member"])
    rows, html = _rows(client)
    by_code = {row[0]: row[1:] for row in rows}
    assert by_code["C"] == ("none", 0, 1, 1, 1)  # asked for; only a non-member holds it
    assert by_code["B1"] == ("single", 1, 1, 1, 0)
    assert by_code["A1"] == ("ok", 2, 2, 0, 0)
    assert by_code["A2"] == ("not_asked", 2, 0, 0, 0)  # idea and completed projects do not count
    assert by_code["A"] == ("not_asked", 3, 0, 0, 0)  # supply of an area: its whole subtree
    assert [row[0] for row in rows] == ["A", "A1", "A2", "A2X", "B", "B1", "C"]
    assert "database of current problems posed by members" in html


def test_sorting_and_filters(client, login, demand):
    login(demand.users["manager"])
    rows, _ = _rows(client, "&sort=gap")
    assert [row[0] for row in rows[:3]] == ["C", "B1", "A1"]
    rows, _ = _rows(client, "&sort=demand")
    assert [row[0] for row in rows[:3]] == ["C", "B1", "A1"]  # 3, 2, 2: by demand, then fewer suppliers first
    rows, _ = _rows(client, "&sort=supply")
    assert rows[0][0] == "C"
    rows, _ = _rows(client, "&asked=y")
    assert {row[0] for row in rows} == {"A1", "B1", "C"}
    rows, _ = _rows(client, f"&branch={demand.comps['B'].id}")
    assert [row[0] for row in rows] == ["B", "B1"]
    rows, _ = _rows(client, "&sort=nonsense&branch=abc")
    assert [row[0] for row in rows][:2] == ["A", "A1"]


def test_gaps_csv(client, login, demand):
    login(demand.users["member"])
    table = read_csv(client.get("/competence/gaps.csv?lang=en&sort=gap"))
    assert table[0] == [
        "Competency code",
        "Competency",
        "Member organizations offering it",
        "Basic",
        "Advanced",
        "Expert",
        "Open orders",
        "Projects",
        "Requests",
        "Status",
    ]
    assert table[1] == ["C", "Area C", "0", "0", "0", "0", "1", "1", "1", "Offered by nobody"]
    assert table[2][0] == "B1"
    assert table[2][-1] == "One supplier only"
    assert len(table) == 1 + 7
