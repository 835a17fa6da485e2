"""The audit report, rendered in headless Chromium (Debian's chromium) and read as a person sees it."""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from PIL import Image

from minutetrail.cli import cli
from tests.conftest import SAMPLES

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        pytest.fail("headless Chromium is needed for this test: apt-get install chromium (.ci/run installs it)")
    return found


def _chrome(args: list[str], profile: Path) -> str:
    run = subprocess.run([_chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args],
                         capture_output=True, text=True, timeout=120, check=True)
    return run.stdout


def test_audit_report_in_a_browser(db_url, tmp_path):
    runner = CliRunner()
    assert runner.invoke(cli, ["--db", db_url, "ingest", str(SAMPLES)]).exit_code == 0
    out = tmp_path / "audit.html"
    result = runner.invoke(cli, ["--db", db_url, "report", "--as-of", "2025-08-01", "--out", str(out)])
    assert result.exit_code == 0, result.output
    page = out.read_text()
    assert "http://" not in page and "https://" not in page  # nothing to fetch: it opens with no network
    dom = _chrome(["--dump-dom", out.as_uri()], tmp_path / "profile1")
    text = re.sub(r"<[^>]+>", " ", dom)
    assert "3 overdue actions, 3 owners, 1 committee." in " ".join(text.split())
    for owner in ("Tom Elliott", "Claire Ward", "Priya Shah"):
        assert owner in text
    assert "printed status disagrees" in text  # Claire Ward's row was printed IN PROGRESS
    assert len(re.findall(r"<img alt=\"Source row, page \d+\" src=\"data:image/png;base64,", dom)) == 3
    shot = tmp_path / "audit.png"
    _chrome(["--window-size=1200,1600", f"--screenshot={shot}", out.as_uri()], tmp_path / "profile2")
    image = Image.open(shot).convert("L")
    lo, hi = image.getextrema()
    assert hi - lo > 100  # something is drawn, not a blank page
    red = Image.open(shot).convert("RGB").getcolors(maxcolors=1 << 20)
    assert any(r > 150 and g < 90 and b < 90 for _n, (r, g, b) in red)  # the ageing chart's bars are visible
