"""Structure from the readers: headings, paragraphs, list items and tables as spans of Text.text.

Each document is made here (HTML by hand, DOCX with python-docx, PDF with
reportlab). The text the reader produces is compared with a hand-written
string, which is the text these readers produced before they learnt about
structure: blocks never change the text.
"""

from __future__ import annotations

import io

import docx
import pytest
from click.testing import CliRunner
from docx.enum.style import WD_STYLE_TYPE

from regiovolger.cli import main
from regiovolger.document import Page, Text, join_pages
from regiovolger.read import read_bytes
from regiovolger.read.quality import apply_quality
from regiovolger.structure import (Cell, Heading, ListItem, Paragraph, Row, Table, cell_text, check_blocks,
                                   summary)
from tests.read import pdf_factory as F
from tests.read.test_quality import RAADSBRIEF, damage

ROWS = [
    ["Wie", "Wat", "Wanneer"],
    ["De secretaris", "stuurt het verslag rond", "1 oktober"],
    ["De voorzitter", "opent de vergadering", "direct"],
]
ITEMS = ["de begroting vast te stellen", "de jaarrekening goed te keuren", "de secretaris te machtigen"]


def assert_consistent(text: Text) -> None:
    """Every block lies in the text, rows follow each other, cells follow each other in their row."""
    check_blocks(text.blocks, len(text.text))
    assert [(b.start, -b.end) for b in text.blocks] == sorted((b.start, -b.end) for b in text.blocks)
    for block in text.blocks:
        assert text.block_text(block) == text.text[block.start:block.end]
        if not isinstance(block, Table):
            assert text.block_text(block).strip() == text.block_text(block), "no whitespace at the ends"
        else:
            for row in block.rows:
                assert block.start <= row.start <= row.end <= block.end
                assert [c.start for c in row.cells] == sorted(c.start for c in row.cells)
                for a, b in zip(row.cells, row.cells[1:]):
                    assert a.end <= b.start
            for a, b in zip(block.rows, block.rows[1:]):
                assert a.end <= b.start


def only(blocks, kind):
    return [b for b in blocks if isinstance(b, kind)]


# --------------------------------------------------------------------------- HTML

HTML = """<!DOCTYPE html><html lang="nl"><head><title>Verslag</title></head><body>
<nav class="menu"><ul><li><a href="/">Home</a></li><li><a href="/r">Raad</a></li></ul></nav>
<main>
<h1>Verslag   van het <em>overleg</em></h1>
<p>Het bestuur
   besluit het volgende:</p>
<ol>
  <li>de begroting vast te stellen</li>
  <li><p>de jaarrekening goed te keuren</p></li>
  <li>de secretaris te machtigen</li>
</ol>
<h2>Acties</h2>
<table>
  <thead><tr><th>Wie</th><th>Wat</th><th>Wanneer</th></tr></thead>
  <tbody>
    <tr><td>De secretaris</td><td>stuurt het <b>verslag</b> rond</td><td>1 oktober</td></tr>
    <tr><td> De voorzitter </td><td>opent de vergadering</td><td>direct</td></tr>
  </tbody>
</table>
<ul><li>los punt</li></ul>
<p>Einde.<br>Met groet.</p>
</main></body></html>"""

HTML_TEXT = (
    "Verslag van het overleg\n"
    "Het bestuur besluit het volgende:\n"
    "- de begroting vast te stellen\n"
    "-\n"  # (a <p> inside an item starts a line of its own, after the item's dash)
    "de jaarrekening goed te keuren\n"
    "- de secretaris te machtigen\n"
    "Acties\n"
    "Wie | Wat | Wanneer\n"
    "De secretaris | stuurt het verslag rond | 1 oktober\n"
    "De voorzitter | opent de vergadering | direct\n"
    "- los punt\n"
    "Einde.\n"
    "Met groet."
)


def test_html_blocks_are_spans_of_the_unchanged_text():
    text = read_bytes(HTML.encode(), "verslag.html")
    assert text.text == HTML_TEXT
    assert_consistent(text)
    assert [(h.level, text.block_text(h)) for h in text.headings] == [(1, "Verslag van het overleg"), (2, "Acties")]
    items = only(text.blocks, ListItem)
    assert [(i.marker, text.block_text(i)) for i in items] == [
        ("1.", ITEMS[0]), ("2.", ITEMS[1]), ("3.", ITEMS[2]), ("-", "los punt")]
    # a <p> inside a list item is the item, not a paragraph of its own
    assert [text.block_text(p) for p in only(text.blocks, Paragraph)] == [
        "Het bestuur besluit het volgende:", "Einde.\nMet groet."]
    [table] = text.tables
    assert table.grid(text) == ROWS
    assert text.block_text(table) == "\n".join(" | ".join(r) for r in ROWS)
    assert [text.block_text(r) for r in table.rows] == [" | ".join(r) for r in ROWS]
    assert cell_text(text, table.rows[1].cells[1]) == "stuurt het verslag rond"
    assert table.rows[2].cells[0].text_in(text.text) == "De voorzitter"


def test_html_empty_cells_keep_their_column_and_malformed_rows_do_not_break():
    markup = ("<body><table><tr><td></td><td>Opening</td><td>0</td></tr>"
              "<tr><td>2</td><td></td><td>1</td></tr><tr><td> </td><td></td></tr></table>"
              "<li>los</li><td>cel zonder tabel</td></body>")
    text = read_bytes(markup.encode(), "x.html")
    assert text.text == "Opening | 0\n2 | | 1\n- los\ncel zonder tabel"
    assert_consistent(text)
    [table] = text.tables
    assert table.grid(text) == [["", "Opening", "0"], ["2", "", "1"]]  # the empty row is not in the text
    assert table.rows[1].cells[1] == Cell(table.rows[1].cells[0].end, table.rows[1].cells[0].end)


# --------------------------------------------------------------------------- DOCX


def build_docx() -> bytes:
    d = docx.Document()
    d.add_heading("Verslag van het overleg", level=1)  # style "Heading 1"
    d.styles.add_style("Kop 2", WD_STYLE_TYPE.PARAGRAPH)  # a Dutch Word names it so
    d.add_paragraph("Besluiten", style="Kop 2")
    d.add_paragraph("Het bestuur besluit het volgende:")
    for item in ITEMS:
        d.add_paragraph(item, style="List Number")
    d.add_paragraph("los punt", style="List Bullet")
    d.add_paragraph("- getypt punt")
    table = d.add_table(rows=3, cols=3)
    for r, row in enumerate(ROWS):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    d.add_paragraph("Einde.")
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


DOCX_TEXT = (
    "Verslag van het overleg\n"
    "Besluiten\n"
    "Het bestuur besluit het volgende:\n"
    "de begroting vast te stellen\n"
    "de jaarrekening goed te keuren\n"
    "de secretaris te machtigen\n"
    "los punt\n"
    "- getypt punt\n"
    "Wie | Wat | Wanneer\n"
    "De secretaris | stuurt het verslag rond | 1 oktober\n"
    "De voorzitter | opent de vergadering | direct\n"
    "\n"
    "Einde."
)


def test_docx_blocks_are_spans_of_the_unchanged_text():
    text = read_bytes(build_docx(), "verslag.docx")
    assert text.text == DOCX_TEXT
    assert_consistent(text)
    assert [(h.level, text.block_text(h)) for h in text.headings] == [(1, "Verslag van het overleg"), (2, "Besluiten")]
    # Word's numbering is not in the text; the marker says what Word shows
    assert [(i.marker, text.block_text(i)) for i in only(text.blocks, ListItem)] == [
        ("1.", ITEMS[0]), ("2.", ITEMS[1]), ("3.", ITEMS[2]), ("\u2022", "los punt"), ("-", "getypt punt")]
    assert [text.block_text(p) for p in only(text.blocks, Paragraph)] == ["Het bestuur besluit het volgende:", "Einde."]
    [table] = text.tables
    assert table.grid(text) == ROWS
    assert [text.block_text(r) for r in table.rows] == [" | ".join(r) for r in ROWS]
    assert all(len(r.cells) == 3 for r in table.rows)


def test_docx_page_break_and_empty_cells():
    d = docx.Document()
    d.add_paragraph("Eerste pagina")
    d.add_page_break()
    d.add_heading("Bijlage", level=2)
    table = d.add_table(rows=2, cols=3)
    table.cell(0, 0).text = "a"
    table.cell(0, 2).text = "c"
    buf = io.BytesIO()
    d.save(buf)
    text = read_bytes(buf.getvalue(), "x.docx")
    assert text.text == "Eerste pagina\n\f\nBijlage\na |  | c\n |  | "
    assert_consistent(text)
    [heading] = text.headings
    assert (heading.level, text.block_text(heading)) == (2, "Bijlage")
    assert text.page_at(heading.start) == 2
    [table] = text.tables
    assert table.grid(text) == [["a", "", "c"], ["", "", ""]]


# --------------------------------------------------------------------------- PDF

needs_font = pytest.mark.skipif(not F.font_available(), reason="DejaVuSans not installed")

PROSE = [
    "Het dagelijks bestuur van de omgevingsdienst heeft op 14 maart besloten de",
    "begrotingswijziging voor te leggen aan het algemeen bestuur. De gemeenten",
    "worden gevraagd hun zienswijze vóór 1 mei kenbaar te maken.",
]


def build_pdf() -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    F._register_font()
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    y = A4[1] - 72
    c.setFont(F.FONT, 18)
    c.drawString(72, y, "Verslag van het overleg")
    y -= 30
    c.setFont(F.FONT, 10)
    for line in PROSE:
        c.drawString(72, y, line)
        y -= 14
    y -= 10
    for item in ITEMS:
        c.drawString(72, y, "\u2022 " + item)
        y -= 14
    y -= 10
    for row in ROWS:  # cells on shared baselines at fixed x-positions
        for x, value in zip((72, 200, 380), row):
            c.drawString(x, y, value)
        y -= 15
    y -= 10
    c.drawString(72, y, "De voorzitter sluit de vergadering om 16.30 uur.")
    c.showPage()
    c.save()
    return buf.getvalue()


PDF_TEXT = (
    "Verslag van het overleg\n"
    + "\n".join(PROSE) + "\n"
    + "".join(f"\u2022 {item}\n" for item in ITEMS)
    + "Wie Wat Wanneer\n"
    "De secretaris stuurt het verslag rond 1 oktober\n"
    "De voorzitter opent de vergadering direct\n"
    "De voorzitter sluit de vergadering om 16.30 uur."
)


@needs_font
def test_pdf_heading_by_font_size_and_table_by_aligned_columns():
    text = read_bytes(build_pdf(), "verslag.pdf")
    assert text.text == PDF_TEXT
    assert_consistent(text)
    assert [(h.level, text.block_text(h)) for h in text.headings] == [(1, "Verslag van het overleg")]
    [table] = text.tables
    assert table.grid(text) == ROWS
    assert [text.block_text(r) for r in table.rows] == [" ".join(r) for r in ROWS]
    # a list with one piece per line is not a table; prose is neither heading nor table
    assert all(b.start >= text.text.index("Wie") or b.end <= 23 for b in text.blocks)


@needs_font
def test_pdf_hanging_list_and_prose_are_not_tables():
    # bullets drawn apart from their text line up like a narrow first column
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    F._register_font()
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.setFont(F.FONT, 10)
    y = A4[1] - 72
    for line in F.wrap(" ".join(F.OWN_PARAGRAPHS[:2]), 451):
        c.drawString(72, y, line)
        y -= 14
    for item in ITEMS * 2:
        c.drawString(72, y, "\u2022")
        c.drawString(90, y, item)
        y -= 14
    c.showPage()
    c.save()
    text = read_bytes(buf.getvalue(), "lijst.pdf")
    assert text.tables == []
    assert text.headings == []


@needs_font
def test_pdf_structure_can_be_switched_off_and_scans_get_none():
    from regiovolger.read.pdf import read_pdf

    data = build_pdf()
    with_blocks = read_pdf(data)
    without = read_pdf(data, structure=False)
    assert with_blocks.texts == without.texts
    assert any(with_blocks.blocks[0]) and without.blocks == [[]]


# --------------------------------------------------------------------------- Text


def test_blocks_follow_glyph_repairs_and_page_offsets():
    pages = [damage(RAADSBRIEF, {"d", "t"}), "Bijlage 1\n\n2022 | 1.234\n2023 | 5.678"]
    joined, spans = join_pages(pages)
    second = spans[1].start
    rows = [Row(second + 11, second + 23, [Cell(second + 11, second + 15), Cell(second + 18, second + 23)]),
            Row(second + 24, second + 36, [Cell(second + 24, second + 28), Cell(second + 31, second + 36)])]
    blocks = [Paragraph(spans[0].start, spans[0].end), Heading(1, second, second + 9),
              Table(second + 11, second + 36, rows)]
    after = apply_quality(Text(text=joined, pages=spans, media_type="application/pdf", blocks=blocks))
    assert after.original == joined and after.text != joined  # repaired: the text got longer
    paragraph, heading, table = after.blocks
    assert after.block_text(paragraph) == after.text[after.pages[0].start:after.pages[0].end]
    assert after.block_text(heading) == "Bijlage 1"
    assert table.grid(after) == [["2022", "1.234"], ["2023", "5.678"]]


def test_text_without_structure_has_no_blocks():
    text = read_bytes("Gewone tekst\n\nnog een alinea".encode(), "notitie.txt")
    assert text.blocks == [] and summary(text) == {"headings": 0, "paragraphs": 0, "list_items": 0, "tables": 0}
    assert Text(text="x", pages=[Page(1, 0, 1)], media_type="text/plain").blocks == []


def test_cli_blocks_summary(tmp_path):
    path = tmp_path / "verslag.html"
    path.write_text(HTML, encoding="utf-8")
    runner = CliRunner()
    out = runner.invoke(main, ["text", str(path), "--blocks"])
    assert out.exit_code == 0, out.output
    lines = out.output.splitlines()
    assert lines[0] == "koppen/headings: 2, alinea's/paragraphs: 2, lijstitems/list items: 4, tabellen/tables: 1"
    assert "h1 [0-23] Verslag van het overleg" in lines
    assert "  h2 [" in out.output
    table_at = next(i for i, line in enumerate(lines) if line.startswith("tabel/table 1: 3 × 3"))
    assert lines[table_at + 1:table_at + 4] == ["  " + " | ".join(r) for r in ROWS]
    # without --blocks the text is printed as before
    plain = runner.invoke(main, ["text", str(path)])
    assert plain.output == HTML_TEXT + "\n"
