"""The relational schema (SQLAlchemy 2.0 typed ORM). Changes go through Alembic migrations."""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Body(Base):
    __tablename__ = "bodies"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)


class Committee(Base):
    __tablename__ = "committees"
    __table_args__ = (UniqueConstraint("body_id", "key"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    body_id: Mapped[int] = mapped_column(ForeignKey("bodies.id"))
    key: Mapped[str] = mapped_column(String(200))  # normalised name: the natural key
    name: Mapped[str] = mapped_column(String(300))
    body: Mapped[Body] = relationship()


class Meeting(Base):
    __tablename__ = "meetings"
    __table_args__ = (UniqueConstraint("committee_id", "date"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    committee_id: Mapped[int] = mapped_column(ForeignKey("committees.id"))
    date: Mapped[date | None] = mapped_column(Date)
    time: Mapped[str | None] = mapped_column(String(5))
    venue: Mapped[str | None] = mapped_column(Text)
    committee: Mapped[Committee] = relationship()


class Document(Base):
    __tablename__ = "documents"
    id: Mapped[int] = mapped_column(primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    path: Mapped[str] = mapped_column(Text)
    pages: Mapped[int | None] = mapped_column(Integer)
    kind: Mapped[str | None] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(20))  # ingested | failed
    error: Mapped[str | None] = mapped_column(Text)
    parser_version: Mapped[str] = mapped_column(String(20))
    ingested_at: Mapped[datetime] = mapped_column(DateTime)
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meetings.id"))
    warnings: Mapped[list | None] = mapped_column(JSON)
    # versions: a revised printing of the same paper (meeting, kind, titles) replaces this one's facts;
    # this row stays, status "superseded", for history
    version: Mapped[int | None] = mapped_column(Integer)
    superseded_by: Mapped[int | None] = mapped_column(Integer)  # the id of the document that replaced it
    revision: Mapped[dict | None] = mapped_column(JSON)  # what changed from the version it replaced
    meeting: Mapped[Meeting | None] = relationship()


class PathFailure(Base):
    """A path a batch named that could not be read as a file (no bytes, so no document row)."""

    __tablename__ = "path_failures"
    __table_args__ = (Index("ix_path_failures_path", "path"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    path: Mapped[str] = mapped_column(Text)
    error: Mapped[str] = mapped_column(Text)
    seen_at: Mapped[datetime] = mapped_column(DateTime)


class DocumentPart(Base):
    __tablename__ = "document_parts"
    __table_args__ = (UniqueConstraint("document_id", "page_start"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(40))
    title: Mapped[str | None] = mapped_column(Text)
    page_start: Mapped[int] = mapped_column(Integer)
    page_end: Mapped[int] = mapped_column(Integer)


class AgendaItem(Base):
    __tablename__ = "agenda_items"
    __table_args__ = (UniqueConstraint("document_id", "seq"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meetings.id"))
    seq: Mapped[int] = mapped_column(Integer)
    number: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(Text)
    description: Mapped[str | None] = mapped_column(Text)
    page_ref: Mapped[str | None] = mapped_column(String(40))
    page: Mapped[int] = mapped_column(Integer)


class MinutesRecord(Base):
    __tablename__ = "minutes"
    __table_args__ = (UniqueConstraint("document_id", "page_start"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meetings.id"))  # the meeting minuted
    page_start: Mapped[int] = mapped_column(Integer)


class MinuteItem(Base):
    __tablename__ = "minute_items"
    __table_args__ = (UniqueConstraint("minutes_id", "seq"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    minutes_id: Mapped[int] = mapped_column(ForeignKey("minutes.id", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column(Integer)
    number: Mapped[str | None] = mapped_column(String(20))
    title: Mapped[str | None] = mapped_column(Text)
    page: Mapped[int | None] = mapped_column(Integer)
    votes_for: Mapped[int | None] = mapped_column(Integer)
    votes_against: Mapped[int | None] = mapped_column(Integer)
    votes_abstain: Mapped[int | None] = mapped_column(Integer)


class Attendance(Base):
    __tablename__ = "attendance"
    __table_args__ = (UniqueConstraint("minutes_id", "role", "name"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    minutes_id: Mapped[int] = mapped_column(ForeignKey("minutes.id", ondelete="CASCADE"))
    role: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(300))
    person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))


class Resolution(Base):
    __tablename__ = "resolutions"
    __table_args__ = (UniqueConstraint("minute_item_id", "seq"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    minute_item_id: Mapped[int] = mapped_column(ForeignKey("minute_items.id", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column(Integer)
    letter: Mapped[str | None] = mapped_column(String(10))
    text: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(20))


class Recommendation(Base):
    __tablename__ = "recommendations"
    __table_args__ = (UniqueConstraint("document_id", "seq"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meetings.id"))
    seq: Mapped[int] = mapped_column(Integer)
    letter: Mapped[str | None] = mapped_column(String(10))
    text: Mapped[str] = mapped_column(Text)
    report_title: Mapped[str | None] = mapped_column(Text)
    page: Mapped[int] = mapped_column(Integer)


class Person(Base):
    __tablename__ = "people"
    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(300), unique=True)
    name: Mapped[str] = mapped_column(String(300))
    aliases: Mapped[list["PersonAlias"]] = relationship(back_populates="person", cascade="all, delete-orphan")


class PersonAlias(Base):
    __tablename__ = "person_aliases"
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    alias: Mapped[str] = mapped_column(String(300), unique=True)
    person: Mapped[Person] = relationship(back_populates="aliases")


class ActionThread(Base):
    __tablename__ = "action_threads"
    __table_args__ = (Index("ix_thread_committee", "committee_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(120), unique=True)  # the first observation's natural key
    committee_id: Mapped[int] = mapped_column(ForeignKey("committees.id"))
    kind: Mapped[str | None] = mapped_column(String(20))  # action | recommendation, by its first printing (db/threadstate.py)
    committee: Mapped[Committee] = relationship()


class ActionObservation(Base):
    """One printing of an action: a table row or a minutes ACTION, with provenance."""

    __tablename__ = "action_observations"
    __table_args__ = (
        UniqueConstraint("document_id", "seq"),
        Index("ix_obs_thread", "thread_id", "superseded"),
        Index("ix_obs_meeting", "meeting_id"),
        Index("ix_obs_meeting_source", "meeting_id", "source"),  # the latest log of each kind (queries.overdue)
        Index("ix_obs_state", "superseded", "published", "due_date", "state", "progress_seen"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id"))  # the meeting whose papers printed it
    thread_id: Mapped[int | None] = mapped_column(ForeignKey("action_threads.id", ondelete="SET NULL"))
    seq: Mapped[int] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(String(40))  # action_log | action_plan | recommendation_tracker | minutes
    number: Mapped[str | None] = mapped_column(String(40))
    raised_date: Mapped[date | None] = mapped_column(Date)
    text: Mapped[str] = mapped_column(Text)
    owner: Mapped[str | None] = mapped_column(Text)
    owner_person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id"))
    directorate: Mapped[str | None] = mapped_column(Text)
    progress: Mapped[str | None] = mapped_column(Text)
    due: Mapped[str | None] = mapped_column(String(10))
    due_date: Mapped[date | None] = mapped_column(Date)  # effective due date
    due_text: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str | None] = mapped_column(String(20))
    status_text: Mapped[str | None] = mapped_column(Text)
    rag: Mapped[str | None] = mapped_column(String(10))
    page: Mapped[int] = mapped_column(Integer)
    x0: Mapped[float | None] = mapped_column(Float)
    top: Mapped[float | None] = mapped_column(Float)
    x1: Mapped[float | None] = mapped_column(Float)
    bottom: Mapped[float | None] = mapped_column(Float)
    header_box: Mapped[list | None] = mapped_column(JSON)  # x0, top, x1, bottom of its table's header on its page
    extractor_version: Mapped[str] = mapped_column(String(20))
    # The thread's state as of this printing, derived from the thread's printings up to it and kept
    # by db/threadstate.py whenever threads change: what "as of a date" questions read with one index.
    published: Mapped[date | None] = mapped_column(Date)  # the printing meeting's date
    superseded: Mapped[date | None] = mapped_column(Date)  # the next printing's date; OPEN_END if the latest
    state: Mapped[str | None] = mapped_column(String(20))  # printed status, else completed if the progress says so
    carried: Mapped[int | None] = mapped_column(Integer)  # meetings printed at so far
    first_seen: Mapped[date | None] = mapped_column(Date)
    first_raised: Mapped[date | None] = mapped_column(Date)
    first_due: Mapped[date | None] = mapped_column(Date)
    slips: Mapped[int | None] = mapped_column(Integer)  # times the due date moved later so far
    progress_seen: Mapped[bool | None] = mapped_column(Boolean)
    document: Mapped[Document] = relationship()
    meeting: Mapped[Meeting] = relationship()
    owner_person: Mapped[Person | None] = relationship()


class LinkJudgement(Base):
    """A match decision between two observations: kept whether it joined them or not."""

    __tablename__ = "link_judgements"
    __table_args__ = (UniqueConstraint("left_key", "right_key"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    # natural keys "<sha256>:<seq>" so a judgement survives re-ingest
    left_key: Mapped[str] = mapped_column(String(80))
    right_key: Mapped[str] = mapped_column(String(80))
    method: Mapped[str] = mapped_column(String(40))
    score: Mapped[float] = mapped_column(Float)
    signals: Mapped[dict | None] = mapped_column(JSON)
    judgement: Mapped[str] = mapped_column(String(20))  # auto | review | confirmed | rejected
    decided_by: Mapped[str] = mapped_column(String(100))
    decided_at: Mapped[datetime] = mapped_column(DateTime)


class RoleMention(Base):
    """A paper saying a person holds a post, dated by the meeting whose papers printed it."""

    __tablename__ = "role_mentions"
    __table_args__ = (UniqueConstraint("document_id", "person_key", "role_key"), Index("ix_role_key", "role_key"))
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id"))
    name: Mapped[str] = mapped_column(String(300))
    person_key: Mapped[str] = mapped_column(String(300))
    role: Mapped[str] = mapped_column(Text)
    role_key: Mapped[str] = mapped_column(String(300))
    page: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    document: Mapped[Document] = relationship()
    meeting: Mapped[Meeting] = relationship()


class SearchEntry(Base):
    """One searchable text (agenda item, minute item, decision, recommendation, action) with where it is printed.

    The full-text index over ``text`` is dialect-specific and lives in migration 0003 and
    ``db/search.py``: an FTS5 table on SQLite, a generated tsvector column with a GIN index on PostgreSQL.
    """

    __tablename__ = "search_entries"
    __table_args__ = (Index("ix_search_doc", "document_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(30))
    committee: Mapped[str | None] = mapped_column(String(300))
    meeting_date: Mapped[date | None] = mapped_column(Date)
    page: Mapped[int | None] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)


def columns_by_table() -> dict[str, list[str]]:
    """Every table of the schema with its columns, in order (browse/metadata.py describes each)."""
    return {t.name: [c.name for c in t.columns] for t in Base.metadata.sorted_tables}
