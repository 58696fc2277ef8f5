"""organization invitations, user sessions, consents, confirmed e-mails

Revision ID: ee3ce908377c
Revises: 9d6b693e0b73
Create Date: 2026-12-07 21:50:36.757664

Invitations to join an organization (also the users of a merged duplicate waiting for confirmation),
server-side login sessions, consents to the processing of personal data, and confirmed/deleted accounts.

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'ee3ce908377c'
down_revision = '9d6b693e0b73'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('organization_invitation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('organization_id', sa.Integer(), nullable=False),
    sa.Column('email', sa.String(length=255), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.Enum('invitation', 'merge', name='invitationkind', native_enum=False, length=20), nullable=False),
    sa.Column('status', sa.Enum('pending', 'accepted', 'declined', 'withdrawn', name='invitationstatus', native_enum=False, length=20), server_default='pending', nullable=False),
    sa.Column('merged_from', sa.String(length=255), server_default='', nullable=False),
    sa.Column('invited_by_id', sa.Integer(), nullable=True),
    sa.Column('invited_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('expires_at', sa.DateTime(), nullable=False),
    sa.Column('decided_at', sa.DateTime(), nullable=True),
    sa.Column('decided_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['decided_by_id'], ['user_account.id'], name=op.f('fk_organization_invitation_decided_by_id_user_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['invited_by_id'], ['user_account.id'], name=op.f('fk_organization_invitation_invited_by_id_user_account'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['organization_id'], ['organization.id'], name=op.f('fk_organization_invitation_organization_id_organization'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_organization_invitation_user_id_user_account'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_organization_invitation')),
    sa.UniqueConstraint('organization_id', 'email', name='uq_organization_invitation_org_email')
    )
    with op.batch_alter_table('organization_invitation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_organization_invitation_email'), ['email'], unique=False)
        batch_op.create_index(batch_op.f('ix_organization_invitation_user_id'), ['user_id'], unique=False)

    op.create_table('personal_data_consent',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('version', sa.String(length=20), nullable=False),
    sa.Column('given_at', sa.DateTime(), nullable=False),
    sa.Column('withdrawn_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_personal_data_consent_user_id_user_account'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_personal_data_consent'))
    )
    with op.batch_alter_table('personal_data_consent', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_personal_data_consent_user_id'), ['user_id'], unique=False)

    op.create_table('user_session',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('last_seen_at', sa.DateTime(), nullable=False),
    sa.Column('user_agent', sa.String(length=255), server_default='', nullable=False),
    sa.Column('ip_address', sa.String(length=45), server_default='', nullable=False),
    sa.Column('revoked_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['user_account.id'], name=op.f('fk_user_session_user_id_user_account'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_user_session')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_user_session_token_hash'))
    )
    with op.batch_alter_table('user_session', schema=None) as batch_op:
        batch_op.create_index('ix_user_session_user_revoked', ['user_id', 'revoked_at'], unique=False)

    with op.batch_alter_table('user_account', schema=None) as batch_op:
        batch_op.add_column(sa.Column('email_confirmed', sa.Boolean(), server_default=sa.true(), nullable=False))
        batch_op.add_column(sa.Column('deleted_at', sa.DateTime(), nullable=True))



def downgrade():
    with op.batch_alter_table('user_account', schema=None) as batch_op:
        batch_op.drop_column('deleted_at')
        batch_op.drop_column('email_confirmed')

    with op.batch_alter_table('user_session', schema=None) as batch_op:
        batch_op.drop_index('ix_user_session_user_revoked')

    op.drop_table('user_session')
    with op.batch_alter_table('personal_data_consent', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_personal_data_consent_user_id'))

    op.drop_table('personal_data_consent')
    with op.batch_alter_table('organization_invitation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_organization_invitation_user_id'))
        batch_op.drop_index(batch_op.f('ix_organization_invitation_email'))

    op.drop_table('organization_invitation')
