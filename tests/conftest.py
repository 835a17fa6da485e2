"""Corpus paths, real bad-input files, and database fixtures for SQLite and PostgreSQL."""
from __future__ import annotations

import io
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from minutetrail.db.session import Database

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
CORPUS = ROOT.parent / "shared" / "corpus"
GOLD = CORPUS / "gold"
PG_ENV = "MINUTETRAIL_TEST_PG"


def pytest_configure(config: pytest.Config) -> None:
    if not CORPUS.is_dir():
        raise pytest.UsageError(f"the shared corpus is missing: expected it at {CORPUS}")


@pytest.fixture(scope="session")
def pg_server_url() -> Iterator[str]:
    """A PostgreSQL server: $MINUTETRAIL_TEST_PG if set, else one started for this run."""
    url = os.environ.get(PG_ENV)
    if url:
        yield url
        return
    from tests.pgserver import PgServer

    server = PgServer()
    try:
        yield server.start()
    finally:
        server.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database of each dialect."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'test.db'}"
        return
    server = request.getfixturevalue("pg_server_url")
    name = f"mt_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(server).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    database = Database(db_url)
    try:
        yield database
    finally:
        database.close()


@pytest.fixture(scope="session")
def bad_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Real bad inputs: empty, not a PDF, corrupt, encrypted, image-only."""
    import pikepdf
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    d = tmp_path_factory.mktemp("bad")
    files = {}
    files["empty"] = d / "empty.pdf"
    files["empty"].write_bytes(b"")
    files["not_pdf"] = d / "minutes.pdf"
    files["not_pdf"].write_text("<html><body>Minutes are not available</body></html>")
    sample = sorted(SAMPLES.glob("*.pdf"))[0].read_bytes()
    files["corrupt"] = d / "corrupt.pdf"
    files["corrupt"].write_bytes(sample[:1200])
    files["encrypted"] = d / "encrypted.pdf"
    with pikepdf.open(io.BytesIO(sample)) as pdf:
        pdf.save(files["encrypted"], encryption=pikepdf.Encryption(owner="owner-secret", user="user-secret", R=6))
    files["scanned"] = d / "scanned.pdf"
    png = _grey_png()
    c = canvas.Canvas(str(files["scanned"]))
    c.drawImage(ImageReader(io.BytesIO(png)), 50, 300, width=400, height=300)
    c.showPage()
    c.save()
    return files


def _grey_png() -> bytes:
    import struct
    import zlib

    width, height = 40, 30
    raw = b"".join(b"\x00" + bytes([(x * 6 + y * 3) % 256 for x in range(width)]) for y in range(height))

    def chunk(tag: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
