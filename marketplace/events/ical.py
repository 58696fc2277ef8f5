"""iCalendar (RFC 5545) files for events: one VCALENDAR with one VEVENT.

Small enough to write by hand: TEXT values are escaped (``\\`` ``;`` ``,`` and
newlines, §3.3.11), times are written in UTC ("Z" form, §3.3.5), lines end
with CRLF and are folded at 75 octets without splitting a UTF-8 character
(§3.1). No Flask here: the view passes in the URL and the host.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

PRODID = "-//Cluster Marketplace//Events//RU"
MAX_LINE_OCTETS = 75


def escape_text(value: str) -> str:
    """A TEXT property value: backslash, semicolon, comma and line breaks escaped."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def format_utc(moment: dt.datetime) -> str:
    """A naive-UTC (or aware) datetime as a UTC DATE-TIME: 20250314T070000Z."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(dt.UTC).replace(tzinfo=None)
    return moment.strftime("%Y%m%dT%H%M%SZ")


def fold(line: str) -> str:
    """Split a content line into chunks of at most 75 octets, joined by CRLF + space.

    Continuation lines start with one space, which counts towards their 75
    octets; a multi-byte UTF-8 character is never cut in two.
    """
    encoded = line.encode("utf-8")
    if len(encoded) <= MAX_LINE_OCTETS:
        return line
    chunks: list[str] = []
    current: list[str] = []
    size, limit = 0, MAX_LINE_OCTETS
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            chunks.append("".join(current))
            current, size, limit = [], 0, MAX_LINE_OCTETS - 1
        current.append(char)
        size += width
    chunks.append("".join(current))
    return "\r\n ".join(chunks)


def _lines(properties: Iterable[tuple[str, str]]) -> list[str]:
    return [fold(f"{name}:{value}") for name, value in properties]


def event_calendar(
    *,
    uid: str,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    summary: str,
    description: str = "",
    location: str = "",
    url: str = "",
    status: str = "CONFIRMED",
    stamp: dt.datetime,
    created: dt.datetime | None = None,
    last_modified: dt.datetime | None = None,
) -> str:
    """A whole .ics document (CRLF line ends, trailing CRLF) holding one event.

    ``uid``, ``url`` are written as they are; ``summary``, ``description``,
    ``location`` are escaped as TEXT. Datetimes are naive UTC (or aware).
    """
    event: list[tuple[str, str]] = [
        ("UID", uid),
        ("DTSTAMP", format_utc(stamp)),
        ("DTSTART", format_utc(starts_at)),
        ("DTEND", format_utc(ends_at)),
        ("SUMMARY", escape_text(summary)),
    ]
    if description:
        event.append(("DESCRIPTION", escape_text(description)))
    if location:
        event.append(("LOCATION", escape_text(location)))
    if url:
        event.append(("URL", url))
    event.append(("STATUS", status))
    if created is not None:
        event.append(("CREATED", format_utc(created)))
    if last_modified is not None:
        event.append(("LAST-MODIFIED", format_utc(last_modified)))
    lines = [
        *_lines(
            [
                ("BEGIN", "VCALENDAR"),
                ("VERSION", "2.0"),
                ("PRODID", PRODID),
                ("CALSCALE", "GREGORIAN"),
                ("METHOD", "PUBLISH"),
                ("BEGIN", "VEVENT"),
            ]
        ),
        *_lines(event),
        *_lines([("END", "VEVENT"), ("END", "VCALENDAR")]),
    ]
    return "\r\n".join(lines) + "\r\n"
