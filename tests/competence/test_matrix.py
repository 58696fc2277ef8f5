"""The matrix: levels in the right cells, grouping of rows and columns, totals, filters, the competency page."""

from marketplace.models import OrderStatus, OrgKind
from tests import factories

from .helpers import MatrixReader


def _matrix(client, query=""):
    response = client.get(f"/competence/?lang=en{query}")
    assert response.status_code == 200
    return MatrixReader(response.get_data(as_text=True)), response.get_data(as_text=True)


def test_levels_land_in_the_right_cells(client, login, world):
    login(world.users["member"])
    matrix, _ = _matrix(client)
    sme, large = world.orgs["sme"].id, world.orgs["large"].id

    a1 = matrix.rows["A1"]
    assert {org: cell["level"] for org, cell in a1.cells.items()} == {sme: 3, large: 2}
    assert "Пятиосевые центры DMG" in a1.cells[sme]["title"]  # the note as a tooltip
    assert "Alpha LLC" in a1.cells[sme]["title"]
    assert "Expert" in a1.cells[sme]["title"]
    assert (a1.total, a1.levels) == (2, (0, 1, 1))
    assert {org: cell["level"] for org, cell in matrix.rows["A2X"].cells.items()} == {large: 3}
    assert {org: cell["level"] for org, cell in matrix.rows["B1"].cells.items()} == {sme: 1}
    assert world.orgs["outsider"].id not in matrix.columns  # members only by default


def test_area_rows_aggregate_their_subtree(client, login, world):
    login(world.users["member"])
    matrix, _ = _matrix(client)
    sme, large, uni = (world.orgs[key].id for key in ("sme", "large", "uni"))
    area = matrix.rows["A"]
    # count of the area's competencies held, shaded by the highest level
    assert {org: (c["count"], c["level"]) for org, c in area.cells.items()} == {sme: (1, 3), large: (2, 3), uni: (1, 1)}
    assert (area.total, area.levels) == (3, (1, 0, 2))
    a2 = matrix.rows["A2"]  # a parent held directly by the university, and through A2X by the large company
    assert {org: (c["count"], c["level"]) for org, c in a2.cells.items()} == {large: (1, 3), uni: (1, 1)}
    assert "cm-parent" in area.classes
    assert "cm-depth-0" in area.classes
    assert "cm-depth-2" in matrix.rows["A2X"].classes
    assert "cm-parent" not in matrix.rows["A1"].classes
    assert list(matrix.rows) == ["A", "A1", "A2", "A2X", "B", "B1"]  # the directory, depth first


def test_columns_are_grouped_by_kind_with_totals(client, login, world):
    login(world.users["member"])
    extra = factories.organization(name_ru="ООО «Аист»", name_en="Aist LLC", kind=OrgKind.SME)
    factories.give_competency(extra, world.comps["B1"], level=2)
    matrix, html = _matrix(client)
    sme, large, uni = (world.orgs[key].id for key in ("sme", "large", "uni"))
    assert matrix.kinds == [("sme", 2), ("large", 1), ("university", 1)]
    assert matrix.columns == [extra.id, sme, large, uni]  # by kind, then by name
    assert matrix.column_totals == {extra.id: 1, sme: 2, large: 2, uni: 1}
    assert f'href="/organizations/{sme}"' in html  # the column header opens the organization
    assert 'title="Alpha LLC"' in html  # full name on hover
    assert 'data-testid="org-legend"' in html
    assert "Gamma University" in html


def test_filters(client, login, world):
    login(world.users["manager"])
    sme, large, uni, outsider = (world.orgs[key].id for key in ("sme", "large", "uni", "outsider"))

    matrix, html = _matrix(client, f"&branch={world.comps['B'].id}")
    assert list(matrix.rows) == ["B", "B1"]
    assert matrix.columns == [sme]
    assert matrix.column_totals == {sme: 1}
    assert "2 more organizations hold none of these competencies" in html

    matrix, _ = _matrix(client, "&kind=large")
    assert matrix.columns == [large]
    matrix, _ = _matrix(client, "&region=Краснодарский край")
    assert matrix.columns == [large]
    matrix, html = _matrix(client, "&scope=all")
    assert set(matrix.columns) == {sme, large, uni, outsider}
    assert 'title="Delta LLC (not a member)"' in html
    assert matrix.rows["A1"].cells[outsider]["level"] == 1
    assert matrix.rows["A1"].total == 3

    # A child is not an area of its own, and nonsense is ignored rather than failing the page.
    matrix, _ = _matrix(client, f"&branch={world.comps['A1'].id}&kind=giant&region=Атлантида&scope=x")
    assert len(matrix.rows) == 6
    assert set(matrix.columns) == {sme, large, uni}


def test_empty_selection(client, login, world):
    login(world.users["member"])
    response = client.get("/competence/?lang=en&kind=public")
    assert response.status_code == 200
    assert "No organization matching these filters" in response.get_data(as_text=True)


def _count_statements(app, client, url) -> int:
    with factories.sql_statements() as statements:
        assert client.get(url).status_code == 200
    return len(statements)


def test_the_matrix_needs_a_handful_of_queries(app, client, login, world):
    """No N+1: the number of statements does not grow with organizations and competencies."""
    login(world.users["member"])
    small = _count_statements(app, client, "/competence/")
    for n in range(25):
        org = factories.organization(kind=list(OrgKind)[n % 5])
        for code in ("A1", "A2X", "B1"):
            factories.give_competency(org, world.comps[code], level=1 + n % 3, note=f"примечание {n}")
    large = _count_statements(app, client, "/competence/")
    assert small == large <= 6
    assert _count_statements(app, client, "/competence/print") <= 6
    assert _count_statements(app, client, "/competence/export.csv") <= 6


def test_competency_page_lists_holders_and_demand(client, login, world):
    login(world.users["member"])
    sme, large, outsider = (world.orgs[key] for key in ("sme", "large", "outsider"))
    open_order = factories.order(large, title="Фрезеровка корпусов", competencies=[world.comps["A1"]])
    factories.order(large, title="Черновик заказа", competencies=[world.comps["A1"]], status=OrderStatus.DRAFT)
    response = client.get(f"/competence/competencies/{world.comps['A1'].id}?lang=en")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert html.index(f'data-org="{sme.id}" data-level="3"') < html.index(f'data-org="{large.id}" data-level="2"')
    assert f'data-org="{outsider.id}"' in html  # non-members are listed too, marked
    assert "Пятиосевые центры DMG" in html
    assert f'href="/organizations/{sme.id}"' in html
    assert f'href="/orders/{open_order.id}"' in html
    assert "Черновик заказа" not in html

    # An area lists the holders of its whole subtree, with the competency each holds.
    html = client.get(f"/competence/competencies/{world.comps['A'].id}?lang=en").get_data(as_text=True)
    assert html.count('data-testid="holder"') == 5
    assert "Competency A2X" in html
    assert "Фрезеровка корпусов" in html
