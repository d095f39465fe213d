"""Each page is given to Tesseract once: one ingest OCRs every page once, and reading the file again
(`ingest --force`, another test, the same scan under another name) takes the kept result."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from regiovolger.read import ocr, ocr_cache
from tests.conftest import REAL

SCAN = REAL / "07_overijssel_bo-energiegebied-att_verslag_2024-06-20_SCANNED-OCR.pdf"

def counting(monkeypatch) -> list[tuple]:
    import pytesseract

    calls: list[tuple] = []
    real = pytesseract.image_to_string

    def image_to_string(image, *args, **kwargs):
        calls.append(image.size)
        return real(image, *args, **kwargs)

    monkeypatch.setattr(pytesseract, "image_to_string", image_to_string)
    return calls


@pytest.mark.ocr
@pytest.mark.skipif(not ocr.available(), reason="tesseract with Dutch data is not installed")
@pytest.mark.skipif(not SCAN.exists(), reason="real corpus missing")
def test_a_page_read_again_is_not_ocrd_again(tmp_path, monkeypatch):
    from regiovolger.pipeline import process_file

    monkeypatch.setenv("REGIOVOLGER_OCR_CACHE", str(tmp_path / "cache"))
    calls = counting(monkeypatch)
    first = process_file(SCAN)
    assert len(calls) == 2 == len(first.text.pages)  # each of its two pages once
    shutil.copy(SCAN, tmp_path / "kopie.pdf")
    again = process_file(tmp_path / "kopie.pdf")
    assert len(calls) == 2, "read again: the kept result, no Tesseract"
    assert again.text.text == first.text.text

    monkeypatch.setenv("REGIOVOLGER_OCR_CACHE", "off")
    process_file(SCAN)
    assert len(calls) == 4  # without the cache every read costs Tesseract again


def test_key_changes_with_the_image_and_the_settings():
    from PIL import Image

    white, grey = Image.new("L", (40, 30), 255), Image.new("L", (40, 30), 200)
    assert ocr_cache.key(white, "nld", "--psm 3") == ocr_cache.key(white.copy(), "nld", "--psm 3")
    assert ocr_cache.key(white, "nld", "--psm 3") != ocr_cache.key(grey, "nld", "--psm 3")
    assert ocr_cache.key(white, "nld", "--psm 3") != ocr_cache.key(white, "eng", "--psm 3")
    assert ocr_cache.key(white, "nld", "--psm 3") != ocr_cache.key(white, "nld", "--psm 6")


def test_cache_folder_from_the_data_dir_or_off(tmp_path, monkeypatch):
    monkeypatch.delenv("REGIOVOLGER_OCR_CACHE", raising=False)
    monkeypatch.setenv("REGIOVOLGER_DATA_DIR", str(tmp_path))
    assert ocr_cache.folder() == tmp_path / "ocr-cache"
    ocr_cache.put("ab" * 32, "tekst")
    assert ocr_cache.get("ab" * 32) == "tekst" and ocr_cache.get("cd" * 32) is None
    monkeypatch.setenv("REGIOVOLGER_OCR_CACHE", "off")
    assert ocr_cache.folder() is None and ocr_cache.get("ab" * 32) is None


@pytest.mark.ocr
@pytest.mark.skipif(not ocr.available(), reason="tesseract with Dutch data is not installed")
@pytest.mark.skipif(not SCAN.exists(), reason="real corpus missing")
def test_one_ingest_ocrs_each_page_once(tmp_path):
    """The whole ingest (CLI, worker processes): Tesseract counted by a stand-in on PATH that logs each call."""
    shim = tmp_path / "bin"
    shim.mkdir()
    log = tmp_path / "tesseract.log"
    real = shutil.which("tesseract")
    (shim / "tesseract").write_text(f'#!/bin/sh\necho "$*" >> {log}\nexec {real} "$@"\n')
    (shim / "tesseract").chmod(0o755)
    env = {k: v for k, v in os.environ.items() if k != "REGIOVOLGER_OCR_CACHE"}
    env["PATH"] = f"{shim}{os.pathsep}{env.get('PATH', '')}"
    data = tmp_path / "data"
    folder = tmp_path / "stukken"
    folder.mkdir()
    shutil.copy(SCAN, folder / "scan.pdf")

    def ingest(*extra: str) -> list[str]:
        cmd = [sys.executable, "-m", "regiovolger.cli", "--data-dir", str(data), "ingest", "--workers", "2",
               *extra, str(folder)]
        out = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=600)
        assert out.returncode == 0, out.stderr[-2000:]
        lines = log.read_text().splitlines() if log.exists() else []
        return [line for line in lines if " txt" in line or line.endswith("txt")]  # page reads, not --version

    pages = ingest()
    assert len(pages) == 2, pages  # two pages, each once
    assert ingest("--force") == pages, "read again after an upgrade: no page OCR'd again"
    assert any(Path(data / "ocr-cache").rglob("*.txt"))
