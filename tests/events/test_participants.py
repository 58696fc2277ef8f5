"""The participants list and its CSV: the organizer's users and the manager only; e-mails nowhere else."""

from __future__ import annotations

import csv
import io

import pytest

from marketplace.models import RegistrationStatus
from tests import factories

from . import helpers
from .conftest import ROLES

SECRET_EMAIL = "uchastnik.tayna@participant.test"


@pytest.fixture
def crowd(people, event):
    participant = factories.user(
        organization=people.member.organization,
        full_name="Сергей Участников",
        email=SECRET_EMAIL,
        position="Главный инженер",
    )
    helpers.registration(event, participant)
    helpers.registration(
        event, factories.registered(full_name='=HYPERLINK("http://evil.test")', email="formula@participant.test")
    )
    helpers.registration(
        event,
        factories.registered(full_name="Ушедший Участник", email="gone@participant.test"),
        status=RegistrationStatus.CANCELLED,
    )
    return participant


def test_organizer_sees_the_participants(client, login, people, event, crowd):
    login(people.colleague)  # any user of the organizer, not only the event's author
    page = client.get(f"/events/{event.id}/participants?lang=en").get_data(as_text=True)
    assert "Сергей Участников" in page
    assert SECRET_EMAIL in page
    assert "Member Machining LLC" in page
    assert "Главный инженер" in page
    assert "gone@participant.test" not in page  # cancelled registrations are not participants
    assert "2 of 30 places taken" in page


def test_csv_export(client, login, people, event, crowd):
    login(people.manager)
    response = client.get(f"/events/{event.id}/participants.csv?lang=en")
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert response.headers["Content-Disposition"] == f'attachment; filename="event-{event.id}-participants.csv"'
    assert "no-store" in response.headers["Cache-Control"]
    text = response.get_data(as_text=True)
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    assert rows[0] == ["Name", "Position", "Organization", "E-mail", "Registered"]
    assert rows[1][:4] == ["Сергей Участников", "Главный инженер", "Member Machining LLC", SECRET_EMAIL]
    assert rows[2][0] == '\'=HYPERLINK("http://evil.test")'  # never a formula in a spreadsheet
    assert rows[2][2] == ""  # no organization
    assert len(rows) == 3


@pytest.mark.parametrize("path", ["", ".csv"])
def test_nobody_else_sees_participants(client, as_role, people, event, crowd, path):
    for role in ROLES:
        user = as_role(role)
        response = client.get(f"/events/{event.id}/participants{path}")
        if role in ("organizer", "manager"):
            assert response.status_code == 200
        else:
            assert response.status_code == (302 if user is None else 403), role
            assert SECRET_EMAIL not in response.get_data(as_text=True)


def test_participant_emails_do_not_leak_on_public_pages(client, as_role, people, event, crowd):
    for role in ROLES:
        as_role(role)
        for url in (
            "/",
            "/events/",
            f"/events/{event.id}",
            f"/events/{event.id}.ics",
            "/events/mine",
            "/events/mine?tab=organized",
        ):
            body = client.get(url).get_data(as_text=True)
            assert SECRET_EMAIL not in body, (role, url)
            assert "formula@participant.test" not in body, (role, url)
