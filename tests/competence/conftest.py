import pytest

from .helpers import build_world


@pytest.fixture
def world(app):
    return build_world()
