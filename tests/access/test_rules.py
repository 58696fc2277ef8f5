"""Visibility rules are functions of the viewer, built once per viewer: the same user always gets the same
condition, another kind of viewer its own, and a change of the user's standing a new one."""

from __future__ import annotations

from flask_login import AnonymousUserMixin
from sqlalchemy import select

from marketplace.access import GUEST_VIEWER, AccessLevel, Viewer, load_visible, row_visible
from marketplace.db import db
from marketplace.models import MembershipStatus, Order
from marketplace.orders.rules import visible_orders
from tests import factories


def test_a_viewer_is_what_the_rules_need_to_know(app):
    member = factories.member()
    assert Viewer.of(AnonymousUserMixin()) == GUEST_VIEWER
    assert Viewer.of(member) == Viewer(AccessLevel.MEMBER, member.organization_id, member.id)
    assert Viewer.of(factories.manager()).is_manager
    assert Viewer(AccessLevel.USER).visibilities == ("public",)
    assert Viewer(AccessLevel.MEMBER).visibilities == ("public", "members")


def test_a_rule_is_built_once_per_viewer_and_follows_the_users_standing(app):
    member = factories.member()
    assert visible_orders(member) is visible_orders(member)
    assert visible_orders(member) is not visible_orders(AnonymousUserMixin())
    draft = factories.order(member.organization, status="draft")
    stranger = factories.registered()
    assert load_visible(Order, draft.id, visible_orders(member)) == draft  # its own organization's draft
    assert load_visible(Order, draft.id, visible_orders(stranger)) is None
    member.organization.membership_status = MembershipStatus.REJECTED  # no longer a member: a new viewer
    db.session.commit()
    assert Viewer.of(member).level == AccessLevel.USER
    assert db.session.scalars(select(Order.id).where(visible_orders(member))).all() == [draft.id]


def test_the_managers_rule_asks_the_database_nothing(app):
    manager = factories.manager()
    order_id = factories.order(factories.member().organization, status="draft").id
    viewer_rule = visible_orders(manager)  # loading the manager is not the rule's doing
    with factories.sql_statements() as statements:
        assert row_visible(Order, order_id, viewer_rule)
    assert statements == []
