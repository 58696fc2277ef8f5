"""Accounts: register, log in and out, the user's profile, passwords and their reset."""

from __future__ import annotations

from flask import Blueprint, Flask, flash, redirect, render_template, request, session, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user, login_user, logout_user

from .. import access
from ..access import login_required
from ..db import db
from ..errors import InvalidInput
from ..extensions import login_manager
from ..forms import form_status, show_error
from ..i18n import current_language, register_labels
from ..utils import safe_next_url
from . import services
from .forms import ChangePasswordForm, LoginForm, ProfileForm, RegisterForm, ResetPasswordForm, ResetRequestForm
from .labels import LABELS
from .models import User

bp = Blueprint("accounts", __name__, url_prefix="/account")


def _next_url() -> str:
    return safe_next_url(request.args.get("next"), url_for("main.index"))


@bp.route("/")
def index() -> ResponseReturnValue:
    return redirect(url_for(".profile"))


@bp.route("/register", methods=["GET", "POST"])
def register() -> ResponseReturnValue:
    if current_user.is_authenticated:
        return redirect(url_for("main.index"))
    form = RegisterForm()
    if form.validate_on_submit():
        try:
            user = services.register_user(
                email=form.email.data,
                full_name=form.full_name.data,
                password=form.password.data,
                locale=current_language(),
            )
        except InvalidInput as error:
            show_error(form, error)
        else:
            login_user(user)
            services.record_login(user)
            flash(_("Welcome, %(name)s! Your account is ready.", name=user.full_name), "success")
            return redirect(url_for("organizations.create"))
    return render_template("accounts/register.html", form=form), form_status(form)


@bp.route("/login", methods=["GET", "POST"])
def login() -> ResponseReturnValue:
    if current_user.is_authenticated:
        return redirect(_next_url())
    form = LoginForm()
    if form.validate_on_submit():
        user = services.authenticate(form.email.data, form.password.data)
        if user is None:
            form.password.errors = [_("Wrong e-mail or password.")]
        elif not user.active:
            form.email.errors = [_("This account is disabled. Contact the cluster manager.")]
        else:
            login_user(user, remember=form.remember.data)
            services.record_login(user)
            session.pop("lang", None)  # the profile's language applies from now on
            return redirect(_next_url())
    return render_template("accounts/login.html", form=form), form_status(form)


@bp.route("/logout", methods=["POST"])
def logout() -> ResponseReturnValue:
    logout_user()
    flash(_("You have logged out."), "info")
    return redirect(url_for("main.index"))


@bp.route("/profile", methods=["GET", "POST"])
@login_required
def profile() -> ResponseReturnValue:
    form = ProfileForm(obj=current_user)
    if form.validate_on_submit():
        services.update_profile(
            current_user,
            full_name=form.full_name.data,
            position=form.position.data,
            phone=form.phone.data,
            locale=form.locale.data,
        )
        session["lang"] = form.locale.data
        flash(_("Your profile has been saved."), "success")
        return redirect(url_for(".profile"))
    return render_template("accounts/profile.html", form=form), form_status(form)


@bp.route("/password", methods=["GET", "POST"])
@login_required
def change_password() -> ResponseReturnValue:
    form = ChangePasswordForm()
    if form.validate_on_submit():
        try:
            services.change_password(
                current_user, current_password=form.current_password.data, new_password=form.password.data
            )
        except InvalidInput as error:
            show_error(form, error)
        else:
            # This session goes on; all others end. ``login_user`` needs the user itself, not the proxy.
            login_user(access.user_object())
            flash(_("Your password has been changed."), "success")
            return redirect(url_for(".profile"))
    return render_template("accounts/password.html", form=form), form_status(form)


@bp.route("/reset", methods=["GET", "POST"])
def reset_request() -> ResponseReturnValue:
    form = ResetRequestForm()
    if form.validate_on_submit():
        services.request_password_reset(form.email.data)
        # The same answer whether or not the address has an account.
        flash(_("If an account with this e-mail exists, we have sent it a link to choose a new password."), "info")
        return redirect(url_for(".login"))
    return render_template("accounts/reset_request.html", form=form), form_status(form)


@bp.route("/reset/<token>", methods=["GET", "POST"])
def reset_password(token: str) -> ResponseReturnValue:
    user = services.user_for_reset_token(token)
    if user is None:
        flash(_("This link is invalid or has expired. Request a new one."), "warning")
        return redirect(url_for(".reset_request"))
    form = ResetPasswordForm()
    if form.validate_on_submit():
        services.reset_password(user, form.password.data)
        flash(_("Your new password is set. Log in with it."), "success")
        return redirect(url_for(".login"))
    return render_template("accounts/reset_password.html", form=form), form_status(form)


def load_user(session_id: str) -> User | None:
    """Flask-Login's user loader: ``<id>:<password fingerprint>`` (see ``User.get_id``). A disabled
    account, or a password changed elsewhere, ends the session."""
    user_id, _, fingerprint = session_id.partition(":")
    try:
        user = db.session.get(User, int(user_id))
    except ValueError:
        return None
    if user is None or not user.active or fingerprint != user.password_fingerprint:
        return None
    return user


def init_app(_app: Flask) -> None:
    register_labels(LABELS)
    login_manager.user_loader(load_user)
