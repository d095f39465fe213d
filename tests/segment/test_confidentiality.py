"""Confidentiality marks where documents put them: page headers and footers, properties, stamps."""

from __future__ import annotations

import io

import pytest

from regiovolger.read import read_bytes
from regiovolger.segment import segment
from regiovolger.segment.marks import find_mark, solo_mark

BODY = [
    "Raadsvoorstel",
    "Onderwerp: herinrichting van het stationsplein",
    "Het college stelt de raad voor een krediet beschikbaar te stellen voor de herinrichting van het "
    "stationsplein. De kosten worden gedekt uit de reserve stedelijke vernieuwing.",
    "De werkzaamheden starten na de zomer en duren naar verwachting twee jaar. Omwonenden worden "
    "vooraf geïnformeerd over de planning en de omleidingen.",
    "Burgemeester en wethouders van de gemeente,",
    "de secretaris, de burgemeester,",
]


def _docx(*, header: str | None = None, footer: str | None = None, subject: str | None = None,
          keywords: str | None = None) -> bytes:
    docx = pytest.importorskip("docx")
    doc = docx.Document()
    for line in BODY:
        doc.add_paragraph(line)
    section = doc.sections[0]
    if header:
        section.header.paragraphs[0].text = header
    if footer:
        section.footer.paragraphs[0].text = footer
    if subject:
        doc.core_properties.subject = subject
    if keywords:
        doc.core_properties.keywords = keywords
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _pdf(footers: dict[int, str], pages: int = 4) -> bytes:
    pytest.importorskip("reportlab")
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    from tests.read.pdf_factory import FONT, _register_font

    _register_font()
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    width, height = A4
    for number in range(1, pages + 1):
        c.setFont(FONT, 10)
        y = height - 90
        lines = BODY[:2] if number == 1 else []
        lines += [f"Paragraaf {number}. " + BODY[2][:80], BODY[3][:90], BODY[2][80:160]]
        for line in lines:
            c.drawString(72, y, line)
            y -= 14
        c.setFont(FONT, 8)
        c.drawString(72, 30, footers.get(number, f"Raadsvoorstel stationsplein, pagina {number}"))
        c.showPage()
    c.save()
    return buf.getvalue()


def _confidential(data: bytes, name: str) -> list[bool]:
    return [p.confidential for p in segment(read_bytes(data, name))]


@pytest.mark.parametrize("kind", ["header", "footer", "subject", "keywords"])
def test_docx_mark_outside_the_body(kind):
    words = {"header": "VERTROUWELIJK", "footer": "Dit document is vertrouwelijk en alleen voor de raad bestemd",
             "subject": "Niet openbaar", "keywords": "stationsplein; geheim; krediet"}
    data = _docx(**{kind: words[kind]})
    text = read_bytes(data, "voorstel.docx")
    assert "ertrouwelijk" not in text.text and "openbaar" not in text.text.lower()  # not in the body
    assert _confidential(data, "voorstel.docx") == [True]


def test_docx_ordinary_and_negated_marks_stay_public():
    assert _confidential(_docx(), "voorstel.docx") == [False]
    data = _docx(header="Gemeente — Raadsvoorstel", footer="Openbaar", subject="Vertrouwelijk: nee")
    assert _confidential(data, "voorstel.docx") == [False]


def test_docx_watermark_in_header():
    docx = pytest.importorskip("docx")
    from docx.oxml import parse_xml

    doc = docx.Document()
    for line in BODY:
        doc.add_paragraph(line)
    header = doc.sections[0].header.paragraphs[0]._p
    header.append(parse_xml(
        '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:v="urn:schemas-microsoft-com:vml"><w:pict><v:shape><v:textpath string="CONCEPT - GEHEIM"/>'
        '</v:shape></w:pict></w:r>'))
    buf = io.BytesIO()
    doc.save(buf)
    assert _confidential(buf.getvalue(), "voorstel.docx") == [True]


def test_pdf_mark_only_in_footer_of_page_3():
    data = _pdf({3: "Raadsvoorstel stationsplein, pagina 3 — vertrouwelijk, niet verspreiden buiten de raad"})
    text = read_bytes(data, "voorstel.pdf")
    assert any(m.page == 3 and m.where == "footer" for m in text.margins)
    assert all(p.confidential for p in segment(text))
    assert not any(_confidential(_pdf({}), "voorstel.pdf"))


def test_pdf_metadata_subject():
    pytest.importorskip("reportlab")
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.setSubject("Strikt vertrouwelijk")
    y = 760
    for line in BODY:
        c.drawString(72, y, line[:90])
        y -= 14
    c.showPage()
    c.save()
    assert _confidential(buf.getvalue(), "voorstel.pdf") == [True]


@pytest.mark.parametrize("line, loose, stamp", [
    ("VERTROUWELIJK", True, True),
    ("Classificatie: Departementaal vertrouwelijk", True, True),
    ("Dit document is vertrouwelijk en uitsluitend bestemd voor de geadresseerde", True, False),
    ("Niet vertrouwelijk", False, False),
    ("Geheim: nee", False, False),
    ("non-confidential", False, False),
    ("Besluit tot opheffing van de geheimhouding", False, False),
    ("Openbaar", False, False),
])
def test_mark_strength(line, loose, stamp):
    assert bool(find_mark(line, "loose")) is loose
    assert bool(find_mark(line, "stamp")) is stamp


def test_watermark_line_only_in_capitals():
    assert solo_mark("— NIET OPENBAAR —")
    assert not solo_mark("Niet openbaar")
    assert not solo_mark("NIET OPENBAAR, TENZIJ DE RAAD ANDERS BESLUIT")
