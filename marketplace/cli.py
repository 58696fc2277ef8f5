"""Command-line interface of the core: the reference loader and the demo. Features add their own groups.

flask reference load      load the competency directory and OKPD2 codes
flask seed-demo           load the demo cluster into an empty database
"""

from __future__ import annotations

import click
from flask import Flask

from .db import db
from .reference.loader import load_reference_data


def init_app(app: Flask) -> None:
    @app.cli.group()
    def reference() -> None:
        """Reference directories."""

    @reference.command("load")
    def reference_load() -> None:
        """Load (or update) the competency directory and the OKPD2 classifier."""
        counts = load_reference_data()
        db.session.commit()
        click.echo(f"Loaded {counts['competencies']} competencies and {counts['okpd2']} OKPD2 codes.")

    @app.cli.command("seed-demo")
    @click.option("--if-empty", is_flag=True, help="Do nothing when organizations already exist.")
    def seed_demo(if_empty: bool) -> None:
        """Load the demo cluster: organizations, users, products, equipment, orders."""
        from .demo import seed  # noqa: PLC0415  the demo's data modules load for this command only

        if if_empty and seed.has_organizations():
            click.echo("The database already holds organizations; demo data not loaded.")
            return
        summary = seed.seed_demo()
        db.session.commit()
        click.echo("Demo cluster loaded: " + ", ".join(f"{n} {what}" for what, n in summary.items()))
