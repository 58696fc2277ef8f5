"""Small helpers shared by several features."""
from __future__ import annotations

from urllib.parse import urlsplit

from flask import request


def safe_next_url(target: str | None, default: str) -> str:
    """``target`` if it points into this site, else ``default`` (no open redirects)."""
    if not target:
        return default
    parts = urlsplit(target)
    if parts.scheme and parts.scheme not in ("http", "https"):
        return default
    if parts.netloc and parts.netloc != request.host:
        return default
    path = parts.path or "/"
    if not path.startswith("/") or path.startswith("//"):
        return default
    return path + (f"?{parts.query}" if parts.query else "")
