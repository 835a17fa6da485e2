"""Time `parse` beside a bare pdfplumber extract_text() pass and the PDFium char-box floor, in one run.

All times are CPU seconds (user + system), each pass in its own child process:
  bare      pdfplumber: open each file, extract_text() on every page (what a naive tool pays)
  floor     pypdfium2: a text page per page and get_charbox() for every character (less is hardly possible)
  parse     our whole extraction (read_pdf + parsers) in one warm process, per file, by document type
  commands  `minutetrail parse FILE` run once per file, start-up included (CPU of the child processes)
Prints the ratios the issue sets targets for: commands/bare <= 0.10, parse/floor <= 3.
Run: python bench/parse_speed.py [--repeat N] [PDF_OR_DIR ...]  (default: ../shared/corpus and samples/)
"""
from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = [ROOT.parent / "shared" / "corpus", ROOT / "samples"]
MINUTETRAIL = Path(sys.executable).parent / "minutetrail"


def pdfs(args: list[str]) -> list[Path]:
    out: list[Path] = []
    for a in args or [str(p) for p in DEFAULT]:
        p = Path(a)
        out.extend(sorted(p.rglob("*.pdf")) if p.is_dir() else [p])
    return out


def bare_pass(files: list[Path]) -> dict:
    import pdfplumber

    pages = 0
    t = time.process_time()
    for f in files:
        with pdfplumber.open(f) as pdf:
            for page in pdf.pages:
                page.extract_text()
                pages += 1
                page.close()
    return {"seconds": time.process_time() - t, "pages": pages}


def floor_pass(files: list[Path]) -> dict:
    import pypdfium2 as pdfium

    pages = 0
    t = time.process_time()
    for f in files:
        doc = pdfium.PdfDocument(str(f))
        for index in range(len(doc)):
            page = doc[index]
            textpage = page.get_textpage()
            for i in range(textpage.count_chars()):
                textpage.get_charbox(i, loose=True)
            textpage.close()
            page.close()
            pages += 1
        doc.close()
    return {"seconds": time.process_time() - t, "pages": pages}


def _doc_type(record: object) -> str:
    kinds = {str(part.kind) for part in getattr(record, "documents", ())}
    return "pack" if len(kinds) > 1 else (kinds.pop() if kinds else "unclassified")


def parse_pass(files: list[Path]) -> dict:
    from minutetrail.errors import ExtractionError
    from minutetrail.extraction import parse_file
    from minutetrail.parsers.nlp import get_nlp

    # warm imports outside the timing: PDFium, and the spaCy pipeline, which is loaded lazily by the first
    # document with a sentence to read (once per process; the per-command pass below counts it every time)
    parse_file(files[0], ocr="never")
    get_nlp()
    pages = failed = 0
    by_type: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0])
    t = time.process_time()
    for f in files:
        start = time.process_time()
        try:
            record = parse_file(f, ocr="never")  # text pages only: OCR is timed by bench/ocr_speed.py
        except ExtractionError:
            failed += 1
            continue
        pages += record.pages
        slot = by_type[_doc_type(record)]
        slot[0] += record.pages
        slot[1] += time.process_time() - start
    return {"seconds": time.process_time() - t, "pages": pages, "failed": failed,
            "by_type": {k: {"pages": int(v[0]), "seconds": round(v[1], 2), "pages_per_second": round(v[0] / v[1], 1)}
                        for k, v in sorted(by_type.items())}}


def commands_pass(files: list[Path]) -> dict:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    failed = 0
    for f in files:
        done = subprocess.run([str(MINUTETRAIL), "parse", "--ocr", "never", str(f)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        failed += done.returncode != 0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    seconds = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"seconds": seconds, "files": len(files), "failed": failed, "peak_rss_mib": after.ru_maxrss / 1024}


PASSES = {"bare": bare_pass, "floor": floor_pass, "parse": parse_pass, "commands": commands_pass}


def child(which: str, files: list[Path]) -> None:
    result = PASSES[which](files)
    result.setdefault("peak_rss_mib", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    print(json.dumps(result))


def run(which: str, args: list[str], repeat: int) -> dict:
    """The pass in fresh child processes; the run with the median time."""
    runs = []
    for _ in range(repeat):
        out = subprocess.run([sys.executable, __file__, f"--pass={which}", *args], check=True, capture_output=True, text=True,
                             env={**os.environ, "PYTHONPATH": str(ROOT)})
        runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
    median = statistics.median_low(r["seconds"] for r in runs)
    return next(r for r in runs if r["seconds"] == median)


def main() -> None:
    args = sys.argv[1:]
    if args and args[0].startswith("--pass="):
        child(args[0].split("=", 1)[1], pdfs(args[1:]))
        return
    repeat = 1
    if args[:1] == ["--repeat"]:
        repeat, args = int(args[1]), args[2:]
    files = pdfs(args)
    bare, floor, ours, commands = (run(w, args, repeat) for w in ("bare", "floor", "parse", "commands"))

    def rate(r: dict) -> dict:
        return {"cpu_seconds": round(r["seconds"], 2), "pages": r.get("pages"),
                "pages_per_second": round(r["pages"] / r["seconds"], 1) if r.get("pages") else None,
                "peak_rss_mib": round(r["peak_rss_mib"], 1)}

    result = {
        "files": len(files), "unreadable_as_expected": ours["failed"], "repeat": repeat,
        "pdfplumber_extract_text": rate(bare),
        "pypdfium2_every_char_box": rate(floor),
        "minutetrail_parse_in_process": {**rate(ours), "by_type": ours["by_type"]},
        "minutetrail_parse_one_command_per_file": {**rate({**commands, "pages": ours["pages"]}),
                                                   "startup_and_parse_cpu_per_file": round(commands["seconds"] / len(files), 3)},
        "ratio_commands_over_bare": round(commands["seconds"] / bare["seconds"], 3),
        "ratio_parse_over_bare": round(ours["seconds"] / bare["seconds"], 3),
        "ratio_parse_over_floor": round(ours["seconds"] / floor["seconds"], 2),
        "targets": {"commands_over_bare": 0.10, "parse_over_floor": 3.0},
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
