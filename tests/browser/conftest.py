"""Browser tests: Debian's Chromium driven by Playwright against a live server.

The server runs the test's app (same database as the test) in a thread. The
browser is started once per session; each test gets fresh contexts (no
cookies). A test fails on any JavaScript error or Content-Security-Policy
violation in its pages. Screenshots of failures are written to test-results/.

Fixtures: ``page`` (a fresh guest page, 1280×900, Russian browser locale) and
``new_page(user=None, **context_options)`` for further pages, e.g. a second
user acting in parallel or a phone-sized viewport. Helpers in ``support.py``.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import threading
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright
from werkzeug.serving import make_server

from tests.browser.support import log_in

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
DESKTOP = {"width": 1280, "height": 900}
FAILURES_DIR = Path("test-results")


#: The live server is Werkzeug's development server: when the browser drops a connection while a static
#: file is being answered (it leaves the page), the file object is left to the garbage collector, which
#: warns in the server's thread. That is the test server's doing, not the app's; any other warning fails.
DROPPED_STATIC_FILE = (
    r"ignore:Exception ignored in. <_io.FileIO name='[^']*/marketplace/static/"  # no colon: it separates the parts
    r":pytest.PytestUnraisableExceptionWarning"
)


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)
            item.add_marker(pytest.mark.filterwarnings(DROPPED_STATIC_FILE))


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM) and not Path(CHROMIUM).exists():
        pytest.skip(f"Chromium not found at {CHROMIUM}: install it with `apt-get install -y chromium`")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def app_config():
    return {"WTF_CSRF_ENABLED": True}  # the browser goes through real forms, CSRF included


@pytest.fixture
def live_server(app):
    """Serve ``app`` on a free local port for the duration of the test; yields the base URL."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    # A short poll interval: shutdown() waits for the loop to notice, which is per test.
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture
def new_page(browser, live_server, request):
    """``new_page(user=None, **context_options)``: a page in a fresh browser context, logged in as ``user``."""
    contexts = []
    errors: list[str] = []

    def open_page(user=None, **options):
        options.setdefault("viewport", DESKTOP)
        options.setdefault("locale", "ru-RU")
        context = browser.new_context(base_url=live_server, **options)
        context.set_default_timeout(10_000)
        contexts.append(context)
        page = context.new_page()
        page.on("pageerror", lambda error: errors.append(f"{page.url}: {error}"))
        page.on(
            "console",
            lambda message: (
                errors.append(f"{page.url}: {message.text}")
                if message.type == "error" and "Content Security Policy" in message.text
                else None
            ),
        )
        if user is not None:
            log_in(page, user)
        return page

    yield open_page
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed:
        FAILURES_DIR.mkdir(exist_ok=True)
        for number, context in enumerate(contexts):
            for index, page in enumerate(context.pages):
                name = f"{request.node.name}-{number}-{index}.png".replace("/", "_")
                with contextlib.suppress(Exception):  # a crashed page must not hide the failure
                    page.screenshot(path=str(FAILURES_DIR / name), full_page=True)
    for context in contexts:
        context.close()
    assert not errors, f"JavaScript errors on the page: {errors}"


@pytest.fixture
def page(new_page):
    """A guest page at 1280×900."""
    return new_page()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)
