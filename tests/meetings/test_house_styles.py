"""Attendance and agenda layouts of other house styles: lists that lost their lines, portal agendas,
agendas numbered on within running text, and label columns read before list columns."""

from __future__ import annotations

from regiovolger.extract.meetings import extract_meetings

from ._util import doc


def _meeting(body: str, type_: str = "minutes") -> dict:
    meetings, _ = extract_meetings(*doc(body, type_))
    assert meetings, "no meeting found"
    return meetings[0]


def _present(meeting: dict) -> list[str]:
    return [a["name"] for a in meeting["attendees"] if a["status"] != "absent"]


def test_flattened_list_anchored_by_honorifics():
    body = ("ALGEMEEN BESTUUR VERSLAG VERGADERING 12 maart 2024 Aanwezig: Gemeente Oosterdam, de heer K. Visser "
            "Gemeente Westerveen, mevrouw L.M. de Boer Waterschap Noord, de heer P. van den Akker "
            "Gemeente Zuidhoek, mevrouw T. Smit-Jansen (secretaris) Afwezig: Gemeente Noordhoek, de heer A. Kok\n\n"
            "1. Opening De voorzitter opent de vergadering.\n")
    m = _meeting(body)
    assert _present(m) == ["K. Visser", "L.M. de Boer", "P. van den Akker", "T. Smit-Jansen"]
    by_name = {a["name"]: a for a in m["attendees"]}
    assert by_name["T. Smit-Jansen"]["role"] == "secretaris"
    assert by_name["L.M. de Boer"]["organisation"] == "Gemeente Westerveen"
    assert by_name["A. Kok"]["status"] == "absent"


def test_bare_present_word_without_colon():
    body = ("Algemeen Bestuur OPENBARE VERGADERING verslag 3 december 2023 Aanwezige AB-leden gemeente Oosterdam "
            "De heer G.J. Visser Lid AB gemeente Westerveen De heer R. van Dijk Voorzitter gemeente Zuidhoek "
            "Mevrouw E. Bakker Lid DB Afwezig m.k. de heer H. Kok\n\n1 Opening De voorzitter opent de vergadering.\n")
    m = _meeting(body)
    assert _present(m) == ["G.J. Visser", "R. van Dijk", "E. Bakker"]
    assert [a["name"] for a in m["attendees"] if a["status"] == "absent"] == ["H. Kok"]


def test_label_column_read_before_list_column():
    body = ("VERSLAG VAN DE VERGADERING OP 25 NOVEMBER 2023\nAanwezig:\nAfwezig: mevrouw A.W. Visser, voorzitter; "
            "de heren A. van den Berg en P. de Wit, leden; de heer H. Kok, secretaris.\n\nOpening\n"
            "De voorzitter opent de vergadering.\n")
    m = _meeting(body)
    assert _present(m) == ["A.W. Visser", "A. van den Berg", "P. de Wit", "H. Kok"]


def test_list_with_lines_is_not_read_by_honorifics():
    body = ("Verslag vergadering 12 maart 2024\nAanwezig:\nde heer K. Visser (voorzitter)\nmevrouw L. de Boer\n"
            "Jan Smit\n\n1. Opening\n")
    assert _present(_meeting(body)) == ["K. Visser", "L. de Boer", "Jan Smit"]


def test_portal_agenda_with_list_counter_and_item_number():
    body = ("Besluitvorming (raad)\n\nmaandag 11 maart 2024\n\nAgendapunten\n\n  1. 0\n\n  2. 1\n\n    Besluit\n\n"
            "    De agenda wordt ongewijzigd vastgesteld.\n\n  3. 2\n    Hamerstukken\n  4. 2.1\n\n"
            "    Het college legt de verordening parkeerbelastingen ter vaststelling voor. Het voorstel is.\n"
            "  5. 3\n    Sluiting\n")
    _, items = extract_meetings(*doc(body, "agenda"))
    got = [(i["number"], i["title"]) for i in items]
    assert got == [("1", "De agenda wordt ongewijzigd vastgesteld"), ("2", "Hamerstukken"),
                   ("2.1", "Het college legt de verordening parkeerbelastingen ter vaststelling voor"),
                   ("3", "Sluiting")]
    # every title is evidence: a slice of the text
    for i in items:
        ev = i["evidence"]
        assert body[ev["start"]:ev["end"]] == ev["quote"]


def test_agenda_numbered_within_running_text():
    body = ("Agenda AB 14 november 2023 Locatie: kantoor Bijgesloten 1 Opening en vaststellen agenda 2 Mededelingen "
            "o Begrotingswijziging 2023 3 Verslag AB 20 juni 2023 N.a.v. verslag 4 Inkomende en uitgaande stukken "
            "Ter kennisname o Brief ministerie 5 Rondvraag 6 Sluiting")
    _, items = extract_meetings(*doc(body, "agenda", "2023-11-14"))
    got = [(i["number"], i["title"]) for i in items]
    assert got[:4] == [("1", "Opening en vaststellen agenda"), ("2", "Mededelingen"), ("3", "Verslag AB 20 juni 2023"),
                       ("4", "Inkomende en uitgaande stukken")]
    assert [n for n, _ in got][-2:] == ["5", "6"]


def test_proposed_decision_adopted_by_the_outcome_under_it():
    from regiovolger.extract.decisions import extract_decisions
    body = ("Agendapunten\n\n 6. 4.a\n\n  Voorgesteld besluit\n\n  1. Kennis te nemen van het accountantsverslag 2023.\n"
            "  2. De jaarrekening 2023 met een voordelig saldo van € 1.200.000 vast te stellen.\n\n  Besluit\n\n"
            "  Aangenomen.\n\n 7. 5\n\n  Voorgesteld besluit\n\n  1. De nota parkeren vast te stellen.\n\n  Besluit\n\n"
            "  Verworpen.\n")
    got = [d["text"] for d in extract_decisions(*doc(body, "agenda"))]
    assert "Kennis te nemen van het accountantsverslag 2023." in got
    assert "De jaarrekening 2023 met een voordelig saldo van € 1.200.000 vast te stellen." in got
    assert not any("parkeren" in g for g in got)  # a rejected proposal decides nothing of what it proposed


def test_motions_taken_off_the_list_are_decisions():
    from regiovolger.extract.decisions import extract_decisions
    body = ("Verslag commissie 12 maart 2024\n\n4. Lijst van toezeggingen en moties\n"
            "Motie 18 wordt afgevoerd. De overige toezeggingen en moties blijven op de lijst staan.\n")
    got = [d["text"] for d in extract_decisions(*doc(body, "minutes"))]
    assert got == ["Motie 18 wordt afgevoerd.", "De overige toezeggingen en moties blijven op de lijst staan."]


def test_decision_list_items_as_headings_and_their_points():
    body = ("Besluitenlijst 26 september 2023\n\nWethouder Jansen\n\nAanbestedingsstrategie centrale huisvesting\n\n"
            "Het college heeft besloten:\n\nAkkoord te gaan met de aanbestedingsstrategie.\n\nWethouder de Vries\n\n"
            "Fonds burgerinitiatieven - tweede kwartaal\n\nHet college heeft besloten:\n\n"
            " 1. Het advies van de commissie over te nemen.\n\n 2. Een bedrag van € 1.500 beschikbaar te stellen.\n\n"
            " 3. De aanvragers te informeren.\n")
    _, items = extract_meetings(*doc(body, "decision_list", "2023-09-26"))
    assert [(i["number"], i["title"]) for i in items] == [
        (None, "Aanbestedingsstrategie centrale huisvesting"), (None, "Fonds burgerinitiatieven - tweede kwartaal")]


def test_numbered_agenda_items_after_a_decision_stay_items():
    body = ("Besluitenlijst raadsvergadering 29 juni 2023\n\n1. Opening\nDe voorzitter opent de vergadering.\n"
            "2. Voorstel tot het vaststellen van de verordening.\nDe raad besluit unaniem:\nvast te stellen de verordening.\n"
            "3. Voorstel met betrekking tot het rapport.\nDe raad besluit:\n1. De conclusies te onderschrijven.\n"
            "2. De aanbevelingen over te nemen.\n4. Sluiting\n")
    _, items = extract_meetings(*doc(body, "decision_list", "2023-06-29"))
    assert [i["number"] for i in items] == ["1", "2", "3", "4"]
