"""Language helpers: bilingual fields, the registry of enum labels, the language switch."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from functools import lru_cache

from babel.support import NullTranslations, Translations
from flask import Blueprint, Flask, current_app, redirect, request, session, url_for
from flask.typing import ResponseReturnValue
from flask_babel import get_locale, lazy_gettext as _l
from flask_babel.speaklater import LazyString
from flask_login import current_user
from wtforms.fields.choices import SelectChoice
from wtforms.i18n import messages_path

from .locale_cache import request_language
from .utils import safe_next_url
from .visibility import Visibility

bp = Blueprint("i18n", __name__)


def current_language() -> str:
    """The request's language, "ru" or "en" (or that of ``force_locale``)."""
    return request_language() or str(get_locale() or "ru")


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


@lru_cache(maxsize=8)
def _wtforms_catalog(language: str) -> NullTranslations:
    return Translations.load(messages_path(), [language], domain="wtforms")


class _WTFormsMessages:
    """WTForms' own messages ("Not a valid choice.") in the current language, each catalog read once per
    process: Flask-WTF reads the catalog file anew in every request that builds a form, unless the request
    already holds one (``request.wtforms_translations``), which ``init_app`` provides."""

    def ugettext(self, string: str) -> str:
        return str(_wtforms_catalog(current_language()).ugettext(string))

    def ungettext(self, singular: str, plural: str, n: int) -> str:
        return str(_wtforms_catalog(current_language()).ungettext(singular, plural, n))


_WTFORMS_MESSAGES = _WTFormsMessages()


def _share_wtforms_messages() -> None:
    request.wtforms_translations = _WTFORMS_MESSAGES  # type: ignore[attr-defined]  # Flask-WTF's cache slot


def init_app(app: Flask) -> None:
    app.before_request(_share_wtforms_messages)
    register_labels(VISIBILITY_LABELS)
    app.register_blueprint(bp)
    app.jinja_env.globals.update(localized=localized, label=label, current_language=current_language)
    app.jinja_env.filters["label"] = label
