"""Finding the files a batch names: never opens anything but regular files, never stops the batch.

Every path problem (a name that is not UTF-8, no permission, a FIFO, socket or device, a dangling
link, a folder that vanishes while it is walked) becomes a ``Found`` with a ``problem``: a named
failure for that path, while the rest of the batch goes on. A name that does not decode is kept as
the operating system's bytes (``os.fsdecode``'s surrogate escapes round-trip to them, so the file
still opens) and shown with its undecodable bytes escaped. The same file named twice (two spellings,
a link, a folder and a file in it) is found once.
"""
from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

PDF_SUFFIXES = (".pdf",)
CHUNK = 1 << 20


@dataclass(frozen=True, slots=True)
class Found:
    path: str  # the operating system's name (opens the file even when it is not UTF-8)
    problem: str | None = None  # why it cannot be read; None for a regular file
    ident: tuple[int, int] | None = None  # (device, inode) of a regular file

    @property
    def shown(self) -> str:
        return shown_name(self.path)


def shown_name(path: str) -> str:
    """A printable, storable (UTF-8) form of a path: undecodable bytes as \\xNN escapes."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def _kind(mode: int) -> str:
    for test, name in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device")):
        if test(mode):
            return name
    return "not a regular file"


def stat_problem(path: str, exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "broken symbolic link (its target does not exist)" if os.path.islink(path) else "file not found"
    if isinstance(exc, PermissionError):
        return "permission denied"
    return f"cannot read ({exc.strerror or exc})"


def _look(path: str) -> tuple[os.stat_result | None, str | None]:
    try:
        return os.stat(path), None
    except OSError as exc:
        return None, stat_problem(path, exc)


def _walk(top: str) -> list[Found]:
    """PDFs under a folder (links to folders not followed), and a Found for every problem met."""
    out: list[Found] = []

    def unreadable(exc: OSError) -> None:
        where = str(exc.filename) if exc.filename is not None else top
        reason = "folder vanished while it was read" if isinstance(exc, FileNotFoundError) else stat_problem(where, exc)
        out.append(Found(where, f"{reason} (folder skipped)"))

    for folder, _dirs, files in os.walk(top, onerror=unreadable):
        for name in files:
            if not name.lower().endswith(PDF_SUFFIXES):
                continue
            path = os.path.join(folder, name)
            st, problem = _look(path)
            if st is None:
                out.append(Found(path, "vanished while the folder was read" if problem == "file not found" else problem))
            elif not stat.S_ISREG(st.st_mode):
                out.append(Found(path, f"{_kind(st.st_mode)}, not a file: never opened"))
            else:
                out.append(Found(path, None, (st.st_dev, st.st_ino)))
    return sorted(out, key=lambda f: os.fsencode(f.path))


def discover(paths: Iterable[str | bytes | Path]) -> list[Found]:
    """Files named, and PDFs inside folders named (recursively), in a stable order, each once."""
    out: list[Found] = []
    seen_files: set[tuple[int, int]] = set()
    seen_names: set[str] = set()
    for raw in paths:
        top = os.fsdecode(raw)
        st, problem = _look(top)
        if st is not None and stat.S_ISDIR(st.st_mode):
            found = _walk(top)
        elif st is not None and not stat.S_ISREG(st.st_mode):
            found = [Found(top, f"{_kind(st.st_mode)}, not a file: never opened")]
        elif st is not None:
            found = [Found(top, None, (st.st_dev, st.st_ino))]
        else:
            found = [Found(top, problem)]
        for f in found:
            if f.ident is not None:
                if f.ident in seen_files:
                    continue
                seen_files.add(f.ident)
            else:
                name = os.path.abspath(f.path)
                if name in seen_names:
                    continue
                seen_names.add(name)
            out.append(f)
    return out


def file_sha256(path: str) -> str:
    """The sha256 of a regular file's bytes; refuses anything else without blocking (O_NONBLOCK)."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise IsADirectoryError(fd, "not a regular file", path)
        digest = hashlib.sha256()
        for chunk in iter(lambda: handle.read(CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()
