"""Loading the reference directories (competencies, OKPD2) from the JSON files beside this module.

Idempotent: existing entries are updated by their code, new ones added,
nothing is deleted (records may point at them).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sqlalchemy import select

from ..catalog.models import Okpd2Code
from ..db import db
from ..organizations.models import Competency
from ..validators import okpd2_parent

DATA_DIR = Path(__file__).parent


def load_competencies(path: Path = DATA_DIR / "competencies.json") -> int:
    """Upsert the competency tree; returns the number of entries in the file."""
    tree = json.loads(path.read_text(encoding="utf-8"))
    existing = {c.code: c for c in db.session.scalars(select(Competency))}
    count = 0

    def visit(nodes: list[dict[str, Any]], parent: Competency | None) -> None:
        nonlocal count
        for position, node in enumerate(nodes):
            competency = existing.get(node["code"])
            if competency is None:
                competency = Competency(code=node["code"])
                db.session.add(competency)
                existing[node["code"]] = competency
            competency.name_ru = node["name_ru"]
            competency.name_en = node["name_en"]
            competency.parent = parent
            competency.position = position
            count += 1
            visit(node.get("children", []), competency)

    visit(tree, None)
    db.session.flush()
    return count


def load_okpd2(path: Path = DATA_DIR / "okpd2.json") -> int:
    """Upsert OKPD2 entries; each points at its nearest ancestor present in the file."""
    entries = json.loads(path.read_text(encoding="utf-8"))
    codes = {entry["code"] for entry in entries}
    existing = {c.code: c for c in db.session.scalars(select(Okpd2Code))}
    for entry in entries:
        row = existing.get(entry["code"])
        if row is None:
            row = Okpd2Code(code=entry["code"])
            db.session.add(row)
        row.name_ru = entry["name_ru"]
        row.name_en = entry.get("name_en", "")
        parent = okpd2_parent(entry["code"])
        while parent is not None and parent not in codes:
            parent = okpd2_parent(parent)
        row.parent_code = parent
    db.session.flush()
    return len(entries)


def load_reference_data() -> dict[str, int]:
    return {"competencies": load_competencies(), "okpd2": load_okpd2()}
