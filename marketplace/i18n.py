"""Language helpers: bilingual fields, the registry of enum labels, the language switch."""

from __future__ import annotations

import enum
from collections.abc import Iterable

from babel import Locale
from babel.support import NullTranslations
from flask import Blueprint, Flask, current_app, g, redirect, request, session, url_for
from flask.typing import ResponseReturnValue
from flask_babel import get_locale, get_translations, lazy_gettext as _l
from flask_babel.speaklater import LazyString
from flask_login import current_user
from wtforms.fields.choices import SelectChoice

from .utils import safe_next_url
from .visibility import Visibility

bp = Blueprint("i18n", __name__)


def _request_catalog() -> tuple[str, NullTranslations] | None:
    """The request's language and translations, looked up once per request and locale.

    Flask-Babel finds them anew for every string (three context look-ups and a locale turned into a string),
    about 20 µs each; a page translates ~200 strings. The cache is keyed by the locale object, so
    ``force_locale`` (mail in the recipient's language) gets its own.
    """
    if not g:
        return None
    state = g.get("_flask_babel")
    locale = getattr(state, "babel_locale", None)
    if locale is None:  # the first look-up of the request selects the locale
        get_locale()
        state = g.get("_flask_babel")
        locale = getattr(state, "babel_locale", None)
        if locale is None:
            return None
    cached: tuple[Locale, str, NullTranslations] | None = getattr(state, "marketplace_catalog", None)
    if cached is None or cached[0] is not locale:
        cached = (locale, str(locale), get_translations())
        state.marketplace_catalog = cached
    return cached[1], cached[2]


def current_language() -> str:
    catalog = _request_catalog()
    return catalog[0] if catalog else str(get_locale() or "ru")


def _translations() -> NullTranslations:
    catalog = _request_catalog()
    return catalog[1] if catalog else get_translations()


def localized(obj: object, field: str) -> str:
    """``obj.<field>_<lang>``, falling back to the other language when empty."""
    lang = current_language()
    other = "en" if lang == "ru" else "ru"
    return getattr(obj, f"{field}_{lang}", "") or getattr(obj, f"{field}_{other}", "") or ""


#: Human labels of the enum values shown in the UI, translated lazily; each feature registers its own
#: (``register_labels`` in its ``init_app``). Keyed by (enum class, member): members of different StrEnums
#: with the same value ("public", "active", ...) are equal and hash alike, so the members alone would
#: overwrite each other's labels.
_LABELS: dict[tuple[type[enum.Enum], enum.Enum], LazyString] = {}


def register_labels(labels: Iterable[tuple[enum.Enum, LazyString]]) -> None:
    """Make ``label()``, ``choices()`` and the templates' ``|label`` know these members' labels (idempotent)."""
    _LABELS.update({(type(member), member): text for member, text in labels})


#: Labels of the core's own enum; the features' are in their ``labels.py``.
VISIBILITY_LABELS = [
    (Visibility.PUBLIC, _l("Everyone")),
    (Visibility.MEMBERS, _l("Cluster members only")),
]


def lazy_label(member: object) -> LazyString | None:
    """The lazily translated label of an enum member, or None when it has none."""
    if not isinstance(member, enum.Enum):
        return None
    return _LABELS.get((type(member), member))


def label(value: object) -> str:
    """The translated label of an enum value (or the value itself when unknown)."""
    found = lazy_label(value) if value is not None else None
    return str(found) if found is not None else ("" if value is None else str(value))


def choices(members: Iterable[enum.Enum], blank: LazyString | None = None) -> list[SelectChoice]:
    """WTForms choices for enum members (an enum class or a list of members), labelled lazily,
    after an optional first option with the empty value labelled ``blank`` ("— any —")."""
    head = [SelectChoice("", blank)] if blank is not None else []
    return head + [SelectChoice(str(member.value), lazy_label(member) or member.value) for member in members]


@bp.route("/lang/<code>", methods=["POST"])
def switch_language(code: str) -> ResponseReturnValue:
    """Remember the chosen language (and store it on the profile of a logged-in user)."""
    if code in current_app.config["LANGUAGES"]:
        session["lang"] = code
        if current_user.is_authenticated:
            current_user.locale = code
    return redirect(safe_next_url(request.form.get("next") or request.referrer, url_for("main.index")))


def init_app(app: Flask) -> None:
    register_labels(VISIBILITY_LABELS)
    app.register_blueprint(bp)
    app.jinja_env.globals.update(localized=localized, label=label, current_language=current_language)
    # The templates' _(), ngettext() and pgettext(): Flask-Babel's callables, through the request's cache.
    app.jinja_env.install_gettext_callables(  # type: ignore[attr-defined]  # added by jinja2.ext.i18n
        gettext=lambda s: _translations().ugettext(s),
        ngettext=lambda s, p, n: _translations().ungettext(s, p, n),
        pgettext=lambda c, s: _translations().upgettext(c, s),
        npgettext=lambda c, s, p, n: _translations().unpgettext(c, s, p, n),
        newstyle=True,
    )
    app.jinja_env.filters["label"] = label
