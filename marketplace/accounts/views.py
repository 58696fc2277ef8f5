"""Accounts: register and confirm, log in and out, sessions, the profile, passwords and their reset,
the person's data (download, deletion) and the consent text."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import time
from collections.abc import Callable
from typing import Any

from flask import (
    Blueprint,
    Flask,
    Response,
    current_app,
    flash,
    jsonify,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask.typing import ResponseReturnValue
from flask_babel import format_timedelta, gettext as _
from flask_limiter import RateLimitExceeded
from flask_login import current_user, login_user, logout_user
from flask_wtf import FlaskForm

from .. import access
from ..access import login_required
from ..db import db
from ..errors import InvalidInput, MarketplaceError, NotFound, wants_json
from ..extensions import limiter, login_manager
from ..forms import ActionForm, form_status, show_error
from ..i18n import current_language, register_labels
from ..utils import safe_next_url
from . import personal_data, services, sessions
from .consent import CONSENT_VERSION, consent_text
from .forms import (
    ChangePasswordForm,
    DeleteAccountForm,
    LoginForm,
    ProfileForm,
    RegisterForm,
    ResendConfirmationForm,
    ResetPasswordForm,
    ResetRequestForm,
)
from .labels import LABELS
from .models import Consent, User, UserSession

bp = Blueprint("accounts", __name__, url_prefix="/account")

View = Callable[..., ResponseReturnValue]


# --- throttling ---------------------------------------------------------------------------------


def _email_key() -> str:
    """The limiter's key for the address typed into the form: a digest, so the store holds no addresses.
    Counted whether or not the address has an account (the answer must not tell)."""
    address = services.normalize_email(request.form.get("email", ""))
    return "email:" + hashlib.sha256(address.encode()).hexdigest()[:32]


def _limits_off() -> bool:
    return not current_app.config["AUTH_RATE_LIMITS_ENABLED"]


def throttled(per_email: str, per_address: str) -> Callable[[View], View]:
    """Limit a form's submissions (POST) per e-mail and per client address (the limiter's own key,
    ``request.remote_addr``), by the settings named. Every submission counts, before the form is looked at."""

    def decorator(view: View) -> View:
        view = limiter.limit(
            lambda: current_app.config[per_address], methods=["POST"], exempt_when=_limits_off, override_defaults=False
        )(view)
        return limiter.limit(
            lambda: current_app.config[per_email],
            key_func=_email_key,
            methods=["POST"],
            exempt_when=_limits_off,
            override_defaults=False,
        )(view)

    return decorator


def _retry_after(error: RateLimitExceeded) -> int:
    """Seconds until the breached limit lets a submission through again."""
    breached = limiter.current_limit
    if breached is not None and breached.breached:
        return max(1, int(breached.reset_at - time.time()))
    return max(1, int(error.limit.limit.get_expiry()))


@bp.errorhandler(RateLimitExceeded)
def too_many_attempts(error: RateLimitExceeded) -> ResponseReturnValue:
    """429 with the form again (or the JSON error) and when to retry; the same for every address."""
    seconds = _retry_after(error)
    message = _(
        "Too many attempts. Please try again %(when)s.",
        when=format_timedelta(dt.timedelta(seconds=seconds), add_direction=True),
    )
    headers = {"Retry-After": str(seconds)}
    page = THROTTLED_PAGES.get(request.endpoint or "")
    if wants_json() or page is None:
        return jsonify({"error": {"code": "too_many_requests", "message": message}}), 429, headers
    return page(throttle_message=message), 429, headers


# --- pages --------------------------------------------------------------------------------------


def _next_url() -> str:
    return safe_next_url(request.args.get("next"), url_for("main.index"))


def _json_failure(form: FlaskForm, status: int) -> ResponseReturnValue | None:
    """For a JSON client whose submission failed: the JSON error, with the errors of each field."""
    if status < 400 or not wants_json():
        return None
    fields = {name or "form": [str(e) for e in errors] for name, errors in form.errors.items()}
    first = next((errors[0] for errors in fields.values() if errors), _("The request could not be understood."))
    return jsonify({"error": {"code": "invalid_input", "message": first, "fields": fields}}), status


def _form_page(template: str, form: FlaskForm, status: int, **context: Any) -> ResponseReturnValue:
    """A form's page (the JSON error instead for a JSON client whose submission failed)."""
    failure = _json_failure(form, status)
    if failure is not None:
        return failure
    return render_template(template, form=form, **context), status


def _login_page(form: LoginForm | None = None, **context: Any) -> str:
    return render_template("accounts/login.html", form=form or LoginForm(), **context)


def _register_page(form: RegisterForm | None = None, **context: Any) -> str:
    return render_template(
        "accounts/register.html",
        form=form or RegisterForm(),
        consent_text=consent_text(current_language()),
        consent_version=CONSENT_VERSION,
        **context,
    )


def _reset_request_page(form: ResetRequestForm | None = None, **context: Any) -> str:
    return render_template("accounts/reset_request.html", form=form or ResetRequestForm(), **context)


def _resend_page(form: ResendConfirmationForm | None = None, **context: Any) -> str:
    return render_template("accounts/resend_confirmation.html", form=form or ResendConfirmationForm(), **context)


#: The pages whose submissions are throttled: what a 429 shows.
THROTTLED_PAGES: dict[str, Callable[..., str]] = {
    "accounts.login": _login_page,
    "accounts.register": _register_page,
    "accounts.reset_request": _reset_request_page,
    "accounts.resend_confirmation": _resend_page,
}


def _log_in(user: User, *, remember: bool = False) -> None:
    """Open a session record and let Flask-Login store its id in the cookies."""
    sessions.start_session(user)
    login_user(user, remember=remember)
    services.record_login(user)


# --- registration -------------------------------------------------------------------------------


@bp.route("/")
def index() -> ResponseReturnValue:
    return redirect(url_for(".profile"))


@bp.route("/register", methods=["GET", "POST"])
@throttled("REGISTER_LIMIT_PER_EMAIL", "REGISTER_LIMIT_PER_ADDRESS")
def register() -> ResponseReturnValue:
    if current_user.is_authenticated:
        return redirect(url_for("main.index"))
    form = RegisterForm()
    if form.validate_on_submit():
        services.register_user(
            email=form.email.data,
            full_name=form.full_name.data,
            password=form.password.data,
            consent_version=CONSENT_VERSION,
            locale=current_language(),
        )
        # The same answer whether or not the address has an account: the mail tells the difference.
        flash(
            _(
                "We have sent a link to %(email)s to finish registration. Open it within %(hours)d h.",
                email=services.normalize_email(form.email.data),
                hours=max(1, current_app.config["EMAIL_CONFIRM_MAX_AGE"] // 3600),
            ),
            "info",
        )
        return redirect(url_for(".login"))
    status = form_status(form)
    return _json_failure(form, status) or (_register_page(form), status)


@bp.route("/confirm/<token>", methods=["GET", "POST"])
def confirm_email(token: str) -> ResponseReturnValue:
    """The link mailed at registration: a page with one button (a mail scanner opening the link changes
    nothing); pressing it confirms the address and logs in."""
    user = services.user_for_confirm_token(token)
    if user is None:
        flash(_("This link is invalid or has expired. Ask for a new one, or register again."), "warning")
        return redirect(url_for(".resend_confirmation"))
    if user.email_confirmed:
        flash(_("Your e-mail address is already confirmed. Log in."), "info")
        return redirect(url_for(".login"))
    form = ActionForm()
    if form.validate_on_submit():
        services.confirm_email(user)
        if current_user.is_authenticated:  # someone else was logged in in this browser
            sessions.end_session(access.user_object())
            logout_user()
        _log_in(user)
        flash(_("Welcome, %(name)s! Your account is ready.", name=user.full_name), "success")
        return redirect(url_for("organizations.create"))
    return render_template("accounts/confirm.html", form=form, user=user)


@bp.route("/confirm/resend", methods=["GET", "POST"])
@throttled("REGISTER_LIMIT_PER_EMAIL", "REGISTER_LIMIT_PER_ADDRESS")
def resend_confirmation() -> ResponseReturnValue:
    form = ResendConfirmationForm()
    if form.validate_on_submit():
        services.resend_confirmation(form.email.data)
        flash(
            _("If a registration with this e-mail is waiting for confirmation, we have sent it a new link."),
            "info",
        )
        return redirect(url_for(".login"))
    return _form_page("accounts/resend_confirmation.html", form, form_status(form))


@bp.route("/consent")
def consent() -> ResponseReturnValue:
    """The current consent to the processing of personal data, as registration shows it."""
    return render_template(
        "accounts/consent.html", consent_text=consent_text(current_language()), consent_version=CONSENT_VERSION
    )


# --- logging in and out, sessions ---------------------------------------------------------------


@bp.route("/login", methods=["GET", "POST"])
@throttled("LOGIN_LIMIT_PER_EMAIL", "LOGIN_LIMIT_PER_ADDRESS")
def login() -> ResponseReturnValue:
    if current_user.is_authenticated:
        return redirect(_next_url())
    form = LoginForm()
    failed = False
    if form.validate_on_submit():
        user = services.authenticate(form.email.data, form.password.data)
        if user is None or not user.email_confirmed:
            # An unfinished registration gets the same answer as a wrong password (the page offers
            # everyone a new confirmation link).
            form.password.errors = [_("Wrong e-mail or password.")]
            failed = True
        elif not user.active:
            form.email.errors = [_("This account is disabled. Contact the cluster manager.")]
        else:
            _log_in(user, remember=form.remember.data)
            session.pop("lang", None)  # the profile's language applies from now on
            return redirect(_next_url())
    status = form_status(form)
    return _json_failure(form, status) or (_login_page(form, login_failed=failed), status)


@bp.route("/logout", methods=["POST"])
def logout() -> ResponseReturnValue:
    if current_user.is_authenticated:
        sessions.end_session(access.user_object())
    logout_user()
    flash(_("You have logged out."), "info")
    return redirect(url_for("main.index"))


@bp.route("/sessions/<int:session_id>/end", methods=["POST"])
@login_required
def end_session(session_id: int) -> ResponseReturnValue:
    """End one of my sessions (another browser, a lost phone)."""
    user = access.user_object()
    record = db.session.get(UserSession, session_id)
    if record is None or record.user_id != user.id:
        raise NotFound
    if ActionForm().validate_on_submit():
        current = sessions.current_session(user)
        sessions.end_session(user, session_id)
        if current is not None and current.id == session_id:
            logout_user()
            flash(_("You have logged out."), "info")
            return redirect(url_for("main.index"))
        flash(_("The session has ended: that browser is logged out."), "success")
    return redirect(url_for(".profile", _anchor="sessions"))


@bp.route("/sessions/end-all", methods=["POST"])
@login_required
def end_all_sessions() -> ResponseReturnValue:
    """Log out everywhere, this browser included."""
    if ActionForm().validate_on_submit():
        sessions.end_all_sessions(access.user_object())
        logout_user()
        flash(_("You have logged out on every device."), "info")
        return redirect(url_for(".login"))
    return redirect(url_for(".profile"))


# --- profile and password -----------------------------------------------------------------------


def _profile_page(form: ProfileForm) -> str:
    user = access.user_object()
    current = sessions.current_session(user)
    consent_given = db.session.scalar(
        db.select(Consent).where(Consent.user_id == user.id).order_by(Consent.id.desc()).limit(1)
    )
    return render_template(
        "accounts/profile.html",
        form=form,
        live_sessions=sessions.live_sessions(user),
        current_session_id=current.id if current else None,
        describe_user_agent=sessions.describe_user_agent,
        consent=consent_given,
        action_form=ActionForm(formdata=None),
    )


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
    status = form_status(form)
    return _json_failure(form, status) or (_profile_page(form), status)


@bp.route("/password", methods=["GET", "POST"])
@login_required
def change_password() -> ResponseReturnValue:
    form = ChangePasswordForm()
    if form.validate_on_submit():
        try:
            services.change_password(
                access.user_object(), current_password=form.current_password.data, new_password=form.password.data
            )
        except InvalidInput as error:
            show_error(form, error)
        else:
            flash(_("Your password has been changed. Your other sessions have ended."), "success")
            return redirect(url_for(".profile"))
    return _form_page("accounts/password.html", form, form_status(form))


@bp.route("/reset", methods=["GET", "POST"])
@throttled("RESET_LIMIT_PER_EMAIL", "RESET_LIMIT_PER_ADDRESS")
def reset_request() -> ResponseReturnValue:
    form = ResetRequestForm()
    if form.validate_on_submit():
        services.request_password_reset(form.email.data)
        # The same answer whether or not the address has an account.
        flash(_("If an account with this e-mail exists, we have sent it a link to choose a new password."), "info")
        return redirect(url_for(".login"))
    status = form_status(form)
    return _json_failure(form, status) or (_reset_request_page(form), status)


@bp.route("/reset/<token>", methods=["GET", "POST"])
def reset_password(token: str) -> ResponseReturnValue:
    user = services.user_for_reset_token(token)
    if user is None:
        flash(_("This link is invalid or has expired. Request a new one."), "warning")
        return redirect(url_for(".reset_request"))
    form = ResetPasswordForm()
    if form.validate_on_submit():
        services.reset_password(user, form.password.data)
        if current_user.is_authenticated and current_user.id == user.id:
            logout_user()  # its session has just ended with the others
        flash(_("Your new password is set. Log in with it."), "success")
        return redirect(url_for(".login"))
    return _form_page("accounts/reset_password.html", form, form_status(form))


# --- the person's data --------------------------------------------------------------------------


@bp.route("/export")
@login_required
def export() -> ResponseReturnValue:
    """Download everything stored about me (JSON)."""
    user = access.user_object()
    body = json.dumps(personal_data.export(user), ensure_ascii=False, indent=2)
    return Response(
        body,
        mimetype="application/json",
        headers={
            "Content-Disposition": f'attachment; filename="personal-data-{user.id}.json"',
            "Cache-Control": "no-store",
        },
    )


@bp.route("/delete", methods=["GET", "POST"])
@login_required
def delete_account() -> ResponseReturnValue:
    """Delete my account, after the password: personal data anonymised, the organization's records kept."""
    user = access.user_object()
    form = DeleteAccountForm()
    status, message = form_status(form), None
    if form.validate_on_submit():
        try:
            personal_data.delete_account(user, password=form.password.data)
        except MarketplaceError as error:
            if error.field is None and wants_json():
                raise
            if error.field:
                show_error(form, error)
            else:
                message = error.message
            status = error.status
        else:
            logout_user()
            flash(_("Your account has been deleted. Thank you for having been with us."), "info")
            return redirect(url_for("main.index"))
    return _form_page(
        "accounts/delete.html",
        form,
        status,
        error_message=message,
        blocker=personal_data.deletion_blocker(user),
        only_user=personal_data.is_only_user(user),
    )


def load_user(session_id: str) -> User | None:
    """Flask-Login's user loader: only a live session of an active account (``sessions.user_for_session``)."""
    return sessions.user_for_session(session_id)


def init_app(_app: Flask) -> None:
    register_labels(LABELS)
    login_manager.user_loader(load_user)
