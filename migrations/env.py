"""Alembic's environment: the app's engine and metadata, through Flask-Migrate."""

import logging
from logging.config import fileConfig
from typing import Any

from alembic import context
from flask import current_app
from sqlalchemy import Engine, MetaData

import marketplace.models  # noqa: F401  registers every table on the metadata
from search_index.postgres_backend import TABLES as SEARCH_TABLES

config = context.config
if config.config_file_name is not None:
    fileConfig(config.config_file_name, disable_existing_loggers=False)
logger = logging.getLogger("alembic.env")


def get_engine() -> Engine:
    engine: Engine = current_app.extensions["migrate"].db.engine
    return engine


def get_engine_url() -> str:
    return get_engine().url.render_as_string(hide_password=False).replace("%", "%%")


config.set_main_option("sqlalchemy.url", get_engine_url())
target_db = current_app.extensions["migrate"].db


def get_metadata() -> MetaData:
    metadata: MetaData = target_db.metadatas[None] if hasattr(target_db, "metadatas") else target_db.metadata
    return metadata


def include_name(name: str | None, type_: str, _parent_names: Any) -> bool:
    """Autogenerate compares the models with every table but the search library's (a migration of its
    own makes them; the models do not describe them, so they are not to be dropped)."""
    return not (type_ == "table" and name in SEARCH_TABLES)


def run_migrations_offline() -> None:
    """Emit the migrations as SQL for a URL, without an Engine or a DBAPI."""
    url = config.get_main_option("sqlalchemy.url")
    context.configure(url=url, target_metadata=get_metadata(), literal_binds=True, include_name=include_name)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    """Run the migrations on a connection of the app's engine."""

    def process_revision_directives(_context: Any, _revision: Any, directives: list[Any]) -> None:
        """``flask db migrate`` writes no empty revision when the schema has not changed."""
        if getattr(config.cmd_opts, "autogenerate", False):
            script = directives[0]
            if script.upgrade_ops.is_empty():
                directives[:] = []
                logger.info("No changes in schema detected.")

    conf_args = current_app.extensions["migrate"].configure_args
    if conf_args.get("process_revision_directives") is None:
        conf_args["process_revision_directives"] = process_revision_directives

    with get_engine().connect() as connection:
        context.configure(connection=connection, target_metadata=get_metadata(), include_name=include_name, **conf_args)
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
