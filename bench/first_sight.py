"""First sight: score the gold records that arrived since the last entry, before any code changes for them.

Gold files already seen (scored at first sight, or developed on) are listed in bench/seen-gold.txt,
one path per line relative to the corpus's gold/ folder. This prints the markdown entry for the new
ones (date, code revision, files, P/R/F1 per category, field accuracy, F1 per body); with --record it
appends the entry to bench/first-sight.md and the files to seen-gold.txt, to be committed as they are.
Run: python bench/first_sight.py [--corpus ../shared/corpus] [--record]
"""
from __future__ import annotations

import argparse
import subprocess
from collections import defaultdict
from datetime import date
from pathlib import Path

from minutetrail.evaluate import CATEGORIES, evaluate_files, gold_files, score_rows, totals
from minutetrail.extraction import parse_file
from minutetrail.parsers.record import record_to_dict

ROOT = Path(__file__).resolve().parent.parent
SEEN = ROOT / "bench" / "seen-gold.txt"
ENTRIES = ROOT / "bench" / "first-sight.md"
NAMES = {"agenda_items": "agenda items", "minute_items": "minute items", "attendance": "attendance",
         "resolutions": "resolutions", "minute_actions": "minutes actions", "recommendations": "report recommendations",
         "actions": "action rows"}


def unseen(corpus: Path) -> list[Path]:
    seen = {line.strip() for line in SEEN.read_text("utf-8").splitlines() if line.strip()} if SEEN.exists() else set()
    gold = corpus / "gold"
    return [p for p in gold_files([gold]) if p.relative_to(gold).as_posix() not in seen]


def body_of(path: Path, gold: Path) -> str:
    parts = path.relative_to(gold).parts
    return parts[1] if parts[0] == "real" and len(parts) > 2 else parts[0]


def _f1(s: object) -> str:
    tp, fp, fn = s.tp, s.fp, s.fn  # type: ignore[attr-defined]
    return "–" if tp + fp + fn == 0 else f"{s.f1:.3f}"  # type: ignore[attr-defined]


def entry(files: list[Path], gold: Path) -> str:
    results = evaluate_files(files, lambda p: record_to_dict(parse_file(p)))
    rows, fields = score_rows(results)
    revision = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    by_body: dict[str, list[Path]] = defaultdict(list)
    for f in files:
        by_body[body_of(f, gold)].append(f)
    out = [f"## {date.today().isoformat()}: {len(by_body)} bodies ({len(files)} gold files), code at {revision}", "",
           "Files (`../shared/corpus/gold/…`):"]
    out += [f"- `{body}/`: " + ", ".join(sorted(p.stem for p in found)) for body, found in sorted(by_body.items())]
    out += ["", "Command: `python bench/first_sight.py` (`minutetrail eval` on the files above)", "",
            "| category | tp | fp | fn | precision | recall | F1 |", "|---|---|---|---|---|---|---|"]
    for r in rows:
        empty = r["tp"] + r["fp"] + r["fn"] == 0
        p, rc, f = ("–", "–", "–") if empty else (f"{r['precision']:.3f}", f"{r['recall']:.3f}", f"{r['f1']:.3f}")
        out.append(f"| {NAMES[r['category']]} | {r['tp']} | {r['fp']} | {r['fn']} | {p} | {rc} | {f} |")
    scored = [f"{r['field']} {r['correct']}/{r['total']}" for r in fields if r["total"]]
    out += ["", "Fields: " + ", ".join(scored) + ".", "", "Per body (F1; `–` where its gold has none of that category):", "",
            "| body | " + " | ".join(NAMES[c] for c in CATEGORIES) + " |", "|---" * (len(CATEGORIES) + 1) + "|"]
    for body, found in sorted(by_body.items()):
        mine = [r for r in results if Path(r.gold_path) in set(found)]
        scores, _, _ = totals(mine)
        out.append(f"| {body} | " + " | ".join(_f1(scores[c]) for c in CATEGORIES) + " |")
    errors = [f"- {Path(r.gold_path).relative_to(gold)}: {r.error}" for r in results if r.error]
    if errors:
        out += ["", "Files the code could not read:", *errors]
    return "\n".join(out) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--record", action="store_true", help="append the entry to first-sight.md and the files to seen-gold.txt")
    args = parser.parse_args()
    gold = args.corpus / "gold"
    files = unseen(args.corpus)
    if not files:
        print(f"no new gold records under {gold}: every one is listed in {SEEN.relative_to(ROOT)}")
        return
    text = entry(files, gold)
    print(text)
    if args.record:
        with ENTRIES.open("a", encoding="utf-8") as f:
            f.write("\n" + text)
        with SEEN.open("a", encoding="utf-8") as f:
            f.writelines(p.relative_to(gold).as_posix() + "\n" for p in files)


if __name__ == "__main__":
    main()
