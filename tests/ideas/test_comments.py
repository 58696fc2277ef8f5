"""The discussion: comments, the author's mail, moderation, pagination."""

from __future__ import annotations

from marketplace.db import db
from marketplace.models import IdeaComment, Notification, NotificationKind

from . import helpers


def _comments(idea_id: int) -> list[IdeaComment]:
    db.session.expire_all()
    return list(
        db.session.scalars(db.select(IdeaComment).where(IdeaComment.idea_id == idea_id).order_by(IdeaComment.id))
    )


def test_comment_mails_the_author(client, login, people, idea, outbox):
    people.author.locale = "en"
    db.session.commit()
    login(people.registered)
    response = client.post(f"/ideas/{idea.id}/comments", data={"body": "Готовы помочь: есть установка на 2 л."})
    assert response.status_code == 302
    [comment] = _comments(idea.id)
    assert response.headers["Location"].endswith(f"/ideas/{idea.id}#comment-{comment.id}")
    assert comment.author_id == people.registered.id
    [mail] = outbox()
    assert mail.recipient == people.author.email
    assert mail.subject == f"New comment on your idea: {idea.title}"
    assert "Анна Регистрова" in mail.body
    assert "Готовы помочь: есть установка на 2 л." in mail.body
    assert f"/ideas/{idea.id}" in mail.body
    assert people.registered.email not in mail.body  # the commenter's address is not handed out


def test_the_authors_own_comment_sends_no_mail(client, login, people, idea, outbox):
    login(people.author)
    assert client.post(f"/ideas/{idea.id}/comments", data={"body": "Уточняю: нужна гидроочистка."}).status_code == 302
    [comment] = _comments(idea.id)
    assert (comment.author_id, comment.body) == (people.author.id, "Уточняю: нужна гидроочистка.")
    assert outbox() == []
    page = client.get(f"/ideas/{idea.id}?lang=en").get_data(as_text=True)
    assert "Уточняю: нужна гидроочистка." in page
    assert ">author<" in page


def test_empty_comment_is_400_and_keeps_nothing(client, login, people, idea):
    login(people.member)
    response = client.post(f"/ideas/{idea.id}/comments?lang=en", data={"body": "   "})
    assert response.status_code == 400
    assert "This field is required." in response.get_data(as_text=True)
    assert _comments(idea.id) == []


def test_author_deletes_own_comment_and_manager_moderates(client, login, people, idea):
    mine = helpers.comment(idea, people.member, body="Моё")
    spam = helpers.comment(idea, people.registered, body="Купите слона")
    login(people.member)
    page = client.get(f"/ideas/{idea.id}").get_data(as_text=True)
    assert page.count('data-testid="delete-comment"') == 1  # only on their own comment
    assert client.post(f"/ideas/{idea.id}/comments/{spam.id}/delete").status_code == 403
    assert [c.id for c in _comments(idea.id)] == [mine.id, spam.id]
    assert client.post(f"/ideas/{idea.id}/comments/{mine.id}/delete").status_code == 302
    assert [c.id for c in _comments(idea.id)] == [spam.id]
    login(people.manager)
    assert client.get(f"/ideas/{idea.id}").get_data(as_text=True).count('data-testid="delete-comment"') == 1
    assert client.post(f"/ideas/{idea.id}/comments/{spam.id}/delete").status_code == 302
    assert _comments(idea.id) == []
    assert "Купите слона" not in client.get(f"/ideas/{idea.id}").get_data(as_text=True)


def test_long_discussions_are_paginated_and_a_new_comment_lands_on_the_last_page(client, login, app, people, idea):
    app.config["PER_PAGE"] = 3
    for n in range(7):
        helpers.comment(idea, people.member, body=f"Реплика №{n}")
    first = client.get(f"/ideas/{idea.id}").get_data(as_text=True)
    assert "Реплика №0" in first
    assert "Реплика №3" not in first
    assert 'rel="next"' in first
    assert "Реплика №6" in client.get(f"/ideas/{idea.id}?page=3").get_data(as_text=True)
    login(people.registered)
    response = client.post(f"/ideas/{idea.id}/comments", data={"body": "Восьмая"})
    location = response.headers["Location"]
    assert f"/ideas/{idea.id}?page=3#comment-" in location
    assert "Восьмая" in client.get(location.split("#")[0]).get_data(as_text=True)


def test_comment_counts_in_the_list(client, people, idea):
    helpers.comment(idea, people.member)
    helpers.comment(idea, people.registered)
    assert "2 comments" in client.get("/ideas/?lang=en").get_data(as_text=True)


def test_the_author_sees_the_comment_in_the_app(client, login, people, idea, outbox):
    login(people.registered)
    assert client.post(f"/ideas/{idea.id}/comments", data={"body": "Есть опыт"}).status_code == 302
    [notice] = db.session.scalars(db.select(Notification)).all()
    assert notice.user_id == people.author.id
    assert notice.kind == NotificationKind.IDEA_COMMENT
    assert notice.link == f"/ideas/{idea.id}"
    assert "Есть опыт" in notice.body
    login(people.author)
    assert 'data-testid="notification-count">1<' in client.get("/ideas/").get_data(as_text=True)
