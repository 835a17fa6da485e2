"""an action row remembers where its table's header is printed on its page (evidence crops show it)

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-03
"""
import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("action_observations", sa.Column("header_box", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("action_observations") as batch_op:
        batch_op.drop_column("header_box")
