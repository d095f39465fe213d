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


def test_the_folder_keeps_to_its_size_and_the_pages_used_last(tmp_path, monkeypatch):
    monkeypatch.setenv("REGIOVOLGER_OCR_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("REGIOVOLGER_OCR_CACHE_MB", str(10_000 / (1024 * 1024)))  # 10,000 bytes
    page = "x" * 1000
    keys = [f"{i:02x}" + "0" * 62 for i in range(12)]
    for k in keys[:9]:
        ocr_cache.put(k, page)
    assert all(ocr_cache.get(k) == page for k in keys[:9])  # 9,000 bytes: under the limit, all kept
    for i, k in enumerate(keys[:9]):  # last used: k0, then k1, …, k8 longest ago
        when = 2_000_000 - i
        os.utime(tmp_path / "cache" / k[:2] / f"{k}.txt", (when, when))
    ocr_cache.put(keys[9], page)
    ocr_cache.put(keys[10], page)  # 11,000 bytes: the oldest go until at most 9,000 remain
    kept = [k for k in keys[:11] if ocr_cache.get(k) is not None]
    assert len(kept) == 9 and keys[0] in kept and keys[10] in kept
    assert keys[7] not in kept and keys[8] not in kept  # used longest ago
