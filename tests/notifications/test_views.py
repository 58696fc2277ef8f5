"""The list, marking read, the click-through, the settings page and the bell: own notices only."""

from __future__ import annotations

from marketplace.db import db, utcnow
from marketplace.models import Notification, NotificationKind
from marketplace.notifications.services import all_preferences
from tests import factories

from .conftest import notices

KIND = NotificationKind.ORDER_RESPONSE


def notice(user, title="Новый отклик", link="/orders/", read=False) -> Notification:
    row = Notification(
        user_id=user.id, kind=KIND, title=title, body="Текст", link=link, read_at=utcnow() if read else None
    )
    db.session.add(row)
    db.session.commit()
    return row


def test_login_required(client):
    for url in ("/notifications/", "/notifications/settings"):
        response = client.get(url)
        assert response.status_code == 302
        assert "/login" in response.headers["Location"]
    assert client.post("/notifications/read-all").status_code == 302


def test_the_list_shows_own_notices_unread_first(client, login, app):
    me, other = factories.registered(), factories.registered()
    notice(me, "СТАРОЕ-НЕПРОЧИТАННОЕ")
    notice(me, "ПРОЧИТАННОЕ", read=True)
    notice(other, "ЧУЖОЕ")
    login(me)
    html = client.get("/notifications/?lang=en").get_data(as_text=True)
    assert "ЧУЖОЕ" not in html
    assert html.index("СТАРОЕ-НЕПРОЧИТАННОЕ") < html.index("ПРОЧИТАННОЕ")
    assert "New response to my organization&#39;s order" in html  # the kind's label


def test_the_list_is_paginated(client, login, app):
    me = factories.registered()
    db.session.add_all(
        [Notification(user_id=me.id, kind=KIND, title=f"N{i}") for i in range(app.config["PER_PAGE"] + 3)]
    )
    db.session.commit()
    login(me)
    assert client.get("/notifications/?page=2").status_code == 200
    assert client.get("/notifications/?page=9").status_code == 404


def test_mark_one_and_all_read(client, login, app):
    me = factories.registered()
    first, second, third = notice(me), notice(me), notice(me)
    login(me)
    assert (
        client.post(f"/notifications/{first.id}/read", data={"next": "https://evil.test/"})
        .headers["Location"]
        .endswith("/notifications/")
    )
    assert [n.id for n in notices() if n.read_at is not None] == [first.id]
    assert client.post("/notifications/read-all").status_code == 302
    assert all(n.read_at is not None for n in notices())
    assert {second.id, third.id} <= {n.id for n in notices()}


def test_another_users_notice_is_a_404(client, login, app):
    mine, theirs = factories.registered(), factories.registered()
    row = notice(theirs)
    login(mine)
    assert client.post(f"/notifications/{row.id}/read").status_code == 404
    assert client.get(f"/notifications/{row.id}/open").status_code == 404
    assert client.get("/notifications/999999/open").status_code == 404
    assert notices()[0].read_at is None


def test_click_through_marks_read_and_stays_on_the_site(client, login, app):
    me = factories.registered()
    inside, outside = notice(me, link="/orders/42"), notice(me, link="https://evil.test/phish")
    login(me)
    assert client.get(f"/notifications/{inside.id}/open").headers["Location"] == "/orders/42"
    assert client.get(f"/notifications/{outside.id}/open").headers["Location"] == "/notifications/"
    assert all(n.read_at is not None for n in notices())


def test_the_bell_shows_the_unread_count(client, login, app):
    me = factories.registered()
    login(me)
    html = client.get("/").get_data(as_text=True)
    assert 'data-testid="notification-bell"' in html
    assert 'data-testid="notification-count"' not in html
    notice(me), notice(me), notice(me, read=True)
    html = client.get("/").get_data(as_text=True)
    assert 'data-testid="notification-count">2<' in html
    login(None)
    assert 'data-testid="notification-bell"' not in client.get("/").get_data(as_text=True)


def test_settings_store_the_choices(client, login, app):
    me = factories.member()
    login(me)
    page = client.get("/notifications/settings?lang=en").get_data(as_text=True)
    assert "A new order that fits my organization" in page
    assert 'name="email_order_match"' in page
    assert "New membership applications" not in page  # managers only
    data = {f"{channel}_{kind.value}": "y" for kind in NotificationKind for channel in ("in_app", "email")}
    del data["email_order_match"], data["in_app_booking_decision"]
    assert client.post("/notifications/settings", data=data).status_code == 302
    choices = all_preferences(me.id)
    assert choices[NotificationKind.ORDER_MATCH] == (True, False)
    assert choices[NotificationKind.BOOKING_DECISION] == (False, True)
    assert choices[NotificationKind.ORDER_RESPONSE] == (True, True)
    assert choices[NotificationKind.MEMBERSHIP_REQUEST] == (True, True)  # not on the page: unchanged
    page = client.get("/notifications/settings").get_data(as_text=True)
    assert 'name="email_order_match" type="checkbox" value="y">' in page  # shown unchecked


def test_the_profile_and_user_menu_link_to_the_settings(client, login, app):
    login(factories.registered())
    response = client.get("/account/profile")
    assert response.status_code == 200
    assert 'data-testid="notification-settings-link"' in response.get_data(as_text=True)
