"""The reference directories: the JSON files themselves and their loader."""

from __future__ import annotations

import json

from sqlalchemy import func, select

from marketplace.catalog.models import Okpd2Code
from marketplace.db import db
from marketplace.organizations.models import Competency
from marketplace.reference.loader import DATA_DIR, load_competencies, load_okpd2, load_reference_data
from marketplace.validators import is_valid_okpd2, okpd2_parent


def _okpd2_entries() -> list[dict]:
    return json.loads((DATA_DIR / "okpd2.json").read_text(encoding="utf-8"))


def _competency_nodes() -> list[dict]:
    nodes = []

    def walk(level: list[dict]) -> None:
        for node in level:
            nodes.append(node)
            walk(node.get("children", []))

    walk(json.loads((DATA_DIR / "competencies.json").read_text(encoding="utf-8")))
    return nodes


def test_okpd2_file_holds_valid_unique_bilingual_codes():
    entries = _okpd2_entries()
    codes = [entry["code"] for entry in entries]
    assert len(entries) >= 300
    assert len(codes) == len(set(codes))
    assert all(is_valid_okpd2(code) for code in codes)
    assert all(entry["name_ru"].strip() and entry["name_en"].strip() for entry in entries)
    # Every class the cluster works in is there, with its subclasses and groups.
    for code in (
        "19",
        "20",
        "22",
        "23",
        "24",
        "25",
        "26",
        "27",
        "28",
        "29",
        "33",
        "38",
        "46",
        "49",
        "52",
        "62",
        "63",
        "71",
        "72",
        "74",
        "85",
        "20.15",
        "25.62",
        "28.14",
        "71.20",
        "72.19",
    ):
        assert code in codes


def test_competency_file_is_a_tree_of_unique_codes():
    nodes = _competency_nodes()
    codes = [node["code"] for node in nodes]
    assert 80 <= len(nodes) <= 130
    assert len(codes) == len(set(codes))
    assert all(len(code) <= 20 for code in codes)
    assert all(node["name_ru"].strip() and node["name_en"].strip() for node in nodes)
    for node in nodes:  # a child's code extends its parent's: CHEM -> CHEM.FERT -> CHEM.FERT.N
        for child in node.get("children", []):
            assert child["code"].startswith(node["code"] + ".")


def test_load_resolves_parents(app):
    counts = load_reference_data()
    assert counts == {"competencies": len(_competency_nodes()), "okpd2": len(_okpd2_entries())}

    rows = {row.code: row for row in db.session.scalars(select(Okpd2Code))}
    assert len(rows) == counts["okpd2"]
    for code, row in rows.items():
        if len(code) == 2:
            assert row.parent_code is None
            continue
        # The nearest ancestor present in the file: the parent one level up when it is there.
        assert row.parent_code in rows
        assert code.startswith(row.parent_code)
        if okpd2_parent(code) in rows:
            assert row.parent_code == okpd2_parent(code)
    assert rows["25.62.10.000"].parent_code == "25.62.10"
    assert rows["25.62.10"].name_en == "Turning services of metal parts"

    competencies = {c.code: c for c in db.session.scalars(select(Competency))}
    assert competencies["CHEM.FERT.N"].parent.code == "CHEM.FERT"
    assert competencies["CHEM.FERT"].parent.code == "CHEM"
    assert competencies["CHEM"].parent is None
    assert [c.code for c in competencies["CHEM.FERT"].children][:1] == ["CHEM.FERT.N"]


def test_load_is_idempotent_and_updates_in_place(app):
    load_reference_data()
    db.session.commit()
    competency_ids = dict(db.session.execute(select(Competency.code, Competency.id)).all())
    db.session.get(Okpd2Code, "20.15.31").name_ru = "устаревшее название"
    db.session.scalar(select(Competency).where(Competency.code == "METAL.TURN")).name_en = "old"
    db.session.add(Okpd2Code(code="99", name_ru="Запись, которой нет в файле"))
    db.session.commit()

    assert load_competencies() == len(competency_ids)
    assert load_okpd2() == len(_okpd2_entries())
    db.session.commit()

    assert db.session.scalar(select(func.count()).select_from(Competency)) == len(competency_ids)
    assert dict(db.session.execute(select(Competency.code, Competency.id)).all()) == competency_ids  # same rows
    assert db.session.scalar(select(func.count()).select_from(Okpd2Code)) == len(_okpd2_entries()) + 1
    assert db.session.get(Okpd2Code, "20.15.31").name_ru == "Мочевина (карбамид)"
    assert db.session.scalar(select(Competency).where(Competency.code == "METAL.TURN")).name_en == "CNC turning"
    assert db.session.get(Okpd2Code, "99") is not None  # never deleted: records may point at it


def test_cli_reference_load(runner):
    result = runner.invoke(args=["reference", "load"])
    assert result.exit_code == 0, result.output
    assert f"{len(_okpd2_entries())} OKPD2 codes" in result.output
    assert db.session.scalar(select(func.count()).select_from(Competency)) == len(_competency_nodes())
