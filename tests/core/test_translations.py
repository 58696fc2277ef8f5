"""The Russian catalog: in step with the code, complete, consistent, compiled, and actually shown.

The Russian interface is the default, so a string added without ``make extract-messages``
and a translation shows up in English to every user. These tests fail when:

- the messages extracted from the code now differ from ``messages.pot`` or ``ru/messages.po``
  (extraction runs with the very arguments of the Makefile's ``extract-messages`` target);
- a gettext function is imported under a name the extraction does not know;
- an entry of ``ru/messages.po`` is untranslated or fuzzy, a plural entry lacks a form, or the
  placeholders, HTML tags or surrounding whitespace of a translation differ from its msgid;
- the compiled ``.mo`` (built by ``make``) is missing or older than the ``.po``;
- a Russian page still shows English sentences of the catalog.
"""

from __future__ import annotations

import ast
import enum
import re
import shlex
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS
from babel.messages.frontend import CommandLineInterface, parse_keywords
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po
from flask_babel import force_locale, gettext, ngettext

from marketplace import models
from marketplace.config import PROJECT_ROOT
from marketplace.i18n import label, lazy_label
from marketplace.models import (
    ApplicationStatus,
    CompetencyLevel,
    MembershipStatus,
    OfferStatus,
    OrgKind,
    ResponseStatus,
    Visibility,
)
from marketplace.organizations.labels import level_label

TRANSLATIONS = PROJECT_ROOT / "marketplace" / "translations"
POT = TRANSLATIONS / "messages.pot"
RU_PO = TRANSLATIONS / "ru" / "LC_MESSAGES" / "messages.po"
RU_MO = RU_PO.with_suffix(".mo")
MAKEFILE = PROJECT_ROOT / "Makefile"

RUSSIAN_PLURAL_FORMS = (
    "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"
)

#: %-style placeholders (``%(name)s``, ``%d``...) and ``{}``-style ones; ``%%`` is a literal percent.
PERCENT_PLACEHOLDER = re.compile(r"%(?:\(\w+\))?[-#0 +]*(?:\d+|\*)?(?:\.\d+)?[diouxXeEfFgGcrsa]")
BRACE_PLACEHOLDER = re.compile(r"\{[^{}\s]*\}")
HTML_TAG = re.compile(r"</?[a-zA-Z][^>]*>")


# ---------------------------------------------------------------- helpers


def read_catalog(path: Path):
    with path.open("rb") as handle:
        return read_po(handle)


def entries(catalog) -> list:
    return [message for message in catalog if message.id]


def key(message) -> tuple:
    context = message.context
    if isinstance(context, bytes):  # read_mo gives the context undecoded
        context = context.decode("utf-8")
    return (context, tuple(message.id) if message.pluralizable else message.id)


def makefile_extract_args() -> list[str]:
    """The arguments of ``pybabel extract`` in the Makefile, after the command itself."""
    for line in MAKEFILE.read_text(encoding="utf-8").splitlines():
        if "pybabel extract" in line:
            words = shlex.split(line.strip())
            return words[words.index("extract") + 1 :]
    raise AssertionError("no `pybabel extract` line in the Makefile")


def makefile_keywords() -> set[str]:
    args = makefile_extract_args()
    extra = [args[i + 1] for i, arg in enumerate(args) if arg in ("-k", "--keyword", "--keywords")]
    names = set(DEFAULT_KEYWORDS) if "--no-default-keywords" not in args else set()
    return names | set(parse_keywords(extra))


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    """The template extracted from the code right now, exactly as ``make extract-messages`` does."""
    output = tmp_path_factory.mktemp("pot") / "messages.pot"
    args = makefile_extract_args()
    args[args.index("-o") + 1] = str(output)
    args = [str(PROJECT_ROOT / "babel.cfg") if arg == "babel.cfg" else arg for arg in args]
    args = [str(PROJECT_ROOT) if arg == "." else arg for arg in args]
    CommandLineInterface().run(["pybabel", "--quiet", "extract", *args])
    return read_catalog(output)


@pytest.fixture(scope="module")
def ru():
    return read_catalog(RU_PO)


def placeholders(text: str) -> Counter:
    text = text.replace("%%", "")
    return Counter(PERCENT_PLACEHOLDER.findall(text) + BRACE_PLACEHOLDER.findall(text))


def edges(text: str) -> tuple[str, str]:
    """Leading and trailing whitespace."""
    return text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]


def translation_pairs(message) -> list[tuple[str, str]]:
    """(source, translation) pairs to compare; every Russian plural form is checked against the
    English plural, since form 0 serves 21, 31... too and must show the number."""
    if message.pluralizable:
        return [(message.id[1], form) for form in message.string]
    return [(message.id, message.string)]


# ---------------------------------------------------------------- the catalog follows the code


def test_template_matches_the_code(extracted):
    """Fails when a string was added, changed or removed without `make extract-messages`."""
    in_code = {key(m) for m in entries(extracted)}
    in_template = {key(m) for m in entries(read_catalog(POT))}
    assert not in_code - in_template, f"not in messages.pot, run `make extract-messages`: {in_code - in_template}"
    assert not in_template - in_code, f"stale in messages.pot, run `make extract-messages`: {in_template - in_code}"


def test_russian_catalog_matches_the_code(extracted, ru):
    in_code = {key(m) for m in entries(extracted)}
    in_ru = {key(m) for m in entries(ru)}
    assert not in_code - in_ru, f"missing from ru/messages.po, run `make extract-messages`: {in_code - in_ru}"
    assert not in_ru - in_code, f"stale in ru/messages.po, run `make extract-messages`: {in_ru - in_code}"


GETTEXT_FUNCTIONS = {
    "gettext",
    "ngettext",
    "pgettext",
    "npgettext",
    "lazy_gettext",
    "lazy_ngettext",
    "lazy_pgettext",
    "lazy_npgettext",
}


def test_every_gettext_name_used_in_the_code_is_extracted():
    """``from flask_babel import lazy_ngettext as _n`` needs ``-k _n:1,2`` in the Makefile."""
    known = makefile_keywords()
    unknown = set()
    for path in (PROJECT_ROOT / "marketplace").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module in ("flask_babel", "gettext", "babel.support"):
                for alias in node.names:
                    if alias.name in GETTEXT_FUNCTIONS and (alias.asname or alias.name) not in known:
                        unknown.add(f"{path.relative_to(PROJECT_ROOT)}: {alias.asname or alias.name}")
    assert not unknown, f"add these names to the extract keywords (-k) of the Makefile: {sorted(unknown)}"


# ---------------------------------------------------------------- the Russian catalog is complete and consistent


def test_header_has_russian_plural_forms(ru):
    assert str(ru.locale) == "ru"
    assert ru.plural_forms == RUSSIAN_PLURAL_FORMS
    assert ru.num_plurals == 3


def test_every_entry_is_translated_and_not_fuzzy(ru):
    untranslated = [key(m) for m in entries(ru) if not (all(m.string) if m.pluralizable else m.string)]
    fuzzy = [key(m) for m in entries(ru) if m.fuzzy]
    assert not untranslated, f"untranslated: {untranslated}"
    assert not fuzzy, f"fuzzy: {fuzzy}"


def test_plural_entries_have_every_form(ru):
    incomplete = [
        key(m)
        for m in entries(ru)
        if m.pluralizable
        and (not isinstance(m.string, tuple) or len(m.string) != 3 or not all(form.strip() for form in m.string))
    ]
    assert not incomplete, f"plural entries need msgstr[0], [1] and [2]: {incomplete}"


def test_placeholders_tags_and_edges_are_kept(ru):
    problems = []
    for message in entries(ru):
        for source, translation in translation_pairs(message):
            if placeholders(source) != placeholders(translation):
                problems.append(("placeholders", message.id, translation))
            if sorted(HTML_TAG.findall(source)) != sorted(HTML_TAG.findall(translation)):
                problems.append(("HTML", message.id, translation))
            if edges(source) != edges(translation) or source.count("\n\n") != translation.count("\n\n"):
                problems.append(("whitespace", message.id, translation))
    assert not problems, "\n".join(map(repr, problems))


def test_babel_finds_no_format_errors(ru):
    errors = [(key(message), [str(error) for error in errs]) for message, errs in ru.check()]
    assert not errors, errors


def test_compiled_catalog_is_up_to_date(ru):
    """`make` compiles the .mo (git-ignored) before the tests; a stale one shows old texts."""
    assert RU_MO.exists(), f"{RU_MO.relative_to(PROJECT_ROOT)} is missing: run `make` (or `make test`)"
    with RU_MO.open("rb") as handle:
        compiled = {key(m): tuple(m.string) if m.pluralizable else m.string for m in entries(read_mo(handle))}
    source = {key(m): tuple(m.string) if m.pluralizable else m.string for m in entries(ru)}
    assert compiled == source, "the .mo differs from the .po: run `make` to compile it"


# ---------------------------------------------------------------- the Russian pages are Russian


class _Text(HTMLParser):
    """The text a visitor sees or hears: text nodes and the attributes shown or read aloud."""

    ATTRIBUTES = ("title", "placeholder", "aria-label", "alt", "value")

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1
        if tag == "input" and dict(attrs).get("type") not in ("submit", "button"):
            attrs = [(name, value) for name, value in attrs if name != "value"]
        self.parts.extend(value for name, value in attrs if name in self.ATTRIBUTES and value)

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip and data.strip():
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return " ".join(" ".join(part.split()) for part in parser.parts)


def english_sentences(ru) -> list[str]:
    """The catalog's English texts of two words or more, without placeholders or markup."""
    texts = []
    for message in entries(ru):
        ids = message.id if message.pluralizable else (message.id,)
        texts.extend(" ".join(text.split()) for text in ids if len(text.split()) >= 2 and not placeholders(text))
    return [text for text in texts if "<" not in text]


def assert_russian(html: str, ru, *, expected: list[str]) -> None:
    text = visible_text(html)
    for msgid in expected:
        with force_locale("ru"):
            translated = gettext(msgid)
        assert translated != msgid, f"{msgid!r} is not translated"
        assert translated in text, f"{translated!r} (for {msgid!r}) is not on the page"
    left = [sentence for sentence in english_sentences(ru) if sentence in text]
    assert not left, f"English on a Russian page: {left}"


def test_home_page_is_in_russian(client, ru):
    html = client.get("/?lang=ru").get_data(as_text=True)
    assert '<html lang="ru">' in html
    assert_russian(
        html,
        ru,
        expected=[
            "Find partners, suppliers and equipment inside the cluster",
            "Cluster Marketplace — cooperation platform of the industrial cluster",
            "Search the cluster",
            "Latest open orders",
            "New in the catalog",
        ],
    )
    with force_locale("ru"):
        assert ngettext("member", "members", 0) in visible_text(html)  # the figures agree with their number


def test_home_page_in_english_shows_the_msgids(client):
    """The other side of the check above: the switch to English works and the msgids are what is tested."""
    text = visible_text(client.get("/?lang=en").get_data(as_text=True))
    assert "Find partners, suppliers and equipment inside the cluster" in text
    assert "Latest open orders" in text


def test_registration_form_and_its_errors_are_in_russian(client, ru):
    html = client.get("/account/register?lang=ru").get_data(as_text=True)
    assert_russian(html, ru, expected=["Create account", "Repeat the password", "Already registered?"])

    html = client.post(
        "/account/register?lang=ru",
        data={"email": "not-an-address", "full_name": "", "password": "short", "confirm": "other"},
    ).get_data(as_text=True)
    assert_russian(html, ru, expected=["Enter a valid e-mail address.", "The passwords do not match."])
    text = visible_text(html)
    # WTForms' own messages come from its bundled Russian catalog (Flask-WTF, WTF_I18N_ENABLED).
    assert "This field is required." not in text
    assert "Обязательное поле." in text


def test_login_form_is_in_russian(client, ru):
    html = client.post("/account/login?lang=ru", data={"email": "nobody@example.test", "password": "wrong"}).get_data(
        as_text=True
    )
    assert_russian(html, ru, expected=["Wrong e-mail or password.", "Forgot your password?", "Remember me"])


# ---------------------------------------------------------------- enum labels


def test_each_enum_member_keeps_its_own_label(app):
    """StrEnum members of different enums with one value ("active", "public"...) are equal;
    each must still get the label written for it."""

    with force_locale("en"):
        assert label(OrgKind.PUBLIC) == "Public body"
        assert label(Visibility.PUBLIC) == "Everyone"
        assert label(MembershipStatus.REJECTED) == "Application rejected"
        assert label(ApplicationStatus.REJECTED) == "Rejected"
        assert label(CompetencyLevel.EXPERT) == level_label(3) == "Expert"  # levels arrive as plain ints too
    with force_locale("ru"):
        assert label(ResponseStatus.ACTIVE) != label(OfferStatus.ACTIVE)  # «Активен» / «Активно»
        assert level_label(1) == "Базовый"
    assert lazy_label(OrgKind.PUBLIC) is not None
    assert label("no such value") == "no such value"
    assert label(3) == "3"  # a plain value is not guessed to be an enum member


#: Enums that never reach the UI as words: access levels are compared, rating subjects are keys.
UNLABELLED_ENUMS = {"AccessLevel", "RatingSubject"}


def test_every_enum_shown_in_the_ui_has_a_label_for_each_member(app):
    """Each feature registers its own labels (``register_labels`` in its ``init_app``): none is forgotten."""

    enums = [getattr(models, name) for name in models.__all__]
    enums = [cls for cls in enums if isinstance(cls, type) and issubclass(cls, enum.Enum)]
    assert len(enums) > 20
    missing = [
        f"{cls.__name__}.{member.name}"
        for cls in enums
        if cls.__name__ not in UNLABELLED_ENUMS
        for member in cls
        if lazy_label(member) is None
    ]
    assert missing == []


def test_templates_follow_a_locale_forced_inside_the_request(app):
    """The templates' _() keeps the request's translations at hand; ``force_locale`` (mail in the recipient's
    language) must still switch them, and switch back."""
    template = app.jinja_env.from_string(
        '{{ _("Next") }}|{{ ngettext("member", "members", 2) }}|{{ current_language() }}'
    )
    with app.test_request_context("/?lang=en"):
        assert template.render() == "Next|members|en"
        with force_locale("ru"):
            russian = template.render()
        assert template.render() == "Next|members|en"
    assert russian.split("|")[2] == "ru"
    assert russian.split("|")[0] not in {"", "Next"}
    assert russian.split("|")[1] not in {"", "members"}


def test_wtforms_messages_follow_the_language(client):
    """WTForms' own messages come from its catalog, read once per process, in the page's language."""
    english = client.get("/catalog/?lang=en&kind=no-such-kind").get_data(as_text=True)
    russian = client.get("/catalog/?lang=ru&kind=no-such-kind").get_data(as_text=True)
    assert "Not a valid choice." in english
    assert "Неверный вариант." in russian
