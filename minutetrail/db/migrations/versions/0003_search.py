"""full-text search over agenda items, minutes, decisions, recommendations and actions

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02
"""
from alembic import op
import sqlalchemy as sa

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "search_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("committee", sa.String(length=300), nullable=True),
        sa.Column("meeting_date", sa.Date(), nullable=True),
        sa.Column("page", sa.Integer(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], name=op.f("fk_search_entries_document_id_documents"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_search_entries")),
    )
    with op.batch_alter_table("search_entries", schema=None) as batch_op:
        batch_op.create_index("ix_search_doc", ["document_id"], unique=False)
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        # an external-content FTS5 index kept in step by triggers
        op.execute("CREATE VIRTUAL TABLE search_fts USING fts5(text, content='search_entries', content_rowid='id', tokenize='porter unicode61')")
        op.execute("CREATE TRIGGER search_entries_ai AFTER INSERT ON search_entries BEGIN "
                   "INSERT INTO search_fts(rowid, text) VALUES (new.id, new.text); END")
        op.execute("CREATE TRIGGER search_entries_ad AFTER DELETE ON search_entries BEGIN "
                   "INSERT INTO search_fts(search_fts, rowid, text) VALUES ('delete', old.id, old.text); END")
        op.execute("CREATE TRIGGER search_entries_au AFTER UPDATE ON search_entries BEGIN "
                   "INSERT INTO search_fts(search_fts, rowid, text) VALUES ('delete', old.id, old.text); "
                   "INSERT INTO search_fts(rowid, text) VALUES (new.id, new.text); END")
    elif dialect == "postgresql":
        op.execute("ALTER TABLE search_entries ADD COLUMN tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', text)) STORED")
        op.execute("CREATE INDEX ix_search_tsv ON search_entries USING GIN (tsv)")


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for trigger in ("search_entries_ai", "search_entries_ad", "search_entries_au"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS search_fts")
    op.drop_table("search_entries")
