"""The user's profile and password change."""

from __future__ import annotations

import pytest

from marketplace.accounts.models import User
from marketplace.db import db
from tests import factories


def stored(user: User) -> User:
    db.session.expire_all()
    return db.session.get(User, user.id)


@pytest.mark.parametrize("url", ["/account/profile", "/account/password"])
def test_guest_is_sent_to_login(client, app, url):
    response = client.get(url)
    assert response.status_code == 302
    assert "/account/login" in response.headers["Location"]


def test_profile_shows_the_user(client, app, login):
    login(factories.member(name_en="Flange Works LLC"))
    response = client.get("/account/profile?lang=en")
    assert response.status_code == 200
    assert b"Flange Works LLC" in response.data


def test_profile_update_saves_and_switches_language(client, app, login):
    user = login(factories.registered())
    response = client.post(
        "/account/profile",
        data={
            "full_name": "Пётр Сидоров",
            "position": "Главный инженер",
            "phone": "+7 (495) 123-45-67",
            "locale": "en",
        },
    )
    assert response.status_code == 302
    saved = stored(user)
    assert (saved.full_name, saved.position, saved.phone, saved.locale) == (
        "Пётр Сидоров",
        "Главный инженер",
        "+7 (495) 123-45-67",
        "en",
    )
    assert b"My account" in client.get("/account/profile").data  # English without ?lang=


@pytest.mark.parametrize("changes", [{"full_name": ""}, {"locale": "de"}, {"phone": "call me maybe"}])
def test_profile_bad_input_is_400_and_not_saved(client, app, login, changes):
    user = login(factories.registered(full_name="Иван Иванов"))
    data = {"full_name": "Новое Имя", "position": "", "phone": "", "locale": "ru"} | changes
    assert client.post("/account/profile", data=data).status_code == 400
    assert stored(user).full_name == "Иван Иванов"


def test_change_password(client, app, login):
    user = login(factories.registered())
    response = client.post(
        "/account/password",
        data={"current_password": factories.PASSWORD, "password": "brand-new-secret", "confirm": "brand-new-secret"},
    )
    assert response.status_code == 302
    assert stored(user).check_password("brand-new-secret")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            {"current_password": "wrong-one", "password": "brand-new-secret", "confirm": "brand-new-secret"},
            b"The current password is wrong.",
        ),
        (
            {"current_password": factories.PASSWORD, "password": "brand-new-secret", "confirm": "other-secret"},
            b"The passwords do not match.",
        ),
        (
            {"current_password": factories.PASSWORD, "password": "short", "confirm": "short"},
            b"Use at least 10 characters.",
        ),
        (
            {"current_password": factories.PASSWORD, "password": "Password123", "confirm": "Password123"},
            b"This password is one of the most common ones.",
        ),
        (
            {"current_password": factories.PASSWORD, "password": "x" * 129, "confirm": "x" * 129},
            b"Use at most 128 characters.",
        ),
    ],
)
def test_change_password_bad_input(client, app, login, data, message):
    user = login(factories.registered())
    response = client.post("/account/password?lang=en", data=data)
    assert response.status_code == 400
    assert message in response.data
    assert stored(user).check_password(factories.PASSWORD)
