"""The list's filters (kind, status, competency with its subtree, text) and search."""

from __future__ import annotations

from marketplace.models import IdeaKind, IdeaStatus, Visibility
from tests import factories

from . import helpers


def _shown(client, query: str, *titles: str) -> list[str]:
    body = client.get(f"/ideas/{query}").get_data(as_text=True)
    return [title for title in titles if title in body]


def test_filters(client, people):
    tests = factories.competency(name_ru="Испытания")
    climate = factories.competency(parent=tests, name_ru="Климатические испытания")
    other = factories.competency(name_ru="Логистика")
    helpers.idea(people.author, title="Запрос-А", kind=IdeaKind.REQUEST, competencies=[climate])
    helpers.idea(
        people.author,
        title="Оффер-Б",
        kind=IdeaKind.OFFER,
        competencies=[other],
        body="Свободные мощности ФЛАНЦЕВОГО участка",
    )
    helpers.idea(people.author, title="Проект-В", kind=IdeaKind.PROPOSAL, status=IdeaStatus.CLOSED)
    titles = ("Запрос-А", "Оффер-Б", "Проект-В")
    assert _shown(client, "", *titles) == ["Запрос-А", "Оффер-Б"]  # open ones by default
    assert _shown(client, "?status=any", *titles) == list(titles)
    assert _shown(client, "?status=closed", *titles) == ["Проект-В"]
    assert _shown(client, "?kind=offer", *titles) == ["Оффер-Б"]
    assert _shown(client, f"?competency={tests.id}", *titles) == ["Запрос-А"]  # the subtree counts
    assert _shown(client, "?q=фланцевого", *titles) == ["Оффер-Б"]  # Cyrillic, any case
    assert _shown(client, "?q=запрос-а", *titles) == ["Запрос-А"]
    # Bad filters are ignored rather than failing the page.
    assert client.get("/ideas/?kind=rumour&status=weird&competency=abc").status_code == 200


def test_search_finds_ideas_by_visibility(client, login, people):
    public = helpers.idea(people.author, title="Ищем партнёра для рециклинга ПЭТ")
    hidden = helpers.idea(people.author, title="Закрытое обсуждение рециклинга", visibility=Visibility.MEMBERS)

    def found(user):
        login(user)
        body = client.get("/search/?q=рециклинг&type=idea").get_data(as_text=True)
        return [idea.title for idea in (public, hidden) if idea.title in body]

    assert found(None) == [public.title]
    assert found(people.outsider) == [public.title]
    assert found(people.member) == [public.title, hidden.title]
    login(people.author)
    client.post(
        f"/ideas/{public.id}/edit",
        data={
            "kind": "request",
            "title": "Ищем партнёра для переработки плёнки",
            "body": "Плёнка ПЭ",
            "visibility": "public",
            "save": "1",
        },
    )
    login(None)
    body = client.get("/search/?q=плёнки").get_data(as_text=True)
    assert "Ищем партнёра для переработки плёнки" in body
