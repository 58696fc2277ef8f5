"""What every page needs: template globals and filters, pagination, security headers."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from flask import Flask, Response, current_app, request, url_for
from flask_babel import format_date, format_datetime, format_decimal
from flask_login import current_user
from flask_sqlalchemy.pagination import Pagination
from sqlalchemy import Select

from . import access
from .access import AccessLevel
from .db import db
from .errors import NotFound
from .i18n import current_language
from .pagination import ResultsPage
from .reference.regions import region_name
from .utils import requested_page, safe_http_url


def paginate(statement: Select[Any], per_page: int | None = None) -> Pagination:
    """Flask-SQLAlchemy pagination of ``statement`` driven by ``?page=``; 404 past the end."""
    per_page = per_page or current_app.config["PER_PAGE"]
    return db.paginate(statement, page=requested_page(), per_page=per_page, max_per_page=100, error_out=True)


def paginate_list(items: list[Any]) -> ResultsPage:
    """``?page=`` of a list already in memory; 404 past the end, like ``paginate``."""
    per_page = current_app.config["PER_PAGE"]
    number = requested_page()
    page = ResultsPage(
        page=number, per_page=per_page, total=len(items), items=items[(number - 1) * per_page : number * per_page]
    )
    if number > 1 and not page.items:
        raise NotFound
    return page


def url_for_page(page: int) -> str:
    """The current URL with ``page`` replaced, all other query arguments kept."""
    args: dict[str, Any] = request.args.to_dict(flat=False)
    args["page"] = [str(page)]
    return url_for(request.endpoint or "main.index", **(request.view_args or {}), **args)


def money(value: Decimal | None, currency: str = "₽") -> str:
    if value is None:
        return ""
    return f"{format_decimal(value, format='#,##0.##')} {currency}"


def init_app(app: Flask) -> None:
    app.jinja_env.globals.update(
        access=access,
        AccessLevel=AccessLevel,
        url_for_page=url_for_page,
        region_name=lambda stored: region_name(stored, current_language()),
    )
    app.jinja_env.filters.update(
        money=money,
        date=lambda value, fmt="medium": format_date(value, fmt) if value else "",
        datetime=lambda value, fmt="short": format_datetime(value, fmt) if value else "",
        number=lambda value: format_decimal(value) if value is not None else "",
        safe_http_url=safe_http_url,
    )

    @app.context_processor
    def inject_user_level() -> dict[str, Any]:
        return {"level": access.access_level(current_user)}

    @app.after_request
    def security_headers(response: Response) -> Response:
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("X-Frame-Options", "SAMEORIGIN")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        response.headers.setdefault(
            "Content-Security-Policy",
            "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            "script-src 'self'; object-src 'none'; frame-ancestors 'self'; base-uri 'self'; form-action 'self'",
        )
        hsts_seconds = app.config["HSTS_SECONDS"]
        if hsts_seconds:
            response.headers.setdefault("Strict-Transport-Security", f"max-age={hsts_seconds}; includeSubDomains")
        return response
