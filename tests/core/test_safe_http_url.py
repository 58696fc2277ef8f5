"""``utils.safe_http_url``: the ``|safe_http_url`` filter of every user-typed link."""

from __future__ import annotations

import pytest

from marketplace.utils import safe_http_url


@pytest.mark.parametrize(
    "url", ["https://example.com", "http://example.com/path?q=1#top", "HTTPS://EXAMPLE.COM", "  https://example.com "]
)
def test_http_addresses_pass(url):
    assert safe_http_url(url) == url.strip()


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "java\nscript:alert(1)",
        "\x01javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "ftp://example.com",
        "mailto:someone@example.com",
        "//evil.example",
        "/relative/path",
        "example.com",
        "https:no-host",
        "http://[broken",
        "",
        None,
    ],
)
def test_everything_else_is_dropped(url):
    assert safe_http_url(url) == ""


def test_it_is_a_template_filter(app):
    template = app.jinja_env.from_string("{{ url|safe_http_url }}")
    assert template.render(url="javascript:alert(1)") == ""
    assert template.render(url="https://example.com") == "https://example.com"
