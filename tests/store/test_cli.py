"""The ingest and summary commands as a user runs them."""

from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner

from regiovolger.cli import main
from tests.conftest import SEEDS

pytestmark = pytest.mark.django_db


def test_ingest_table_and_exit_status(tmp_path):
    shutil.copy(next(SEEDS.glob("001_*.txt")), tmp_path / "verslag.txt")
    (tmp_path / "kapot.pdf").write_bytes(b"%PDF-1.4 afgebroken")
    runner = CliRunner()
    first = runner.invoke(main, ["ingest", "--workers", "1", str(tmp_path)])
    assert first.exit_code == 1, "a failed file makes the exit status 1"
    assert "ingelezen" in first.output and "mislukt" in first.output
    assert "kapot.pdf" in first.output and "beschadigd PDF-bestand" in first.output
    (tmp_path / "kapot.pdf").unlink()
    second = runner.invoke(main, ["ingest", "--workers", "1", str(tmp_path)])
    assert second.exit_code == 0
    assert "ongewijzigd" in second.output
    summary = runner.invoke(main, ["summary"])
    assert summary.exit_code == 0
    assert "verslag.txt" in summary.output and "minutes" in summary.output


def test_ingest_nothing_found(tmp_path):
    out = CliRunner().invoke(main, ["ingest", str(tmp_path / "leeg-*.pdf")])
    assert out.exit_code == 1 and "geen bestanden gevonden" in out.output
