"""audit trail

Append-only: no foreign keys (users are anonymised and organizations merged later), names copied.

Revision ID: 43c761d92b2d
Revises: ee3ce908377c
Create Date: 2026-12-07 21:53:30.323931

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '43c761d92b2d'
down_revision = 'ee3ce908377c'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('audit_entry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('action', sa.String(length=60), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('actor_name', sa.String(length=120), nullable=False),
    sa.Column('actor_email', sa.String(length=255), nullable=False),
    sa.Column('address', sa.String(length=45), nullable=False),
    sa.Column('target_kind', sa.String(length=40), nullable=False),
    sa.Column('target_id', sa.Integer(), nullable=True),
    sa.Column('target_name', sa.String(length=255), nullable=False),
    sa.Column('organization_id', sa.Integer(), nullable=True),
    sa.Column('organization_name', sa.String(length=255), nullable=False),
    sa.Column('before_data', sa.Text(), nullable=True),
    sa.Column('after_data', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_entry'))
    )
    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.create_index('ix_audit_entry_action_created_at', ['action', 'created_at'], unique=False)
        batch_op.create_index('ix_audit_entry_actor_id', ['actor_id'], unique=False)
        batch_op.create_index('ix_audit_entry_created_at', ['created_at'], unique=False)
        batch_op.create_index('ix_audit_entry_organization_created_at', ['organization_id', 'created_at'], unique=False)
        batch_op.create_index('ix_audit_entry_target', ['target_kind', 'target_id'], unique=False)



def downgrade():
    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.drop_index('ix_audit_entry_target')
        batch_op.drop_index('ix_audit_entry_organization_created_at')
        batch_op.drop_index('ix_audit_entry_created_at')
        batch_op.drop_index('ix_audit_entry_actor_id')
        batch_op.drop_index('ix_audit_entry_action_created_at')

    op.drop_table('audit_entry')
