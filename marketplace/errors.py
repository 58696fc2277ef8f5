"""Domain errors and how they reach the user.

Services raise these; views do not catch them. `init_app` maps them (and
Werkzeug's HTTP errors) to an HTML page for the UI and to a JSON body
``{"error": {"code": ..., "message": ...}}`` for the API and for clients that
ask for JSON.
"""

from __future__ import annotations

import logging

from flask import Flask, jsonify, render_template, request
from flask.globals import request_ctx
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError
from markupsafe import escape
from werkzeug.exceptions import HTTPException

from .db import db
from .extensions import login_manager

log = logging.getLogger(__name__)


class MarketplaceError(Exception):
    """Base of all domain errors: a message for the user and an HTTP status."""

    status = 400
    code = "invalid"

    def __init__(self, message: str = "", *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class InvalidInput(MarketplaceError):
    status = 400
    code = "invalid_input"


class LoginRequired(MarketplaceError):
    """A guest asked for something that needs an account: the UI redirects to the login page."""

    status = 401
    code = "unauthorized"


class Forbidden(MarketplaceError):
    status = 403
    code = "forbidden"


class NotFound(MarketplaceError):
    status = 404
    code = "not_found"


class Conflict(MarketplaceError):
    status = 409
    code = "conflict"


#: Endpoints outside ``/api/`` that answer in JSON, their errors included (a feature adds its own).
JSON_ENDPOINTS: set[str] = set()


def wants_json() -> bool:
    if request.path.startswith("/api/") or request.endpoint in JSON_ENDPOINTS:
        return True
    best = request.accept_mimetypes.best_match(["application/json", "text/html"])
    return best == "application/json" and request.accept_mimetypes[best] > request.accept_mimetypes["text/html"]


#: The last resort when even the error page cannot be built (the database is gone): both languages, no links.
UNAVAILABLE = (
    "Что-то пошло не так. Попробуйте ещё раз позже. / Something went wrong on our side. Please try again later."
)


def _bare_page(status: int, message: str) -> ResponseReturnValue:
    """An error page that needs neither templates, links nor the database."""
    page = f"<!doctype html><meta charset=utf-8><title>{status}</title><h1>{status}</h1><p>{escape(message)}</p>"
    return page, status, {"Content-Type": "text/html; charset=utf-8"}


def _render(status: int, code: str, message: str) -> ResponseReturnValue:
    if wants_json():
        return jsonify({"error": {"code": code, "message": message}}), status
    if request_ctx.url_adapter is None:  # a Host the site does not answer to: no links can be built
        return _bare_page(status, message)
    return render_template("errors/error.html", status=status, message=message), status


def _render_server_error() -> ResponseReturnValue:
    """The branded 500 page, after the failed transaction is rolled back (a page must not read through
    an aborted PostgreSQL transaction); the bare page if even that fails (the database is down)."""
    try:
        db.session.rollback()
        return _render(500, "internal_error", _default_message(500))
    except Exception:
        log.exception("The error page could not be rendered")
        if wants_json():
            return jsonify({"error": {"code": "internal_error", "message": UNAVAILABLE}}), 500
        return _bare_page(500, UNAVAILABLE)


def _default_message(status: int) -> str:
    return {
        400: _("The request could not be understood."),
        401: _("Please log in to continue."),
        403: _("You do not have access to this page."),
        404: _("The page you are looking for does not exist."),
        405: _("This action is not allowed here."),
        409: _("The request conflicts with the current state."),
        413: _("The uploaded file is too large."),
        500: _("Something went wrong on our side. Please try again later."),
    }.get(status, _("The request failed."))


def init_app(app: Flask) -> None:
    @app.errorhandler(MarketplaceError)
    def handle_domain_error(error: MarketplaceError) -> ResponseReturnValue:
        return _render(error.status, error.code, error.message or _default_message(error.status))

    @app.errorhandler(LoginRequired)
    def handle_login_required(error: LoginRequired) -> ResponseReturnValue:
        if wants_json():
            return _render(401, error.code, error.message or _default_message(401))
        return login_manager.unauthorized()

    @app.errorhandler(CSRFError)
    def handle_csrf(_error: CSRFError) -> ResponseReturnValue:
        return _render(400, "csrf", _("The form has expired or is invalid. Please reload the page and try again."))

    @app.errorhandler(HTTPException)
    def handle_http(error: HTTPException) -> ResponseReturnValue:
        status = error.code or 500
        code = (error.name or "error").lower().replace(" ", "_")
        # A view may abort with its own description; the stock one is English-only.
        custom = error.description if error.description != type(error).description else None
        return _render(status, code, custom or _default_message(status))

    @app.errorhandler(500)
    def handle_server_error(_error: Exception) -> ResponseReturnValue:
        return _render_server_error()
