"""which kinds of log each meeting printed, through one index (dropped from the log)

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02
"""
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("action_observations", schema=None, recreate="never") as batch_op:
        # "did this meeting print an action log (plan, tracker)?": the latest log of each kind as of a date
        batch_op.create_index("ix_obs_meeting_source", ["meeting_id", "source"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("action_observations", schema=None, recreate="never") as batch_op:
        batch_op.drop_index("ix_obs_meeting_source")
