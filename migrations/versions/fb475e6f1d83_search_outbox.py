"""search outbox

Index changes committed with their records, applied to the search index after the commit.
``record_id`` has no foreign key: a row outlives the record it names.

Revision ID: fb475e6f1d83
Revises: 43c761d92b2d
Create Date: 2026-12-08 01:04:55

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'fb475e6f1d83'
down_revision = '43c761d92b2d'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('search_outbox',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('doc_type', sa.String(length=20), nullable=False),
    sa.Column('record_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_search_outbox'))
    )


def downgrade():
    op.drop_table('search_outbox')
