"""The .ics file: RFC 5545 structure, UTC times, TEXT escaping and line folding, read back by a small parser."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from marketplace.events import ical
from marketplace.models import EventStatus

from . import helpers


def unfold(document: str) -> list[str]:
    """Content lines: CRLF endings required; a CRLF followed by one space or tab continues the line."""
    assert document.endswith("\r\n")
    assert "\n" not in document.replace("\r\n", "")  # no bare LF anywhere
    return re.sub(r"\r\n[ \t]", "", document).split("\r\n")[:-1]


def unescape(value: str) -> str:
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


def parse(document: str) -> dict[str, str]:
    """The VEVENT's properties (name -> raw value), checking the calendar's nesting."""
    lines = unfold(document)
    assert lines[0] == "BEGIN:VCALENDAR"
    assert lines[-1] == "END:VCALENDAR"
    begin, end = lines.index("BEGIN:VEVENT"), lines.index("END:VEVENT")
    calendar = dict(line.split(":", 1) for line in lines[1:begin])
    assert calendar["VERSION"] == "2.0"
    assert calendar["PRODID"]
    properties = {}
    for line in lines[begin + 1 : end]:
        name, value = line.split(":", 1)
        assert name not in properties, f"{name} twice"
        properties[name] = value
    return properties


def test_escape_text():
    assert ical.escape_text("a,b;c\\d\ne\r\nf") == "a\\,b\\;c\\\\d\\ne\\nf"
    assert unescape(ical.escape_text("a,b;c\\d\ne")) == "a,b;c\\d\ne"


def test_format_utc():
    assert ical.format_utc(dt.datetime(2031, 3, 14, 7, 5, 9)) == "20310314T070509Z"
    aware = dt.datetime(2031, 3, 14, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=3)))
    assert ical.format_utc(aware) == "20310314T070000Z"


@pytest.mark.parametrize("text", ["A" * 200, "Щ" * 120, "x" + "Ж" * 80 + "€" * 30, "ok"])
def test_fold_keeps_lines_within_75_octets_and_never_splits_a_character(text):
    folded = ical.fold("DESCRIPTION:" + text)
    lines = folded.split("\r\n")
    assert all(len(line.encode("utf-8")) <= 75 for line in lines)
    assert all(line.startswith(" ") for line in lines[1:])
    assert "".join([lines[0], *(line[1:] for line in lines[1:])]) == "DESCRIPTION:" + text
    if len(("DESCRIPTION:" + text).encode()) > 75:
        assert len(lines) > 1
        assert len(lines[0].encode("utf-8")) >= 74


def test_event_calendar_document():
    document = ical.event_calendar(
        uid="event-7@cluster.test",
        starts_at=dt.datetime(2031, 3, 14, 7, 0),
        ends_at=dt.datetime(2031, 3, 14, 10, 0),
        summary="Биржа контактов: субподряд, химия; итоги",
        description="Строка 1\nСтрока 2, с запятой\\",
        location="Ставрополь, ул. Ленина, 1",
        url="https://cluster.test/events/7",
        stamp=dt.datetime(2031, 1, 1, 12, 0),
    )
    props = parse(document)
    assert props["UID"] == "event-7@cluster.test"
    assert props["DTSTART"] == "20310314T070000Z"
    assert props["DTEND"] == "20310314T100000Z"
    assert props["DTSTAMP"] == "20310101T120000Z"
    assert props["SUMMARY"] == "Биржа контактов: субподряд\\, химия\\; итоги"
    assert unescape(props["DESCRIPTION"]) == "Строка 1\nСтрока 2, с запятой\\"
    assert unescape(props["LOCATION"]) == "Ставрополь, ул. Ленина, 1"
    assert props["URL"] == "https://cluster.test/events/7"
    assert props["STATUS"] == "CONFIRMED"


def test_ics_route(client, people):
    event = helpers.event(
        people.organizer.organization,
        title_ru="Круглый стол: импортозамещение катализаторов, итоги; планы",
        description_ru="Обсудим:\n— отечественные катализаторы гидроочистки,\n— испытания на пилотной установке "
        "и сроки поставок для предприятий кластера; вход свободный. " * 3,
        online_url="https://meet.example.test/round-table",
        starts_at=dt.datetime(2031, 6, 1, 7, 30),
        ends_at=dt.datetime(2031, 6, 1, 10, 0),
    )
    response = client.get(f"/events/{event.id}.ics")
    assert response.status_code == 200
    assert response.content_type == "text/calendar; charset=utf-8"
    assert response.headers["Content-Disposition"] == f'attachment; filename="event-{event.id}.ics"'
    raw = response.get_data()
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))  # octets, not characters
    props = parse(raw.decode("utf-8"))
    assert props["UID"] == f"event-{event.id}@localhost"
    assert props["DTSTART"] == "20310601T073000Z"
    assert props["DTEND"] == "20310601T100000Z"
    assert re.fullmatch(r"\d{8}T\d{6}Z", props["DTSTAMP"])
    assert unescape(props["SUMMARY"]) == event.title_ru
    description = unescape(props["DESCRIPTION"])
    assert description.startswith(event.description_ru.strip())
    assert "АО «Организатор»" in description
    assert "https://meet.example.test/round-table" in description
    assert unescape(props["LOCATION"]) == event.place
    assert props["URL"] == f"http://localhost/events/{event.id}"
    assert props["STATUS"] == "CONFIRMED"


def test_ics_of_a_cancelled_online_event(client, people):
    event = helpers.event(None, status=EventStatus.CANCELLED, place="", online_url="https://meet.example.test/x")
    props = parse(client.get(f"/events/{event.id}.ics").get_data(as_text=True))
    assert props["STATUS"] == "CANCELLED"
    assert props["LOCATION"] == "https://meet.example.test/x"


def test_event_page_links_to_the_calendar_file(client, people, event):
    page = client.get(f"/events/{event.id}").get_data(as_text=True)
    assert f'href="/events/{event.id}.ics"' in page
