"""Configuration: defaults, then the environment, then explicit overrides.

Every secret comes from the environment. The one development default below is
deliberately unusable in production: `create_app` refuses to start with it
unless the app runs in debug or testing mode.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, ClassVar

PROJECT_ROOT = Path(__file__).resolve().parent.parent
INSTANCE_DIR = PROJECT_ROOT / "instance"

#: Development-only secret. Never used when SECRET_KEY is set in the environment.
DEV_SECRET_KEY = "dev-only-insecure-secret-key-change-me"  # noqa: S105  the marked development default


class Config:
    SECRET_KEY = DEV_SECRET_KEY
    SQLALCHEMY_DATABASE_URI = f"sqlite:///{INSTANCE_DIR / 'marketplace.db'}"
    SQLALCHEMY_ENGINE_OPTIONS: ClassVar[dict[str, Any]] = {}
    SQLALCHEMY_TRACK_MODIFICATIONS = False

    BABEL_DEFAULT_LOCALE = "ru"
    BABEL_DEFAULT_TIMEZONE = "Europe/Moscow"
    LANGUAGES = ("ru", "en")

    WTF_CSRF_TIME_LIMIT = None  # tokens live as long as the session

    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_HTTPONLY = True

    # Uploads: attachments of products, orders and equipment.
    UPLOAD_DIR = str(INSTANCE_DIR / "uploads")
    MAX_CONTENT_LENGTH = 16 * 1024 * 1024  # whole request
    MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024  # one file

    # Full-text search.
    SEARCH_BACKEND = "whoosh"  # "whoosh" (files in SEARCH_INDEX_DIR) or "memory"
    SEARCH_INDEX_DIR = str(INSTANCE_DIR / "search-index")

    # The matcher's snapshots (shared by every worker); None: <instance>/matcher.
    MATCHER_DIR: str | None = None
    # A published order is announced to the users of this many best-fitting member organizations (0: off).
    NOTIFY_MATCHED_SUPPLIERS = 5

    # Mail: without MAIL_SERVER every message lands in the outbox the manager sees.
    MAIL_SERVER: str | None = None
    MAIL_PORT = 587
    MAIL_USERNAME: str | None = None
    MAIL_PASSWORD: str | None = None
    MAIL_USE_TLS = True
    MAIL_DEFAULT_SENDER = "noreply@cluster.local"

    PASSWORD_RESET_MAX_AGE = 2 * 60 * 60  # seconds

    PER_PAGE = 20


def from_environment() -> dict[str, Any]:
    """Settings read from environment variables (all optional)."""
    env = os.environ
    settings: dict[str, Any] = {}
    if env.get("SECRET_KEY"):
        settings["SECRET_KEY"] = env["SECRET_KEY"]
    if env.get("DATABASE_URL"):
        settings["SQLALCHEMY_DATABASE_URI"] = normalize_database_url(env["DATABASE_URL"])
    for key in (
        "UPLOAD_DIR",
        "SEARCH_INDEX_DIR",
        "SEARCH_BACKEND",
        "MATCHER_DIR",
        "MAIL_SERVER",
        "MAIL_USERNAME",
        "MAIL_PASSWORD",
        "MAIL_DEFAULT_SENDER",
    ):
        if env.get(key):
            settings[key] = env[key]
    if env.get("MAIL_PORT"):
        settings["MAIL_PORT"] = int(env["MAIL_PORT"])
    if env.get("NOTIFY_MATCHED_SUPPLIERS"):
        settings["NOTIFY_MATCHED_SUPPLIERS"] = int(env["NOTIFY_MATCHED_SUPPLIERS"])
    if env.get("MAIL_USE_TLS"):
        settings["MAIL_USE_TLS"] = env["MAIL_USE_TLS"].lower() in ("1", "true", "yes")
    return settings


def normalize_database_url(url: str) -> str:
    """Point plain PostgreSQL URLs at the psycopg 3 driver."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url
