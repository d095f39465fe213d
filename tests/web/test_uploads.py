"""Uploads: size and type refused before anything is saved; a separate worker reads what was queued."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from regiovolger.store.models import SourceFile
from regiovolger.web import upload_checks
from regiovolger.web.models import Upload
from regiovolger.web.uploads import uploads_dir
from tests.read import hostile as H

pytestmark = pytest.mark.django_db

MINUTES = ("Besluitenlijst van het Algemeen Bestuur van de Waterschapsregio Noordkwartier\n"
           "Datum: 14 oktober 2030\n\n1. Opening\nDe voorzitter opent de vergadering.\n\n"
           "2. Begroting 2031\nHet bestuur stelt de begroting 2031 vast met een budget van € 3.400.000.\n")


def docx_bytes() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("word/document.xml", "<w:document/>")
    return buf.getvalue()


@pytest.fixture
def temporary_files(monkeypatch):
    """Every temporary file the upload handler opens: none may be opened for a refused upload."""
    opened = []
    real = upload_checks.TemporaryUploadedFile

    def spy(*args, **kwargs):
        opened.append(args[0])
        return real(*args, **kwargs)

    monkeypatch.setattr(upload_checks, "TemporaryUploadedFile", spy)
    return opened


def saved_files() -> list:
    return [p for p in uploads_dir().rglob("*") if p.is_file()] if uploads_dir().exists() else []


def post(client, name: str, data: bytes):
    return client.post(reverse("web:upload"), {"file": SimpleUploadedFile(name, data)})


@pytest.mark.parametrize("size_kb", [40, 400])  # streamed past the limit; said to be larger in advance
def test_oversized_upload_refused_before_anything_is_saved(staff_client, monkeypatch, temporary_files, size_kb):
    monkeypatch.setenv("REGIOVOLGER_MAX_UPLOAD_MB", "0.01")  # 10 kB
    before = saved_files()
    r = post(staff_client, "groot.txt", b"Het bestuur besluit. " * (size_kb * 50))
    assert r.status_code == 400
    page = r.content.decode()
    assert "bestand te groot" in page and "de grens voor uploads" in page
    assert not Upload.objects.exists()
    assert saved_files() == before
    assert temporary_files == []


@pytest.mark.parametrize("name,data,says", [
    ("programma.exe", b"MZ" + bytes(5000), "type niet toegestaan: .exe"),
    ("rapport.pdf", b"MZ" + bytes(5000), "maar de inhoud is Windows executable"),  # an .exe renamed .pdf
    ("notulen.docx", b"%PDF-1.7\n" + bytes(100), "de naam eindigt op .docx, maar de inhoud is PDF"),
    ("notulen.txt", b"\x7fELF" + bytes(100), "ELF executable"),
    ("scan.png", b"\xff\xd8\xff\xe0" + bytes(100), "maar de inhoud is JPEG"),
    ("geen-extensie", b"Het bestuur besluit.", "type niet toegestaan: geen extensie"),
    ("leeg.txt", b"", "leeg bestand"),
])
def test_wrong_type_refused_before_anything_is_saved(staff_client, temporary_files, name, data, says):
    before = saved_files()
    r = post(staff_client, name, data)
    assert r.status_code == 400
    assert says in r.content.decode()
    assert not Upload.objects.exists()
    assert saved_files() == before
    assert temporary_files == []


@pytest.mark.parametrize("name,head", [
    ("verslag.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"),
    ("memo.docx", docx_bytes()),
    ("notulen.txt", MINUTES.encode()),
    ("utf16.txt", "Het dagelijks bestuur besluit.\n".encode("utf-16-le") * 20),  # no byte order mark
    ("pagina.html", b"<!doctype html><html><body><p>Besluit</p></body></html>"),
    ("scan.png", b"\x89PNG\r\n\x1a\n" + bytes(100)),
])
def test_allowed_types(name, head):
    assert upload_checks.type_refusal(name, head) is None


def test_upload_is_queued_and_the_worker_stores_it(staff_client):
    from regiovolger.worker import process_queue

    r = post(staff_client, "besluitenlijst-okt.txt", MINUTES.encode())
    assert r.status_code == 302
    up = Upload.objects.get()
    assert up.status == Upload.QUEUED and not SourceFile.objects.exists()  # the web process read nothing
    page = staff_client.get(r["Location"]).content.decode()
    assert 'http-equiv="refresh"' in page and "in de wachtrij" in page
    assert "Er draait geen verwerker" in page
    assert process_queue(jobs=2, once=True) == 1
    up.refresh_from_db()
    assert up.status == Upload.DONE, up.message
    stored = SourceFile.objects.get(sha256=up.sha256)
    assert stored.path.endswith("besluitenlijst-okt.txt") and stored.indexed_at is not None
    page = staff_client.get(r["Location"]).content.decode()
    assert 'http-equiv="refresh"' not in page and "Bekijk het document" in page


def test_zip_bomb_fails_in_the_worker_with_its_reason_and_the_web_never_reads_it(staff_client, monkeypatch):
    import regiovolger.pipeline
    import regiovolger.read
    import regiovolger.sandbox
    from regiovolger.worker import process_queue

    monkeypatch.setenv("REGIOVOLGER_MAX_UNZIPPED_MB", "1")
    with monkeypatch.context() as web:
        def never(*args, **kwargs):
            raise AssertionError("the web process read an uploaded document")

        for module, name in ((regiovolger.read, "read_bytes"), (regiovolger.read, "load"),
                             (regiovolger.read, "sniff"), (regiovolger.pipeline, "process_file"),
                             (regiovolger.pipeline, "process_bytes"), (regiovolger.sandbox, "run")):
            web.setattr(module, name, never)
        r = post(staff_client, "bom.docx", H.zip_bomb_docx(3.0))
        assert r.status_code == 302
        assert staff_client.get(r["Location"]).status_code == 200
    up = Upload.objects.get()
    assert up.status == Upload.QUEUED
    process_queue(jobs=1, once=True)
    up.refresh_from_db()
    assert up.status == Upload.FAILED
    assert "DOCX" in up.message and "MB" in up.message  # the zip limit's reason, one line
    assert "\n" not in up.message
    status_page = staff_client.get(r["Location"]).content.decode()
    assert "mislukt" in status_page and up.message in status_page.replace("&#x27;", "'")
    list_page = staff_client.get(reverse("web:upload")).content.decode()
    assert up.message in list_page.replace("&#x27;", "'")
    assert not SourceFile.objects.exists()


def test_several_uploads_read_at_once(staff_client, monkeypatch):
    import regiovolger.sandbox
    from regiovolger import worker

    first_batches = []
    real = regiovolger.sandbox.run

    def spy(todo, workers, refill=None):
        first_batches.append((len(todo), workers))
        return real(todo, workers, refill)

    monkeypatch.setattr(worker.sandbox, "run", spy)
    for i in range(3):
        assert post(staff_client, f"stuk{i}.txt", (MINUTES + f"\nVolgnummer {i}\n").encode()).status_code == 302
    assert worker.process_queue(jobs=2, once=True) == 3
    assert first_batches[0] == (2, 2)  # two given to two child processes at once
    assert list(Upload.objects.values_list("status", flat=True)) == [Upload.DONE] * 3
    assert SourceFile.objects.count() == 3


def test_an_upload_left_running_by_a_dead_worker_is_read_again(staff_client):
    from regiovolger.worker import process_queue

    post(staff_client, "besluitenlijst.txt", MINUTES.encode())
    Upload.objects.update(status=Upload.RUNNING)  # claimed by a worker that was killed
    process_queue(jobs=1, once=True)
    assert Upload.objects.get().status == Upload.DONE


def test_worker_lock_shows_whether_a_worker_runs(settings):
    from regiovolger.worker import is_running, worker_lock

    assert not is_running()
    with worker_lock():
        assert is_running()
    assert not is_running()
