"""The world both walks (roles, hostile input) request every route of: one record of each kind, with secrets."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import pytest
from werkzeug.datastructures import FileStorage

from marketplace.attachments.services import add_attachment
from marketplace.competence.models import ChainStage, ChainStageMember, ValueChain
from marketplace.db import db
from marketplace.events.models import EventStatus
from marketplace.mail.services import send_mail
from marketplace.models import (
    ApplicationStatus,
    ConsortiumStatus,
    MembershipApplication,
    MembershipStatus,
    OrderStatus,
    ProjectStatus,
    Visibility,
)
from marketplace.notifications.models import Notification, NotificationKind
from tests import factories
from tests.access_matrix import roles
from tests.events import helpers as event_factories
from tests.ideas import helpers as idea_factories
from tests.projects import helpers as project_factories

ROLES = roles("owner")

#: A draft event's title: checked separately (no walked page shows it, not even to the entitled).
DRAFT_EVENT = "ЧЕРНОВИК-СОБЫТИЯ"

PDF = b"%PDF-1.4\n%%EOF\n"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture
def world(app):
    owner = factories.member(
        inn="7707083893",
        phone="+7 900 111 22 33",
        capacity="ВЗРЫВОЗАЩИЩЁННЫЙ-ЦЕХ-42",
        confidential_fields=["inn", "phone", "capacity"],
        name_ru="АО «Владелец»",
    )
    member = factories.member(name_ru="ООО «Поставщик»")
    outsider = factories.outsider(name_ru="ООО «Сторонняя»")
    org = owner.organization
    product = factories.product(org)
    item = factories.equipment(org)
    booking = factories.booking(item, member.organization, dt.datetime(2030, 3, 1, 9, 0))
    order = factories.order(
        org,
        title="Заказ ТОЛЬКО-ДЛЯ-УЧАСТНИКОВ",
        visibility=Visibility.MEMBERS,
        budget=Decimal("987654.32"),
        budget_confidential=True,
    )
    factories.order(org, title="ЧЕРНОВИК-СЕКРЕТ", status=OrderStatus.DRAFT)
    factories.order(org, title="Открытый заказ", visibility=Visibility.PUBLIC)
    factories.response(order, member.organization, price=Decimal("123456.00"))
    offer = factories.offer(org, title="ПРЕДЛОЖЕНИЕ-УЧАСТНИКАМ", visibility=Visibility.MEMBERS)
    attachment = add_attachment(
        FileStorage(io.BytesIO(PDF), filename="drawing.pdf"), uploaded_by_id=owner.id, order=order
    )
    outsider.organization.membership_status = MembershipStatus.APPLIED
    application = MembershipApplication(
        organization=outsider.organization,
        applicant=outsider,
        status=ApplicationStatus.PENDING,
        message="Просим принять",
    )
    db.session.add(application)
    message = send_mail("someone@example.test", "OUTBOX-SECRET-SUBJECT", "body")
    db.session.commit()
    project = project_factories.project(
        title="Проект ПРОЕКТ-ДЛЯ-УЧАСТНИКОВ",
        visibility=Visibility.MEMBERS,
        budget=Decimal("7654321.00"),
        budget_confidential=True,
    )
    need = project_factories.need(project, title="Механообработка")
    consortium_member = project_factories.consortium_member(
        project, org, status=ConsortiumStatus.ACCEPTED, needs=[need]
    )
    project_factories.project(title="ИДЕЯ-ПРОЕКТА", status=ProjectStatus.IDEA, visibility=Visibility.PUBLIC)
    competency = factories.competency()
    factories.give_competency(org, competency, level=3, note="Опытное производство")
    chain = ValueChain(name_ru="Полимеры", stages=[ChainStage(name_ru="Сырьё", competency_codes=[competency.code])])
    chain.stages[0].members.append(ChainStageMember(organization=member.organization, note="Закреплено"))
    db.session.add(chain)
    db.session.commit()
    event = event_factories.event(org, title_ru="Биржа контактов кластера")
    participant = factories.registered(email="uchastnik.sekret@walk.test", full_name="Участник Биржи")
    event_factories.registration(event, participant)
    event_factories.registration(event, member)
    event_factories.event(org, title_ru="СОБЫТИЕ-ДЛЯ-ЧЛЕНОВ", visibility=Visibility.MEMBERS)
    event_factories.event(org, title_ru=DRAFT_EVENT, status=EventStatus.DRAFT)
    idea = idea_factories.idea(owner, title="ИДЕЯ-ДЛЯ-ЧЛЕНОВ-КЛАСТЕРА", visibility=Visibility.MEMBERS)
    comment = idea_factories.comment(idea, member, body="Готовы участвовать")
    users = {
        "guest": None,
        "registered": factories.registered(),
        "outsider": outsider,
        "member": member,
        "owner": owner,
        "manager": factories.manager(),
    }
    notification = Notification(
        user_id=owner.id,
        kind=NotificationKind.ORDER_RESPONSE,
        title="УВЕДОМЛЕНИЕ-ВЛАДЕЛЬЦУ",
        link=f"/orders/{order.id}",
    )
    db.session.add(notification)
    db.session.commit()
    params = {
        "event_id": event.id,
        "idea_id": idea.id,
        "org_id": org.id,
        "organization_id": org.id,
        "product_id": product.id,
        "equipment_id": item.id,
        "booking_id": booking.id,
        "order_id": order.id,
        "offer_id": offer.id,
        "application_id": application.id,
        "message_id": message.id,
        "attachment_id": attachment.id,
        "filename": "drawing.pdf",
        "code": "25.62",
        "token": "not-a-valid-token",
        "project_id": project.id,
        "need_id": need.id,
        "member_id": consortium_member.id,
        "notification_id": notification.id,
        "chain_id": chain.id,
        "stage_id": chain.stages[0].id,
        "competency_id": competency.id,
        "keep_id": org.id,
        "user_id": users["owner"].id,
        "session_id": 1,
        "invitation_id": 1,
        "comment_id": comment.id,
        "drop_id": outsider.organization_id,
    }
    return users, params


def get_urls(app, params):
    urls = []
    for rule in app.url_map.iter_rules():
        if "GET" not in rule.methods or rule.endpoint == "static":
            continue
        if any(argument not in params for argument in rule.arguments):
            raise AssertionError(f"the walk does not know how to fill {rule.rule}: add its parameters")
        urls.append(rule.build({name: params[name] for name in rule.arguments}, append_unknown=False)[1])
    return sorted(set(urls))
