"""The command line, run as a user runs it (click's runner, real files, real databases)."""
from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import click
import jsonschema
import pytest
from click.testing import CliRunner

from minutetrail.cli import cli
from tests.conftest import CORPUS, SAMPLES

SCHEMA = json.loads(resources.files("minutetrail").joinpath("schema/extraction-record.schema.json").read_text())


def _commands(group: click.Group, prefix: str = "") -> list[tuple[str, click.Command]]:
    out = []
    for name, cmd in group.commands.items():
        out.append((prefix + name, cmd))
        if isinstance(cmd, click.Group):
            out.extend(_commands(cmd, prefix + name + " "))
    return out


def test_every_command_has_help_text():
    runner = CliRunner()
    for name, cmd in _commands(cli):
        assert cmd.help and len(cmd.help.strip()) > 10, name
        result = runner.invoke(cli, [*name.split(), "--help"])
        assert result.exit_code == 0 and "Usage" in result.output, name


@pytest.mark.parametrize("pdf", [*sorted(SAMPLES.glob("*.pdf"))[:2], CORPUS / "seed-pdfs" / "001-cyp-scrutiny-2022-04-26.pdf",
                                 CORPUS / "real" / "kent-county-council" / "cabinet-2025-01-30-printed-minutes.pdf"],
                         ids=lambda p: p.name)
def test_parse_json_matches_the_schema(pdf: Path):
    result = CliRunner().invoke(cli, ["parse", str(pdf), "--json"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.output)
    jsonschema.validate(record, SCHEMA)
    assert record["source"]["pages"] >= 1


def test_parse_bad_file_is_one_clear_line(bad_files):
    result = CliRunner().invoke(cli, ["parse", str(bad_files["encrypted"])])
    assert result.exit_code == 1
    assert "encrypted.pdf" in result.output and "encrypted" in result.output
    assert "Traceback" not in result.output


def test_ingest_reports_counts_and_exit_status(db_url, bad_files, tmp_path):
    runner = CliRunner()
    first = runner.invoke(cli, ["--db", db_url, "ingest", str(SAMPLES), str(bad_files["not_pdf"])])
    assert first.exit_code == 1  # one file failed; the rest went in
    assert "6 inserted, 0 unchanged, 1 failed" in first.output
    assert "minutes.pdf" in first.output
    second = runner.invoke(cli, ["--db", db_url, "ingest", str(SAMPLES)])
    assert second.exit_code == 0
    assert "0 inserted, 6 unchanged, 0 failed" in second.output and "nothing changed" in second.output


def test_overdue_and_actions_json(db_url):
    runner = CliRunner()
    assert runner.invoke(cli, ["--db", db_url, "ingest", str(SAMPLES)]).exit_code == 0
    out = runner.invoke(cli, ["--db", db_url, "overdue", "--as-of", "2025-06-10", "--json"])
    assert out.exit_code == 0, out.output
    rows = json.loads(out.output)
    assert {"id", "owner_person", "committee", "due", "days_overdue"} <= set(rows[0])
    threads = json.loads(runner.invoke(cli, ["--db", db_url, "actions", "--format", "json"]).output)
    assert {t["id"] for t in threads} >= {r["id"] for r in rows}
    obs = threads[0]["observations"][0]
    assert {"meeting_date", "source_file", "page", "number", "text", "owner", "owner_person", "status", "due"} <= set(obs)
    paged = json.loads(runner.invoke(cli, ["--db", db_url, "actions", "--limit", "3", "--format", "json"]).output)
    assert [t["id"] for t in paged] == sorted(t["id"] for t in threads)[:3]
    in_progress = json.loads(runner.invoke(cli, ["--db", db_url, "actions", "--status", "in_progress", "--json"]).output)
    assert in_progress and {t["status"] for t in in_progress} == {"in_progress"}
    assert {t["id"] for t in in_progress} == {t["id"] for t in threads if t["status"] == "in_progress"}
    csv_out = runner.invoke(cli, ["--db", db_url, "overdue", "--as-of", "2025-06-10", "--format", "csv", "--owner", "ward"])
    lines = csv_out.output.strip().splitlines()
    assert lines[0].startswith("id,") and len(lines) == 2 and "Claire Ward" in lines[1]
    hist = runner.invoke(cli, ["--db", db_url, "history", str(rows[0]["id"]), "--width", "0"])
    assert hist.exit_code == 0 and "meeting_date" in hist.output
    missing = runner.invoke(cli, ["--db", db_url, "history", "999999"])
    assert missing.exit_code == 1 and "no action thread" in missing.output


def test_demo_prints_the_overdue_report(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["demo"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "minutetrail-demo.db").exists()
    section = result.output.split("Overdue as of 2025-06-10")[1].split("Action threads")[0]
    report, disputed = section.split("printed OVERDUE but not yet due")
    assert "Tom Elliott" in report and "Claire Ward" in report
    assert "equality impact" not in report and "equality impact" in disputed  # printed OVERDUE, revised date ahead


def test_eval_prints_the_table_and_honours_min_f1():
    gold = sorted(str(p) for p in (SAMPLES / "gold").glob("*.json"))
    ok = CliRunner().invoke(cli, ["eval", *gold, "--min-f1", "0.9"])
    assert ok.exit_code == 0, ok.output
    assert "actions" in ok.output and "meeting_date" in ok.output
    strict = CliRunner().invoke(cli, ["eval", str(CORPUS / "gold" / "real" / "kent-county-council" / "cabinet-2025-01-30-printed-minutes.json"), "--min-f1", "1.01"])
    assert strict.exit_code == 1


def test_eval_takes_a_folder_and_finds_its_gold_records(tmp_path):
    folder = CliRunner().invoke(cli, ["eval", str(SAMPLES), "--json"])
    assert folder.exit_code == 0, folder.output
    assert json.loads(folder.output)["files"] == len(list((SAMPLES / "gold").glob("*.json")))
    (tmp_path / "notes.json").write_text('{"not": "gold"}')
    empty = CliRunner().invoke(cli, ["eval", str(tmp_path)])
    assert empty.exit_code == 2 and "no gold records" in empty.output


def test_export_tables_queries_and_records(db_url, tmp_path):
    runner = CliRunner()
    assert runner.invoke(cli, ["--db", db_url, "ingest", str(SAMPLES)]).exit_code == 0
    out = runner.invoke(cli, ["--db", db_url, "export", "action_observations", "--format", "csv"])
    lines = out.output.strip().splitlines()
    golds = [json.loads(p.read_text()) for p in (SAMPLES / "gold").glob("*.json")]
    printed = sum(len(g["actions"]) + sum(len(i["actions"]) + sum(r["kind"] == "recommendation" for r in i["resolutions"])
                                          for m in g["minutes"] for i in m["items"]) for g in golds)
    assert out.exit_code == 0 and lines[0].startswith("id,document_id,meeting_id,thread_id") and len(lines) == printed + 1
    overdue_json = json.loads(runner.invoke(cli, ["--db", db_url, "export", "overdue", "--as-of", "2025-06-10", "--json"]).output)
    assert len(overdue_json) == 2
    folder = tmp_path / "records"
    done = runner.invoke(cli, ["--db", db_url, "export", "records", "--out", str(folder)])
    assert done.exit_code == 0 and "7 meeting records" in done.output
    files = sorted(folder.glob("*.json"))
    assert len(files) == 7
    for f in files:
        record = json.loads(f.read_text())
        jsonschema.validate(record, SCHEMA)
    june = json.loads((folder / "2025-06-10-housing-and-communities-scrutiny-committee.json").read_text())
    gold = json.loads((SAMPLES / "gold" / "2025-06-10-housing-scrutiny-pack.json").read_text())
    assert [a["text"] for a in june["actions"]] == [a["text"] for a in gold["actions"]]
    assert june["agenda_items"] == gold["agenda_items"]
    bad = runner.invoke(cli, ["--db", db_url, "export", "nonsense"])
    assert bad.exit_code == 1 and "try records" in bad.output


# --------------------------------------------------------------- user errors: one line, exit 2, nothing altered


def _one_line_exit_2(result, *words: str) -> None:  # type: ignore[no-untyped-def]
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output and result.exception is None or isinstance(result.exception, SystemExit)
    assert all(w in result.output for w in words), (words, result.output)


def test_a_read_command_on_no_database_is_exit_2_and_creates_nothing(db_url, tmp_path):
    runner = CliRunner()
    missing = tmp_path / "typo.db"
    for args in (["overdue"], ["actions"], ["search", "housing"], ["people"], ["documents"], ["export", "documents"]):
        _one_line_exit_2(runner.invoke(cli, ["--db", str(missing), *args]), "no minutetrail database", str(missing))
    assert not list(tmp_path.iterdir())
    if db_url.startswith("postgresql"):  # an empty server database is no minutetrail database either
        _one_line_exit_2(runner.invoke(cli, ["--db", db_url, "overdue"]), "no minutetrail database")


def test_another_applications_sqlite_file_is_never_altered(tmp_path):
    import hashlib
    import sqlite3

    other = tmp_path / "accounts.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("INSERT INTO customers (name) VALUES ('Ada')")
    conn.commit()
    conn.close()
    before = hashlib.sha256(other.read_bytes()).hexdigest()
    runner = CliRunner()
    for args in (["ingest", str(sorted(SAMPLES.glob("*.pdf"))[0])], ["overdue"], ["documents"]):
        _one_line_exit_2(runner.invoke(cli, ["--db", str(other), *args]), "another application", str(other))
    assert hashlib.sha256(other.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["accounts.sqlite"]


def test_bad_database_urls_and_a_pdf_as_database_are_one_line(tmp_path):
    runner = CliRunner()
    pdf = sorted(SAMPLES.glob("*.pdf"))[0]
    _one_line_exit_2(runner.invoke(cli, ["--db", "nosuchdialect://host/db", "overdue"]), "nosuchdialect")
    _one_line_exit_2(runner.invoke(cli, ["--db", "postgresql+nosuchdriver://u@h/db", "actions"]), "nosuchdriver")
    _one_line_exit_2(runner.invoke(cli, ["--db", "postgresql+psycopg://nobody@127.0.0.1:1/none", "overdue"]), "cannot open database")
    _one_line_exit_2(runner.invoke(cli, ["--db", "sqlite:///" + str(tmp_path / "no" / "folder.db"), "ingest", str(pdf)]),
                     "does not exist")
    copy = tmp_path / "pack.pdf"
    copy.write_bytes(pdf.read_bytes())
    for args in (["overdue"], ["ingest", str(pdf)]):
        _one_line_exit_2(runner.invoke(cli, ["--db", str(copy), *args]), "not a SQLite database", "pack.pdf")
    assert copy.read_bytes() == pdf.read_bytes()


def test_user_mistakes_on_a_real_database_are_one_line_exit_2(db_url, tmp_path):
    runner = CliRunner()
    assert runner.invoke(cli, ["--db", db_url, "ingest", str(sorted(SAMPLES.glob("*.pdf"))[0])]).exit_code == 0
    _one_line_exit_2(runner.invoke(cli, ["--db", db_url, "report", "--out", str(tmp_path / "missing" / "r.html")]),
                     "does not exist")
    _one_line_exit_2(runner.invoke(cli, ["--db", db_url, "export", "documents", "--out", str(tmp_path)]), "is a folder")
    _one_line_exit_2(runner.invoke(cli, ["--db", db_url, "history", str(2**64)]))
    _one_line_exit_2(runner.invoke(cli, ["--db", db_url, "link", "confirm", "1", str(2**70)]))
    _one_line_exit_2(runner.invoke(cli, ["--db", db_url, "link", "reject", "1", "1"]), "two different ids")
    for args in (["actions", "--limit", str(10**20)], ["search", "housing", "--limit", str(10**20)], ["actions", "--limit", "-1"],
                 ["recurring", "--min-meetings", str(10**20)], ["ingest", str(SAMPLES), "--jobs", "100000"], ["ingest", str(SAMPLES), "--jobs", "0"]):
        _one_line_exit_2(runner.invoke(cli, ["--db", db_url, *args]))
    assert not (tmp_path / "missing").exists()


def test_the_end_of_time_and_stop_word_searches(db_url):
    from minutetrail.db.search import search
    from minutetrail.db.session import Database

    runner = CliRunner()
    assert runner.invoke(cli, ["--db", db_url, "ingest", str(SAMPLES)]).exit_code == 0
    late = json.loads(runner.invoke(cli, ["--db", db_url, "overdue", "--as-of", "9999-12-31", "--json"]).output)
    before = json.loads(runner.invoke(cli, ["--db", db_url, "overdue", "--as-of", "9999-12-30", "--json"]).output)
    assert late and [r["id"] for r in late] == [r["id"] for r in before]
    db = Database(db_url)
    try:
        with db.session(write=False) as s:
            assert search(s, "a OR") == [] and search(s, "the AND of") == []
            assert search(s, "the housing OR repairs") == search(s, "housing repairs")
    finally:
        db.close()


def test_csv_exports_neutralise_formula_prefixes(db_url, tmp_path):
    import csv
    import io

    from minutetrail.output import render
    from tests.tablepdf import log_row, table_pdf

    hostile = ["=HYPERLINK(\"http://example.invalid\",\"see\")", "+1+2 budget line", "-3 net", "@SUM(A1:A2) grants"]
    rows = [log_row(i + 1, text=t, owner="@Clerk") for i, t in enumerate(hostile)]
    pdf = table_pdf(tmp_path / "formulae.pdf", rows)
    runner = CliRunner()
    runner.invoke(cli, ["--db", db_url, "ingest", str(pdf)])
    out = runner.invoke(cli, ["--db", db_url, "export", "action_observations", "--format", "csv"])
    table = list(csv.DictReader(io.StringIO(out.output)))
    assert len(table) == 4
    for row in table:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value
    assert {r["text"] for r in table} == {"'" + t for t in hostile} and {r["owner"] for r in table} == {"'@Clerk"}
    plain = render([{"n": -5, "t": "\t=1+1", "u": "safe"}], ["n", "t", "u"], "csv").splitlines()[1]
    assert plain == "-5,'=1+1,safe"  # a number stays a number; text behind a tab is still neutralised


def test_ingest_names_the_page_whose_action_table_gave_no_rows(tmp_path):
    from tests.tablepdf import Layout, layout_pdf

    pdf = layout_pdf(tmp_path / "log.pdf", Layout(["Action", "Owner", "Due"], [300, 100, 80],
                                                  [["", "Jo Bloggs", "14/03/2024"], ["", "P Singh", "21/03/2024"]]))
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "w.db"), "ingest", str(pdf)])
    assert result.exit_code == 0, result.output
    assert "1 inserted" in result.output
    warned = [ln for ln in result.output.splitlines() if ln.startswith("warning: ") and "log.pdf page 1: " in ln]
    assert any("action columns" in ln and "gave no rows" in ln for ln in warned), result.output


def test_documents_say_how_much_each_could_not_read_and_list_it(tmp_path):
    from tests.tablepdf import Layout, layout_pdf

    pdf = layout_pdf(tmp_path / "log.pdf", Layout(["Action", "Owner", "Due"], [300, 100, 80],
                                                  [["", "Jo Bloggs", "14/03/2024"], ["", "P Singh", "21/03/2024"]]))
    db = str(tmp_path / "w.db")
    runner = CliRunner()
    assert runner.invoke(cli, ["--db", db, "ingest", str(pdf), str(SAMPLES / "2025-01-14-housing-scrutiny-pack.pdf")]).exit_code == 0
    docs = {Path(d["path"]).name: d for d in json.loads(runner.invoke(cli, ["--db", db, "documents", "--format", "json"]).output)}
    assert docs["log.pdf"]["unread"] >= 1 and docs["2025-01-14-housing-scrutiny-pack.pdf"]["unread"] == 0
    unread = json.loads(runner.invoke(cli, ["--db", db, "documents", "--unread", "--format", "json"]).output)
    assert {Path(u["path"]).name for u in unread} == {"log.pdf"}
    assert any(u["page"] == 1 and "gave no rows" in u["message"] for u in unread)
