"""A batch of hostile files: each ends in its own reason, recorded; the good files beside them are stored."""

from __future__ import annotations

import os
import shutil
import signal

import pytest

from regiovolger.ingest import FAILED, INGESTED, ingest
from regiovolger.store.models import IngestFailure, SourceFile
from tests.conftest import SEEDS
from tests.read import hostile as H

pytestmark = pytest.mark.django_db


def name_of(outcome) -> str:
    return outcome.path.rsplit("/", 1)[-1]


@pytest.fixture
def small_limits(monkeypatch):
    monkeypatch.setenv("REGIOVOLGER_MAX_UNZIPPED_MB", "1")
    monkeypatch.setenv("REGIOVOLGER_MAX_DEPTH", "50")
    monkeypatch.setenv("REGIOVOLGER_MAX_LINE_CHARS", "2000")


def test_hostile_batch_gives_each_file_its_reason_and_stores_the_good_ones(tmp_path, small_limits):
    docs = tmp_path / "map"
    docs.mkdir()
    shutil.copy(next(SEEDS.glob("003_*.txt")), docs / "memo.txt")
    (docs / "utf16.txt").write_bytes("Het dagelijks bestuur besluit de notulen vast te stellen.\n"
                                     .encode("utf-16-le"))
    (docs / "bom.docx").write_bytes(H.zip_bomb_docx(inflated_mb=3))
    (docs / "diep.html").write_bytes(H.nested_html(3000))
    (docs / "leeg.pdf").write_bytes(H.raw_pdf([]))
    (docs / "groot.pdf").write_bytes(H.raw_pdf([(144_000, 144_000, H.text_stream(["Het bestuur."]))]))
    (docs / "regel.txt").write_text("woord " * 1000)
    os.mkfifo(docs / "pijp")
    outside = tmp_path / "elders.txt"
    outside.write_text("Dit staat buiten de map en mag niet worden ingelezen.")
    (docs / "link.txt").symlink_to(outside)
    (docs / "binnen.txt").symlink_to(docs / "memo.txt")  # a link within the folder is followed

    seen = []
    report = ingest([str(docs)], workers=2, progress=lambda o: seen.append(name_of(o)))

    codes = {name_of(o): o.code for o in report.failed}
    assert codes == {"bom.docx": "zip_too_large", "diep.html": "too_deep", "leeg.pdf": "no_pages",
                     "groot.pdf": "page_too_large", "regel.txt": "line_too_long", "pijp": "special",
                     "link.txt": "symlink_outside"}
    reasons = {name_of(o): o.reason for o in report.failed}
    assert "buiten de opgegeven map" in reasons["link.txt"] and "FIFO" in reasons["pijp"]
    assert "Success" not in reasons["leeg.pdf"] and "cm" in reasons["groot.pdf"]
    stored = sorted(name_of(o) for o in report.outcomes if o.status == INGESTED)
    # the link within the folder is followed: memo.txt's bytes once, by either name
    assert stored in (["binnen.txt", "utf16.txt"], ["memo.txt", "utf16.txt"])
    assert len(report.outcomes) == len(codes) + 3
    assert sorted(seen) == sorted(name_of(o) for o in report.outcomes)
    assert IngestFailure.objects.count() == len(codes)
    assert not SourceFile.objects.filter(text__contains="buiten de map").exists()


def test_a_file_over_the_wall_time_is_killed_and_the_next_batch_still_runs(tmp_path, monkeypatch):
    memo = tmp_path / "memo.txt"
    shutil.copy(next(SEEDS.glob("003_*.txt")), memo)
    monkeypatch.setenv("REGIOVOLGER_MAX_SECONDS", "0.01")  # no worker reads a file that fast
    report = ingest([str(memo)], workers=1)
    assert [o.code for o in report.outcomes] == ["time_limit"]
    assert "tijdslimiet" in report.outcomes[0].reason
    monkeypatch.delenv("REGIOVOLGER_MAX_SECONDS")
    again = ingest([str(memo)], workers=1)
    assert [o.status for o in again.outcomes] == [INGESTED]


def test_a_file_over_the_memory_limit_fails_with_that_reason(tmp_path, monkeypatch):
    memo = tmp_path / "memo.txt"
    shutil.copy(next(SEEDS.glob("003_*.txt")), memo)
    monkeypatch.setenv("REGIOVOLGER_MAX_MEMORY_MB", "30")  # less than the worker already holds
    report = ingest([str(memo)], workers=1)
    assert [o.code for o in report.outcomes] == ["memory_limit"]
    assert "geheugengrens" in report.outcomes[0].reason and "30 MB" in report.outcomes[0].reason


@pytest.mark.parametrize("how", ["ctrl-c", "sigterm"])
def test_an_interrupted_run_still_reports_what_it_did(tmp_path, how):
    docs = tmp_path / "map"
    docs.mkdir()
    (docs / "0-leeg.txt").write_bytes(b"")
    for seed in sorted(SEEDS.glob("00[0-3]_*.txt")):
        shutil.copy(seed, docs / seed.name)

    def stop(outcome):
        if how == "sigterm":
            os.kill(os.getpid(), signal.SIGTERM)
        else:
            raise KeyboardInterrupt

    report = ingest([str(docs)], workers=1, progress=stop)
    assert report.interrupted and report.total == 5
    assert 1 <= len(report.outcomes) < 5
    assert report.outcomes[0].status == FAILED
    assert IngestFailure.objects.count() == 1  # recorded the moment it failed
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL or callable(signal.getsignal(signal.SIGTERM))
