"""Flask-Babel with the request's translations kept at hand (``extensions.babel`` is this ``Babel``).

Flask-Babel finds the translations anew for every string it translates (three context look-ups and the
locale turned into a string each time), about 20 µs; a page translates ~200 strings and labels. Here
they are found once per request and locale. The cache is keyed by the locale object, so ``force_locale``
(mail in the recipient's language) gets its own, and the request's comes back after it. Every path goes
through it: ``gettext`` in Python, ``lazy_gettext`` labels, and the templates' ``_()``.
"""

from __future__ import annotations

from functools import cached_property
from typing import Any

import flask_babel
from babel.support import NullTranslations
from flask import g


class RequestCachedDomain(flask_babel.Domain):
    """Flask-Babel's message domain, remembering the request's translations (see the module)."""

    def get_translations(self) -> NullTranslations:
        state = _babel_state()
        locale = getattr(state, "babel_locale", None)
        if locale is None:  # outside requests, or the request's first string: Flask-Babel selects the locale
            return super().get_translations()
        cached = getattr(state, "marketplace_catalog", None)
        if cached is None or cached[0] is not locale:
            cached = (locale, str(locale), super().get_translations())
            state.marketplace_catalog = cached
        translations: NullTranslations = cached[2]
        return translations


class Babel(flask_babel.Babel):
    """Flask-Babel with ``RequestCachedDomain`` as its domain."""

    @cached_property
    def domain_instance(self) -> RequestCachedDomain:
        return RequestCachedDomain(domain=self.domain)


def request_language() -> str | None:
    """The language of the translations in use now ("ru"), or None before the first string is translated."""
    state = _babel_state()
    cached = getattr(state, "marketplace_catalog", None)
    if cached is not None and cached[0] is getattr(state, "babel_locale", None):
        language: str = cached[1]
        return language
    return None


def _babel_state() -> Any:
    """Flask-Babel's per-request state (``None`` outside an app context)."""
    return g.get("_flask_babel") if g else None
