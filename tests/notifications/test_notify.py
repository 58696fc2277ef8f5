"""``notify``: in-app rows and mail per preference, in the recipient's language, in the action's transaction."""

from __future__ import annotations

from flask_babel import lazy_gettext

from marketplace.db import db
from marketplace.models import NotificationKind, NotificationPreference
from marketplace.notifications.services import (
    all_preferences,
    notify,
    save_preferences,
    unread_count,
)
from tests import factories

from .conftest import mailed, notices, notified

KIND = NotificationKind.RESPONSE_AWARDED


def selected(title="Валы"):
    # a message the Russian catalog translates
    return lazy_gettext("Your response was selected: %(title)s", title=title)


def test_both_channels_by_default_in_each_recipients_language(app):
    russian = factories.member()
    english = factories.user(organization=russian.organization, locale="en")
    notify([russian, english], KIND, selected(), "Подробности", "/orders/7")
    db.session.commit()
    by_user = {notice.user_id: notice for notice in notices()}
    assert by_user[russian.id].title == "Ваш отклик выбран: Валы"
    assert by_user[english.id].title == "Your response was selected: Валы"
    assert by_user[english.id].kind == KIND
    assert by_user[english.id].link == "/orders/7"
    assert by_user[english.id].read_at is None
    assert by_user[english.id].body == "Подробности"
    assert sorted(mailed()) == sorted([russian.email, english.email])
    assert unread_count(russian.id) == 1


def test_preferences_choose_the_channels(app):
    only_app, only_mail, nothing, default = (factories.registered() for _ in range(4))
    save_preferences(only_app.id, {KIND: (True, False)})
    save_preferences(only_mail.id, {KIND: (False, True)})
    save_preferences(nothing.id, {KIND: (False, False)})
    db.session.commit()
    notify([only_app, only_mail, nothing, default], KIND, "Title", "Body")
    db.session.commit()
    assert notified() == {only_app.id, default.id}
    assert sorted(mailed()) == sorted([only_mail.email, default.email])
    # other kinds keep their defaults
    assert all_preferences(nothing.id)[KIND] == (False, False)
    assert all_preferences(nothing.id)[NotificationKind.ORDER_RESPONSE] == (True, True)


def test_turning_everything_back_on_removes_the_row(app):
    user = factories.registered()
    save_preferences(user.id, {KIND: (False, True)})
    save_preferences(user.id, {KIND: (True, True)})
    db.session.commit()
    assert db.session.scalars(db.select(NotificationPreference)).all() == []


def test_the_actor_inactive_users_and_duplicates_are_skipped(app):
    actor = factories.member()
    colleague = factories.user(organization=actor.organization)
    gone = factories.user(organization=actor.organization, active=False)
    notify([actor, colleague, colleague, gone], KIND, "T", exclude=actor)
    db.session.commit()
    assert notified() == {colleague.id}
    assert mailed() == [colleague.email]


def test_the_fallback_address_only_when_nobody_active(app):
    gone = factories.registered(active=False)
    notify([gone], KIND, selected(), "", "/orders/1", fallback_email="office@example.test")
    notify([], KIND, "T", fallback_email=None)
    db.session.commit()
    assert notices() == []
    assert mailed() == ["office@example.test"]
    actor = factories.registered()
    notify([actor], KIND, "T", exclude=actor, fallback_email="office2@example.test")  # the actor is someone
    db.session.commit()
    assert mailed() == ["office@example.test"]


def test_a_rolled_back_action_notifies_nobody(app):
    user = factories.registered()
    notify([user], KIND, "T", "B")
    db.session.rollback()
    assert notices() == []
    assert mailed() == []
