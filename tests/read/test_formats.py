"""DOCX, HTML, plain text and Markdown read back faithfully."""

from __future__ import annotations

import io

import docx
import pytest
from docx.oxml import parse_xml

from regiovolger.read import read_bytes, sniff
from tests.read.pdf_factory import DIACRITICS, OWN_PARAGRAPHS, seed_paragraphs
from tests.read.pdf_factory import recall as token_recall

TEXTBOX_XML = (
    '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:v="urn:schemas-microsoft-com:vml">'
    "<mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wp:anchor><a:graphic><a:graphicData>"
    "<wps:wsp><wps:txbx><w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent>"
    "</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
    "<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p>"
    "</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
)


def build_docx(paragraphs: list[str], box: str, table: list[list[str]]) -> bytes:
    d = docx.Document()
    d.add_heading("Verslag van het overleg", level=1)
    half = len(paragraphs) // 2
    for p in paragraphs[:half]:
        d.add_paragraph(p)
    anchor = d.add_paragraph("Zie het kader hiernaast.")
    anchor._p.append(parse_xml(TEXTBOX_XML.format(text=box)))
    t = d.add_table(rows=len(table), cols=len(table[0]))
    for r, row in enumerate(table):
        for c, cell in enumerate(row):
            t.cell(r, c).text = cell
    d.add_page_break()
    for p in paragraphs[half:]:
        d.add_paragraph(p)
    d.add_paragraph(DIACRITICS)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def test_docx_reads_paragraphs_table_and_textbox_in_order():
    paragraphs = seed_paragraphs(8)
    table = [["Wie", "Wat", "Wanneer"], ["de projectleider", "planning rondsturen", "1 oktober"]]
    box = "Let op: de aanvraag moet vóór 1 maart binnen zijn."
    text = read_bytes(build_docx(paragraphs, box, table), "verslag.docx")
    assert text.media_type.endswith("wordprocessingml.document")
    expected = "\n".join(paragraphs) + "\n" + box + "\n" + DIACRITICS
    assert token_recall(expected, text.text) >= 0.99
    assert text.text.count(box) == 1, "a text box is read once, not twice (Choice and Fallback)"
    assert "Wie | Wat | Wanneer" in text.text
    assert "de projectleider | planning rondsturen | 1 oktober" in text.text
    # document order: the box follows its anchor paragraph and precedes the table
    assert text.text.index("Zie het kader") < text.text.index(box) < text.text.index("Wie | Wat")
    assert len(text.pages) == 2, "an explicit page break starts a new page"
    assert DIACRITICS in text.text[text.pages[1].start:text.pages[1].end]


HTML_PAGE = """<!DOCTYPE html><html lang="nl"><head><title>Raadsvergadering</title>
<style>body {{ color: red }}</style><script>var x = "Menu-tekst";</script></head>
<body>
<header><a href="/">Home</a> <a href="/zoeken">Zoeken</a></header>
<nav class="main-menu"><ul><li><a href="/a">Vergaderingen</a></li><li><a href="/b">Raadsleden</a></li></ul></nav>
<div id="cookie-banner">Deze site gebruikt cookies. <button>Akkoord</button></div>
<main>
<h1>Agenda gemeenteraad</h1>
{body}
<table><tr><td>1</td><td>Opening</td></tr><tr><td>2</td><td>Vaststellen van de agenda</td></tr></table>
</main>
<footer>© Gemeente, alle rechten voorbehouden. <a href="/privacy">Privacy</a></footer>
</body></html>"""


def test_html_keeps_content_and_drops_boilerplate():
    paragraphs = seed_paragraphs(6)
    body = "".join(f"<p>{p}</p>" for p in paragraphs) + f"<p>{DIACRITICS}</p>"
    text = read_bytes(HTML_PAGE.format(body=body).encode("utf-8"), "agenda.html")
    assert text.media_type == "text/html"
    assert token_recall("\n".join(paragraphs) + DIACRITICS, text.text) >= 0.99
    for chrome in ("Zoeken", "Raadsleden", "cookies", "rechten voorbehouden", "Menu-tekst", "color"):
        assert chrome not in text.text
    assert "1 | Opening" in text.text
    assert text.title == "Raadsvergadering"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "utf-16", "latin-1"])
def test_plain_text_in_common_encodings(encoding):
    sample = DIACRITICS if encoding != "latin-1" else DIACRITICS.replace("€", "EUR").replace("’", "'")
    prose = "\n".join(OWN_PARAGRAPHS) + "\n" + sample + "\n"
    text = read_bytes(prose.encode(encoding), "notitie.txt")
    assert text.text.strip() == prose.strip()


def test_plain_text_form_feed_marks_pages():
    text = read_bytes("pagina een\n\fpagina twee\n\fpagina drie".encode(), "x.txt")
    assert [text.text[p.start:p.end] for p in text.pages] == ["pagina een", "pagina twee", "pagina drie"]
    assert text.page_at(text.text.index("drie")) == 3


def test_markdown_markup_removed():
    md = ("# Besluitenlijst\n\nDe raad **stemt in** met het [voorstel](http://x.nl).\n\n"
          "| Wie | Wat |\n|---|---|\n| allen | lezen |\n\n- punt één\n- punt twéé\n")
    text = read_bytes(md.encode(), "lijst.md")
    assert text.media_type == "text/markdown"
    assert "Besluitenlijst" in text.text and "#" not in text.text
    assert "De raad stemt in met het voorstel." in text.text
    assert "Wie | Wat" in text.text and "allen | lezen" in text.text
    assert "punt twéé" in text.text


def test_sniff_by_content_not_name():
    assert sniff(b"%PDF-1.7\n...", "brief.txt") == "pdf"
    assert sniff(b"<!DOCTYPE html><html></html>", "export") == "html"
    assert sniff(b"Gewone tekst", "notitie") == "text"
