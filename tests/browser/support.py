"""Helpers of the browser tests: logging in through the real form, submitting forms,
valid Russian registration numbers, and re-reading the database after the browser acted."""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

from marketplace.db import db
from tests import factories

#: The cluster's time zone (``BABEL_DEFAULT_TIMEZONE``): booking forms take local times.
CLUSTER_TZ = ZoneInfo("Europe/Moscow")


def log_in(page, user, password: str = factories.PASSWORD) -> None:
    """Log in through the real form and wait until the site lets us in."""
    page.goto("/account/login")
    page.fill("input[name=email]", user.email)
    page.fill("input[name=password]", password)
    page.click("[data-testid=login-submit]")
    page.wait_for_url(lambda url: "/account/login" not in url)


def submit(page, selector: str):
    """Click a submit button and wait for the page that answers; returns that page's response.

    After a redirect it is the final page's response, so ``.status`` is 200 on
    success, and 400/409 when the form comes back with errors.
    """
    with page.expect_navigation() as navigation:
        page.click(selector)
    return navigation.value


def path_of(page) -> str:
    """The path of the current URL (no scheme, host, query or fragment)."""
    return re.sub(r"^https?://[^/]+", "", page.url).split("?")[0].split("#")[0]


def reread() -> None:
    """Forget what the test's session has loaded: the browser changed the database meanwhile.

    Also ends the session's transaction, so the test never holds a SQLite read
    lock while the live server writes.
    """
    db.session.commit()
    db.session.expire_all()


def local_day(days_ahead: int) -> dt.date:
    """The date ``days_ahead`` days from today in the cluster's time zone."""
    return dt.datetime.now(CLUSTER_TZ).date() + dt.timedelta(days=days_ahead)


def to_utc(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    """A cluster-local wall time as naive UTC, the way the database stores it."""
    local = dt.datetime.combine(day, dt.time(hour, minute), tzinfo=CLUSTER_TZ)
    return local.astimezone(dt.UTC).replace(tzinfo=None)
