"""A writer process for ``test_outbox.py``: commits one product, and may die before the index hears of it.

    python -m tests.search.outbox_writer DATABASE_URL INDEX_DIR ORGANIZATION_ID PRODUCT_NAME

The app uses the on-disk Whoosh index in INDEX_DIR. With ``OUTBOX_WRITER_KILL=1`` in the environment
the process sends itself SIGKILL when the index is about to be written — after the database commit,
as a crash, an OOM kill or a restart would: nothing runs after it, no ``finally``, no ``atexit``.
The hook is this script's own monkeypatch; the application has no such switch. Prints the
product's id when it lives to.
"""

from __future__ import annotations

import os
import signal
import sys
import tempfile
from pathlib import Path

from marketplace.db import db
from marketplace.models import Organization
from marketplace.search.engine import get_index
from tests import factories
from tests.conftest import make_test_app


def _die(*_args: object, **_kwargs: object) -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def main() -> None:
    database_url, index_dir, organization_id, name = sys.argv[1:5]
    app = make_test_app(
        database_url,
        Path(tempfile.mkdtemp(prefix="outbox-writer-")),
        SEARCH_BACKEND="whoosh",
        SEARCH_INDEX_DIR=index_dir,
    )
    with app.app_context():
        if os.environ.get("OUTBOX_WRITER_KILL") == "1":
            index_class = type(get_index(app))
            index_class.update = _die  # type: ignore[method-assign]
        organization = db.session.get(Organization, int(organization_id))
        product = factories.product(organization, name_ru=name)
        sys.stdout.write(f"{product.id}\n")


if __name__ == "__main__":
    main()
