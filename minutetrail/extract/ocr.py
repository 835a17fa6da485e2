"""Pages with no text layer read by OCR: OCRmyPDF with Tesseract, on a copy in a temporary folder.

OCRmyPDF adds an invisible text layer (one positioned word per recognised word) to the pages it is
given and leaves every other page as it was; the copy is then read like any born-digital page. The
user's file is never written: OCRmyPDF reads it and writes its output into a temporary folder that
is removed afterwards. It runs as a child process (``python -m ocrmypdf``), so its own worker pool
and logging stay out of ours, and a parse worker of `ingest` may run it too.
"""
from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import cache
from pathlib import Path

from minutetrail.errors import ExtractionError
from minutetrail.models import OcrMode

LANGUAGES_ENV = "MINUTETRAIL_OCR_LANGUAGES"  # Tesseract languages, e.g. "eng+fra"; each needs its tesseract-ocr-LANG
DEFAULT_LANGUAGES = "eng"
# Tesseract's page segmentation: 4, one column of text of varying sizes. Lines are rebuilt from the word
# boxes here, so Tesseract's own layout analysis (3, the default) buys nothing, and it drops a list number
# hanging apart from its title ("2." before "Open Forum") as noise: on 8 rasterised gold papers minute
# items F1 0.863 with 3, 0.945 with 4, every other category equal (bench/ocr_speed.py)
PAGE_SEGMENTATION = "4"
PAGE_TIMEOUT = 180  # seconds Tesseract may spend on one page before OCRmyPDF gives up on it
RUN_TIMEOUT_PER_PAGE = 120  # seconds of the whole OCRmyPDF run, per page asked for (a hung child is killed)
INSTALL_HINT = ("install OCRmyPDF and Tesseract: pip install 'minutetrail[ocr]' and "
                "apt-get install tesseract-ocr tesseract-ocr-eng ghostscript")
NEVER_HINT = "it needs OCR: run again with --ocr auto (the default)"


def ocr_languages() -> str:
    return os.environ.get(LANGUAGES_ENV, "").strip() or DEFAULT_LANGUAGES


def missing_tools() -> list[str]:
    """What OCR needs and this machine lacks (empty when OCR can run)."""
    missing = []
    if importlib.util.find_spec("ocrmypdf") is None:
        missing.append("the Python package ocrmypdf (pip install 'minutetrail[ocr]')")
    if shutil.which("tesseract") is None:
        missing.append("Tesseract (Debian: tesseract-ocr)")
    else:
        absent = [lang for lang in ocr_languages().split("+") if lang not in _installed_languages()]
        missing.extend(f"Tesseract's '{lang}' language data (Debian: tesseract-ocr-{lang})" for lang in absent)
    return missing


@cache
def _installed_languages() -> frozenset[str]:
    done = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True, timeout=30, check=False)
    return frozenset(line.strip() for line in (done.stdout + done.stderr).splitlines()[1:] if line.strip())


@cache
def engine() -> str:
    """Which OCR made the text: 'ocrmypdf X / tesseract Y', for the record's provenance."""
    from importlib.metadata import version

    done = subprocess.run(["tesseract", "--version"], capture_output=True, text=True, timeout=30, check=False)
    found = re.search(r"tesseract\s+v?([\d.]+)", done.stdout + done.stderr)
    return f"ocrmypdf {version('ocrmypdf')} / tesseract {found.group(1) if found else 'unknown'}"


def _page_list(pages: Sequence[int]) -> str:
    return ",".join(str(p) for p in sorted(set(pages)))


def _command(source: Path, target: Path, pages: Sequence[int], mode: OcrMode) -> list[str]:
    # the copy is ours to read, never published: a signed paper's signature may break in it
    return [sys.executable, "-m", "ocrmypdf", "--quiet", "--output-type", "pdf", "--invalidate-digital-signatures",
            "--force-ocr" if mode == OcrMode.ALWAYS else "--skip-text",
            "--pages", _page_list(pages), "--language", ocr_languages(),
            "--tesseract-timeout", str(PAGE_TIMEOUT), "--tesseract-pagesegmode", PAGE_SEGMENTATION,
            str(source), str(target)]


@contextmanager
def ocr_copy(path: str, pages: Sequence[int], mode: OcrMode = OcrMode.AUTO) -> Iterator[Path]:
    """A copy of the PDF with a text layer on ``pages`` (1-based), in a temporary folder kept while in use.

    mode AUTO skips any page that already has text; ALWAYS rasterises and recognises every page asked for.
    Raises ExtractionError naming the file, with what to install when the tools are missing.
    """
    missing = missing_tools()
    if missing:
        raise ExtractionError(path, "scanned pages need OCR, and it is not installed: missing " + ", ".join(missing),
                              INSTALL_HINT)
    with tempfile.TemporaryDirectory(prefix="minutetrail-ocr-") as folder:
        target = Path(folder) / "ocr.pdf"
        try:
            done = subprocess.run(_command(Path(path).resolve(), target, pages, mode), capture_output=True, text=True,
                                  timeout=RUN_TIMEOUT_PER_PAGE * max(len(pages), 1), check=False,
                                  cwd=folder, env={**os.environ, "TMPDIR": folder})
        except subprocess.TimeoutExpired as exc:
            raise ExtractionError(path, f"OCR of pages {_page_list(pages)} took too long", "try fewer pages") from exc
        if done.returncode != 0 or not target.exists():
            detail = (done.stderr.strip().splitlines() or [f"exit status {done.returncode}"])[-1]
            raise ExtractionError(path, f"OCR of pages {_page_list(pages)} failed: {detail}",
                                  "check the file opens in a PDF reader; " + INSTALL_HINT)
        yield target


__all__ = ["DEFAULT_LANGUAGES", "INSTALL_HINT", "LANGUAGES_ENV", "NEVER_HINT", "engine", "missing_tools", "ocr_copy",
           "ocr_languages"]
