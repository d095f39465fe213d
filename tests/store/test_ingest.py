"""Ingest: idempotent by content hash, failures recorded, nothing else affected."""

from __future__ import annotations

import shutil

import pytest

from regiovolger.ingest import FAILED, INGESTED, UNCHANGED, expand, ingest
from regiovolger.store.models import Fact, IngestFailure, Page, Part, SourceFile
from regiovolger.store.writer import facts_of
from tests.conftest import SEEDS

pytestmark = pytest.mark.django_db


@pytest.fixture
def folder(tmp_path):
    docs = tmp_path / "stukken"
    (docs / "sub").mkdir(parents=True)
    shutil.copy(next(SEEDS.glob("003_*.txt")), docs / "memo.txt")
    shutil.copy(next(SEEDS.glob("001_*.txt")), docs / "sub" / "verslag.txt")
    (docs / "leeg.pdf").write_bytes(b"")
    (docs / "rommel.pdf").write_bytes(b"<html>geen pdf</html>")
    (docs / ".verborgen.txt").write_text("verborgen bestanden worden overgeslagen")
    return docs


def by_status(report):
    return {o.path.split("/")[-1]: o.status for o in report.outcomes}


def test_folder_ingest_reports_each_file(folder):
    report = ingest([str(folder)], workers=1)
    assert by_status(report) == {"memo.txt": INGESTED, "verslag.txt": INGESTED,
                                 "leeg.pdf": FAILED, "rommel.pdf": FAILED}
    reasons = {o.path.split("/")[-1]: o.reason for o in report.failed}
    assert "leeg" in reasons["leeg.pdf"] and "%PDF" in reasons["rommel.pdf"]
    assert IngestFailure.objects.filter(code="empty").count() == 1
    assert IngestFailure.objects.filter(code="not_pdf").count() == 1
    assert SourceFile.objects.count() == 2


def test_stored_file_is_complete(folder):
    ingest([str(folder / "memo.txt")], workers=1)
    stored = SourceFile.objects.get()
    assert stored.page_count == Page.objects.filter(file=stored).count() >= 1
    assert Part.objects.filter(file=stored).count() == len(stored.extraction["documents"])
    assert Fact.objects.filter(file=stored).count() == len(facts_of(stored.extraction))
    for fact in Fact.objects.filter(file=stored):
        assert stored.text[fact.start:fact.end] == fact.quote


def test_second_run_is_unchanged_and_same_content_elsewhere_is_stored_once(folder, tmp_path):
    ingest([str(folder)], workers=1)
    counts = (SourceFile.objects.count(), Page.objects.count(), Part.objects.count(), Fact.objects.count())
    again = ingest([str(folder)], workers=1)
    assert again.count(INGESTED) == 0 and again.count(UNCHANGED) == 2 and again.count(FAILED) == 2
    copy = tmp_path / "kopie.txt"
    shutil.copy(folder / "memo.txt", copy)
    third = ingest([str(copy)], workers=1)
    assert third.count(UNCHANGED) == 1
    assert (SourceFile.objects.count(), Page.objects.count(), Part.objects.count(),
            Fact.objects.count()) == counts
    assert str(copy) in SourceFile.objects.get(path__endswith="memo.txt").paths
    assert IngestFailure.objects.get(code="empty").attempts == 2


def test_parallel_ingest_matches_serial(folder, tmp_path):
    report = ingest([str(folder)], workers=2)
    assert report.count(INGESTED) == 2 and report.count(FAILED) == 2


def test_globs_and_missing_paths(folder):
    files = expand([str(folder / "**" / "*.txt")])
    assert sorted(f.name for f in files) == ["memo.txt", "verslag.txt"]
    report = ingest([str(folder / "bestaat-niet.pdf")], workers=1)
    assert report.failed[0].code == "not_found"


def test_every_kind_of_bad_input_is_recorded_and_good_files_still_land(tmp_path, monkeypatch):
    from tests.read import pdf_factory as F

    if not F.font_available():
        pytest.skip("DejaVu font missing")
    docs = tmp_path / "gemengd"
    docs.mkdir()
    good = F.text_pdf([["Het bestuur stemt in met het voorstel.", "De kosten zijn € 12.875."]])
    (docs / "goed.pdf").write_bytes(good)
    shutil.copy(next(SEEDS.glob("003_*.txt")), docs / "memo.txt")
    (docs / "geheim.pdf").write_bytes(F.text_pdf([["Vertrouwelijk."]], encrypt="wachtwoord"))
    (docs / "afgebroken.pdf").write_bytes(good[: len(good) // 2])
    (docs / "leeg.docx").write_bytes(b"")
    (docs / "rommel.pdf").write_bytes(b"GIF89a rommel met de verkeerde naam")
    (docs / "programma.exe").write_bytes(b"MZ" + bytes(500))
    (docs / "groot.txt").write_text("woord " * 400_000)  # about 2.4 MB
    monkeypatch.setenv("REGIOVOLGER_MAX_MB", "1")
    report = ingest([str(docs)], workers=2)
    codes = {o.path.split("/")[-1]: o.code for o in report.failed}
    assert codes == {"geheim.pdf": "encrypted", "afgebroken.pdf": "corrupt", "leeg.docx": "empty",
                     "rommel.pdf": "not_pdf", "programma.exe": "unsupported", "groot.txt": "too_large"}
    for outcome in report.failed:
        assert outcome.reason and "\n" not in outcome.reason
    assert sorted(o.path.split("/")[-1] for o in report.outcomes if o.status == INGESTED) == ["goed.pdf", "memo.txt"]
    assert IngestFailure.objects.count() == 6
    assert SourceFile.objects.count() == 2


def test_force_rereads_stored_files_in_place(folder):
    ingest([str(folder / "memo.txt")], workers=1)
    stored = SourceFile.objects.get()
    Fact.objects.filter(file=stored).delete()  # as if an older extractor had found nothing
    stored.extraction = {**stored.extraction, "amounts": []}
    stored.save()
    report = ingest([str(folder / "memo.txt")], workers=1, force=True)
    assert report.count(INGESTED) == 1
    again = SourceFile.objects.get()
    assert again.id == stored.id, "the row is kept, so notes and corrections keyed on it stay"
    assert Fact.objects.filter(file=again).count() == len(facts_of(again.extraction)) > 0
    assert Part.objects.filter(file=again).count() == len(again.extraction["documents"])
