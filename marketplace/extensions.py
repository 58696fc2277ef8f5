"""Flask extensions, created at import time and bound to an app in the factory."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from typing import Any

from flask import Flask, current_app, has_request_context, request, session
from flask_babel import lazy_gettext
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager, current_user
from flask_migrate import Migrate
from flask_wtf.csrf import CSRFProtect
from sqlalchemy import event
from sqlalchemy.engine import Engine

from .db import db
from .locale_cache import Babel

migrate = Migrate()
login_manager = LoginManager()
csrf = CSRFProtect()
babel = Babel()

#: Throttling (Flask-Limiter). Its key function, ``request.remote_addr``, is the one place that names the
#: client's address (throttles and session records alike): behind a reverse proxy, ProxyFix makes it the
#: client's. A sliding ("moving") window: "5/minute" never lets 10 through around a window's edge. If
#: Redis is unreachable the error is logged and the request goes through (an outage must not lock
#: everyone out of the site).
limiter = Limiter(key_func=get_remote_address, strategy="moving-window", key_prefix="marketplace", swallow_errors=True)


def client_address() -> str:
    """The client's address, as the limiter keys it."""
    return get_remote_address()


def rate_limit_storage(config: Mapping[str, Any]) -> tuple[str, dict[str, Any]]:
    """Where the limiter counts: Redis when ``REDIS_URL`` is set (all workers share it), else memory."""
    redis_url = config.get("REDIS_URL")
    if redis_url:
        return str(redis_url), {"socket_connect_timeout": 2, "socket_timeout": 2}
    return "memory://", {}


def select_locale() -> str:
    """Russian unless the visitor chose otherwise (?lang=, the switch, or their profile)."""
    languages = current_app.config["LANGUAGES"]
    default: str = current_app.config["BABEL_DEFAULT_LOCALE"]
    if not has_request_context():  # CLI commands, background work: the default language
        return default
    user_locale = current_user.locale if current_user and current_user.is_authenticated else None
    for choice in (request.args.get("lang"), session.get("lang"), user_locale):
        if choice in languages:
            return str(choice)
    return default


@event.listens_for(Engine, "connect")
def _sqlite_pragmas(dbapi_connection: object, _connection_record: object) -> None:
    """Enforce foreign keys and wait for the write lock instead of failing at once."""
    if not isinstance(dbapi_connection, sqlite3.Connection):
        return
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def init_app(app: Flask) -> None:
    db.init_app(app)
    migrate.init_app(app, db, directory=str(app.config["MIGRATIONS_DIR"]), render_as_batch=True, compare_type=True)
    login_manager.init_app(app)
    login_manager.login_view = "accounts.login"
    login_manager.login_message_category = "warning"
    login_manager.login_message = lazy_gettext("Please log in to open this page.")
    csrf.init_app(app)
    storage_uri, storage_options = rate_limit_storage(app.config)
    app.config.setdefault("RATELIMIT_STORAGE_URI", storage_uri)
    app.config.setdefault("RATELIMIT_STORAGE_OPTIONS", storage_options)
    limiter.init_app(app)
    babel.init_app(
        app,
        locale_selector=select_locale,
        default_translation_directories=str(app.config["TRANSLATIONS_DIR"]),
    )
