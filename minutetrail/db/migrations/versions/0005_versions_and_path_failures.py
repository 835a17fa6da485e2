"""document versions (a revised paper replaces its earlier printing) and path failures

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02
"""
from alembic import op
import sqlalchemy as sa

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # columns added in place: recreating documents would fire the ON DELETE CASCADE of every fact
    with op.batch_alter_table("documents", schema=None, recreate="never") as batch_op:
        batch_op.add_column(sa.Column("version", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("superseded_by", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("revision", sa.JSON(), nullable=True))
    op.create_table(
        "path_failures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("path", sa.Text(), nullable=False),
        sa.Column("error", sa.Text(), nullable=False),
        sa.Column("seen_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_path_failures")),
    )
    with op.batch_alter_table("path_failures", schema=None) as batch_op:
        batch_op.create_index("ix_path_failures_path", ["path"], unique=False)


def downgrade() -> None:
    op.drop_table("path_failures")
    with op.batch_alter_table("documents", schema=None, recreate="never") as batch_op:
        batch_op.drop_column("revision")
        batch_op.drop_column("superseded_by")
        batch_op.drop_column("version")
