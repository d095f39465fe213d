"""`regiovolger check` finishes files a crash left between stages; `ingest` does the same on its way."""

from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner

from regiovolger.cli import main
from regiovolger.store.models import EntityRef, SourceFile
from tests.conftest import SEEDS

pytestmark = pytest.mark.django_db


def test_check_resolves_and_indexes_what_a_crash_left_stored_only(tmp_path):
    shutil.copy(next(SEEDS.glob("001_*.txt")), tmp_path / "verslag.txt")
    runner = CliRunner()
    assert runner.invoke(main, ["ingest", "--workers", "1", str(tmp_path)]).exit_code == 0
    f = SourceFile.objects.get()
    assert f.stage == "indexed"
    # a crash after storing: not resolved, not indexed
    EntityRef.objects.filter(file=f).delete()
    SourceFile.objects.filter(id=f.id).update(resolved_at=None, indexed_at=None)
    out = runner.invoke(main, ["check"])
    assert out.exit_code == 0 and "verslag.txt" in out.output and "1 bestand(en) afgemaakt" in out.output
    f.refresh_from_db()
    assert f.stage == "indexed" and EntityRef.objects.filter(file=f).exists()
    assert "0 bestand(en) afgemaakt" in runner.invoke(main, ["check"]).output
    # the next ingest repairs too, even when it reads nothing new
    SourceFile.objects.filter(id=f.id).update(indexed_at=None)
    assert runner.invoke(main, ["ingest", "--workers", "1", str(tmp_path)]).exit_code == 0
    f.refresh_from_db()
    assert f.stage == "indexed"
