"""Time `parse` over the whole corpus beside a bare pdfplumber extract_text() pass, in one run.

Reports pages per second and peak memory for each, and the ratio of our complete extraction's
time to the bare pass. Run: python bench/parse_speed.py [PDF_OR_DIR ...]  (default: ../shared/corpus and samples/)
"""
from __future__ import annotations

import json
import resource
import subprocess
import sys
import time
from pathlib import Path

import pdfplumber

from minutetrail.errors import ExtractionError
from minutetrail.extraction import parse_file

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = [ROOT.parent / "shared" / "corpus", ROOT / "samples"]


def pdfs(args: list[str]) -> list[Path]:
    out: list[Path] = []
    for a in args or [str(p) for p in DEFAULT]:
        p = Path(a)
        out.extend(sorted(p.rglob("*.pdf")) if p.is_dir() else [p])
    return out


def bare_pass(files: list[Path]) -> dict:
    pages = 0
    t = time.perf_counter()
    for f in files:
        with pdfplumber.open(f) as pdf:
            for page in pdf.pages:
                page.extract_text()
                pages += 1
                page.close()
    return {"seconds": time.perf_counter() - t, "pages": pages}


def our_pass(files: list[Path]) -> dict:
    pages = failed = 0
    parse_file(files[0])  # warm imports (spaCy pipeline, PDFium) outside the timing
    t = time.perf_counter()
    for f in files:
        try:
            pages += parse_file(f).pages
        except ExtractionError:
            failed += 1
    return {"seconds": time.perf_counter() - t, "pages": pages, "failed": failed}


def child(which: str, files: list[Path]) -> None:
    result = our_pass(files) if which == "ours" else bare_pass(files)
    result["peak_rss_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


def run(which: str, args: list[str]) -> dict:
    out = subprocess.run([sys.executable, __file__, f"--pass={which}", *args], check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    args = sys.argv[1:]
    if args and args[0].startswith("--pass="):
        child(args[0].split("=", 1)[1], pdfs(args[1:]))
        return
    files = pdfs(args)
    ours, bare = run("ours", args), run("bare", args)
    result = {
        "files": len(files), "unreadable_as_expected": ours["failed"],
        "minutetrail_parse": {"seconds": round(ours["seconds"], 2), "pages": ours["pages"],
                              "pages_per_second": round(ours["pages"] / ours["seconds"], 1), "peak_rss_mib": round(ours["peak_rss_mib"], 1)},
        "pdfplumber_extract_text": {"seconds": round(bare["seconds"], 2), "pages": bare["pages"],
                                    "pages_per_second": round(bare["pages"] / bare["seconds"], 1), "peak_rss_mib": round(bare["peak_rss_mib"], 1)},
        "time_ratio_ours_over_bare": round(ours["seconds"] / bare["seconds"], 3),
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
