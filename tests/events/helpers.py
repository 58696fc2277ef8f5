"""Factories of events and registrations (commit on creation, like ``tests.factories``)."""

from __future__ import annotations

import datetime as dt
import itertools

from marketplace.db import db, utcnow
from marketplace.models import Event, EventKind, EventRegistration, EventStatus, RegistrationStatus, Visibility

_seq = itertools.count(1)


def event(organizer=None, **kw) -> Event:
    """A published public seminar in ten days, 10:00–13:00 Moscow time, for 30 people."""
    n = next(_seq)
    day = (utcnow() + dt.timedelta(days=10)).replace(hour=7, minute=0, second=0, microsecond=0)
    status = kw.get("status", EventStatus.PUBLISHED)
    values = {
        "title_ru": f"Семинар: меры господдержки кластеров {n}",
        "title_en": f"Seminar: state support for clusters {n}",
        "description_ru": "Программа: гранты, льготные займы, субсидии. Спикеры — Фонд развития промышленности.",
        "kind": EventKind.SEMINAR,
        "starts_at": day,
        "ends_at": day + dt.timedelta(hours=3),
        "place": "Ставрополь, ул. Ленина, 1, конференц-зал",
        "organizer": organizer,
        "capacity": 30,
        "visibility": Visibility.PUBLIC,
        "status": status,
        "published_at": None if status == EventStatus.DRAFT else utcnow(),
    }
    values.update(kw)
    obj = Event(**values)
    db.session.add(obj)
    db.session.commit()
    return obj


def registration(event: Event, user, **kw) -> EventRegistration:
    values = {
        "event": event,
        "user": user,
        "organization_id": user.organization_id,
        "status": RegistrationStatus.REGISTERED,
    }
    values.update(kw)
    obj = EventRegistration(**values)
    db.session.add(obj)
    db.session.commit()
    return obj
