"""The matcher shared by worker processes: snapshot + pointer on disk, change log in the database."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import insert, select

from marketplace.db import db, utcnow
from marketplace.models import MatcherChange, Organization
from marketplace.suggestions.engine import POINTER, get_engine
from marketplace.suggestions.services import suggest_suppliers
from matching import Matcher, MatchQuery
from tests import factories
from tests.conftest import make_test_app

# Words of the fitted vocabulary: an update ignores words the snapshot has never seen (until a refit).
QUERY = MatchQuery("Токарная обработка колец и дисков из стали 12Х18Н10Т", members_only=True)
TURNING = "Токарная обработка колец и дисков из стали 12Х18Н10Т."


def ranked(app_=None) -> list[int]:
    engine = get_engine(app_)
    with engine.use() as matcher:
        return [m.org_id for m in matcher.match_suppliers(QUERY, top_k=5)]


def pointer_of(app) -> dict:
    return json.loads((Path(app.config["MATCHER_DIR"]) / POINTER).read_text("utf-8"))


def test_create_app_fits_nothing(app):
    assert "matcher" not in app.extensions
    assert not Path(app.config["MATCHER_DIR"]).exists()


def test_first_use_fits_from_the_database_and_saves_a_snapshot(app, cluster):
    assert ranked()  # first use
    pointer = pointer_of(app)
    artifact = Path(app.config["MATCHER_DIR"]) / pointer["artifact"]
    assert artifact.exists()
    assert artifact.suffix == ".npz"
    assert pointer["change_id"] == db.session.scalar(select(MatcherChange.id).order_by(MatcherChange.id.desc()))
    assert pointer["organizations"] == 5
    loaded = Matcher.load(artifact)
    assert loaded.version_ == pointer["version"]


def test_new_and_edited_organizations_are_matched_without_refit(app, cluster):
    assert ranked()
    version = pointer_of(app)["version"]
    plating = factories.organization(name_ru="ООО «Токарь»", description_ru=TURNING)
    assert ranked()[0] == plating.id  # a new organization, found at once
    cluster.paints.description_ru = TURNING
    db.session.commit()
    assert set(ranked()[:2]) == {plating.id, cluster.paints.id}  # an edited one too
    db.session.delete(db.session.get(type(plating), plating.id))
    db.session.commit()
    assert plating.id not in ranked()  # a deleted one is forgotten
    assert pointer_of(app)["version"] == version  # no refit happened
    engine = get_engine()
    assert engine.matcher.version_.split("-")[0] == version.split("-")[0]
    assert int(engine.matcher.version_.split("-")[1]) >= 3  # three updates applied


def test_a_second_worker_sees_the_same_state(app, cluster, tmp_path, backend):
    """Another app (a second worker) on the same database and directory converges to the same matcher."""
    assert ranked()
    plating = factories.organization(name_ru="ООО «Токарь»", description_ru=TURNING)
    first = ranked()
    university_id, plating_id = cluster.university.id, plating.id
    other = make_test_app(app.config["SQLALCHEMY_DATABASE_URI"], tmp_path, MATCHER_DIR=app.config["MATCHER_DIR"])
    try:
        with other.app_context():
            assert ranked(other) == first
            assert ranked(other)[0] == plating_id
            other_engine = get_engine(other)
            assert other_engine.pointer.artifact == get_engine(app).pointer.artifact  # loaded, not refitted
            assert other_engine.matcher.version_ == get_engine(app).matcher.version_
            # a change committed by the second worker reaches the first

            row = db.session.get(Organization, university_id)
            row.description_ru = TURNING
            db.session.commit()
            after = ranked(other)
        assert ranked() == after
    finally:
        with other.app_context():
            db.session.remove()
            db.engine.dispose()


def test_changes_committed_out_of_order_are_not_missed(app, cluster):
    """Ids are given at insert time: a transaction may commit id N after N+1 is visible."""
    assert ranked()
    engine = get_engine()
    base = engine.pointer.change_id
    gap = factories.organization(name_ru="ООО «Пустышка»", description_ru="")  # takes an id of the log
    plating = factories.organization(name_ru="ООО «Токарь»", description_ru=TURNING)
    late = factories.organization(name_ru="ООО «Токарный цех»", description_ru=TURNING)
    # Simulate: the log row of "late" had a lower id but became visible only after the process applied the other.
    db.session.execute(MatcherChange.__table__.delete().where(MatcherChange.organization_id.in_([gap.id, late.id])))
    db.session.commit()
    assert late.id not in ranked()
    assert plating.id in ranked()
    late_id = (
        db.session.scalar(
            select(MatcherChange.id)
            .where(MatcherChange.organization_id == plating.id)
            .order_by(MatcherChange.id.desc())
        )
        - 1
    )
    assert late_id > base
    db.session.execute(insert(MatcherChange).values(id=late_id, organization_id=late.id, created_at=utcnow()))
    db.session.commit()
    assert late.id in ranked()


def test_refit_cli_writes_a_new_snapshot_and_pointer(app, cluster, runner):
    assert ranked()
    before = pointer_of(app)
    factories.organization(name_ru="ООО «Токарь»", description_ru=TURNING)
    result = runner.invoke(args=["match", "refit"])
    assert result.exit_code == 0, result.output
    after = pointer_of(app)
    assert after["artifact"] != before["artifact"]
    assert after["version"] != before["version"]
    assert after["change_id"] > before["change_id"]
    assert after["organizations"] == 6
    assert "Fitted 6 organizations" in result.output
    assert (Path(app.config["MATCHER_DIR"]) / after["artifact"]).exists()
    assert get_engine().pointer.artifact == after["artifact"]
    assert not list(Path(app.config["MATCHER_DIR"]).glob(".*.tmp"))  # the pointer was replaced atomically


def test_a_worker_follows_a_refit_done_elsewhere(app, cluster, tmp_path):
    assert ranked()
    other = make_test_app(app.config["SQLALCHEMY_DATABASE_URI"], tmp_path, MATCHER_DIR=app.config["MATCHER_DIR"])
    try:
        with other.app_context():
            pointer = get_engine(other).refit()
        assert ranked()
        assert get_engine().pointer.artifact == pointer.artifact
        assert get_engine().matcher.version_ == pointer.version
    finally:
        with other.app_context():
            db.engine.dispose()


def test_status_and_order_cli(app, cluster, flange_order, runner):
    result = runner.invoke(args=["match", "status"])
    assert result.exit_code == 0
    assert "Snapshot:" in result.output
    assert "Organizations: 5" in result.output
    result = runner.invoke(args=["match", "order", str(flange_order.id)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert "ООО «Фланцевый завод»" in lines[1]
    assert "09г2с" in lines[2]
    assert "Нефтехимзавод" not in result.output
    assert runner.invoke(args=["match", "order", "999999"]).exit_code != 0


def test_snapshot_of_another_database_is_refitted(app, cluster):
    assert ranked()
    directory = Path(app.config["MATCHER_DIR"])
    data = pointer_of(app)
    data["change_id"] = 10**6  # the log of this database never got that far
    (directory / POINTER).write_text(json.dumps(data), "utf-8")
    app.extensions.pop("matcher")
    assert ranked()
    assert pointer_of(app)["change_id"] < 10**6


def test_corrupt_snapshot_is_replaced(app, cluster):
    assert ranked()
    directory = Path(app.config["MATCHER_DIR"])
    (directory / pointer_of(app)["artifact"]).write_bytes(b"not a matcher")
    app.extensions.pop("matcher")
    assert ranked()
    assert Matcher.load(directory / pointer_of(app)["artifact"]).is_fitted
    (directory / POINTER).write_text("{broken", "utf-8")
    app.extensions.pop("matcher")
    assert ranked()


def test_pointer_cannot_name_a_file_outside_the_directory(app, cluster):
    assert ranked()
    directory = Path(app.config["MATCHER_DIR"])
    data = pointer_of(app)
    data["artifact"] = "../../elsewhere.npz"
    (directory / POINTER).write_text(json.dumps(data), "utf-8")
    app.extensions.pop("matcher")
    assert ranked()
    assert "/" not in pointer_of(app)["artifact"]


def test_empty_cluster_has_no_matcher_until_someone_describes_itself(app):
    customer = factories.member(description_ru="", description_en="")
    order = factories.order(customer.organization, title="Хромирование штоков", description="")
    assert not suggest_suppliers(order, user=customer).available
    assert not (Path(app.config["MATCHER_DIR"]) / POINTER).exists()
    plating = factories.organization(name_ru="ООО «Гальваника»", description_ru="Хромирование штоков.")
    result = suggest_suppliers(order, user=customer)
    assert result.available
    assert [s.organization.id for s in result.suppliers] == [plating.id]
    assert (Path(app.config["MATCHER_DIR"]) / POINTER).exists()


@pytest.mark.parametrize("lang", ["ru"])
def test_refit_keeps_the_ranking(app, cluster, flange_order, lang):
    before = [s.organization.id for s in suggest_suppliers(flange_order, user=None, lang=lang).suppliers]
    get_engine().refit()
    app.extensions.pop("matcher")
    after = [s.organization.id for s in suggest_suppliers(flange_order, user=None, lang=lang).suppliers]
    assert before == after
