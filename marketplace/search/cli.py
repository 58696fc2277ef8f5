"""``flask search ...``: maintenance of the search index (thin wrappers over the services).

Exit status: 0 when done; 1 when the index cannot be written or read, and for
``check --dry-run`` when something is out of step.
"""

from __future__ import annotations

import sys

import click
from flask import Flask
from flask.cli import AppGroup
from sqlalchemy.exc import SQLAlchemyError

from search_index import SearchIndexError

from ..db import db
from .check import compare, repair
from .documents import TYPES
from .engine import get_index
from .outbox import apply_all, pending_count
from .services import records_to_index, reindex

search_cli = AppGroup("search", help="The full-text search index.")


@search_cli.command("reindex")
def reindex_command() -> None:
    """Rebuild the whole index from the database (with a progress bar on a terminal)."""
    with click.progressbar(length=records_to_index(), label="Reading records", file=sys.stderr) as bar:
        counts = reindex(progress=lambda: bar.update(1))
    total = sum(counts.values())
    click.echo(f"Indexed {total} documents (" + ", ".join(f"{t}: {counts[t]}" for t in TYPES) + ").")


@search_cli.command("clear")
def clear_command() -> None:
    """Remove every document from the index (search finds nothing until a reindex)."""
    get_index().clear()
    click.echo("The search index is empty.")


@search_cli.command("sync")
def sync_command() -> None:
    """Apply the index changes waiting in the outbox (left by a failed or interrupted index write)."""
    try:
        applied = apply_all()
    except (SearchIndexError, SQLAlchemyError) as exc:
        raise click.ClickException(f"The search index could not be updated: {exc}") from exc
    click.echo(
        f"Applied {applied.rows} pending change(s): {applied.written} document(s) written, {applied.removed} removed."
    )
    if applied.failed:
        raise click.ClickException(f"{len(applied.failed)} document(s) could not be built; see the log.")


@search_cli.command("check")
@click.option("--dry-run", is_flag=True, help="Only report; exit with status 1 if anything is out of step.")
def check_command(dry_run: bool) -> None:
    """Compare the index with the database: report documents missing, stale or extra, and repair them."""
    try:
        drift = compare(db.session())
    except SearchIndexError as exc:
        raise click.ClickException(f"The search index could not be read: {exc}") from exc
    pending = pending_count(db.session())
    if pending:
        click.echo(f"{pending} change(s) wait in the outbox (`flask search sync` applies them).")
    if not drift:
        click.echo("The search index is in step with the database.")
        return
    for doc_type, kinds in drift.by_type().items():
        parts = [f"{len(ids)} {kind} ({_listed(ids)})" for kind, ids in kinds.items() if ids]
        click.echo(f"{doc_type}: " + ", ".join(parts))
    total = len(drift.missing) + len(drift.stale) + len(drift.extra)
    if dry_run:
        click.echo(f"{total} document(s) out of step; nothing changed (--dry-run).")
        click.get_current_context().exit(1)
    try:
        repair(drift)
    except (SearchIndexError, SQLAlchemyError) as exc:
        raise click.ClickException(f"The search index could not be repaired: {exc}") from exc
    click.echo(f"Repaired {total} document(s).")


def _listed(ids: list[str], shown: int = 10) -> str:
    more = f", … {len(ids) - shown} more" if len(ids) > shown else ""
    return ", ".join(ids[:shown]) + more


def init_app(app: Flask) -> None:
    app.cli.add_command(search_cli)
