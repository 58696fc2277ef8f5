"""``flask search ...``: maintenance of the search index (thin wrappers over the services)."""

from __future__ import annotations

import click
from flask import Flask
from flask.cli import AppGroup

from .documents import TYPES
from .engine import get_index
from .services import reindex

search_cli = AppGroup("search", help="The full-text search index.")


@search_cli.command("reindex")
def reindex_command() -> None:
    """Rebuild the whole index from the database."""
    counts = reindex()
    total = sum(counts.values())
    click.echo(f"Indexed {total} documents (" + ", ".join(f"{t}: {counts[t]}" for t in TYPES) + ").")


@search_cli.command("clear")
def clear_command() -> None:
    """Remove every document from the index (search finds nothing until a reindex)."""
    get_index().clear()
    click.echo("The search index is empty.")


def init_app(app: Flask) -> None:
    app.cli.add_command(search_cli)
