"""OCR of scanned pages: speed (pages/s) and accuracy against the born-digital file, in one run.

  speed     `read_pdf(ocr="auto")` on the corpus's scanned township package (39 image-only pages): wall
            seconds and CPU seconds of the OCR children (OCRmyPDF + Tesseract, all cores) per page; then
            what `parse` makes of it (documents, agenda items)
  accuracy  gold papers rasterised here (every page rendered to grey pixels, rebuilt as an image-only PDF),
            parsed with --ocr auto, scored with minutetrail's eval beside the born-digital file, per category
Run: python bench/ocr_speed.py [--speed-only | --accuracy-only]
"""
from __future__ import annotations

import json
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "corpus"
PACKAGE = CORPUS / "real" / "nipissing-township" / "council-package-2025-01-07.pdf"
# (gold file, dpi): agenda front sheets, an agenda with an action table, minutes, a ruled action log
GOLD_SCANS = [
    ("real/nipissing-township/agenda-2024-11-12.json", 200),
    ("real/milburn-parish-council/agenda-2019-09-03.json", 300),
    ("real/souldern-pc/agenda-2023-11-30.json", 300),
    ("real/north-of-tyne-lpc/minutes-2017-09-06.json", 200),
    ("real/milburn-parish-council/minutes-2018-11-06.json", 200),
    ("real/ayton-community-council/minutes-2019-09-03.json", 200),
    ("real/cabinet-office-transparency-board/action-log-2011-03-02.json", 300),
    ("real/cabinet-office-transparency-board/action-status-update-2011-01-11.json", 300),
]
CATEGORIES = ("agenda_items", "minute_items", "resolutions", "actions")


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def speed() -> dict:
    from minutetrail.extract import read_pdf
    from minutetrail.parsers.record import parse_pages, record_to_dict

    cpu, wall = _children_cpu(), time.perf_counter()
    opened = read_pdf(PACKAGE, ocr="auto")
    wall, cpu = time.perf_counter() - wall, _children_cpu() - cpu
    pages = len(opened.ocr.pages) if opened.ocr else 0
    record = record_to_dict(parse_pages(PACKAGE.name, opened.sha256, opened.pages, ocr=opened.ocr))
    return {"file": PACKAGE.name, "ocr_pages": pages, "wall_seconds": round(wall, 1),
            "pages_per_second": round(pages / wall, 2), "ocr_cpu_seconds_per_page": round(cpu / max(pages, 1), 2),
            "engine": opened.ocr.engine if opened.ocr else None,
            "documents": [f"{d['kind']} {d['page_start']}-{d['page_end']}" for d in record["documents"]],
            "agenda_items": len(record["agenda_items"]),
            "minute_items": sum(len(m["items"]) for m in record["minutes"])}


def accuracy() -> dict:
    from minutetrail.evaluate import Score, compare, source_pdf
    from minutetrail.extraction import parse_file
    from minutetrail.parsers.record import record_to_dict
    from tests.scans import rasterise

    totals = {side: {c: Score() for c in CATEGORIES} for side in ("born", "ocr")}
    files = {}
    with tempfile.TemporaryDirectory() as folder:
        for name, dpi in GOLD_SCANS:
            gold_path = CORPUS / "gold" / name
            gold = json.loads(gold_path.read_text("utf-8"))
            born_pdf = source_pdf(gold_path, gold)
            scan = rasterise(born_pdf, Path(folder) / born_pdf.name, dpi)
            t = time.perf_counter()
            results = {"born": compare(gold, record_to_dict(parse_file(born_pdf)), str(gold_path)),
                       "ocr": compare(gold, record_to_dict(parse_file(scan, ocr="auto")), str(gold_path))}
            row = {"dpi": dpi, "seconds": round(time.perf_counter() - t, 1)}
            for side, result in results.items():
                for c in CATEGORIES:
                    s = result.scores[c]
                    totals[side][c].add(s)
                    if s.tp + s.fn:
                        row[f"{c}_{side}"] = round(s.f1, 3)
            files[name] = row
    return {"files": files, "total_f1": {side: {c: round(s.f1, 3) for c, s in by.items() if s.tp + s.fn}
                                          for side, by in totals.items()}}


def main(argv: list[str]) -> None:
    out = {}
    if "--accuracy-only" not in argv:
        out["speed"] = speed()
    if "--speed-only" not in argv:
        out["accuracy"] = accuracy()
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main(sys.argv[1:])
