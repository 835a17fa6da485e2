"""Unseen-layouts sweep for minutes: random minutes from a seed, scored against their own gold.

Each PDF combines one value of every layout dimension in DIMENSIONS (title block, date format,
attendance layout, name prefixes, labels, item numbering, heading style, decision wording and
parts, actions, votes, running header/footer, type size). Each dimension's values are split in
two, fixed here: the development half (even positions) is what parser fixes may look at; the
held-out half (odd positions) stands for a council never seen and is only reported.

Run: python bench/unseen_minutes.py --n 60 --seed 1 --split dev|held-out|held-out-2|held-out-3|all [--keep DIR] [-v]
Prints P/R/F1 per category (minutetrail.evaluate) and F1 by each dimension value. Nothing is written
outside a temporary folder unless --keep names one. Invented text only (bench/unseen_minutes_text.py).
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import unseen_minutes_text as T  # noqa: E402
from unseen_minutes_draw import BOLD, MARGIN, Doc, action_paras, attendance, decision, fmt_date, heading, number_column, number_of, title_block, votes_text  # noqa: E402
from unseen_minutes_draw2 import subpara, votes as round_2_votes  # noqa: E402
import unseen_minutes_draw3 as D3  # noqa: E402

ROUND_2_VOTES = ("ayes_noes", "dash_count", "named_division")
SCORED = ("minute_items", "attendance", "resolutions", "minute_actions")

DIMENSIONS: dict[str, list[Any]] = {
    "title": ["held_on", "caps_stack", "front_table", "held_in_on", "caps_single", "body_then_title"],
    "date_format": ["%A %-d %B %Y", "%-d{th} %B %Y", "%d/%m/%Y", "%A, %-d %B %Y", "%-d %B %Y", "%A %-d{th} %B %Y",
                    "%B %-d, %Y", "%d.%m.%Y"],
    "attendance": ["comma", "per_line", "two_columns", "prose", "semicolons", "oxford"],
    "label_layout": ["inline", "column", "heading", "inline_dash"],
    "prefix": ["Cllr", "Councillor", "honorific", "none", "Cr", "Cllr."],
    "chair_mark": [("(Chair)", ""), ("(Chairman)", "(Vice-Chairman)"), ("(Chair)", "(Vice-Chair)"), ("(Chairperson)", ""),
                   ("(Vice-Chair in the Chair)", ""), ("(Chair)", "(Vice Chair)")],
    "labels": [("Present", "Apologies", "Substitutes", "In attendance", "Officers"),
               ("Members present", "Apologies for absence", "Substitute Members", "Also present", "Officers present"),
               ("PRESENT", "APOLOGIES", "SUBSTITUTES", "ALSO PRESENT", "OFFICERS"),
               ("Councillors present", "Absent", "Named substitutes", "Also in attendance", "Officers in attendance"),
               ("Present", "Apologies for Absence", "Substitutes", "In Attendance", "Officers Present"),
               ("Members Present", "Apologies received", "Substitutes", "Also Present", "Officers in Attendance"),
               ("Present", "Apologies", "Substitutes", "In attendance", "Staff"),
               ("Attendees", "Regrets", "Alternates", "Guests", "Staff present")],
    "officer_style": ["bracket", "dash", "name_only", "comma_role"],
    "numbering": ["1.", "1", "12/25", "2025/12", "(1)", "Item 1", "Minute 45", "1.0", "none", "45."],
    "heading": ["bold", "caps", "underlined", "plain", "margin", "bold_caps"],
    "subparas": ["no", "yes"],
    "decision": ["RESOLVED - That", "RESOLVED: that", "It was RESOLVED that", "Resolved unanimously that", "DECISION:",
                 "Decision:", "AGREED:", "The Committee AGREED that", "RECOMMENDED to Council that", "RESOLVED – that",
                 "Moved/Seconded/CARRIED", "It was moved by A, seconded by B, that"],
    "parts": ["single", "lettered", "roman", "numbered", "lettered_paren"],
    "action": ["trailing", "label", "margin", "prose", "trailing_bracket", "label_owner_first"],
    "votes": ["for_against", "carried_by", "bracketed", "agreed_by", "dash_list", "recorded"],
    "running": ["page_numbers", "chair_initials", "committee_header", "none", "page_of", "signed_footer"],
    "font_size": [9.0, 9.5, 10.0, 10.5, 11.0, 11.5, 12.0],
}


# The third split (round 2): values in neither half above, each a practice of UK, Irish, Canadian, Australian,
# New Zealand or US minutes, drawn before any parser change of round 2 and never tuned on.
HELD_OUT_2: dict[str, list[Any]] = {
    "title": ["ordinary_meeting", "regular_meeting", "inline_labels"],
    "date_format": ["%A, %B %-d, %Y", "%-d/%-m/%Y", "%Y-%m-%d", "%-d %b %Y", "%-d{th} of %B %Y"],
    "attendance": ["and_list", "three_columns", "ward"],
    "label_layout": ["bold_inline", "heading_colon", "underlined_heading"],
    "prefix": ["Clr", "Council Member", "Alderman", "Cr."],
    "chair_mark": [("(in the Chair)", ""), ("(Chair)", "(Deputy Chair)"), ("(Cathaoirleach)", ""), ("(Mayor)", "(Deputy Mayor)"),
                   ("(Presiding Member)", "")],
    "labels": [("Members Present", "Members Absent", "Alternates Present", "Others Present", "Staff Present"),
               ("Members Present", "Apologies", "Substitutes", "Also Present", "Officials Present"),
               ("Councillors", "Apologies", "Substitutes", "Also Present", "Council Officers"),
               ("Committee Members Present", "Absent with Regrets", "Substitutes", "Also Present", "City Staff"),
               ("Present", "Apologies for absence", "Substitutes", "Also attending", "Officers attending")],
    "officer_style": ["role_first", "two_column", "bracket_and"],
    "numbering": ["1)", "IV.", "code/45/24"],
    "heading": ["bold_underlined", "italic", "larger"],
    "subparas": ["bullets", "lettered"],
    "decision": ["RESOLVED alone", "Moved by/Seconded by/THAT", "On the proposal of A, seconded by B, it was agreed that",
                 "A motion was made by A and seconded by B that", "It was agreed that"],
    "parts": ["letter_dot", "numbered_paren", "bullets"],
    "action": ["action_by", "margin_name", "responsible"],
    "votes": ["ayes_noes", "dash_count", "named_division"],
    "running": ["dash_page", "draft_header", "minute_book", "date_header"],
    "font_size": [8.5, 13.0],
}


# The fourth split (round 3): values in none of the splits above (Scottish, UK, Irish, Australian, New Zealand and US
# practice), drawn before any parser change of round 3 and never tuned on; reported by its totals only.
HELD_OUT_3: dict[str, list[Any]] = {
    "title": ["minute_of_meeting"],
    "date_format": ["%A, %-d{th} %B, %Y"],
    "attendance": ["bullets"],
    "label_layout": ["bold_column_colon"],
    "prefix": ["Commissioner"],
    "chair_mark": [("(Convener)", "(Vice-Convener)")],
    "labels": [("Sederunt", "Apologies", "Substitutes", "Also Present", "In Attendance")],
    "officer_style": ["initials_dash"],
    "numbering": ["A."],
    "heading": ["caps_underlined"],
    "subparas": ["roman"],
    "decision": ["COMMITTEE RESOLUTION/Moved/CARRIED"],
    "parts": ["roman_dot"],
    "action": ["action_officer"],
    "votes": ["in_favour_prose"],
    "running": ["unconfirmed"],
    "font_size": [12.5],
}


def split_values(values: list[Any], split: str, dim: str = "") -> list[Any]:
    if split == "held-out-3":
        return HELD_OUT_3[dim]
    if split == "held-out-2":
        return HELD_OUT_2[dim]
    if split == "dev":
        return values[0::2]
    if split == "held-out":
        return values[1::2]
    return values


def pick(rng: random.Random, split: str) -> dict[str, Any]:
    return {k: rng.choice(split_values(v, split, k)) for k, v in DIMENSIONS.items()}


def build(path: Path, rng: random.Random, split: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """One minutes PDF at ``path``; returns (gold record, the dimension values it was made from)."""
    d = pick(rng, split)
    used: set[str] = set()
    body, committee, venue = rng.choice(T.BODIES), rng.choice(T.COMMITTEES), rng.choice(T.VENUES)
    iso_time, time_text = rng.choice(T.TIMES)
    when = date(2024, 1, 8) + timedelta(days=rng.randint(0, 700))
    doc = Doc(path, d["font_size"], d["running"], committee, fmt_date(when, d["date_format"]))
    title_block(doc, d, body, committee, fmt_date(when, d["date_format"]), time_text, venue)
    gold_att = attendance(doc, d, rng, used)
    officers = gold_att["officers"]
    base = rng.randint(10, 80)
    titles = [t for t, _k in T.OPENING_ITEMS] + rng.sample(T.TOPICS, rng.randint(2, 5)) + T.CLOSING_ITEMS
    code = "".join(w[0] for w in committee.split() if w[0].isupper())
    x = number_column(doc, d, max((number_of(d["numbering"], k, base, code)[0] for k in range(1, len(titles) + 1)), key=len))
    width = doc.w - MARGIN - x - {"margin": 70, "margin_name": 120}.get(d["action"], 0)
    if d["action"] == "margin":
        doc.c.setFont(BOLD, doc.size)
        doc.c.drawString(doc.w - MARGIN - 40, doc.y, "Action")
        doc.y -= doc.size * 1.3
    elif d["action"] == "margin_name":
        doc.c.setFont(BOLD, doc.size)
        doc.c.drawRightString(doc.w - MARGIN, doc.y, "Action by")
        doc.y -= doc.size * 1.3
    items = []
    for k, title in enumerate(titles, start=1):
        printed, number = number_of(d["numbering"], k, base, code)
        shown, page = heading(doc, d, printed, title, x)
        item: dict[str, Any] = {"number": number, "title": shown, "page": page, "resolutions": [], "actions": [], "votes": None}
        sub = d["subparas"] == "yes" and d["numbering"] in ("1.", "1", "1.0", "45.", "Minute 45")
        paras = 0

        def para(text: str) -> None:
            nonlocal paras
            paras += 1
            if d["subparas"] == "roman" and not title.startswith(("Apologies", "Declarations", "Date of")):
                text = D3.subpara(paras, text)
            elif d["subparas"] in ("bullets", "lettered") and not title.startswith(("Apologies", "Declarations", "Date of")):
                text = subpara(d["subparas"], paras, text)
            doc.text(f"{number.removesuffix('.0')}.{paras} {text}" if sub else text, x=x, width=width)

        if title.startswith("Apologies"):
            para("Apologies for absence were received as listed above.")
        elif title.startswith("Declarations"):
            para("There were no declarations of interest.")
        elif title.startswith("Minutes"):
            prev = when - timedelta(days=rng.choice([28, 35, 42]))
            item["resolutions"] = decision(doc, d, x, [f"the minutes of the meeting held on {prev.day} {prev.strftime('%B %Y')} be "
                                                       "approved as a correct record and signed by the Chair"], "single")
        elif title == "Date of Next Meeting":
            nxt = when + timedelta(days=35)
            para(f"The next meeting will be held on {nxt.day} {nxt.strftime('%B %Y')} at {time_text}.")
        elif title == "Work Programme":
            para("The Committee considered its work programme for the remainder of the municipal year.")
            item["resolutions"] = decision(doc, d, x, ["the work programme be noted"], "single")
        else:
            for text in rng.sample(T.DISCUSSION, rng.randint(1, 2)):
                para(text.format(role=rng.choice(T.ROLES)))
            if rng.random() < 0.7:
                item["actions"] = action_paras(doc, d, x, width, rng, officers, when)
            if rng.random() < 0.4:
                if d["votes"] in D3.VOTES_3:
                    v = {"for": rng.randint(4, 9), "against": rng.randint(0, 3), "abstain": rng.randint(0, 2)}
                    doc.text(D3.votes_text(v), x=x, width=width)
                    item["votes"] = v
                elif d["votes"] in ROUND_2_VOTES:
                    item["votes"] = round_2_votes(doc, d["votes"], rng, gold_att["present"], x, width)
                else:
                    v = {"for": rng.randint(4, 9), "against": rng.randint(0, 3), "abstain": rng.randint(0, 2)}
                    doc.text(votes_text(d["votes"], v), x=x, width=width)
                    item["votes"] = v
            n_parts = 1 if d["parts"] == "single" else rng.randint(2, 3)
            texts = [f"{rng.choice(T.SUBJECTS)} {rng.choice(T.OUTCOMES)}"]
            texts += [p.format(role=rng.choice(T.ROLES), money=rng.randint(10, 90)) for p in rng.sample(T.EXTRA_PARTS, n_parts - 1)]
            item["resolutions"] = decision(doc, d, x, list(dict.fromkeys(texts)), d["parts"])
        items.append(item)
    doc.text(f"The meeting closed at {rng.choice(['8.15 pm', '12.05 pm', '4.40 pm'])}.", gap=2)
    doc.text("Chair ____________________", gap=0.5)
    doc.save()
    minutes = {"committee": committee, "meeting_date": when.isoformat(), "page_start": 1,
               "attendance": gold_att, "items": items}
    gold = {"source": {"file": path.name}, "documents": [{"kind": "minutes", "title": None, "page_start": 1, "page_end": doc.page}],
            "meeting": {"body": None, "committee": committee, "date": when.isoformat(), "time": iso_time, "venue": venue},
            "agenda_items": [], "minutes": [minutes], "recommendations": [], "actions": [], "warnings": []}
    gold["_layout"] = {k: v if not isinstance(v, tuple) else list(v) for k, v in d.items()}  # extra key: what the file was made from
    return gold, d


def generate(out: Path, n: int, seed: int, split: str) -> list[tuple[Path, dict[str, Any]]]:
    (out / "gold").mkdir(parents=True, exist_ok=True)
    made = []
    for i in range(n):
        rng = random.Random(seed * 100_003 + i * 7919 + {"dev": 0, "held-out": 1, "all": 2, "held-out-2": 3, "held-out-3": 4}[split])
        pdf = out / f"minutes-{split}-{seed}-{i:03d}.pdf"
        gold, dims = build(pdf, rng, split)
        gold_path = out / "gold" / f"{pdf.stem}.json"
        gold_path.write_text(json.dumps(gold, indent=1), "utf-8")
        made.append((gold_path, dims))
    return made


def _f1(tp: int, fp: int, fn: int) -> str:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return f"{2 * p * r / (p + r):.3f}" if p + r else "0.000"


def report(made: list[tuple[Path, dict[str, Any]]], verbose: bool) -> None:
    from minutetrail.evaluate import evaluate_files, score_rows
    from minutetrail.extraction import parse_file
    from minutetrail.parsers.record import record_to_dict

    results = evaluate_files([g for g, _d in made], lambda p: record_to_dict(parse_file(p)))
    rows, fields = score_rows(results)
    print(f"{len(results)} files")
    print(f"{'category':16} {'tp':>5} {'fp':>5} {'fn':>5} {'P':>6} {'R':>6} {'F1':>6}")
    for r in rows:
        if r["category"] in SCORED:
            print(f"{r['category']:16} {r['tp']:5} {r['fp']:5} {r['fn']:5} {r['precision']:6.3f} {r['recall']:6.3f} {r['f1']:6.3f}")
    for f in fields:
        if f["field"] in ("minute_action_owner", "votes", "meeting committee", "meeting date"):
            print(f"  {f['field']:22} {f['correct']}/{f['total']}")
    by: dict[tuple[str, str], dict[str, list[int]]] = defaultdict(lambda: {c: [0, 0, 0] for c in SCORED})
    for res, (_g, dims) in zip(results, made):
        for dim, value in dims.items():
            acc = by[(dim, str(value if not isinstance(value, tuple) else value[0] + "|" + value[1]))]
            for c in SCORED:
                s = res.scores[c]
                acc[c][0] += s.tp
                acc[c][1] += s.fp
                acc[c][2] += s.fn
    print(f"\nF1 by dimension value ({', '.join(SCORED)})")
    for dim in DIMENSIONS:
        for (d, value), acc in sorted(by.items()):
            if d == dim:
                print(f"  {dim:14} {value[:34]:34} " + " ".join(f"{_f1(*acc[c]):>6}" for c in SCORED))
    if verbose:
        for res in results:
            print(f"\n== {Path(res.gold_path).name}" + (f" ERROR {res.error}" if res.error else ""))
            for m in res.misses:
                print(f"  miss      {m}")
            for m in res.spurious:
                print(f"  spurious  {m}")
            for m in res.field_errors:
                print(f"  field     {m}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=60)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--split", choices=("dev", "held-out", "held-out-2", "held-out-3", "all"), default="dev")
    ap.add_argument("--keep", help="write the PDFs and gold here instead of a temporary folder")
    ap.add_argument("-v", "--verbose", action="store_true", help="list each file's misses and spurious items")
    args = ap.parse_args()
    if args.keep:
        report(generate(Path(args.keep), args.n, args.seed, args.split), args.verbose)
        return
    with tempfile.TemporaryDirectory(prefix="unseen-minutes-") as tmp:
        report(generate(Path(tmp), args.n, args.seed, args.split), args.verbose)


if __name__ == "__main__":
    main()
