"""each printing's thread state, for as-of questions through one index

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02
"""
from alembic import op
import sqlalchemy as sa

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

def state_columns() -> tuple[sa.Column, ...]:
    return (
        sa.Column("published", sa.Date(), nullable=True),
        sa.Column("superseded", sa.Date(), nullable=True),
        sa.Column("state", sa.String(length=20), nullable=True),
        sa.Column("carried", sa.Integer(), nullable=True),
        sa.Column("first_seen", sa.Date(), nullable=True),
        sa.Column("first_raised", sa.Date(), nullable=True),
        sa.Column("first_due", sa.Date(), nullable=True),
        sa.Column("slips", sa.Integer(), nullable=True),
        sa.Column("progress_seen", sa.Boolean(), nullable=True),
    )


def upgrade() -> None:
    with op.batch_alter_table("action_observations", schema=None, recreate="never") as batch_op:
        for column in state_columns():
            batch_op.add_column(column)
        # the latest printing as of a date, filtered in the index (overdue, closed without progress)
        batch_op.create_index("ix_obs_state", ["superseded", "published", "due_date", "state", "progress_seen"], unique=False)
        # a thread's latest printing (superseded = OPEN_END) without reading its rows
        batch_op.drop_index("ix_obs_thread")
        batch_op.create_index("ix_obs_thread", ["thread_id", "superseded"], unique=False)
    with op.batch_alter_table("action_threads", schema=None, recreate="never") as batch_op:
        batch_op.add_column(sa.Column("kind", sa.String(length=20), nullable=True))
        batch_op.create_index("ix_thread_committee", ["committee_id"], unique=False)
    # derived data: fill it for the observations already stored
    from minutetrail.db.threadstate import refresh

    refresh(op.get_bind())


def downgrade() -> None:
    # ALTER TABLE ... DROP COLUMN in place (SQLite >= 3.35): recreating action_threads would fire the
    # ON DELETE SET NULL of action_observations.thread_id and lose every thread assignment
    with op.batch_alter_table("action_threads", schema=None, recreate="never") as batch_op:
        batch_op.drop_index("ix_thread_committee")
        batch_op.drop_column("kind")
    with op.batch_alter_table("action_observations", schema=None, recreate="never") as batch_op:
        batch_op.drop_index("ix_obs_state")
        batch_op.drop_index("ix_obs_thread")
        batch_op.create_index("ix_obs_thread", ["thread_id"], unique=False)
        for column in reversed(state_columns()):
            batch_op.drop_column(column.name)
