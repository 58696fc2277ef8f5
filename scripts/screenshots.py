"""Screenshots of the main pages for the README: ``.venv/bin/python scripts/screenshots.py``.

Builds a throw-away SQLite database (Alembic migrations, reference directories,
the demo cluster), serves the app on a free local port in a thread, and saves
1280×900 PNGs (plus one phone-sized one) of the Russian UI into
``docs/screenshots/`` with Debian's Chromium driven by Playwright.

Options: ``--out DIR`` (default docs/screenshots), ``--only NAME`` (repeatable; e.g.
``--only home --only catalog``), ``--chromium PATH`` (default /usr/bin/chromium or $CHROMIUM_PATH).
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import os
import secrets
import sys
import tempfile
import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from flask import Flask
from flask_migrate import upgrade
from playwright.sync_api import Browser, Page, ViewportSize, sync_playwright
from sqlalchemy import func, select
from werkzeug.serving import make_server

from marketplace import create_app
from marketplace.db import db, utcnow
from marketplace.demo.seed import DEMO_PASSWORD, seed_demo
from marketplace.models import (
    Booking,
    BookingStatus,
    ConsortiumMember,
    Equipment,
    Event,
    EventRegistration,
    EventStatus,
    Idea,
    IdeaComment,
    Order,
    OrderStatus,
    Product,
    Project,
    ProjectNeed,
    ProjectStatus,
    Response,
    ResponseStatus,
    User,
)
from marketplace.reference.loader import load_reference_data
from marketplace.search.services import reindex

ROOT = Path(__file__).resolve().parent.parent

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
DESKTOP: ViewportSize = {"width": 1280, "height": 900}
PHONE: ViewportSize = {"width": 390, "height": 844}
MANAGER, BUYER, MEMBER = "manager@cluster.demo", "buyer@cluster.demo", "sme@cluster.demo"


def build_app(workdir: Path) -> Flask:
    app = create_app(
        {
            "SECRET_KEY": secrets.token_hex(32),
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{workdir / 'screenshots.db'}",
            "UPLOAD_DIR": str(workdir / "uploads"),
            "SEARCH_BACKEND": "whoosh",
            "SEARCH_INDEX_DIR": str(workdir / "search-index"),
            "MAIL_SERVER": None,
            "PUBLIC_URL": "http://localhost",  # a throw-away instance; its links are never followed
        }
    )
    with app.app_context():
        upgrade(directory=str(app.config["MIGRATIONS_DIR"]))
        load_reference_data()
        counts = seed_demo()
        db.session.commit()
        try:  # the index follows the commits; rebuild it anyway so search pages never depend on that
            reindex()
        except Exception as error:  # noqa: BLE001  (search is optional for the screenshots)
            print(f"search index not rebuilt: {error}", file=sys.stderr)
        print("demo data:", ", ".join(f"{k} {v}" for k, v in counts.items()))
    return app


def pick_pages(app: Flask) -> dict[str, str]:
    """The URLs worth showing, chosen from the demo data (richest examples)."""
    with app.app_context():
        member_org = db.session.scalar(select(User.organization_id).where(User.email == MEMBER))
        buyer_org = db.session.scalar(select(User.organization_id).where(User.email == BUYER))

        products = (
            db.session.scalars(select(Product).where(Product.organization_id == member_org)).all()
            or db.session.scalars(select(Product)).all()
        )
        product = max(products, key=lambda p: (len(p.specs or []), bool(p.hs_code), len(p.description_ru or "")))

        active = (
            select(Response.order_id, func.count().label("n"))
            .where(Response.status == ResponseStatus.ACTIVE)
            .group_by(Response.order_id)
            .subquery()
        )
        order_id = db.session.scalar(
            select(Order.id)
            .join(active, active.c.order_id == Order.id)
            .where(Order.organization_id == buyer_org, Order.status == OrderStatus.OPEN)
            .order_by(active.c.n.desc(), Order.id)
        )

        now = utcnow()
        month_start = now.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
        month_end = (month_start + dt.timedelta(days=32)).replace(day=1)
        this_month: Counter[int] = Counter()
        next_month: Counter[int] = Counter()
        for booking in db.session.scalars(
            select(Booking).where(
                Booking.status.in_([BookingStatus.APPROVED, BookingStatus.PENDING]), Booking.ends_at > now
            )
        ):
            (this_month if booking.starts_at < month_end else next_month)[booking.equipment_id] += 1
        if this_month:
            item_id, month = this_month.most_common(1)[0][0], month_start.strftime("%Y-%m")
        else:
            item_id, month = next_month.most_common(1)[0][0], month_end.strftime("%Y-%m")
        if not db.session.get(Equipment, item_id):
            raise SystemExit("no equipment in the demo data")

        # the running project with the most needs and consortium places: the proposal has work to do
        needs = select(ProjectNeed.project_id, func.count().label("n")).group_by(ProjectNeed.project_id).subquery()
        places = (
            select(ConsortiumMember.project_id, func.count().label("n"))
            .group_by(ConsortiumMember.project_id)
            .subquery()
        )
        project_id = db.session.scalar(
            select(Project.id)
            .join(needs, needs.c.project_id == Project.id)
            .outerjoin(places, places.c.project_id == Project.id)
            .where(Project.status.in_([ProjectStatus.PLANNED, ProjectStatus.ACTIVE]))
            .order_by((needs.c.n + func.coalesce(places.c.n, 0)).desc(), Project.id)
        )
        registered = (
            select(EventRegistration.event_id, func.count().label("n")).group_by(EventRegistration.event_id).subquery()
        )
        event_id = db.session.scalar(
            select(Event.id)
            .join(registered, registered.c.event_id == Event.id)
            .where(Event.status == EventStatus.PUBLISHED, Event.starts_at > now)
            .order_by(registered.c.n.desc(), Event.starts_at)
        )
        comments = select(IdeaComment.idea_id, func.count().label("n")).group_by(IdeaComment.idea_id).subquery()
        idea_id = db.session.scalar(
            select(Idea.id).join(comments, comments.c.idea_id == Idea.id).order_by(comments.c.n.desc(), Idea.id)
        )

    return {
        "home": "/",
        "members": "/organizations/",
        "organization": f"/organizations/{member_org}",
        "catalog": "/catalog/",
        "okpd2": "/catalog/codes",
        "product": f"/catalog/{product.id}",
        "equipment": "/equipment/",
        "calendar": f"/equipment/{item_id}/calendar?month={month}",
        "orders": "/orders/",
        "order": f"/orders/{order_id}",
        "compare": f"/orders/{order_id}/responses",
        "offers": "/offers/",
        "applications": "/organizations/applications",
        "search": "/search/?q=фланцы",
        "fitting-orders": "/matches/orders",
        "projects": "/projects/portfolio",
        "project": f"/projects/{project_id}",
        "competence": "/competence/",
        "gaps": "/competence/gaps",
        "chains": "/competence/chains",
        "events": "/events/",
        "event": f"/events/{event_id}",
        "ideas": "/ideas/",
        "idea": f"/ideas/{idea_id}",
        "dashboard": "/dashboard/",
        "notifications": "/notifications/",
    }


#: name → (who looks, full page?). Long lists stay at one screen; detail pages are shown whole.
SHOTS = {
    "home": (None, True),
    "members": (None, False),
    "organization": (MANAGER, True),
    "catalog": (None, False),
    "okpd2": (None, False),
    "product": (None, True),
    "equipment": (None, False),
    "calendar": (MANAGER, True),
    "orders": (BUYER, False),
    "order": (BUYER, True),
    "compare": (BUYER, True),
    "offers": (MEMBER, False),
    "applications": (MANAGER, True),
    "search": (MEMBER, False),
    "fitting-orders": (MEMBER, False),
    "projects": (MANAGER, True),
    "project": (MANAGER, True),
    "competence": (MANAGER, False),
    "gaps": (MANAGER, False),
    "chains": (MANAGER, True),
    "events": (None, False),
    "event": (MANAGER, True),
    "ideas": (MEMBER, False),
    "idea": (MEMBER, True),
    "dashboard": (MANAGER, True),
    "notifications": (BUYER, False),
}


@contextmanager
def serve(app: Flask) -> Iterator[str]:
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()


def log_in(page: Page, email: str) -> None:
    page.goto("/account/login")
    page.fill("input[name=email]", email)
    page.fill("input[name=password]", DEMO_PASSWORD)
    page.click("[data-testid=login-submit]")
    page.wait_for_url(lambda url: "/account/login" not in url)


def take(browser: Browser, base_url: str, urls: dict[str, str], names: list[str], out: Path) -> list[Path]:
    contexts: dict[str | None, Page] = {}

    def page_for(who: str | None, viewport: ViewportSize = DESKTOP, key: str | None = None) -> Page:
        key = key or who
        if key not in contexts:
            context = browser.new_context(base_url=base_url, locale="ru-RU", viewport=viewport)
            context.set_default_timeout(20_000)
            page = context.new_page()
            if who:
                log_in(page, who)
            contexts[key] = page
        return contexts[key]

    saved = []
    for name in names:
        if name == "mobile-home":
            page = page_for(None, viewport=PHONE, key="phone")
            page.goto("/", wait_until="networkidle")
            path = out / f"{len(SHOTS) + 1:02d}-mobile-home.png"
            page.screenshot(path=str(path), full_page=False)
            saved.append(path)
            continue
        who, full_page = SHOTS[name]
        page = page_for(who)
        response = page.goto(urls[name], wait_until="networkidle")
        if response is None or response.status != 200:
            print(
                f"skipped {name}: {urls[name]} answered {response.status if response else 'nothing'}", file=sys.stderr
            )
            continue
        if name == "search" and page.locator("[data-testid=search-unavailable]").count():
            print("skipped search: the search page says it is unavailable", file=sys.stderr)
            continue
        path = out / f"{list(SHOTS).index(name) + 1:02d}-{name}.png"
        page.screenshot(path=str(path), full_page=full_page)
        saved.append(path)
    for page in contexts.values():
        page.context.close()
    return saved


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--only", action="append", choices=[*SHOTS, "mobile-home"])
    parser.add_argument("--chromium", default=os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
    args = parser.parse_args(argv)
    names = args.only or [*SHOTS, "mobile-home"]
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="marketplace-screenshots-") as tmp:
        app = build_app(Path(tmp))
        urls = pick_pages(app)
        with serve(app) as base_url, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=args.chromium, args=CHROMIUM_ARGS)
            try:
                saved = take(browser, base_url, urls, names, args.out)
            finally:
                browser.close()
    for path in saved:
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
