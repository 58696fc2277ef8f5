"""Command-line interface: thin wrappers over the services the web uses.

flask reference load      load the competency directory and OKPD2 codes
flask seed-demo           load the demo cluster into an empty database
"""

from __future__ import annotations

import click
from flask import Flask
from sqlalchemy import func, select

from .db import db
from .organizations.models import Organization
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
        from .demo.seed import seed_demo as run_seed  # noqa: PLC0415  the demo's data modules load for this command only

        if if_empty and db.session.scalar(select(func.count()).select_from(Organization)):
            click.echo("The database already holds organizations; demo data not loaded.")
            return
        summary = run_seed()
        db.session.commit()
        click.echo("Demo cluster loaded: " + ", ".join(f"{n} {what}" for what, n in summary.items()))
