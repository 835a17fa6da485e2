"""Unseen layouts for agendas, front sheets and reports' recommendations: a sweep with held-out values.

Each synthetic pack combines one value of every layout dimension below (front sheet, agenda heading,
numbering, title typography, descriptions, sub-items, page references, list or table, Part 1/2 banners,
length, font, size; report heading, recommendation cue, list form, the section after it). Every
dimension's values are split in two, fixed here: the development half (even positions) is what parser
fixes may look at; the held-out half (odd positions) stands in for a council never seen, and is only
reported. A gold record in the format of ../shared/corpus/FORMAT.md is written beside each PDF.

Run: python bench/unseen_agenda.py --n 60 --seed 1 --split dev|held-out|held-out-2|held-out-3|all [--keep DIR] [--show]
Prints P/R/F1 for agenda items and recommendations, the meeting's committee and date, and F1 by each
dimension's value, so a failing layout class is named by its dimension.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.unseen_agenda_draw import agenda_list, agenda_table, front_sheet, plan_items  # noqa: E402
from bench.unseen_agenda_report import report  # noqa: E402
from bench.unseen_agenda_pdf import BODY_KINDS, PLACES, TOPICS, VENUES, Pen  # noqa: E402
from minutetrail.evaluate import FileResult, Score, compare  # noqa: E402

DIMENSIONS: dict[str, list[Any]] = {
    "committee": ["Audit and Governance Committee", "Cabinet", "Planning Sub-Committee", "Board of Trustees", "Parish Council",
                  "Licensing and Regulatory Committee", "Health and Wellbeing Board", "Overview and Scrutiny Panel"],
    "title_block": ["stacked", "notice", "summons", "meeting_of", "labelled", "committee_agenda"],
    "date_format": ["long_at", "numeric", "ordinal", "plain_24h", "american", "short_month", "dotted", "weekday_24h"],
    "front_blocks": ["none", "membership", "notices", "contact", "membership+contact", "notices+membership+contact"],
    "heading": ["AGENDA", "Agenda", "Business", "Items of business", None, "Order of business"],
    "numbering": ["1.", "1", "(1)", "Item 1", "1.0", "2025/12", "A.", "none", "1)", "Item 1:"],
    "title_style": ["upper_bold", "bold", "plain", "upper"],
    "wrap": [0.0, 0.3, 0.15, 0.5],
    "description": ["none", "one", "mixed", "long"],
    "sub_items": ["(a)", "none", "5.1", "a)"],
    "page_refs": ["paren_suffix", "plain_suffix", "right_column", "right_pages_word", "none", "below_line"],
    "layout": ["inline", "hanging", "table_ruled", "table_plain"],
    "table_header": [["Item", "Subject", "Lead officer", "Pages"], ["No.", "Business", "Presenter", "Time"],
                     ["Agenda Item", "Title", "Report Author", "Paper"], ["Ref", "Description", "Lead", "Timing"],
                     ["Item No.", "Report Title", "Responsible Officer", "Page No."], ["#", "Topic", "Who", "Time"]],
    "parts": ["none", "part_12", "exempt_banner", "part_ab"],
    "length": [(5, 8), (9, 12), (14, 18), (18, 22)],
    "font": ["Helvetica", "Times"],
    "size": [9.0, 10.0, 11.0, 12.0],
    "report_head": ["title_of_report", "report_to", "big_title", "agenda_item", "caps_label", "purpose_label", "cover_table",
                    "portfolio_box"],
    "rec_heading": ["Recommendation(s)", "RECOMMENDATIONS", "Recommendation:", "The Committee is asked to:",
                    "It is recommended that", "Members are asked to", "Recommendations", "RECOMMENDATION", "Recommended decision",
                    "Decision required"],
    "rec_list": ["(a)", "1.", "table", "(i)", "bullet", "paragraph", "2.1", "a)"],
    "next_section": ["Background", "Reasons for the recommendations", "Financial implications", "Report detail", "Summary",
                     "Main considerations", "Key issues", "Options considered"],
}
# Round 2: a second held-out set per dimension, drawn before any parser change of that round and never tuned on
# (UK, Irish, Canadian, Australian, New Zealand and US practice). ``--split held-out-2`` draws only from these.
HELD_OUT_2: dict[str, list[Any]] = {
    "committee": ["Strategic Policy Committee", "Committee of the Whole", "Board of Supervisors", "Finance and Performance Committee"],
    "title_block": ["hereby_given", "regular_meeting", "meeting_no_labels", "requested_to_attend"],
    "date_format": ["iso_pm", "us_no_weekday", "hour_only", "padded_ampm"],
    "front_blocks": ["acknowledgement", "members_quorum", "issued_by", "evacuation+membership"],
    "heading": ["Business to be transacted", "TABLE OF CONTENTS", "Clár / Agenda", "AGENDA ITEMS"],
    "numbering": ["I.", "a.", "Agenda Item 1", "01"],
    "title_style": ["italic", "underlined"],
    "wrap": [0.05, 0.7],
    "description": ["purpose", "italic"],
    "sub_items": ["(i)", "5a"],
    "page_refs": ["pp_suffix", "start_page_right"],
    "layout": ["leader_dots", "table_shaded"],
    "table_header": [["No", "Agenda Item", "Responsible", "Page"], ["Item", "Matter", "Presenter(s)", "Est. Time"],
                     ["Item", "Heading", "Portfolio Holder", "Page Nos."]],
    "parts": ["closed_session", "public_excluded"],
    "length": [(4, 6), (23, 28)],
    "font": ["LiberationSans", "DejaVuSerif"],
    "size": [8.5, 14.0],
    "report_head": ["memo", "staff_report", "item_number_title", "summary_box"],
    "rec_heading": ["Officer recommendation", "RECOMMENDED ACTION", "Staff Recommendation", "Proposed resolution",
                    "Members are recommended to"],
    "rec_list": ["(1)", "i.", "dash"],
    "next_section": ["Discussion", "Legal implications", "Significance and engagement", "Analysis"],
}
# Round 3: a third held-out set, drawn before any parser change of round 3 and never tuned on.
HELD_OUT_3: dict[str, list[Any]] = {
    "committee": ["Policy and Resources Committee", "Corporate Services Standing Committee"],
    "title_block": ["agenda_for"],
    "date_format": ["ordinal_pm"],
    "front_blocks": ["webcast"],
    "heading": ["ITEMS FOR CONSIDERATION"],
    "numbering": ["Item No. 1"],
    "title_style": ["bold_italic"],
    "wrap": [0.9],
    "description": ["purpose_tag"],
    "sub_items": ["i)"],
    "page_refs": ["pages_to"],
    "layout": ["table_zebra"],
    "table_header": [["Item No", "Subject Matter", "Officer", "Page"]],
    "parts": ["confidential"],
    "length": [(12, 16)],
    "font": ["DejaVuSansCondensed"],
    "size": [10.5, 13.0],
    "report_head": ["caps_labels"],
    "rec_heading": ["Recommended Motion", "Decision sought"],
    "rec_list": ["A."],
    "next_section": ["Consultation", "Risk management"],
}
SPLITS = ("dev", "held-out", "held-out-2", "held-out-3", "all")


def half(values: list[Any], split: str, dim: str = "") -> list[Any]:
    """The development half (even positions), the held-out half (odd positions) or, for ``held-out-2``, the round-2
    held-out values of a dimension (``held-out-3``: round 3's); ``all`` is the first two halves, as before round 2."""
    if split == "held-out-2":
        return HELD_OUT_2[dim]
    if split == "held-out-3":
        return HELD_OUT_3[dim]
    if split == "all":
        return values
    return values[0::2] if split == "dev" else values[1::2]


def label(value: Any) -> str:
    if isinstance(value, list):
        return "|".join(value)
    return str(value)


def choose(rng: random.Random, split: str) -> dict[str, Any]:
    return {dim: rng.choice(half(values, split, dim)) for dim, values in DIMENSIONS.items()}


def meeting_of(rng: random.Random, committee: str) -> dict[str, Any]:
    place = rng.choice(PLACES)
    day = date(2025, 1, 6) + timedelta(days=rng.randint(0, 700))
    hour, minute = rng.choice([(10, 0), (14, 0), (18, 30), (19, 0), (9, 30), (14, 30)])
    if committee == "Parish Council":
        body = committee = f"{place} Parish Council"
    elif committee == "Board of Supervisors":
        body = f"County of {place}"
    elif committee == "Board of Trustees":
        body = f"{place} Community Trust"
    else:
        body = f"{place} {rng.choice(BODY_KINDS)}"
    return {"place": place, "day": day, "hour": hour, "minute": minute, "body": body, "committee": committee,
            "venue": rng.choice(VENUES)}


def build(out: Path, idx: int, rng: random.Random, split: str) -> Path:
    ch = choose(rng, split)
    m = meeting_of(rng, ch["committee"])
    pdf = out / f"{idx:03d}.pdf"
    pen = Pen(pdf, ch["font"], ch["size"])
    front_sheet(pen, ch, rng, m)
    n_reports = rng.randint(1, 2)
    titles = rng.sample(TOPICS, n_reports)
    prev = (m["day"] - timedelta(days=28)).strftime("%d %B %Y").lstrip("0")
    items = plan_items(rng, ch, titles, prev)
    base = rng.randint(1, 80)
    agenda_end = pen.page
    if ch["layout"].startswith("table"):
        gold_items = agenda_table(pen, ch, items, base, rng)
    else:
        gold_items = agenda_list(pen, ch, items, base)
    agenda_end = pen.page
    recs: list[dict] = []
    documents = [{"kind": "agenda", "title": None, "page_start": 1, "page_end": agenda_end}]
    for title in titles:
        start = pen.page + 1
        recs += report(pen, ch, rng, m, title)
        documents.append({"kind": "report", "title": title, "page_start": start, "page_end": pen.page})
    pen.save()
    gold = {
        "source": {"file": pdf.name, "pages": pen.page},
        "documents": documents,
        "meeting": {"body": m["body"], "committee": m["committee"], "date": m["day"].isoformat(),
                    "time": f"{m['hour']:02d}:{m['minute']:02d}", "venue": m["venue"]},
        "agenda_items": gold_items, "minutes": [], "recommendations": recs, "actions": [], "warnings": [],
        "_dimensions": {k: label(v) for k, v in ch.items()},
    }
    (out / "gold").mkdir(exist_ok=True)
    path = out / "gold" / f"{idx:03d}.json"
    path.write_text(json.dumps(gold, indent=1), "utf-8")
    return path


CATS = ("agenda_items", "recommendations")


def _f1(scores: list[Score]) -> str:
    s = Score()
    for x in scores:
        s.add(x)
    return f"{s.f1:.3f}" if s.tp + s.fp + s.fn else "  –  "


def report_scores(results: list[tuple[dict, FileResult]], show: bool) -> None:
    print(f"{'category':<18}{'tp':>5}{'fp':>5}{'fn':>5}{'P':>8}{'R':>8}{'F1':>8}")
    for cat in CATS:
        s = Score()
        for _g, r in results:
            s.add(r.scores[cat])
        print(f"{cat:<18}{s.tp:>5}{s.fp:>5}{s.fn:>5}{s.precision:>8.3f}{s.recall:>8.3f}{s.f1:>8.3f}")
    for key in ("committee", "date"):
        ok = [r.meeting_ok[key] for _g, r in results if key in r.meeting_ok]
        print(f"meeting {key:<10} {sum(ok)}/{len(ok)} = {sum(ok) / max(1, len(ok)):.3f}")
    print("\nF1 by dimension value (agenda items | recommendations | committee | date), files")
    for dim in DIMENSIONS:
        print(f"  {dim}")
        for value in dict.fromkeys(g["_dimensions"][dim] for g, _r in results):
            rs = [r for g, r in results if g["_dimensions"][dim] == value]
            com = [r.meeting_ok.get("committee", False) for r in rs]
            dat = [r.meeting_ok.get("date", False) for r in rs]
            print(f"    {value[:44]:<46}{_f1([r.scores['agenda_items'] for r in rs]):>7}{_f1([r.scores['recommendations'] for r in rs]):>7}"
                  f"{sum(com) / len(rs):>7.2f}{sum(dat) / len(rs):>7.2f}{len(rs):>5}")
    if show:
        for g, r in results:
            if r.misses or r.spurious or not all(r.meeting_ok.values()):
                print(f"\n{Path(r.gold_path).name} {g['_dimensions']}")
                print("  meeting ok:", r.meeting_ok)
                for x in r.misses:
                    print("  MISS", x)
                for x in r.spurious:
                    print("  EXTRA", x)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=60)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--split", choices=SPLITS, default="dev")
    ap.add_argument("--keep", help="write the PDFs and gold here (default: a temporary folder, removed)")
    ap.add_argument("--show", action="store_true", help="print each file's misses")
    args = ap.parse_args(argv)
    from minutetrail.extraction import parse_file
    from minutetrail.parsers.record import record_to_dict

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(args.keep) if args.keep else Path(tmp)
        out.mkdir(parents=True, exist_ok=True)
        rng = random.Random(f"{args.seed}-{args.split}")
        results = []
        for idx in range(args.n):
            gold_path = build(out, idx, rng, args.split)
            gold = json.loads(gold_path.read_text("utf-8"))
            pred = record_to_dict(parse_file(out / gold["source"]["file"]))
            results.append((gold, compare(gold, pred, str(gold_path))))
        print(f"unseen agendas: {args.n} packs, seed {args.seed}, split {args.split}\n")
        report_scores(results, args.show)


if __name__ == "__main__":
    main()
