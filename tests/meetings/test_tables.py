"""The shared table reader: aligned columns (tabs, runs of spaces) and tables flattened one cell per line."""

from __future__ import annotations

import pytest

from regiovolger.extract.tables import column_role, rows, split_cells, tables


def _one(text):
    (tb,) = [t for t in tables(text, 0, len(text)) if t.header is not None]
    return tb


@pytest.mark.parametrize("label,role", [
    ("Nr.", "nr"), ("Onderwerp", "subject"), ("Besluit", "decision"), ("Actie", "action"), ("Wie", "who"),
    ("Wanneer", "when"), ("Gereed", "when"), ("Status", "status"), ("Afspraak / actie", "action"),
    ("Actiehouder", "who"), ("Voorstel", "proposal"), ("Toelichting bij het stuk", None), ("Jan Smit", None),
])
def test_column_role(label, role):
    assert column_role(label) == role


def test_split_cells_tabs_and_spaces():
    line = "3.\tBegroting 2026\tVastgesteld.   -"
    assert [c.text for c in split_cells(line, 0, len(line))] == ["3.", "Begroting 2026", "Vastgesteld.", "-"]
    # one space is no cell boundary
    line = "Het college stelt de nota vast."
    assert [c.text for c in split_cells(line, 0, len(line))] == [line]


def test_tab_table_with_header_and_wrapped_cell():
    text = ("Nr.\tOnderwerp\tBesluit\tActie\n"
            "1.\tOpening\tDe agenda wordt vastgesteld.\t-\n"
            "2.\tNota parkeren\tHet bestuur stemt in met de nota.\tSecretaris: raad informeren\n"
            "\t\tDe nota gaat naar de raad.\n")
    tb = _one(text)
    assert tb.columns == {"nr": 0, "subject": 1, "decision": 2, "action": 3}
    assert [tb.cell(r, "subject").text for r in tb.rows] == ["Opening", "Nota parkeren"]
    assert tb.cell(tb.rows[0], "action") is None  # "-" is an empty cell
    assert tb.cell(tb.rows[1], "decision").text == "Het bestuur stemt in met de nota. De nota gaat naar de raad."
    c = tb.cell(tb.rows[1], "action")
    assert text[c.start:c.end] == "Secretaris: raad informeren"


def test_spaced_action_table():
    text = ("Actielijst\n"
            "Nr.    Wat                              Wie              Gereed\n"
            "12     Notitie schrijven                Projectbureau    juni 2025\n"
            "13     Gesprek met provincie plannen    K. de Vries      1 juli 2025\n")
    tb = _one(text)
    assert [(tb.cell(r, "action").text, tb.cell(r, "who").text, tb.cell(r, "when").text) for r in tb.rows] == [
        ("Notitie schrijven", "Projectbureau", "juni 2025"),
        ("Gesprek met provincie plannen", "K. de Vries", "1 juli 2025")]


def test_flattened_table_one_cell_per_line():
    text = ("Gemaakte afspraken\nNr.\nActie\nWie\nDeadline\n"
            "1\nNotitie over de\nbegroting opstellen\nControler\n1 mei 2025\n"
            "2\nBrief aan de raad\nWethouder Bos\nmei 2025\n\nVolgende vergadering: 3 juni.\n")
    tb = _one(text)
    assert tb.layout == "flattened"
    assert [r.texts for r in tb.rows] == [["1", "Notitie over de begroting opstellen", "Controler", "1 mei 2025"],
                                          ["2", "Brief aan de raad", "Wethouder Bos", "mei 2025"]]
    c = tb.cell(tb.rows[0], "action")
    assert text[c.start:c.end] == "Notitie over de\nbegroting opstellen"


def test_no_table_in_prose_or_vote_lists():
    text = "De raad besluit unaniem.\n  Jansen      voor\n  Pietersen   tegen\n"
    assert all(t.header is None for t in tables(text, 0, len(text)))
    assert len(rows(text, 0, len(text))) == 2


def test_agenda_outline_with_lettered_and_numbered_sub_items():
    from regiovolger.extract.meetings.outline import outline

    t = ("1. Opening\n2. Verslagen\na. Mededelingen\n1. Van de voorzitter\n2. Van de gemeenten\n"
         "b. Verslag van 25 juni\n3. Financiën\na. Halfjaarrapportage\n4. Rondvraag\n")
    assert [o.number for o in outline(t, 0, len(t))] == ["1", "2", "2a", "2a.1", "2a.2", "2b", "3", "3a", "4"]


def test_agenda_outline_keeps_prose_lists_out():
    from regiovolger.extract.meetings.outline import outline

    t = "1. Opening\n2. Verslag\nDe raad besluit:\n1. Het verslag vast te stellen.\n3. Rondvraag\n"
    assert [o.number for o in outline(t, 0, len(t))] == ["1", "2", "3"]


def test_items_all_numbered_one_are_numbered_by_position():
    from regiovolger.extract.meetings.outline import repeated_ones

    t = " 1. Opening\nDe voorzitter opent.\n 1. Verslag\nAkkoord.\n 1. Rondvraag\nGeen.\n"
    assert [(o.number, o.title) for o in repeated_ones(t, 0, len(t))] == [("1", "Opening"), ("2", "Verslag"), ("3", "Rondvraag")]


def test_flattened_agenda_gets_its_lines_back_with_the_same_offsets():
    from regiovolger.extract.view import relined

    t = ("AGENDA Overleg : Algemeen bestuur Datum : 29 oktober 2014 " + "x " * 100 +
         "1. Opening 2. Verslagen a. Mededelingen Ter informatie b. Verslag AB Ter besluitvorming 3. Rondvraag")
    v = relined(t)
    assert len(v) == len(t) and v.replace("\n", " ") == t
    assert "\n1. Opening\n2. Verslagen\na. Mededelingen Ter informatie\nb. Verslag AB Ter besluitvorming\n3. Rondvraag" in v
    assert "\nDatum : 29 oktober 2014" in v
