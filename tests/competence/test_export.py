"""CSV exports of the map (long and wide) and the printable page."""

from pathlib import Path

from marketplace.db import db
from tests import factories

from .helpers import read_csv

LONG_HEADER = [
    "Organization",
    "Kind of organization",
    "Region",
    "Cluster member",
    "Competency code",
    "Competency",
    "Level",
    "Level name",
    "Note",
]


def test_long_csv_has_one_row_per_organization_and_competency(client, login, world):
    login(world.users["member"])
    response = client.get("/competence/export.csv?lang=en")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert response.headers["Content-Disposition"] == 'attachment; filename="competence-map.csv"'
    table = read_csv(response)
    assert table[0] == LONG_HEADER
    rows = {(row[0], row[4]): row for row in table[1:]}
    assert set(rows) == {
        ("Alpha LLC", "A1"),
        ("Alpha LLC", "B1"),
        ("Beta JSC", "A1"),
        ("Beta JSC", "A2X"),
        ("Gamma University", "A2"),
    }
    assert rows[("Alpha LLC", "A1")] == [
        "Alpha LLC",
        "Small or medium enterprise",
        "Stavropol Krai",
        "yes",
        "A1",
        "Competency A1",
        "3",
        "Expert",
        "Пятиосевые центры DMG",
    ]

    # Russian by default; the filters of the map apply.
    table = read_csv(client.get(f"/competence/export.csv?branch={world.comps['B'].id}&scope=all"))
    assert table[0][0] == "Организация"
    assert [row[4] for row in table[1:]] == ["B1"]
    assert table[1][0] == "ООО «Альфа»"
    assert table[1][5] == "Компетенция Б1"


def test_wide_csv_has_one_column_per_competency(client, login, world):
    login(world.users["manager"])
    table = read_csv(client.get("/competence/export.csv?lang=en&layout=wide&scope=all"))
    header = table[0]
    assert header[:4] == ["Organization", "Kind of organization", "Region", "Cluster member"]
    assert [name.split()[0] for name in header[4:]] == ["A", "A1", "A2", "A2X", "B", "B1"]
    rows = {row[0]: dict(zip(header, row, strict=True)) for row in table[1:]}
    assert set(rows) == {"Alpha LLC", "Beta JSC", "Gamma University", "Delta LLC"}
    assert rows["Alpha LLC"]["A1 Competency A1"] == "3"
    assert rows["Alpha LLC"]["B1 Competency B1"] == "1"
    assert rows["Alpha LLC"]["A2X Competency A2X"] == ""
    assert rows["Delta LLC"]["Cluster member"] == "no"


def test_csv_cells_cannot_become_formulas(client, login, world):
    login(world.users["member"])
    org = factories.organization(name_ru='=HYPERLINK("http://x")', name_en="")
    factories.give_competency(org, world.comps["B1"], note="+7 900 000-00-00")
    table = read_csv(client.get("/competence/export.csv"))
    row = next(row for row in table if "HYPERLINK" in row[0])
    assert row[0].startswith("'=")
    assert row[-1] == "'+7 900 000-00-00"


def test_confidential_fields_stay_out_of_the_exports(client, login, world):
    org = world.orgs["sme"]
    org.inn, org.phone, org.capacity = "7707083893", "+7 900 111 22 33", "СЕКРЕТНАЯ-МОЩНОСТЬ"
    org.confidential_fields = ["inn", "phone", "capacity"]
    db.session.commit()
    login(world.users["manager"])  # even the manager's export holds public profile data only
    for url in ("/competence/export.csv", "/competence/export.csv?layout=wide", "/competence/", "/competence/print"):
        body = client.get(url).get_data(as_text=True)
        for secret in ("7707083893", "111 22 33", "СЕКРЕТНАЯ"):
            assert secret not in body, url


def test_print_page(client, login, world):
    login(world.users["member"])
    response = client.get(f"/competence/print?lang=en&branch={world.comps['A'].id}")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert 'data-testid="print-page"' in html
    assert 'data-testid="print-button"' in html
    assert "cm-scroll cm-print" in html
    assert 'data-code="A2X"' in html
    assert 'data-code="B1"' not in html
    assert "css/competence.css" in html
    assert "js/competence.js" in html
    assert "Area A" in html
    assert "cluster members only" in html
    assert "data-cm-toggle" not in html  # nothing to collapse on paper

    css = Path(__file__).resolve().parents[2].joinpath("marketplace/static/css/competence.css").read_text()
    print_rules = css[css.index("@media print") :]
    assert "size: A4 landscape" in css
    assert ".navbar" in print_rules
    assert "display: none" in print_rules
    assert "width: 100% !important" in print_rules
