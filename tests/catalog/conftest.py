"""Fixtures of the catalog tests."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def upload_dir(app) -> Path:
    return Path(app.config["UPLOAD_DIR"])
