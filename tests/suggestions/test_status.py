"""The manager's matcher status page, its "Refit now" button and the ``flask match`` commands."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from marketplace.suggestions.engine import POINTER, get_engine
from tests import factories
from tests.suggestions.conftest import page


def pointer_of(app) -> dict:
    return json.loads((Path(app.config["MATCHER_DIR"]) / POINTER).read_text("utf-8"))


def test_manager_sees_the_snapshot_and_the_changes_since(client, login, cluster):
    login(cluster.manager)
    html = page(client, "/matches/status")
    version = re.search(r'data-testid="snapshot-version">([^<]+)<', html).group(1)
    assert version == get_engine().pointer.version
    assert re.search(r'data-testid="snapshot-organizations">\s*5\s*<', html)
    assert 'data-testid="refit-now"' in html
    factories.organization(name_ru="ООО «Токарь»", description_ru="Токарная обработка колец из стали 20.")
    html = page(client, "/matches/status")
    changes = re.search(r'data-testid="changes-since">\s*(\d+)', html).group(1)
    assert int(changes) >= 1  # the new organization, applied without a refit
    assert re.search(r'data-testid="snapshot-organizations">\s*5\s*<', html)  # the snapshot is the same one


def test_refit_now_writes_a_new_snapshot(app, client, login, cluster):
    login(cluster.manager)
    page(client, "/matches/status")
    before = pointer_of(app)
    factories.organization(name_ru="ООО «Токарь»", description_ru="Токарная обработка колец из стали 20.")
    response = client.post("/matches/status/refit?lang=en")
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/matches/status")
    after = pointer_of(app)
    assert after["artifact"] != before["artifact"]
    assert after["organizations"] == 6
    html = page(client, "/matches/status")
    assert "The matcher is refitted: 6 organizations" in html
    assert re.search(r'data-testid="snapshot-organizations">\s*6\s*<', html)


def test_refit_is_refused_for_a_large_cluster(app, client, login, cluster):
    app.config["MATCHER_REFIT_IN_REQUEST_LIMIT"] = 3  # restored by the app fixture
    login(cluster.manager)
    html = page(client, "/matches/status")
    assert 'data-testid="refit-now"' not in html
    assert "flask match refit" in html
    response = client.post("/matches/status/refit?lang=en")
    assert response.status_code == 409
    assert "flask match refit" in response.get_data(as_text=True)


def test_refit_demands_a_csrf_token(app, client, login, cluster):
    app.config["WTF_CSRF_ENABLED"] = True
    login(cluster.manager)
    page(client, "/matches/status")
    before = pointer_of(app)
    assert client.post("/matches/status/refit").status_code == 400
    assert pointer_of(app) == before


@pytest.mark.parametrize(
    ("who", "expected"), [("guest", 302), ("registered", 403), ("customer", 403), ("flanges", 403)]
)
def test_status_is_for_the_manager_only(client, login, cluster, who, expected):
    login(None if who == "guest" else cluster.users.get(who) or getattr(cluster, who))
    assert client.get("/matches/status").status_code == expected
    assert client.post("/matches/status/refit").status_code == expected


def test_empty_cluster(app, client, login, runner):
    factories.member(description_ru="", description_en="")
    login(factories.manager())
    html = page(client, "/matches/status")
    assert 'data-testid="matcher-empty"' in html
    client.post("/matches/status/refit")
    assert "Nothing to fit yet" in page(client, "/matches/status")
    result = runner.invoke(args=["match", "status"])
    assert result.exit_code == 0
    assert "No snapshot: nothing to fit yet." in result.output
    result = runner.invoke(args=["match", "refit"])
    assert result.exit_code == 0
    assert "Nothing to fit" in result.output
    result = runner.invoke(args=["match", "duplicates"])
    assert result.exit_code == 0
    assert "No likely duplicates." in result.output


def test_cli_status_refit_and_order(app, runner, cluster, flange_order):
    result = runner.invoke(args=["match", "status"])
    assert result.exit_code == 0, result.output
    assert "Snapshot:" in result.output
    assert "Organizations: 5 in the snapshot" in result.output
    factories.organization(name_ru="ООО «Токарь»", description_ru="Токарная обработка колец из стали 20.")
    result = runner.invoke(args=["match", "status"])
    assert "1 change(s) since" in result.output
    result = runner.invoke(args=["match", "refit"])
    assert result.exit_code == 0
    assert "Fitted 6 organizations" in result.output
    assert pointer_of(app)["organizations"] == 6
    result = runner.invoke(args=["match", "order", str(flange_order.id), "--top", "2"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == f"Order {flange_order.id}: {flange_order.title}"
    assert lines[1].startswith(" 1. ООО «Фланцевый завод»")
    assert "ООО «Фланцы без членства»" not in result.output  # not a member
    assert len([line for line in lines if re.match(r"\s*\d+\. ", line)]) <= 2
    result = runner.invoke(args=["match", "order", str(flange_order.id), "--lang", "en"])
    assert result.exit_code == 0
    assert "Flange Works LLC" in result.output
    result = runner.invoke(args=["match", "order", "999999"])
    assert result.exit_code != 0
    assert "There is no order 999999." in result.output
