"""Peak memory of parsing and of ingesting a ~500-page agenda pack, and start-up CPU of small commands.

The pack is made in a temporary directory by concatenating corpus PDFs (pikepdf) and is never
kept. Each measurement is its own child process; peak RSS is its ru_maxrss. Target: < 500 MB.
Run: python bench/memory.py [--pages N] [PDF_OR_DIR ...]  (default: ../shared/corpus, 500 pages)
"""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = [ROOT.parent / "shared" / "corpus"]
MINUTETRAIL = Path(sys.executable).parent / "minutetrail"
TARGET_MIB = 500


def pdfs(args: list[str]) -> list[Path]:
    out: list[Path] = []
    for a in args or [str(p) for p in DEFAULT]:
        p = Path(a)
        out.extend(sorted(p.rglob("*.pdf")) if p.is_dir() else [p])
    return out


def make_pack(sources: list[Path], pages: int, dest: Path) -> int:
    """Concatenate whole source files (with text) until the pack has at least `pages` pages."""
    import pikepdf
    import pypdfium2 as pdfium

    pack = pikepdf.Pdf.new()
    while len(pack.pages) < pages:
        before = len(pack.pages)
        for src in sources:
            doc = pdfium.PdfDocument(str(src))
            has_text = any(doc[i].get_textpage().count_chars() > 0 for i in range(min(3, len(doc))))
            doc.close()
            if not has_text:
                continue
            with pikepdf.open(src) as pdf:
                pack.pages.extend(pdf.pages)
            if len(pack.pages) >= pages:
                break
        if len(pack.pages) == before:
            raise SystemExit("no readable PDFs to build the pack from")
    pack.save(dest)
    return len(pack.pages)


RUNNER = (
    "import json, resource, subprocess, sys, time\n"
    "start = time.perf_counter()\n"
    "done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)\n"
    "wall = time.perf_counter() - start\n"
    "use = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "print(json.dumps({'rc': done.returncode, 'err': done.stderr[-400:], 'cpu': use.ru_utime + use.ru_stime,\n"
    "                  'wall': wall, 'rss': use.ru_maxrss}))\n"
)


def measure(args: list[str]) -> dict:
    """CPU seconds, wall seconds and peak RSS (MiB) of one command, through a fresh runner of its own."""
    out = subprocess.run([sys.executable, "-c", RUNNER, *args], check=True, capture_output=True, text=True)
    got = json.loads(out.stdout.strip().splitlines()[-1])
    if got["rc"] != 0:
        raise SystemExit(f"{' '.join(args)} failed: {got['err'].strip()}")
    return {"cpu_seconds": round(got["cpu"], 2), "wall_seconds": round(got["wall"], 2), "peak_rss_mib": round(got["rss"] / 1024, 1)}


def main() -> None:
    args = sys.argv[1:]
    pages = 500
    if args[:1] == ["--pages"]:
        pages, args = int(args[1]), args[2:]
    with tempfile.TemporaryDirectory() as tmp:
        pack = Path(tmp) / "pack.pdf"
        made = make_pack(pdfs(args), pages, pack)
        db = Path(tmp) / "bench.db"
        sample = sorted((ROOT / "samples").glob("*.pdf"))
        startup = {
            "help": measure([str(MINUTETRAIL), "--help"]),
            "ingest_samples": measure([str(MINUTETRAIL), "--db", str(db), "ingest", str(ROOT / "samples")]),
            "small_query_overdue": measure([str(MINUTETRAIL), "--db", str(db), "overdue"]),
            "parse_one_sample": measure([str(MINUTETRAIL), "parse", str(sample[0])]),
        }
        parse = measure([str(MINUTETRAIL), "parse", str(pack)])
        ingest = measure([str(MINUTETRAIL), "--db", str(Path(tmp) / "pack.db"), "ingest", "--jobs", "1", str(pack)])
    result = {
        "pack_pages": made,
        "parse_pack": {**parse, "pages_per_second_cpu": round(made / parse["cpu_seconds"], 1)},
        "ingest_pack": ingest,
        "target_peak_rss_mib": TARGET_MIB,
        "startup": startup,
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
