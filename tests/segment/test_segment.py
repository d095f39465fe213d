"""Segmentation: boundaries and types of the logical documents in a file."""

from __future__ import annotations

from pathlib import Path

import pytest

from regiovolger.document import Page, Part, Text, join_pages
from regiovolger.segment import TYPES, classify, parse_dutch_date, segment

FIXTURES = Path(__file__).parent / "fixtures"
from tests.conftest import SEEDS  # noqa: E402
from tests.conftest import REAL  # noqa: E402


def plain(s: str) -> Text:
    return Text(text=s, pages=[Page(1, 0, len(s))], media_type="text/plain")


def paged(pages: list[str]) -> Text:
    s, pg = join_pages(pages)
    return Text(text=s, pages=pg, media_type="application/pdf")


def part_at(parts: list[Part], text: str, marker: str, nth: int = 0) -> Part:
    pos = -1
    for _ in range(nth + 1):
        pos = text.index(marker, pos + 1)
    return next(p for p in parts if p.start <= pos < p.end)


def check_invariants(text: Text, parts: list[Part]) -> None:
    assert parts, "at least one part"
    assert parts[0].start == 0
    assert parts[-1].end == len(text.text)
    for k, p in enumerate(parts):
        assert p.id == f"p{k + 1}"
        assert p.type in TYPES
        assert p.start < p.end
        if k:
            assert parts[k - 1].end == p.start
        if p.date is not None:
            assert len(p.date) == 10 and p.date[4] == "-" and p.date[7] == "-"


# ---------------------------------------------------------------------------
# Hand-written documents in several house styles: (file, [(marker, type), ...], metadata of part 1)

CASES = [
    ("raadsvoorstel.txt", [("Raadsvoorstel", "proposal")],
     {"date": "2024-03-14", "title": "Vaststelling bestemmingsplan Kerkstraat-Noord"}),
    ("besluitenlijst.txt", [("Besluitenlijst", "decision_list")], {"date": "2024-03-12"}),
    ("agenda_numbered.txt", [("Agenda", "agenda")], {"date": "2024-04-09", "title": "Agenda"}),
    ("brief_geachte.txt", [("Gemeente Zandhoven", "letter")],
     {"date": "2024-04-03", "title": "Stand van zaken opvang statushouders", "organisation": "Gemeente Zandhoven"}),
    ("memo_labels.txt", [("Memo", "memo")], {"date": "2024-02-05", "title": "Voortgang regionale woondeal"}),
    ("notulen.txt", [("Notulen van de vergadering", "minutes")], {"date": "2023-11-07"}),
    ("actielijst.txt", [("Actielijst", "action_list")], {"date": None}),
    ("begroting.txt", [("Programmabegroting 2025", "budget")], {"title": "Programmabegroting 2025"}),
    ("memo_vertrouwelijk.txt", [("VERTROUWELIJK", "memo")], {"confidential": True, "date": "2024-12-18"}),
    ("kamerbrief.txt", [("Retouradres", "parliamentary_letter")],
     {"date": "2024-05-14", "title": "Voortgang programma bereikbaarheid",
      "organisation": "Ministerie van Infrastructuur en Waterstaat"}),
    ("aanvraagformulier.txt", [("Aanvraagformulier subsidie", "application_form")], {"date": "2024-04-02"}),
    ("beoordeling.txt", [("Beoordeling projectaanvraag", "assessment_report")], {"date": "2024-04-20"}),
    ("jaarplan.txt", [("Jaarplan 2025", "programme")], {"title": "Jaarplan 2025"}),
    # a table of contents and in-text mentions ("Verslag van de gesprekken", "bijlage Agenda") do not split
    ("rapport_met_inhoud.txt", [("Evaluatie regionale", "policy_report")], {"confidential": False}),
    # references to an agenda and minutes in prose and in an attachment list do not split
    ("voorstel_met_verwijzingen.txt", [("Collegevoorstel", "proposal")],
     {"title": "Zienswijze op de ontwerpbegroting van de veiligheidsregio"}),
    ("bundel_agenda_voorstel_verslag.txt",
     [("Agenda voor de vergadering", "agenda"), ("Voorstel aan het dagelijks bestuur", "proposal"),
      ("Verslag dagelijks bestuur", "minutes")],
     {"date": "2024-05-16"}),
    ("brief_dan_memo.txt", [("Geachte heer Van Dam", "letter"), ("Aan: wethouder evenementen", "memo")], {}),
]


@pytest.mark.parametrize("name,expected,meta", CASES, ids=[c[0] for c in CASES])
def test_handwritten(name, expected, meta):
    s = (FIXTURES / name).read_text(encoding="utf-8")
    text = plain(s)
    parts = segment(text)
    check_invariants(text, parts)
    assert [p.type for p in parts] == [t for _, t in expected], [(p.type, p.title) for p in parts]
    for k, (marker, typ) in enumerate(expected):
        p = part_at(parts, s, marker)
        assert p.id == f"p{k + 1}" and p.type == typ
    for key, value in meta.items():
        assert getattr(parts[0], key) == value, key


def test_bundle_parts_metadata():
    s = (FIXTURES / "bundel_agenda_voorstel_verslag.txt").read_text(encoding="utf-8")
    parts = segment(plain(s))
    assert parts[1].title == "Deelname landelijk netwerk"
    assert parts[1].date == "2024-05-16"
    assert parts[2].date == "2024-04-11"
    # the contact footer stays with the proposal
    assert part_at(parts, s, "Nadere informatie bij").id == "p2"
    # the agenda item naming the minutes is not a document of its own
    assert part_at(parts, s, "2. Verslag van de vergadering van 11 april 2024").id == "p1"


def test_letter_signature_ends_letter():
    s = (FIXTURES / "brief_dan_memo.txt").read_text(encoding="utf-8")
    parts = segment(plain(s))
    assert part_at(parts, s, "de burgemeester,").id == "p1"
    assert parts[1].title == "Geluidsmetingen evenemententerrein"
    assert parts[1].date == "2024-02-12"


# ---------------------------------------------------------------------------
# Pages: a PDF bundle where every document starts on a new page

def test_page_starts_split_bundle():
    pages = [
        "Concept-agenda\nvergadering algemeen bestuur 20 juni 2024\n\n1. Opening\n2. Jaarstukken 2023\n"
        "3. Zienswijze begroting\n4. Rondvraag\n5. Sluiting\n",
        "Aan het algemeen bestuur\nVergadering d.d.: 20 juni 2024\nAgendapunt: 2\nOnderwerp: Jaarstukken 2023\n"
        "Portefeuillehouder: de voorzitter\n\nVoorstel:\nDe jaarstukken 2023 vaststellen.\n\nToelichting:\n"
        + "De jaarrekening sluit met een positief resultaat dat wordt toegevoegd aan de algemene reserve. " * 6,
        # a continuation page of the proposal: no head, no split
        "Pagina 2 van 2\n" + "Het resultaat is vooral ontstaan door onderbesteding op het programma wonen. " * 6,
        "Besluitenlijst dagelijks bestuur 6 juni 2024\n\n1. Opening\nBesluit: de vergadering wordt geopend.\n"
        "2. Jaarstukken\nBesluit: het dagelijks bestuur biedt de jaarstukken aan het algemeen bestuur aan.\n"
        "3. Rondvraag\nBesluit: geen.\n",
    ]
    text = paged(pages)
    parts = segment(text)
    check_invariants(text, parts)
    assert [p.type for p in parts] == ["agenda", "proposal", "decision_list"]
    # the boundaries fall on the page starts
    assert parts[1].start == text.pages[1].start
    assert parts[2].start == text.pages[3].start
    assert parts[1].date == "2024-06-20" and parts[2].date == "2024-06-06"


# ---------------------------------------------------------------------------
# Seeds

def _seed(prefix: str) -> str:
    path = next(SEEDS.glob(prefix + "_*.txt"), None)
    if path is None:
        pytest.skip("seed corpus not available")
    return path.read_text(encoding="utf-8")


SEED_002 = [
    # (a line inside the part, type); parts in order
    ("Bundel - Algemeen Bestuur van 29 januari 2025", "agenda"),
    ("Kennisnemen van onderstaande lobby gerelateerde zaken", "proposal"),
    ("Aan MBZK", "memo"),  # Beslisnota
    ("Dit kabinet gelooft in de kracht van de regio", "parliamentary_letter"),  # Kamerbrief
    (": Project Servicepunt Techniek (SPT)", "proposal"),
    ("Aanvraagformulier project Achterhoek Visie 2030 – deel I", "application_form"),
    ("Rapport van bevindingen Projecten Achterhoek Visie 2030", "assessment_report"),
    (": 8rhk ambassadeurs supporting partner Tech.Land", "proposal"),
    ("Datum 18-12-2024", "minutes"),
]


def test_seed_002_bundle():
    s = _seed("002")
    text = plain(s)
    parts = segment(text)
    check_invariants(text, parts)
    assert len(parts) == len(SEED_002), [(p.type, p.title) for p in parts]
    for k, (marker, typ) in enumerate(SEED_002):
        p = part_at(parts, s, marker)
        assert (p.id, p.type) == (f"p{k + 1}", typ), marker
    # lines that must stay inside their document
    assert part_at(parts, s, "Informatie die niet openbaar gemaakt kan worden").id == "p3"
    assert part_at(parts, s, "De minister van Binnenlandse Zaken en Koninkrijksrelaties").id == "p4"
    assert part_at(parts, s, "Bijlage 1. Nadere uitwerking").id == "p4"
    assert part_at(parts, s, "Staatssteun, vrijstellingsgronden en de-minimis").id == "p6"
    assert part_at(parts, s, "Nadere informatie bij:").id == "p2"
    assert part_at(parts, s, "Vastgesteld d.d. 29 januari 2025").id == "p9"
    # metadata
    assert parts[0].date == "2025-01-29"
    assert parts[0].title == "Bundel - Algemeen Bestuur van 29 januari 2025"
    assert parts[1].title == "Lobby" and parts[1].date == "2025-01-29"
    assert parts[3].date == "2024-12-20"
    assert parts[3].organisation == "Ministerie van Binnenlandse Zaken en Koninkrijksrelaties"
    assert parts[4].title == "Project Servicepunt Techniek (SPT)"
    assert parts[6].date == "2024-12-16"
    assert parts[8].date == "2024-12-18" and parts[8].title == "Verslag Algemeen Bestuur"
    # "niet openbaar" in a section heading is not a marking
    assert not any(p.confidential for p in parts)


def test_seed_002_parts_cover_the_text_in_order():
    # speed is measured in benchmarks/bench_speed.py, not asserted here
    parts = segment(plain(_seed("002")))
    assert len(parts) > 3
    assert all(a.end <= b.start for a, b in zip(parts, parts[1:]))


@pytest.mark.parametrize("prefix,typ,date", [
    ("000", "programme", None),
    ("001", "minutes", "2020-07-06"),
    ("003", "memo", None),
    ("004", "policy_report", None),
])
def test_single_document_seeds(prefix, typ, date):
    s = _seed(prefix)
    text = plain(s)
    parts = segment(text)
    check_invariants(text, parts)
    assert [p.type for p in parts] == [typ]
    assert parts[0].date == date


def test_seed_000_title():
    parts = segment(plain(_seed("000")))
    assert parts[0].title == "Uitvoeringsprogramma 2020 - 2021"


# ---------------------------------------------------------------------------
# Real published files (text taken directly with the libraries the readers use)

def _pdf_text(name: str) -> Text:
    pdfium = pytest.importorskip("pypdfium2")
    path = next(REAL.glob(name + "_*.pdf"), None)
    if path is None:
        pytest.skip("real corpus not available")
    doc = pdfium.PdfDocument(str(path))
    pages = [pg.get_textpage().get_text_range().replace("\r\n", "\n") for pg in doc]
    return paged(pages)


@pytest.mark.parametrize("name,typ", [
    ("01", "decision_list"),
    ("06", "minutes"),
    ("09", "proposal"),
    ("13", "policy_report"),
])
def test_real_pdfs(name, typ):
    text = _pdf_text(name)
    parts = segment(text)
    check_invariants(text, parts)
    assert [p.type for p in parts] == [typ]


def test_real_pdf_dates():
    assert segment(_pdf_text("01"))[0].date == "2015-06-29"
    assert segment(_pdf_text("06"))[0].date == "2024-03-18"


def test_real_docx_form():
    docx = pytest.importorskip("docx")
    path = next(REAL.glob("15_*.docx"), None)
    if path is None:
        pytest.skip("real corpus not available")
    d = docx.Document(str(path))
    lines = [p.text for p in d.paragraphs]
    for table in d.tables:
        for row in table.rows:
            lines.extend(c.text for c in row.cells)
    parts = segment(plain("\n".join(lines)))
    assert [p.type for p in parts] == ["application_form"]


def test_real_html_agenda():
    bs4 = pytest.importorskip("bs4")
    path = next(REAL.glob("02_*.html"), None)
    if path is None:
        pytest.skip("real corpus not available")
    soup = bs4.BeautifulSoup(path.read_bytes(), "html.parser")
    parts = segment(plain(soup.get_text("\n")))
    assert [p.type for p in parts] == ["agenda"]
    assert parts[0].date == "2015-08-31"
    # "Bekrachtigen van de geheimhouding" is an agenda item, not a marking
    assert parts[0].confidential is False


# ---------------------------------------------------------------------------
# Units

@pytest.mark.parametrize("s,iso", [
    ("29 januari 2025", "2025-01-29"),
    ("maandag 6 juli 2020, 14.00 uur", "2020-07-06"),
    ("18-12-2024", "2024-12-18"),
    ("18.12.2024", "2024-12-18"),
    ("1 okt. 2024", "2024-10-01"),
    ("2025-01-29_Algemeen Bestuur", "2025-01-29"),
    ("18 Maart 2024", "2024-03-18"),
    ("31-02-2024", None),
    ("in 2024", None),
])
def test_parse_dutch_date(s, iso):
    assert parse_dutch_date(s) == iso


@pytest.mark.parametrize("head,expected", [
    ("VERTROUWELIJK\nMemo\nAan: college\nVan: directie\n", True),
    ("Memo\nStatus: vertrouwelijk\nAan: college\nVan: directie\n", True),
    ("Notitie\nGeheim\nAan: college\nVan: directie\n", True),
    ("Memo\nOpenbaar: nee\nAan: college\nVan: directie\n", True),
    ("Memo\nAan: college\nVan: directie\n", False),
])
def test_confidential_marking(head, expected):
    body = "In deze memo staat de stand van zaken. De informatie is vertrouwelijk besproken met de partners.\n" * 3
    parts = segment(plain(head + "\n" + body))
    assert len(parts) == 1
    assert parts[0].confidential is expected


def test_confidential_in_prose_only_is_not_marked():
    s = ("Memo\nAan: raad\nVan: griffie\n\nDe raad heeft in een besloten vergadering stukken ontvangen die niet "
         "openbaar zijn. Deze blijven geheim tot het besluit.\n")
    assert segment(plain(s))[0].confidential is False


def test_classify_standalone():
    typ, scores = classify("Besluitenlijst van de vergadering van 3 april 2024\n\n1. Opening\nBesluit: geopend.\n")
    assert typ == "decision_list"
    assert scores["decision_list"] > scores["minutes"]


def test_empty_and_blank_text():
    for s in ("", "\n\n  \n"):
        text = plain(s)
        parts = segment(text)
        check_invariants(text, parts) if s else None
        assert len(parts) == 1 and parts[0].start == 0 and parts[0].end == len(s)
        assert parts[0].type == "other"


def test_paged_bundle_of_different_documents():
    """Documents of different kinds glued page by page, as a PDF bundle would hold them."""
    kamerbrief = (FIXTURES / "kamerbrief.txt").read_text(encoding="utf-8")
    pages = [_seed("001"), _seed("000"), kamerbrief, _seed("004")[:20000]]
    text = paged(pages)
    parts = segment(text)
    check_invariants(text, parts)
    assert [p.type for p in parts] == ["minutes", "programme", "parliamentary_letter", "policy_report"]
    assert [p.start for p in parts[1:]] == [pg.start for pg in text.pages[1:]]
    assert parts[2].title == "Voortgang programma bereikbaarheid"


# ---------------------------------------------------------------------------
# A proposal followed, after a separator line, by the decision it asks for

_PROPOSAL_THEN_DECISION = """Raadsvoorstel

Onderwerp: Herinrichting Marktplein Veendijk
Portefeuillehouder: wethouder A. Kramer

Voorgesteld besluit
1. Het ontwerp voor de herinrichting van het Marktplein vast te stellen;
2. Een krediet van € 850.000 beschikbaar te stellen.

Inleiding
Het Marktplein is aan vervanging toe. De bestrating is verzakt en de bomen staan er slecht bij.
Met inwoners en ondernemers is in drie avonden een ontwerp gemaakt dat ruimte biedt aan de markt,
aan evenementen en aan groen. Het ontwerp is in de raadscommissie toegelicht.

Financiën
De kosten bedragen € 850.000 en worden gedekt uit de reserve ruimtelijke ontwikkeling.

Het college van burgemeester en wethouders,
de secretaris,                    de burgemeester,
J. Dekker                         P. de Wit

{sep}

De gemeenteraad van Veendijk;
gezien het voorstel van het college van 4 maart 2025;
gelet op artikel 108 van de Gemeentewet;

besluit:
1. het ontwerp voor de herinrichting van het Marktplein vast te stellen;
2. een krediet van € 850.000 beschikbaar te stellen.

Aldus vastgesteld in de openbare raadsvergadering van 27 maart 2025.

de griffier,                      de voorzitter,
K. Smit                           P. de Wit
"""


@pytest.mark.parametrize("sep", ["-" * 70, "_" * 40, "= " * 30, "* * * * * * * * * *"])
def test_separator_before_decision_head_splits(sep):
    s = _PROPOSAL_THEN_DECISION.replace("{sep}", sep)
    text = plain(s)
    parts = segment(text)
    check_invariants(text, parts)
    assert len(parts) == 2, [(p.type, p.title) for p in parts]
    assert part_at(parts, s, "Het Marktplein is aan vervanging toe").id == "p1"
    assert part_at(parts, s, "gezien het voorstel van het college").id == "p2"
    assert part_at(parts, s, "Aldus vastgesteld").id == "p2"


def test_separator_without_decision_head_does_not_split():
    s = _PROPOSAL_THEN_DECISION.replace("{sep}", "-" * 70).replace("De gemeenteraad van Veendijk;", "Toelichting")
    s = s.replace("besluit:\n", "")
    parts = segment(plain(s))
    assert len(parts) == 1
