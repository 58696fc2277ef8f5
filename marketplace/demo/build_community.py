"""Seed step 5: the community — events with registrations, and the idea exchange with its discussions."""

from __future__ import annotations

import datetime as dt

from ..accounts.models import User
from ..db import db
from ..events.models import Event, EventRegistration, EventStatus, RegistrationStatus
from ..ideas.models import Idea, IdeaComment, IdeaStatus
from ..visibility import Visibility
from .context import Demo
from .events_data import EVENTS, EventSpec
from .ideas_data import IDEAS, IdeaSpec

#: Moscow time is UTC+3 all year round.
_MSK_OFFSET = dt.timedelta(hours=3)


def build_events(demo: Demo) -> None:
    for spec in EVENTS:
        _event(demo, spec)
    demo.counts["events"] = len(EVENTS)


def _attendees(demo: Demo, members_only: bool) -> list[User]:
    """Everyone who might register, in a fixed order: users of member organizations, then (for public
    events) users of other organizations and the registered user without one."""
    people = [user for key, users in demo.users.items() if demo.is_member(key) for user in users if not user.is_manager]
    if not members_only:
        people += [user for key, users in demo.users.items() if not demo.is_member(key) for user in users]
        people.append(demo.special["user"])
    return people


def _event(demo: Demo, spec: EventSpec) -> None:
    if spec.organizer is not None and not demo.is_member(spec.organizer):
        raise ValueError(f"demo event {spec.title!r}: {spec.organizer} is not a cluster member")
    rng = demo.rng
    manager = demo.special["manager"]
    starts = dt.datetime.combine(demo.today + dt.timedelta(days=spec.days), dt.time(spec.hour)) - _MSK_OFFSET
    ends = starts + dt.timedelta(hours=spec.hours)
    created = min(starts - dt.timedelta(days=rng.randint(20, 40)), demo.now - dt.timedelta(days=2))
    author = demo.admin(spec.organizer) if spec.organizer else manager
    published = None if spec.status == EventStatus.DRAFT else created + dt.timedelta(hours=rng.randint(1, 30))
    event = Event(
        title_ru=spec.title,
        title_en=spec.title_en,
        description_ru=spec.description,
        description_en=spec.description_en,
        kind=spec.kind,
        starts_at=starts,
        ends_at=ends,
        place=spec.place,
        online_url=spec.online_url,
        organizer=demo.orgs[spec.organizer] if spec.organizer else None,
        created_by=author,
        capacity=spec.capacity,
        registration_deadline=starts - dt.timedelta(days=spec.deadline_days) if spec.deadline_days else None,
        visibility=spec.visibility,
        status=spec.status,
        published_at=published,
        created_at=created,
        updated_at=published or created,
    )
    if spec.status == EventStatus.CANCELLED:
        event.cancelled_at = min(demo.now - dt.timedelta(days=1), starts - dt.timedelta(days=1))
        event.cancel_reason = spec.cancel_reason
        event.updated_at = event.cancelled_at
    db.session.add(event)
    if published is None:
        return
    if spec.capacity is not None and spec.registrants > spec.capacity:
        raise ValueError(f"demo event {spec.title!r}: more registrants than places")
    closes = min(event.registration_closes_at, event.cancelled_at or demo.now, demo.now)
    people = rng.sample(_attendees(demo, spec.visibility == Visibility.MEMBERS), spec.registrants)
    span = closes - published
    moments = sorted(published + span * rng.random() for _ in people)
    for index, (user, drawn) in enumerate(zip(people, moments, strict=True)):
        moment = drawn.replace(microsecond=0)
        # One in eight changed their mind (never on a full event, which stays full).
        gave_up = spec.registrants != spec.capacity and index % 8 == 5
        db.session.add(
            EventRegistration(
                event=event,
                user=user,
                organization=user.organization,
                status=RegistrationStatus.CANCELLED if gave_up else RegistrationStatus.REGISTERED,
                created_at=moment,
                updated_at=moment + dt.timedelta(days=1) if gave_up else moment,
            )
        )
        demo.counts["event_registrations"] += 1


def _who(demo: Demo, who: str) -> User:
    if who.startswith("@"):
        return demo.special[who[1:]]
    key, _, role = who.partition("/")
    return demo.staff(key) if role == "staff" else demo.admin(key)


def build_ideas(demo: Demo) -> None:
    for spec in IDEAS:
        _idea(demo, spec)
    demo.counts["ideas"] = len(IDEAS)


def _idea(demo: Demo, spec: IdeaSpec) -> None:
    rng = demo.rng
    author = _who(demo, spec.author)
    created = demo.days_ago(spec.age_days, hour=rng.randint(6, 13))
    idea = Idea(
        author=author,
        organization=author.organization,
        kind=spec.kind,
        title=spec.title,
        body=spec.body,
        competencies=[demo.competencies[code] for code in spec.competencies],
        status=IdeaStatus.OPEN,
        visibility=spec.visibility,
        created_at=created,
        updated_at=created,
    )
    db.session.add(idea)
    moment = created
    for number, (who, body) in enumerate(spec.comments, start=1):
        moment += dt.timedelta(hours=rng.randint(3, 20) * number)
        moment = min(moment, demo.now - dt.timedelta(hours=len(spec.comments) - number + 1))
        idea.comments.append(IdeaComment(author=_who(demo, who), body=body, created_at=moment))
        demo.counts["idea_comments"] += 1
    if spec.status == IdeaStatus.CLOSED:
        idea.status = IdeaStatus.CLOSED
        idea.closed_at = idea.updated_at = min(moment + dt.timedelta(days=2), demo.now - dt.timedelta(hours=1))
