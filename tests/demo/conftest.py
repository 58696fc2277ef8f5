import pytest

from marketplace.demo.seed import seed_demo


@pytest.fixture
def seeded(app):
    """The demo cluster, flushed into the test's session (rolled back by the ``app`` teardown)."""
    return seed_demo()
