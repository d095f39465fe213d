"""Limits on every input and the right verdict on hostile files, built small here with small limits."""

from __future__ import annotations

import os

import pytest

from regiovolger.errors import ReadError
from regiovolger.limits import ENV, Limits, current, nesting_depth, render_scale
from regiovolger.read import load, read_bytes
from regiovolger.read.quality import garbage
from tests.conftest import SEEDS
from tests.read import hostile as H

LINES = ["Het bestuur stemt in met het voorstel van de", "secretaris om de kosten te verdelen over de",
         "gemeenten naar rato van het aantal inwoners."]


def refused(data: bytes, name: str) -> ReadError:
    with pytest.raises(ReadError) as info:
        read_bytes(data, name)
    reason = str(info.value)
    assert reason and "\n" not in reason and len(reason) < 250
    return info.value


def test_limits_come_from_the_environment_and_bad_values_keep_the_default(monkeypatch):
    monkeypatch.setenv(ENV["pages"], "7")
    monkeypatch.setenv(ENV["seconds"], "2.5")
    monkeypatch.setenv(ENV["depth"], "veel")
    limits = current()
    assert limits.pages == 7 and limits.seconds == 2.5 and limits.depth == Limits().depth


def test_zip_bomb_docx_is_refused_before_unpacking(monkeypatch):
    monkeypatch.setenv("REGIOVOLGER_MAX_UNZIPPED_MB", "1")
    bomb = H.zip_bomb_docx(inflated_mb=3)
    assert len(bomb) < 50_000  # a few kB that would unpack to 3 MB
    error = refused(bomb, "bom.docx")
    assert error.code == "zip_too_large" and "zip-bom" in str(error)


def test_docx_with_too_many_entries(monkeypatch):
    monkeypatch.setenv("REGIOVOLGER_MAX_ZIP_ENTRIES", "20")
    error = refused(H.many_entries_zip_docx(50), "veel.docx")
    assert error.code == "zip_entries" and "51" in str(error)


def test_deeply_nested_html_is_refused_before_parsing(monkeypatch):
    monkeypatch.setenv("REGIOVOLGER_MAX_DEPTH", "50")
    error = refused(H.nested_html(5000), "diep.html")
    assert error.code == "too_deep" and "HTML" in str(error) and "50" in str(error)


def test_deeply_nested_docx_xml_is_refused(monkeypatch):
    monkeypatch.setenv("REGIOVOLGER_MAX_DEPTH", "50")
    error = refused(H.nested_xml_docx(100), "diep.docx")
    assert error.code == "too_deep" and "DOCX" in str(error)


def test_nesting_depth_counts_elements_not_unclosed_paragraphs():
    flat = b"<html><body>" + b"<p>alinea" * 2000 + b"<ul>" + b"<li>punt" * 500 + b"</ul></body></html>"
    assert nesting_depth(flat, html=True) <= 4
    assert nesting_depth(H.nested_html(300), html=True) == 302
    assert nesting_depth(b"<a><b/><c x='>'><d></d></c></a>") == 3


def test_ordinary_html_stays_within_the_depth_limit():
    text = read_bytes(b"<html><body><main><div><section><p>Het bestuur besluit.</p></section></div></main>"
                      b"</body></html>", "pagina.html")
    assert "Het bestuur besluit." in text.text


def test_pdf_without_pages_gets_a_clear_reason():
    error = refused(H.raw_pdf([]), "leeg.pdf")
    assert error.code == "no_pages"
    assert "Success" not in str(error) and "pagina" in str(error)


def test_pdf_without_pages_after_an_encrypted_one_is_not_called_encrypted():
    from tests.read import pdf_factory as F

    if not F.font_available():
        pytest.skip("DejaVu font missing")
    assert refused(F.text_pdf([["Vertrouwelijk."]], encrypt="wachtwoord"), "geheim.pdf").code == "encrypted"
    assert refused(H.raw_pdf([]), "leeg.pdf").code == "no_pages"  # pdfium's error code is stale here


def test_pdf_with_a_huge_page_gets_a_reason_about_its_page_size():
    huge = H.raw_pdf([(144_000, 144_000, H.text_stream(["Het bestuur."]))])
    error = refused(huge, "groot.pdf")
    assert error.code == "page_too_large"
    assert "pagina 1" in str(error) and "cm" in str(error) and "esseract" not in str(error)


def test_pdf_page_count_limit(monkeypatch):
    monkeypatch.setenv("REGIOVOLGER_MAX_PAGES", "2")
    pages = [(300, 120, H.text_stream(LINES))] * 3
    error = refused(H.raw_pdf(pages), "lang.pdf")
    assert error.code == "too_many_pages" and "3" in str(error)


def test_render_size_is_reduced_to_fit_and_refused_when_even_that_is_too_large(monkeypatch):
    monkeypatch.setenv("REGIOVOLGER_MAX_RENDER_MPX", "10")
    assert render_scale(1, 595, 842, dpi=300) == pytest.approx(300 / 72)  # A4 at 300 dpi is 8.7 Mpx
    a2 = render_scale(1, 1191, 1684, dpi=300)  # 34.8 Mpx at 300 dpi
    assert 100 / 72 <= a2 < 300 / 72
    assert (1191 / 72 * a2 * 72) * (1684 / 72 * a2 * 72) <= 10e6 * 1.001
    with pytest.raises(ReadError) as info:
        render_scale(3, 5000, 5000, dpi=300)
    assert info.value.code == "render_too_large" and "pagina 3" in str(info.value)


def test_image_larger_than_the_render_limit_is_refused_from_its_header(monkeypatch):
    from PIL import Image
    import io

    monkeypatch.setenv("REGIOVOLGER_MAX_RENDER_MPX", "1")
    buf = io.BytesIO()
    Image.new("1", (2000, 1000), 1).save(buf, "PNG")
    error = refused(buf.getvalue(), "scan.png")
    assert error.code == "render_too_large"
    monkeypatch.delenv("REGIOVOLGER_MAX_RENDER_MPX")
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 500_000)  # Pillow's own bomb guard (twice this: an error)
    error = refused(buf.getvalue(), "scan.png")
    assert error.code == "render_too_large" and "2 megapixel" in str(error)


def test_one_enormous_line_is_refused(monkeypatch):
    monkeypatch.setenv("REGIOVOLGER_MAX_LINE_CHARS", "1000")
    data = ("Kop\n" + "woord " * 1000 + "\nslot\n").encode()
    error = refused(data, "regel.txt")
    assert error.code == "line_too_long" and "regel 2" in str(error)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_read_as_text(codec):
    source = "Het algemeen bestuur stemt in met de begroting van € 1.250.000 voor 2025.\n"
    text = read_bytes(source.encode(codec), "stuk.txt")
    assert text.text.strip() == source.strip()


def test_special_file_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "pijp"
    os.mkfifo(fifo)
    with pytest.raises(ReadError) as info:
        load(fifo)  # would block for ever if it were opened for reading the usual way
    assert info.value.code == "special" and "FIFO" in str(info.value)


def test_garbage_detector_spares_real_text():
    pages = [p for seed in sorted(SEEDS.glob("*.txt")) for p in seed.read_text(encoding="utf-8").split("\f")]
    assert pages and not any(garbage(p) for p in pages)
    names = "Aanwezig: " + ", ".join(["J. Jansen", "P. de Vries", "K. Bakker", "M. Visser", "GGD", "RUD"] * 4)
    assert not garbage(names)
    shifted = "".join(chr(ord(c) + 1) if "!" <= c < "~" else c for c in " ".join(LINES))  # "Ifu cftuvvs"
    assert garbage(shifted) and not garbage(" ".join(LINES))
    assert garbage("\ue001\ue002\ue003 \ue004\ue005 \ue006\ue007\ue008\ue009 \ue00a\ue00b\ue00c\ue00d" * 3)


def test_garbage_text_layer_without_ocr_is_unreadable(monkeypatch):
    from regiovolger.read import ocr

    monkeypatch.setattr(ocr, "_problem", lambda: "het programma tesseract is niet gevonden")
    pdf = H.raw_pdf([(400, 120, H.text_stream(LINES))], to_unicode=H.shifted_to_unicode())
    error = refused(pdf, "onzin.pdf")
    assert error.code == "unreadable" and str(error).startswith("onleesbaar")
    assert "tesseract" in str(error)


def test_garbage_text_file_is_unreadable():
    data = ("Xkrqvb plmwtz qqrvne zxwvut bnmlkj hgfdsq wertyu poiuyt lkjhgf mnbvcx " * 3).encode()
    assert refused(data, "onzin.txt").code == "unreadable"


@pytest.mark.ocr
def test_garbage_text_layer_is_read_by_ocr():
    from regiovolger.read import ocr

    if not ocr.available():
        pytest.skip("tesseract with Dutch data missing")
    pdf = H.raw_pdf([(400, 120, H.text_stream(LINES))], to_unicode=H.shifted_to_unicode())
    text = read_bytes(pdf, "onzin.pdf")
    assert text.pages[0].method == "ocr"
    assert "bestuur" in text.text and "inwoners" in text.text and "cftuvvs" not in text.text
