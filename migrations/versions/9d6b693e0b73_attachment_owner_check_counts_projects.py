"""attachment: the one-owner CHECK counts project documents too

Revision ID: 9d6b693e0b73
Revises: 372535423dba
Create Date: 2026-12-07 20:10:00

The first migration's CHECK knew products, orders and equipment; the second added
attachment.project_id without widening it, so a project document broke the CHECK
on a database built by the migrations.
"""

from alembic import op

revision = "9d6b693e0b73"
down_revision = "372535423dba"
branch_labels = None
depends_on = None

OWNERS_BEFORE = ("product_id", "order_id", "equipment_id")
OWNERS = (*OWNERS_BEFORE, "project_id")


def _one_of(columns: tuple[str, ...]) -> str:
    return "(" + " + ".join(f"CASE WHEN {column} IS NULL THEN 0 ELSE 1 END" for column in columns) + ") = 1"


def upgrade() -> None:
    with op.batch_alter_table("attachment", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_attachment_one_owner"), type_="check")
        batch_op.create_check_constraint("one_owner", _one_of(OWNERS))


def downgrade() -> None:
    with op.batch_alter_table("attachment", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_attachment_one_owner"), type_="check")
        batch_op.create_check_constraint("one_owner", _one_of(OWNERS_BEFORE))
