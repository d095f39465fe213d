"""A failed write of the search index leaves the file unfinished (stored and resolved, not indexed), never
marked indexed; the end of the run, the next run or `regiovolger check` indexes it."""

from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner

from regiovolger.cli import main
from regiovolger.ingest import ingest
from regiovolger.search import IndexWriteFailed, get_backend, index_file, search
from regiovolger.store.models import SourceFile
from regiovolger.store.resolution import unfinished
from tests.conftest import SEEDS

pytestmark = pytest.mark.django_db

WORD = "zonnepanelen"
TEXT = f"""Besluitenlijst gemeenteraad Harlingen

Datum: 14 mei 2024

1. Subsidieregeling
De raad stelt de subsidieregeling voor {WORD} vast.
"""


@pytest.fixture
def folder(tmp_path):
    get_backend().clear()
    (tmp_path / "besluiten.txt").write_text(TEXT, encoding="utf-8")
    yield tmp_path
    get_backend().clear()


def failing(monkeypatch, times: int | None):
    """Make the embedded index write fail ``times`` times (None: always); returns the list of failed calls."""
    backend = type(get_backend())  # the embedded index, or PostgreSQL's when DATABASE_URL names one
    real = backend.index
    failed = []

    def index(self, file_id, entries):
        if times is None or len(failed) < times:
            failed.append(file_id)
            raise OSError("schijf vol")
        return real(self, file_id, entries)

    monkeypatch.setattr(backend, "index", index)
    return failed


def test_failed_index_write_leaves_file_unfinished_until_check(folder, monkeypatch):
    failed = failing(monkeypatch, None)
    report = ingest([str(folder)], workers=1)
    assert report.count("ingested") == 1 and failed  # stored, resolved; the index write (and its retry) failed
    assert "zoekindex" in (report.outcomes[0].reason or "")
    f = SourceFile.objects.get()
    assert f.stage == "resolved" and f.indexed_at is None and f in unfinished()
    assert search(WORD).total == 0

    # a run with nothing new does not call it unchanged-and-done: it tries again (and fails again here)
    assert ingest([str(folder)], workers=1).count("unchanged") == 1
    assert SourceFile.objects.get().stage == "resolved"

    monkeypatch.undo()  # the disk has room again
    out = CliRunner().invoke(main, ["check"])
    assert out.exit_code == 0 and "1 bestand(en) afgemaakt" in out.output
    assert SourceFile.objects.get().stage == "indexed" and not unfinished().exists()
    assert search(WORD).total == 1


def test_failed_once_is_repaired_by_the_same_run(folder, monkeypatch):
    failed = failing(monkeypatch, 1)
    report = ingest([str(folder)], workers=1)
    assert len(failed) == 1 and report.count("ingested") == 1
    assert SourceFile.objects.get().stage == "indexed"  # the run's own repair at its end
    assert search(WORD).total == 1


def test_write_outside_a_transaction_raises_and_keeps_the_file_unmarked(folder, monkeypatch):
    assert ingest([str(folder)], workers=1).count("ingested") == 1
    f = SourceFile.objects.get()
    assert f.stage == "indexed"
    failing(monkeypatch, None)
    with pytest.raises(IndexWriteFailed):
        index_file(f, at_commit=False)
    f.refresh_from_db()
    assert f.indexed_at is None and f in unfinished()  # an indexed file re-indexed in vain is no longer "done"


def test_write_at_commit_failing_is_logged_and_left_unmarked(folder, monkeypatch, django_capture_on_commit_callbacks,
                                                             caplog):
    from django.db import transaction

    assert ingest([str(folder)], workers=1).count("ingested") == 1
    f = SourceFile.objects.get()
    failing(monkeypatch, None)
    if get_backend().transactional:
        # PostgreSQL writes in the caller's transaction: the failure is raised there and the transaction rolls
        # back as a whole, so rows and mark stay as they were and still agree
        with pytest.raises(IndexWriteFailed), transaction.atomic():
            index_file(f)
        f.refresh_from_db()
        assert f.stage == "indexed" and search(WORD).total == 1
        return
    else:
        with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
            index_file(f)  # e.g. a staff override of a part's confidentiality
        assert "zoekindex niet bijgewerkt" in caplog.text
    f.refresh_from_db()
    assert f.indexed_at is None and f in unfinished()


def test_seed_via_cli_check_after_failed_ingest(tmp_path, monkeypatch):
    shutil.copy(next(SEEDS.glob("001_*.txt")), tmp_path / "verslag.txt")
    failing(monkeypatch, None)
    runner = CliRunner()
    assert runner.invoke(main, ["ingest", "--workers", "1", str(tmp_path)]).exit_code == 0
    assert SourceFile.objects.get().stage == "resolved"
    out = runner.invoke(main, ["check"])
    assert "0 bestand(en) afgemaakt" in out.output  # still failing: nothing claimed finished
    assert out.exit_code == 1 and "1 bestand(en) nog niet af" in out.output  # and the exit code says so
    monkeypatch.undo()
    out = runner.invoke(main, ["check"])
    assert "1 bestand(en) afgemaakt" in out.output and out.exit_code == 0
    assert SourceFile.objects.get().stage == "indexed"
