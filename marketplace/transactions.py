"""One commit per request, in one place.

Views and services only ``flush()``. After a successful response (status below
400) the request's transaction is committed; on any error or a 4xx/5xx answer
it is rolled back, so a failed request changes nothing.
"""

from __future__ import annotations

from flask import Flask, Response

from .db import db


def init_app(app: Flask) -> None:
    @app.after_request
    def commit_or_roll_back(response: Response) -> Response:
        if response.status_code < 400:
            db.session.commit()
        else:
            db.session.rollback()
        return response
