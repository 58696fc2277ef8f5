"""Who a record is published to: one choice shared by orders, offers, projects, events and ideas."""

from __future__ import annotations

import enum


class Visibility(enum.StrEnum):
    PUBLIC = "public"  # anyone, guests included
    MEMBERS = "members"  # users of member organizations and the manager
