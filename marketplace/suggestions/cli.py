"""``flask match ...``: the matcher from the command line (thin wrappers over the services).

flask match refit        fit on every profile, save a snapshot, point the workers at it
flask match status       the snapshot and the change log
flask match order 42     suppliers for order 42, ranked, with reasons
flask match duplicates   likely duplicate organizations
"""

from __future__ import annotations

import click
from flask import Flask
from flask.cli import AppGroup
from flask_babel import force_locale

from ..db import db
from ..i18n import localized
from ..orders.models import Order
from ..organizations.duplicates import duplicate_pairs
from .services import matcher_status, refit_matcher, suggest_suppliers

match_cli = AppGroup("match", help="The matcher: snapshots, proposals, duplicates.")


@match_cli.command("refit")
def refit_command() -> None:
    """Fit the matcher on all organizations and save a new snapshot (run nightly, e.g. from cron)."""
    pointer = refit_matcher()
    if pointer is None:
        click.echo("Nothing to fit: no organization has any text yet.")
        return
    click.echo(
        f"Fitted {pointer.organizations} organizations, {pointer.documents} documents; "
        f"snapshot {pointer.version} ({pointer.artifact}), change log up to #{pointer.change_id}."
    )


@match_cli.command("status")
def status_command() -> None:
    """The snapshot this process uses and the changes logged since."""
    status = matcher_status()
    click.echo(f"Directory: {status.directory}")
    if status.pointer is None:
        click.echo("No snapshot: nothing to fit yet." if not status.fitted else "Snapshot not saved.")
        return
    p = status.pointer
    click.echo(f"Snapshot: {p.version} ({p.artifact}), fitted {p.fitted_at:%Y-%m-%d %H:%M:%S} UTC")
    click.echo(
        f"Organizations: {p.organizations} in the snapshot, {status.organizations} now; documents: {p.documents}"
    )
    click.echo(
        f"Change log: up to #{p.change_id} in the snapshot; {status.changes_since_snapshot} change(s) since, "
        f"applied incrementally (matcher version {status.version})."
    )


@match_cli.command("order")
@click.argument("order_id", type=int)
@click.option("--top", default=10, show_default=True, help="How many suppliers to list.")
@click.option("--lang", type=click.Choice(["ru", "en"]), default="ru", show_default=True)
def order_command(order_id: int, top: int, lang: str) -> None:
    """Suppliers for an order, best first, with the reasons."""
    order = db.session.get(Order, order_id)
    if order is None:
        raise click.ClickException(f"There is no order {order_id}.")
    with force_locale(lang):
        result = suggest_suppliers(order, user=None, lang=lang, top_k=top)
        click.echo(f"Order {order.id}: {order.title}")
        if not result.suppliers:
            click.echo("No suppliers proposed.")
        for s in result.suppliers:
            click.echo(
                f"{s.rank:>2}. {localized(s.organization, 'name')} [#{s.organization.id}] "
                f"score {s.score:.3f} ({s.relevance}%)"
            )
            click.echo(f"    {s.reasons.sentence}")


@match_cli.command("duplicates")
def duplicates_command() -> None:
    """Pairs of organizations that are probably the same: equal INN or nearly equal names."""
    pairs = duplicate_pairs()
    if not pairs:
        click.echo("No likely duplicates.")
    for pair in pairs:
        why = "same INN" if pair.reason == "inn" else f"similar names ({pair.score:.0f})"
        click.echo(f"#{pair.first.id} {pair.first.name_ru}  ~  #{pair.second.id} {pair.second.name_ru}: {why}")


def init_app(app: Flask) -> None:
    app.cli.add_command(match_cli)
