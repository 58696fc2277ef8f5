"""Placeholder: the accounts feature's views are being built."""
from __future__ import annotations

from flask import Blueprint

bp = Blueprint("accounts", __name__, url_prefix="/account")


@bp.route("/")
def index():
    return "accounts"


@bp.route("/login")
def login():
    return "login"


@bp.route("/register")
def register():
    return "register"


@bp.route("/profile")
def profile():
    return "profile"


@bp.route("/logout", methods=["POST"])
def logout():
    return "logout"


def init_app(app):
    from ..db import db
    from ..extensions import login_manager
    from .models import User

    @login_manager.user_loader
    def load_user(user_id: str):
        return db.session.get(User, int(user_id))
