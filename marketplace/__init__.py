"""Cluster Marketplace: the Flask application factory."""

from __future__ import annotations

import importlib
import os
from pathlib import Path
from typing import Any

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from . import cli, errors, extensions, i18n, request_input, transactions, views_support
from .config import DEV_SECRET_KEY, PROJECT_ROOT, Config, derived_settings, from_environment
from .utils import DatabaseIdConverter

FEATURES = (
    "main",
    "accounts",
    "organizations",
    "catalog",
    "equipment",
    "orders",
    "attachments",
    "mail",
    "search",
    "api",
    "projects",
    "competence",
    "events",
    "ideas",
    "suggestions",
    "notifications",
    "dashboard",
    "audit",
)


def create_app(config: dict[str, Any] | None = None) -> Flask:
    """Build the app: defaults, then the environment, then ``config``.

    No side effects: it does not touch the database, the search index or the
    matcher; those are opened lazily on first use.
    """
    app = Flask(
        __name__,
        template_folder=str(PROJECT_ROOT / "templates"),
        instance_path=str(PROJECT_ROOT / "instance"),
    )
    app.config.from_object(Config)
    app.config["MIGRATIONS_DIR"] = PROJECT_ROOT / "migrations"
    app.config["TRANSLATIONS_DIR"] = PROJECT_ROOT / "marketplace" / "translations"
    app.config.update(from_environment())
    if config:
        app.config.update(config)
    _refuse_dev_secret_in_production(app)
    app.config.update(derived_settings(app.config, production=_is_production(app)))
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    if app.config["PROXY_COUNT"]:
        hops = app.config["PROXY_COUNT"]
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops)  # type: ignore[method-assign]

    app.url_map.converters["int"] = DatabaseIdConverter
    extensions.init_app(app)
    errors.init_app(app)
    request_input.init_app(app)
    i18n.init_app(app)
    transactions.init_app(app)
    views_support.init_app(app)
    for feature in FEATURES:
        module = importlib.import_module(f"{__name__}.{feature}.views")
        app.register_blueprint(module.bp)
        if hasattr(module, "init_app"):
            module.init_app(app)
    cli.init_app(app)
    return app


def _is_production(app: Flask) -> bool:
    """Anything but debug, testing or ``MARKETPLACE_DEV=1`` (what ``make run`` sets)."""
    return not (app.debug or app.testing or os.environ.get("MARKETPLACE_DEV") == "1")


def _refuse_dev_secret_in_production(app: Flask) -> None:
    """The development secret is for development only: refuse it anywhere else."""
    if app.config["SECRET_KEY"] == DEV_SECRET_KEY and _is_production(app):
        msg = (
            "SECRET_KEY is not set. Export SECRET_KEY for production, "
            "or MARKETPLACE_DEV=1 to run with the development default."
        )
        raise RuntimeError(msg)
