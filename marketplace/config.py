"""Configuration: defaults, then the environment, then explicit overrides.

Every secret comes from the environment. The one development default below is
deliberately unusable in production: `create_app` refuses to start with it
unless the app runs in debug or testing mode.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import urlsplit

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

    # The site's address as its users reach it ("https://cluster.example.ru"): every absolute link
    # (in mail, calendar files) is built from it, never from the request's Host header. Required in
    # production; in development http://localhost:5000.
    PUBLIC_URL: str | None = None
    # Host names the site answers to; other Host headers get 400. None: PUBLIC_URL's host in
    # production, any host in development.
    TRUSTED_HOSTS: list[str] | None = None
    # Cookies only over HTTPS, and Strict-Transport-Security for this many seconds (0: no header).
    # None: on when PUBLIC_URL is https.
    COOKIE_SECURE: bool | None = None
    HSTS_SECONDS: int | None = None
    # Reverse proxies in front of the app that set X-Forwarded-For/-Proto (0: none). Only then is the
    # client's address (throttling, session records, the audit log) the user's and not the proxy's.
    PROXY_COUNT = 0

    # Uploads: attachments of products, orders and equipment.
    UPLOAD_DIR = str(INSTANCE_DIR / "uploads")
    MAX_CONTENT_LENGTH = 16 * 1024 * 1024  # whole request
    MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024  # one file

    # Full-text search.
    # "whoosh" (files in SEARCH_INDEX_DIR, one host), "postgres" (tables in SEARCH_DSN, shared by every
    # host) or "memory" (tests).
    SEARCH_BACKEND = "whoosh"
    SEARCH_INDEX_DIR = str(INSTANCE_DIR / "search-index")
    # The PostgreSQL search backend's database; None: the app's own database (DATABASE_URL) when it is
    # PostgreSQL, whose migrations made the search tables.
    SEARCH_DSN: str | None = None

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
    EMAIL_CONFIRM_MAX_AGE = 48 * 60 * 60  # seconds: the link that finishes a registration

    # Sessions: "remember me" lasts this long, and a session unused for as long ends (accounts.sessions).
    REMEMBER_COOKIE_DURATION = dt.timedelta(days=30)
    REMEMBER_COOKIE_SAMESITE = "Lax"

    # Throttling of logging in, password reset and registration (Flask-Limiter), per e-mail and per
    # client address; "5/minute;20/hour" means both. Shared by every worker through Redis when
    # REDIS_URL is set, else counted in each process's memory.
    REDIS_URL: str | None = None
    AUTH_RATE_LIMITS_ENABLED = True
    LOGIN_LIMIT_PER_EMAIL = "5/minute;20/hour"
    LOGIN_LIMIT_PER_ADDRESS = "30/minute"
    RESET_LIMIT_PER_EMAIL = "3/hour"
    RESET_LIMIT_PER_ADDRESS = "10/hour"
    REGISTER_LIMIT_PER_EMAIL = "3/hour"
    REGISTER_LIMIT_PER_ADDRESS = "5/hour"

    PER_PAGE = 20


def normalize_database_url(url: str) -> str:
    """Point plain PostgreSQL URLs at the psycopg 3 driver."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def _flag(value: str) -> bool:
    return value.strip().lower() in ("1", "true", "yes", "on")


def _names(value: str) -> list[str]:
    return [name.strip() for name in value.split(",") if name.strip()]


def _days(value: str) -> dt.timedelta:
    return dt.timedelta(days=int(value))


#: Environment variable -> (setting, how its text becomes the value). Every one is optional.
FROM_ENVIRONMENT: dict[str, tuple[str, Callable[[str], Any]]] = {
    "SECRET_KEY": ("SECRET_KEY", str),
    "DATABASE_URL": ("SQLALCHEMY_DATABASE_URI", normalize_database_url),
    "UPLOAD_DIR": ("UPLOAD_DIR", str),
    "SEARCH_INDEX_DIR": ("SEARCH_INDEX_DIR", str),
    "SEARCH_BACKEND": ("SEARCH_BACKEND", str),
    "SEARCH_DSN": ("SEARCH_DSN", str),
    "MATCHER_DIR": ("MATCHER_DIR", str),
    "NOTIFY_MATCHED_SUPPLIERS": ("NOTIFY_MATCHED_SUPPLIERS", int),
    "MAIL_SERVER": ("MAIL_SERVER", str),
    "MAIL_PORT": ("MAIL_PORT", int),
    "MAIL_USERNAME": ("MAIL_USERNAME", str),
    "MAIL_PASSWORD": ("MAIL_PASSWORD", str),
    "MAIL_USE_TLS": ("MAIL_USE_TLS", _flag),
    "MAIL_DEFAULT_SENDER": ("MAIL_DEFAULT_SENDER", str),
    "PUBLIC_URL": ("PUBLIC_URL", str),
    "TRUSTED_HOSTS": ("TRUSTED_HOSTS", _names),
    "COOKIE_SECURE": ("COOKIE_SECURE", _flag),
    "HSTS_SECONDS": ("HSTS_SECONDS", int),
    "PROXY_COUNT": ("PROXY_COUNT", int),
    "REDIS_URL": ("REDIS_URL", str),
    "REMEMBER_COOKIE_DAYS": ("REMEMBER_COOKIE_DURATION", _days),
}


def from_environment() -> dict[str, Any]:
    """Settings read from environment variables (all optional; an empty variable counts as unset)."""
    return {
        setting: convert(os.environ[variable])
        for variable, (setting, convert) in FROM_ENVIRONMENT.items()
        if os.environ.get(variable)
    }


#: Where the development server answers (``make run``).
DEV_PUBLIC_URL = "http://localhost:5000"
#: A year: what browsers and the HSTS preload list expect.
HSTS_DEFAULT_SECONDS = 365 * 24 * 60 * 60


def derived_settings(config: Mapping[str, Any], *, production: bool) -> dict[str, Any]:
    """Settings that follow from the public address unless set explicitly.

    :raise RuntimeError: in production without ``PUBLIC_URL``, or with a ``PUBLIC_URL`` that is not
        an absolute http(s) address.
    """
    public_url = config.get("PUBLIC_URL")
    if not public_url:
        if production:
            msg = "PUBLIC_URL is not set. Export the address users reach the site at, e.g. https://cluster.example.ru"
            raise RuntimeError(msg)
        public_url = DEV_PUBLIC_URL
    parts = urlsplit(public_url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        msg = f"PUBLIC_URL must be an absolute http(s) address, not {public_url!r}"
        raise RuntimeError(msg)
    https = parts.scheme == "https"
    secure = config.get("COOKIE_SECURE")
    secure = https if secure is None else secure
    hsts = config.get("HSTS_SECONDS")
    trusted = config.get("TRUSTED_HOSTS")
    return {
        "PUBLIC_URL": public_url.rstrip("/"),
        "PREFERRED_URL_SCHEME": parts.scheme,
        "TRUSTED_HOSTS": trusted if trusted is not None else ([parts.hostname] if production else None),
        "SESSION_COOKIE_SECURE": secure,
        "REMEMBER_COOKIE_SECURE": secure,
        "HSTS_SECONDS": (HSTS_DEFAULT_SECONDS if https else 0) if hsts is None else hsts,
    }
