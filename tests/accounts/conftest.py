"""Fixtures of the accounts tests."""

from __future__ import annotations

import pytest

from marketplace.extensions import limiter


@pytest.fixture
def rate_limits(app):
    """Throttling on (the test app has it off), with the limits of the defaults and empty counters;
    ``rate_limits`` is the app's config, to change a limit in the test."""
    limiter.reset()
    app.config["AUTH_RATE_LIMITS_ENABLED"] = True  # the app fixture restores the configuration afterwards
    yield app.config
    limiter.reset()
