"""Fidelity of the PDF text layer: pages, diacritics, hyphens, columns, broken files."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

try:
    from . import pdf_factory as F
except ImportError:  # tests/read is not a package
    import pdf_factory as F

from regiovolger.errors import ReadError
from regiovolger.read.pdf import clean_text, dehyphenate, join_word, keep_hyphen, read_pdf

from tests.conftest import REAL  # noqa: E402

needs_font = pytest.mark.skipif(not F.font_available(), reason=f"font missing: {F.FONT_PATH} (apt install fonts-dejavu-core)")


def lines_of(text: str) -> list[str]:
    return [line for line in text.split("\n") if line.strip()]


# --------------------------------------------------------------------------- multi-page


@needs_font
def test_multipage_pdf_keeps_pages_text_and_diacritics():
    seeds = F.seed_paragraphs(9)
    assert len(seeds) >= 6, "the seeds should give prose paragraphs"
    pages = [
        [F.DIACRITICS, seeds[0], seeds[1]],
        [F.OWN_PARAGRAPHS[0], seeds[2], seeds[3]],
        [F.OWN_PARAGRAPHS[1], seeds[4], F.OWN_PARAGRAPHS[2]],
        [seeds[5], F.OWN_PARAGRAPHS[3]],
    ]
    data = F.paragraphs_pdf(pages, title="Verslag van het algemeen bestuur")
    raw = read_pdf(data)

    assert len(raw.texts) == 4
    assert raw.methods == ["text"] * 4
    assert raw.title == "Verslag van het algemeen bestuur"
    for number, (expected, got) in enumerate(zip(pages, raw.texts), 1):
        assert F.recall(" ".join(expected), got) >= 0.99, f"page {number}"
        # The printed page number is the page's last line; nothing leaks across pages.
        assert lines_of(got)[-1] == str(number)
        for other, paragraphs in enumerate(pages, 1):
            if other != number:
                assert F.recall(" ".join(paragraphs), got) < 0.6
    first = raw.texts[0]
    for word in ("financiële", "geïnd", "coördinator", "één", "café", "’s-Hertogenbosch", "Noord-Brabant", "€ 147.824"):
        assert word in first
    assert "\r" not in "".join(raw.texts) and "\f" not in "".join(raw.texts)


@needs_font
def test_sixty_page_text_layer_reads_every_page():
    # pages/s is measured in benchmarks/bench_speed.py, not asserted here
    seeds = F.seed_paragraphs(8)
    pages = [[seeds[i % len(seeds)], seeds[(i + 1) % len(seeds)], F.OWN_PARAGRAPHS[i % 4]] for i in range(60)]
    raw = read_pdf(F.paragraphs_pdf(pages))
    assert len(raw.texts) == 60
    assert all(F.OWN_PARAGRAPHS[i % 4][:40] in " ".join(raw.texts[i].split()) for i in range(60))


# --------------------------------------------------------------------------- columns


def _columns(seeds: list[str], width: float = 230) -> tuple[list[str], list[str]]:
    left = F.wrap(" ".join([F.DIACRITICS, seeds[0], seeds[1]]), width)
    right = F.wrap(" ".join([seeds[2], F.OWN_PARAGRAPHS[2], seeds[3]]), width)
    return left, right


@needs_font
def test_two_columns_interleaved_in_stream_are_read_column_by_column():
    left, right = _columns(F.seed_paragraphs(6))
    data = F.two_column_pdf(left, right, heading="Nieuwsbrief regionale samenwerking", footer="Pagina 1")
    plain = read_pdf(data)
    assert plain.methods == ["reordered"]
    text = plain.texts[0]
    expected = "\n".join(["Nieuwsbrief regionale samenwerking", *left, *right, "Pagina 1"])
    assert F.recall(expected, text) >= 0.99
    # Reading order, not just the words: the token sequence is the columns' one.
    assert F.tokens(text) == F.tokens(expected)
    assert lines_of(text) == lines_of(expected)


@needs_font
def test_interleaved_columns_with_different_leading():
    seeds = F.seed_paragraphs(6)
    left = F.wrap(" ".join(seeds[:2]), 230)
    right = F.wrap(" ".join(seeds[2:4]), 230)
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas
    import io

    F._register_font()
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.setFont(F.FONT, 10)
    # Left column 14 pt leading, right column 12.5 pt: baselines do not line up.
    for i in range(max(len(left), len(right))):
        if i < len(left):
            c.drawString(56, 760 - i * 14, left[i])
        if i < len(right):
            c.drawString(306, 760 - i * 12.5, right[i])
    c.showPage()
    c.save()
    raw = read_pdf(buf.getvalue())
    assert raw.methods == ["reordered"]
    assert F.tokens(raw.texts[0]) == F.tokens("\n".join(left + right))


@needs_font
def test_three_interleaved_columns():
    seeds = F.seed_paragraphs(9)
    cols = [F.wrap(" ".join(seeds[i * 2 : i * 2 + 2]), 150) for i in range(3)]
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas
    import io

    F._register_font()
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.setFont(F.FONT, 9)
    for i in range(max(map(len, cols))):
        for x, col in zip((40, 215, 390), cols):
            if i < len(col):
                c.drawString(x, 780 - i * 12, col[i])
    c.showPage()
    c.save()
    raw = read_pdf(buf.getvalue())
    assert raw.methods == ["reordered"]
    assert F.tokens(raw.texts[0]) == F.tokens("\n".join(cols[0] + cols[1] + cols[2]))


@needs_font
def test_columns_already_in_reading_order_are_left_alone():
    left, right = _columns(F.seed_paragraphs(6))
    data = F.two_column_pdf(left, right, interleave=False)
    raw = read_pdf(data)
    assert raw.methods == ["text"]
    assert F.tokens(raw.texts[0]) == F.tokens("\n".join(left + right))


@needs_font
def test_single_column_page_is_not_reordered():
    data = F.paragraphs_pdf([[F.OWN_PARAGRAPHS[0], F.DIACRITICS] + F.seed_paragraphs(3)])
    raw = read_pdf(data)
    assert raw.methods == ["text"]


@needs_font
def test_table_rows_stay_on_one_line():
    rows = [("Nr.", "Onderwerp", "Toelichting")]
    topics = ["Opening", "Verslag vorige vergadering", "Begroting 2025", "Zienswijze gemeenten", "Rondvraag", "Sluiting"]
    notes = [
        "De voorzitter opent de vergadering om 15.00 uur.",
        "Het verslag wordt ongewijzigd vastgesteld.",
        "Het bestuur stemt in met de begroting en de bijdrage per inwoner.",
        "Vijf gemeenten hebben een zienswijze ingediend; zij worden bedankt.",
        "Er zijn geen vragen voor de rondvraag.",
        "De voorzitter sluit de vergadering om 16.30 uur.",
    ]
    rows += [(str(i), t, n) for i, (t, n) in enumerate(zip(topics, notes), 1)]
    raw = read_pdf(F.table_pdf(rows))
    assert raw.methods == ["text"]
    got = [re.sub(r"\s+", " ", line).strip() for line in lines_of(raw.texts[0])]
    assert got == [" ".join(row) for row in rows]


@needs_font
def test_two_wide_cell_table_with_labels_stays_row_by_row():
    # A key/value header: a narrow label column beside a wide value column.
    rows = [
        ("Datum:", "18 maart 2025, aanvang 19.30 uur in de raadzaal van het gemeentehuis"),
        ("Locatie:", "Gemeentehuis, Raadhuisplein 1, met livestream voor belangstellenden"),
        ("Voorzitter:", "de burgemeester, tevens voorzitter van het algemeen bestuur"),
        ("Aanwezig:", "alle leden van het algemeen bestuur behalve de heer De Vries"),
        ("Afwezig:", "de heer De Vries, wegens ziekte, met kennisgeving vooraf"),
        ("Notulist:", "mevrouw Jansen van het secretariaat van de samenwerking"),
        ("Betreft:", "openbare vergadering over de begroting en de jaarstukken"),
    ]
    raw = read_pdf(F.table_pdf(rows, col_x=(56, 140)))
    assert raw.methods == ["text"]
    got = [re.sub(r"\s+", " ", line).strip() for line in lines_of(raw.texts[0])]
    assert got == [" ".join(row) for row in rows]


@needs_font
def test_table_of_wide_cells_with_single_line_rows_is_not_reordered():
    rows = [
        ("Actualiseren regionaal woningbouwprogramma", "Loopt; het concept ligt in maart bij het bestuur"),
        ("Evaluatie van de gemeenschappelijke regeling", "Afgerond; het rapport is op 12 februari verstuurd"),
        ("Aanbesteding leerlingenvervoer 2026", "Gestart; gunning wordt verwacht in het najaar"),
        ("Regionale aanpak laaggeletterdheid", "Vertraagd door een tekort aan taalvrijwilligers"),
        ("Uitbreiding van het netwerk laadpalen", "Op schema; veertig palen zijn inmiddels geplaatst"),
        ("Gezamenlijke inkoop van jeugdhulp", "Nieuwe contracten gaan op 1 januari in"),
        ("Herijking van de verdeelsleutel", "Voorstel volgt na de zienswijzen van de raden"),
    ]
    raw = read_pdf(F.table_pdf(rows, col_x=(56, 300), size=9))
    assert raw.methods == ["text"]
    got = [re.sub(r"\s+", " ", line).strip() for line in lines_of(raw.texts[0])]
    assert got == [" ".join(row) for row in rows]


@needs_font
def test_interleaved_columns_of_unequal_length_and_hyphens():
    seeds = F.seed_paragraphs(8)
    left = F.hyphen_wrap(" ".join([seeds[0], seeds[1], seeds[2], F.DIACRITICS]), 220)
    right = F.hyphen_wrap(" ".join([F.OWN_PARAGRAPHS[1], F.OWN_PARAGRAPHS[3]]), 220)
    assert len(right) * 2 < len(left)
    assert sum(line.endswith("-") for line in left + right) >= 5
    raw = read_pdf(F.two_column_pdf(left, right))
    assert raw.methods == ["reordered"]
    expected = " ".join([seeds[0], seeds[1], seeds[2], F.DIACRITICS, F.OWN_PARAGRAPHS[1], F.OWN_PARAGRAPHS[3]])
    assert F.tokens(raw.texts[0]) == F.tokens(expected)
    assert len(lines_of(raw.texts[0])) == len(left) + len(right)


# --------------------------------------------------------------------------- hyphens


@needs_font
def test_hyphenated_pdf_joins_broken_words_and_keeps_compounds():
    seeds = F.seed_paragraphs(6)
    text = " ".join([F.DIACRITICS, seeds[0], F.OWN_PARAGRAPHS[3], seeds[1], F.OWN_PARAGRAPHS[0], seeds[2]])
    lines = F.hyphen_wrap(text, 150)
    broken = [line for line in lines if line.endswith("-")]
    assert len(broken) >= 12, "the wrapper should break many words"
    raw = read_pdf(F.text_pdf([lines], page_numbers=False))
    got = raw.texts[0]
    assert F.recall(text, got) >= 0.99
    # Lines stay lines: one output line per printed line.
    assert len(lines_of(got)) == len(lines)
    assert "Noord-Brabant" in got and "’s-Hertogenbosch" in got


@needs_font
def test_hyphen_cases_at_line_ends():
    lines = [
        "De gemeenten in Noord-",
        "Brabant zetten de samen-",
        "werking voort in de zorg-",
        "en welzijnssector. De programma-",
        "aanpak en de informatie-",
        "uitwisseling lopen van 2023-",
        "2024 in de GGD-",
        "regio, met een niet-",
        "relevant risico voor de be-",
        "grotingswijziging.",
    ]
    raw = read_pdf(F.text_pdf([lines], page_numbers=False))
    got = raw.texts[0]
    assert got == (
        "De gemeenten in Noord-Brabant\n"
        "zetten de samenwerking\n"
        "voort in de zorg-\n"
        "en welzijnssector. De programma-aanpak\n"
        "en de informatie-uitwisseling\n"
        "lopen van 2023-2024\n"
        "in de GGD-regio,\n"
        "met een niet-relevant\n"
        "risico voor de begrotingswijziging.\n"
    ).rstrip("\n")


def test_dehyphenate_pdfium_markers_and_soft_hyphens():
    # pdfium drops the line break after a line-end hyphen and marks it with U+FFFE.
    assert dehyphenate("de samen\ufffewerking met\nanderen") == "de samenwerking\nmet\nanderen"
    assert dehyphenate("regio Noord\ufffeBrabant werkt") == "regio Noord-Brabant\nwerkt"
    assert dehyphenate("de zorg\ufffeen welzijnssector") == "de zorg-\nen welzijnssector"
    assert dehyphenate("de samen\x02werking.") == "de samenwerking."
    # An author's soft hyphen is never a real hyphen.
    assert dehyphenate("de Noord\u00ad\nBrabant-kaart") == "de NoordBrabant-kaart"
    assert dehyphenate("de bege\u00adleiding van") == "de begeleiding van"
    assert clean_text("overeen\u00adkomst\r\nklaar \f") == "overeenkomst\nklaar"
    # Hyphens that are not at a line end, and dashes, stay.
    assert dehyphenate("Noord-Brabant en Zuid-Holland") == "Noord-Brabant en Zuid-Holland"
    assert dehyphenate("kosten € 100,-\nTotaal") == "kosten € 100,-\nTotaal"
    assert dehyphenate("de tekst -\nen verder") == "de tekst -\nen verder"


@pytest.mark.parametrize(
    ("left", "right", "keep"),
    [
        ("samen", "werking", False),
        ("be", "grotingswijziging", False),
        ("Noord", "Brabant", True),
        ("zee", "egel", True),
        ("programma", "aanpak", True),
        ("informatie", "uitwisseling", True),
        ("oud", "burgemeester", True),
        ("GGD", "regio", True),
        ("COVID", "19", True),
        ("BESLUITEN", "LIJST", False),
        ("samenwerkings", "overeenkomst", False),
        ("zonne", "energie", True),
        ("niet", "relevant", True),
        ("auto", "ongeluk", True),
        ("pro", "jectbudgetten", False),
    ],
)
def test_keep_hyphen(left, right, keep):
    assert keep_hyphen(left, right) is keep


def test_join_word_restores_trema_and_hyphenated_chains():
    # Dutch hyphenation drops the trema at the break: "be-eindigen".
    assert join_word("be", "eindigen") == "beëindigen"
    assert join_word("co", "operatie") == "coöperatie"
    assert join_word("zonne", "energie") == "zonne-energie"
    # The tail of a hyphenated chain keeps its hyphen unless the part is a word.
    assert join_word("op", "dak", compound=True) == "op-dak"
    assert join_word("Hertogen", "bosch", compound=True) == "Hertogenbosch"
    assert dehyphenate("de regeling zon-op\ufffedak geldt") == "de regeling zon-op-dak\ngeldt"
    assert dehyphenate("in ’s-Hertogen-\nbosch is") == "in ’s-Hertogenbosch\nis"


@needs_font
def test_soft_hyphen_in_content_stream():
    lines = ["Het bestuur bespreekt de bege\u00ad", "leiding van de aanvragers en de", "Noord\u00ad", "Brabant-kaart."]
    got = read_pdf(F.text_pdf([lines], page_numbers=False)).texts[0]
    assert "begeleiding" in got and "\u00ad" not in got and "\ufffe" not in got
    # pdfium reports an author's soft hyphen like a hard one at a line end.
    assert "NoordBrabant-kaart" in got or "Noord-Brabant-kaart" in got


# --------------------------------------------------------------------------- broken files


@needs_font
def test_encrypted_pdf():
    data = F.text_pdf([["Vertrouwelijk: personeelsdossier."]], encrypt="geheim123")
    with pytest.raises(ReadError) as info:
        read_pdf(data)
    assert info.value.code == "encrypted"


@needs_font
def test_owner_password_only_pdf_is_readable():
    from reportlab.lib.pdfencrypt import StandardEncryption

    enc = StandardEncryption("", ownerPassword="eigenaar", canPrint=1, canCopy=0)
    data = F.text_pdf([["Openbaar besluit: het bestuur stemt in met het voorstel."]], encrypt=enc)
    raw = read_pdf(data)
    assert "het bestuur stemt in met het voorstel" in raw.texts[0]


@needs_font
@pytest.mark.parametrize("keep", [0.5, 0.95])
def test_truncated_pdf_is_corrupt(keep):
    data = F.paragraphs_pdf([[p] for p in F.seed_paragraphs(4)])
    with pytest.raises(ReadError) as info:
        read_pdf(data[: int(len(data) * keep)])
    assert info.value.code == "corrupt"
    assert info.value.details["kind"] == "PDF"
    assert str(info.value)  # a one-line reason for the user


def test_junk_named_pdf_is_not_pdf():
    with pytest.raises(ReadError) as info:
        read_pdf(b"<html><body>Dit is geen PDF maar een foutpagina.</body></html>" * 30)
    assert info.value.code == "not_pdf"


def test_header_without_body_is_corrupt():
    with pytest.raises(ReadError) as info:
        read_pdf(b"%PDF-1.7\n" + b"\x00garbage" * 200 + b"\n%%EOF\n")
    assert info.value.code == "corrupt"


def test_empty_bytes():
    with pytest.raises(ReadError) as info:
        read_pdf(b"")
    assert info.value.code == "empty"


@needs_font
def test_leading_junk_before_header_is_tolerated():
    data = F.text_pdf([["Besluitenlijst van de vergadering."]])
    raw = read_pdf(b"\xef\xbb\xbf\r\n   " + data)
    assert "Besluitenlijst van de vergadering." in raw.texts[0]
    with pytest.raises(ReadError) as info:
        read_pdf(b" " * 2000 + data)
    assert info.value.code == "not_pdf"


def test_page_without_text_or_images_stays_empty():
    from reportlab.pdfgen import canvas
    import io

    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.showPage()
    c.save()
    raw = read_pdf(buf.getvalue())
    assert raw.texts == [""] and raw.methods == ["text"]


# --------------------------------------------------------------------------- real files


@pytest.mark.parametrize("path", sorted(REAL.glob("*.pdf")), ids=lambda p: p.name[:2])
def test_real_pdfs_read_without_error(path):
    raw = read_pdf(path.read_bytes(), ocr=False)
    assert raw.texts
    assert all("\r" not in t and "\ufffe" not in t for t in raw.texts)
    if "SCANNED" not in path.name:
        assert all(m == "text" for m in raw.methods)
        assert sum(len(t) for t in raw.texts) > 500 * len(raw.texts) * 0.5


def test_real_table_layout_keeps_rows():
    path = REAL / "06_overijssel_bo-energiegebied-att_verslag_2024-03-18.pdf"
    if not path.exists():
        pytest.skip("real corpus missing")
    raw = read_pdf(path.read_bytes(), ocr=False)
    assert raw.methods == ["text"] * len(raw.texts)
    lines = [line.strip() for line in raw.texts[0].split("\n")]
    assert "Nr. Onderwerp Toelichting" in lines
    assert "1 Opening door Gedeputeerde" in lines
    assert "Datum: 18 maart 2024" in lines
