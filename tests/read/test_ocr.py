"""OCR of scanned PDFs and image files (Tesseract, Dutch)."""

from __future__ import annotations

from pathlib import Path

import pytest

try:
    from . import pdf_factory as F
except ImportError:  # tests/read is not a package
    import pdf_factory as F

from regiovolger.errors import ReadError
from regiovolger.read import ocr
from regiovolger.read.image import read_image
from regiovolger.read.pdf import read_pdf

from tests.conftest import REAL  # noqa: E402

SCAN = (REAL / "07_overijssel_bo-energiegebied-att_verslag_2024-06-20_SCANNED-OCR.pdf")

needs_tesseract = pytest.mark.skipif(
    not ocr.available(), reason="tesseract with Dutch data (tesseract-ocr-nld) is not installed"
)
needs_font = pytest.mark.skipif(not F.font_available(), reason=f"font missing: {F.FONT_PATH}")


def _page_text() -> str:
    seeds = F.seed_paragraphs(8)
    return " ".join([F.DIACRITICS, seeds[4], seeds[5], F.OWN_PARAGRAPHS[0], F.OWN_PARAGRAPHS[2]])


@pytest.mark.ocr
@needs_tesseract
@needs_font
def test_image_only_pdf_is_read_by_ocr():
    first = _page_text()
    second = " ".join([F.OWN_PARAGRAPHS[1], F.OWN_PARAGRAPHS[3], F.seed_paragraphs(8)[6]])
    data = F.image_pdf([F.scan_wrap(first), F.scan_wrap(second)])
    raw = read_pdf(data)
    assert raw.methods == ["ocr", "ocr"]
    assert F.recall(first, raw.texts[0]) >= 0.99
    assert F.recall(second, raw.texts[1]) >= 0.99
    # Each page's text on its own page.
    assert F.recall(second, raw.texts[0]) < 0.5
    for word in ("financiële", "geïnd", "één", "café", "Noord-Brabant", "’s-Hertogenbosch", "€"):
        assert word in raw.texts[0]


@pytest.mark.ocr
@needs_tesseract
def test_real_scanned_minutes_are_readable():
    if not SCAN.exists():
        pytest.skip("real corpus missing")
    raw = read_pdf(SCAN.read_bytes())
    assert raw.methods == ["ocr", "ocr"]
    first, second = raw.texts
    for phrase in (
        "Agenda bestuurlijk overleg",
        "Energiegebied Almelo Tubbergen Twenterand",
        "20 juni 2024",
        "Margreet Overmeen-Bakhuis",
        "Ter vaststelling",
    ):
        assert phrase in first
    for phrase in ("tijdvenster", "1 september 2024 tot 1 maart 2025", "compensatie"):
        assert phrase in second


@pytest.mark.ocr
@needs_tesseract
@needs_font
@pytest.mark.parametrize("fmt", ["PNG", "JPEG"])
def test_image_file_is_read_by_ocr(fmt):
    text = " ".join([F.DIACRITICS, F.OWN_PARAGRAPHS[2]])
    raw = read_image(F.image_bytes(F.scan_wrap(text), fmt))
    assert raw.methods == ["ocr"]
    assert F.recall(text, raw.texts[0]) >= 0.98


@pytest.mark.ocr
@needs_tesseract
@needs_font
def test_multipage_tiff_gives_one_page_per_frame():
    pages = [F.OWN_PARAGRAPHS[0], F.OWN_PARAGRAPHS[1]]
    raw = read_image(F.multipage_tiff([F.scan_wrap(p) for p in pages]))
    assert len(raw.texts) == 2 and raw.methods == ["ocr", "ocr"]
    for expected, got in zip(pages, raw.texts):
        assert F.recall(expected, got) >= 0.98


@pytest.mark.ocr
@needs_tesseract
@needs_font
def test_low_resolution_scan_is_enlarged():
    from PIL import Image
    import io

    text = F.OWN_PARAGRAPHS[3]
    big = F.render_scan(F.scan_wrap(text), full_page=False)
    small = big.resize((big.width * 150 // 300, big.height * 150 // 300), Image.LANCZOS)
    buf = io.BytesIO()
    small.save(buf, "PNG", dpi=(150, 150))
    raw = read_image(buf.getvalue())
    assert F.recall(text, raw.texts[0]) >= 0.95


@needs_font
def test_missing_tesseract_is_reported(monkeypatch):
    monkeypatch.setattr(ocr, "_problem", lambda: "het programma tesseract is niet gevonden")
    data = F.image_pdf([["Een gescande brief."]], dpi=100)
    with pytest.raises(ReadError) as info:
        read_pdf(data)
    assert info.value.code == "ocr_unavailable"
    assert "tesseract" in str(info.value)
    with pytest.raises(ReadError) as info:
        read_image(F.image_bytes(["Een gescande brief."], dpi=100))
    assert info.value.code == "ocr_unavailable"


@needs_font
def test_pdf_with_text_keeps_reading_when_ocr_is_missing(monkeypatch):
    # One scanned page among text pages: without OCR the text pages still count.
    monkeypatch.setattr(ocr, "_problem", lambda: "het programma tesseract is niet gevonden")
    import pypdfium2 as pdfium

    text_pdf = pdfium.PdfDocument(F.paragraphs_pdf([[F.OWN_PARAGRAPHS[0]]]))
    scan_pdf = pdfium.PdfDocument(F.image_pdf([["Een gescande brief."]], dpi=100))
    text_pdf.import_pages(scan_pdf)
    import io

    buf = io.BytesIO()
    text_pdf.save(buf)
    raw = read_pdf(buf.getvalue())
    assert len(raw.texts) == 2
    assert "omgevingsdienst" in raw.texts[0] and raw.methods == ["text", "text"]


def test_broken_images():
    with pytest.raises(ReadError) as info:
        read_image(b"\x89PNG\r\n\x1a\n" + b"\x00" * 50)
    assert info.value.code == "corrupt" and info.value.details["kind"] == "PNG"
    with pytest.raises(ReadError) as info:
        read_image(b"")
    assert info.value.code == "empty"


def test_apostrophes_are_normalised():
    assert ocr.normalise_apostrophes("‘s-Hertogenbosch en thema's") == "’s-Hertogenbosch en thema’s"
    assert ocr.normalise_apostrophes("'t Zand en ‘citaat’") == "’t Zand en ‘citaat’"
