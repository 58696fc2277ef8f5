"""Community journeys: find an event through the Community menu, register for the last place; an organizer
publishes an event; a member posts an idea and another user joins the discussion."""

from __future__ import annotations

from playwright.sync_api import expect
from sqlalchemy import select

from marketplace.db import db
from marketplace.models import Event, EventRegistration, EventStatus, Idea, IdeaComment, IdeaKind, OutboxMessage
from tests import factories
from tests.events import helpers as event_factories
from tests.ideas import helpers as idea_factories

from .support import path_of, reread, submit


def test_guest_finds_an_event_logs_in_and_takes_the_last_place(new_page):
    organizer = factories.member(name_ru="АО «Организатор»")
    event = event_factories.event(organizer.organization, title_ru="Биржа контактов: субподряд", capacity=2)
    event_factories.registration(event, factories.registered())
    visitor = factories.registered(full_name="Ольга Гостева")
    page = new_page()

    page.goto("/")
    expect(page.locator("[data-testid=upcoming-events]")).to_contain_text("Биржа контактов: субподряд")
    page.click("[data-testid=community-menu]")
    page.click("#mainNav .dropdown-menu a[href='/events/']")
    page.wait_for_url("**/events/")
    page.click("[data-testid=event-item] >> text=Биржа контактов: субподряд")
    expect(page.locator("[data-testid=places]")).to_contain_text("1")
    page.click("[data-testid=login-to-register]")
    page.fill("input[name=email]", visitor.email)
    page.fill("input[name=password]", factories.PASSWORD)
    page.click("[data-testid=login-submit]")
    page.wait_for_url(f"**/events/{event.id}")
    assert submit(page, "[data-testid=register]").status == 200
    expect(page.locator("[data-testid=registered]")).to_be_visible()
    expect(page.locator("[data-testid=places]")).to_contain_text("0")
    reread()
    users = set(db.session.scalars(select(EventRegistration.user_id).where(EventRegistration.event_id == event.id)))
    assert visitor.id in users
    assert len(users) == 2

    # The event is full now: another user sees no register button.
    other = new_page(factories.registered())
    other.goto(f"/events/{event.id}")
    expect(other.locator("[data-testid=registration-box]")).to_contain_text("Свободных мест нет")
    expect(other.locator("[data-testid=register]")).to_have_count(0)


def test_organizer_publishes_an_event_and_cancels_it(new_page):
    organizer = factories.member(name_ru="ООО «Семинары Юга»")
    participant = factories.registered()
    page = new_page(organizer)
    page.goto("/events/")
    page.click("[data-testid=new-event]")
    form = page.locator("[data-testid=event-form]")
    form.locator("input[name=title_ru]").fill("Семинар: меры господдержки кластеров")
    form.locator("select[name=kind]").select_option("seminar")
    form.locator("textarea[name=description_ru]").fill("Гранты, займы и субсидии для участников кластера.")
    form.locator("input[name=starts_at]").fill("2031-03-14T10:00")
    form.locator("input[name=ends_at]").fill("2031-03-14T09:00")  # before the start: refused
    form.locator("input[name=place]").fill("Ставрополь, ул. Ленина, 1")
    assert submit(page, "[data-testid=publish-event]").status == 400
    expect(form.locator("input[name=ends_at].is-invalid")).to_be_visible()
    form.locator("input[name=ends_at]").fill("2031-03-14T13:00")
    form.locator("input[name=capacity]").fill("30")
    assert submit(page, "[data-testid=publish-event]").status == 200
    expect(page.locator("h1")).to_have_text("Семинар: меры господдержки кластеров")
    event_path = path_of(page)
    reread()
    event = db.session.scalar(select(Event))
    assert event.status == EventStatus.PUBLISHED
    assert event.starts_at.hour == 7
    event_factories.registration(event, participant)

    page.click("[data-testid=cancel-event]")
    page.fill("textarea[name=reason]", "Спикер заболел")
    assert submit(page, "[data-testid=confirm-cancel-event]").status == 200
    assert path_of(page) == event_path
    expect(page.locator("[data-testid=event-cancelled]")).to_contain_text("Спикер заболел")
    reread()
    assert db.session.scalar(select(OutboxMessage.recipient)) == participant.email


def test_member_posts_an_idea_and_another_user_comments(new_page):
    author = factories.member(name_ru="ООО «Композит-Юг»")
    page = new_page(author)
    page.goto("/ideas/")
    page.click("[data-testid=new-idea]")
    form = page.locator("[data-testid=idea-form]")
    form.locator("select[name=kind]").select_option("proposal")
    form.locator("input[name=title]").fill("Совместная закупка углеродного волокна")
    form.locator("textarea[name=body]").fill("Объединим заказы, чтобы получить скидку производителя.")
    assert submit(page, "[data-testid=post-idea]").status == 200
    expect(page.locator("h1")).to_have_text("Совместная закупка углеродного волокна")
    idea_path = path_of(page)

    commenter = factories.registered(full_name="Пётр Комментаторов")
    other = new_page(commenter)
    other.goto(idea_path)
    other.fill("[data-testid=comment-form] textarea[name=body]", "Нам тоже нужно волокно, присоединимся.")
    assert submit(other, "[data-testid=send-comment]").status == 200
    expect(other.locator("[data-testid=comment]")).to_contain_text("Нам тоже нужно волокно")
    reread()
    assert db.session.scalar(select(IdeaComment.body)) == "Нам тоже нужно волокно, присоединимся."
    assert db.session.scalar(select(OutboxMessage.recipient)) == author.email

    # The author closes the idea; the discussion is over.
    page.reload()
    assert submit(page, "[data-testid=close-idea]").status == 200
    other.reload()
    expect(other.locator("[data-testid=comment-form]")).to_have_count(0)
    reread()
    assert db.session.scalar(select(Idea.status)).value == "closed"


def test_idea_list_filters_in_the_browser(new_page):
    author = factories.member()
    idea_factories.idea(author, title="Запрос на литьё пластмасс")
    idea_factories.idea(author, title="Предложение по метрологии", kind=IdeaKind.OFFER)
    page = new_page()
    page.goto("/ideas/")
    page.select_option("[data-testid=idea-filters] select[name=kind]", "offer")
    assert submit(page, "[data-testid=apply-filters]").status == 200
    expect(page.locator("[data-testid=idea-item]")).to_have_count(1)
    expect(page.locator("[data-testid=idea-item]")).to_contain_text("Предложение по метрологии")
