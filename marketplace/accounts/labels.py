"""Labels of the accounts' enum values, registered by ``views.init_app``."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from .models import Role

LABELS = [
    (Role.USER, _l("Registered user")),
    (Role.MANAGER, _l("Cluster manager")),
]
